import GLPKBackend
import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import MIP
import PlannerTestSupport
import Testing

@Suite struct HandSolvedTests {
    @Test func twoTravellersReachTheHandComputedOptimum() throws {
        let (inst, out) = try solve(HandSolved.twoTravellers)
        #expect(out.termination == .optimal)
        let plan = try #require(out.plan)
        let costs = try #require(out.check?.costs)
        #expect(costs.total == 3080)
        #expect(costs.travel == 900)
        #expect(costs.hotel == 0)
        #expect(costs.timeAway == 180)
        #expect(costs.venue == 2000)
        #expect(costs.hotelNights == 0)
        let slots = plan.placements.map { inst.agenda.slots[$0.slot].id.rawValue }
        #expect(slots == ["D1-1000", "D1-1100"])
        let legs = plan.trips.map { $0.map { "\(inst.scenario.travel[$0.inbound].id)/\(inst.scenario.travel[$0.outbound].id)" } }
        #expect(legs == ["I2/O1", "I2/O1", nil])
        // The two Boston travellers are interchangeable: one group, one count per leg.
        #expect(out.stats.travelGroups == 1)
        #expect(out.stats.travellers == 2)
    }

    @Test func theWeekendRuleForcesTheCostlierLeg() throws {
        let (inst, out) = try solve(HandSolved.weekendRule)
        #expect(out.termination == .optimal)
        let plan = try #require(out.plan)
        #expect(out.check?.costs.total == 1550)
        let trip = try #require(plan.trips[0])
        #expect(inst.scenario.travel[trip.inbound].id == "M1")

        // The cheaper Sunday trip breaks the rule, and the checker says which.
        var sunday = plan
        sunday.trips[0] = Trip(inbound: 0, outbound: trip.outbound)
        let check = PlanChecker.check(sunday, inst)
        #expect(check.brokenRules == [.legWeekday, .tripWeekend])
        #expect(check.costs.total == 1350)  // what it would have cost: 100 + 150 + one night 100 + venue
    }

    @Test func theHeuristicPlanIsValidAndNoBetterThanTheOptimum() throws {
        let scenario = try HandSolved.twoTravellers.scenario()
        let f = Formulation(try PlanningInstance(scenario))
        let h = try #require(ConstructionHeuristic.plan(f))
        let check = PlanChecker.check(h, f.instance)
        #expect(check.isValid, "\(check.violations)")
        #expect(check.costs.total >= 3080)
        let x = try #require(f.solution(for: h))
        #expect(f.model.violations(x).isEmpty)
        #expect(abs(f.model.objective(x) - check.costs.total) < 1e-6)
        #expect(f.plan(from: x) == h)
    }

    @Test func aTravellerWithNoUsableLegMakesThePlanInfeasibleWithAReason() throws {
        var fx = HandSolved.weekendRule
        fx.replace("travel.csv", line: 3, with: "M1,BOS,ORD,2027-01-11T08:00-05:00,2027-01-11T10:45-06:00,400")
        let (_, out) = try solve(fx)
        #expect(out.termination == .infeasible)
        #expect(out.plan == nil)
        #expect(
            out.reasons == [
                .finding(
                    "A1 (from BOS) has no usable inbound leg (W1: departure on a Sun, arrival on a Sun; "
                        + "M1: arrives after the last commitment could start)")
            ])
    }

    @Test func aSeatLimitSplitsAGroupAcrossLegs() throws {
        var fx = HandSolved.twoTravellers
        fx.files["travel.csv"] = fx.files["travel.csv"]!.replacingOccurrences(of: "price\n", with: "price,seats\n")
            .replacingOccurrences(of: "08:30-06:00,250", with: "08:30-06:00,250,1")
        let (inst, out) = try solve(fx)
        #expect(out.termination == .optimal)
        // One traveller keeps I2+O1 (540); the other's best is I1+O1 (920): 540 + 920 + 2,000.
        #expect(out.check?.costs.total == 3460)
        let ins = out.plan!.trips.compactMap { $0.map { inst.scenario.travel[$0.inbound].id.rawValue } }.sorted()
        #expect(ins == ["I1", "I2"])
    }

    @Test func aHotelBlockKeepsTravellersFromStayingTheSameNight() throws {
        // With every outbound leg on Wednesday, both travellers must stay Tuesday night:
        // a block of 1 room makes the plan infeasible, 2 rooms make it feasible.
        var fx = HandSolved.twoTravellers
        fx.replace("travel.csv", line: 4, with: "O1,ORD,BOS,2027-01-13T08:00-06:00,2027-01-13T11:00-05:00,200")
        fx.replace("venues.csv", line: 2, with: "CHI,Lakeshore,Chicago,ORD,America/Chicago,1000,100,1")
        let (_, tight) = try solve(fx)
        #expect(tight.termination == .infeasible)
        fx.replace("venues.csv", line: 2, with: "CHI,Lakeshore,Chicago,ORD,America/Chicago,1000,100,2")
        let (_, roomy) = try solve(fx)
        #expect(roomy.termination == .optimal)
        #expect(roomy.check?.costs.hotelNights == 2)
    }
}

@Suite struct DinnerFormulationTests {
    /// Thirty one-person teams, all local, and two restaurants of 20 seats (10 and 20 a head) on
    /// the only evening: 20 guests at the cheap one and 10 at the other, 200 + 200 = 400, plus
    /// the venue's 2 × 1,000. Far too many table sets to enumerate, so per-team choices are used.
    @Test func manySmallTeamsFallBackToPerTeamChoicesAndStillReachTheOptimum() throws {
        var fx = HandSolved.twoTravellers
        fx.files["attendees.csv"] = "id,name,team,role,home\n" + (1...30).map { "P\($0),P \($0),T\($0 < 10 ? "0" : "")\($0),rep,ORD" }.joined(separator: "\n") + "\n"
        fx.files["dinners.csv"] = "venue,id,name,capacity,cost_per_head\nCHI,CHEAP,Cheap,20,10\nCHI,DEAR,Dear,20,20\n"
        fx.replace("rooms.csv", line: 2, with: "CHI,R1,Room 1,30")
        let (inst, out) = try solve(fx)
        #expect(out.termination == .optimal)
        #expect(out.check?.costs.dinners == 400)
        #expect(out.check?.costs.total == 2400)
        let f = Formulation(inst)
        #expect(f.tables.isEmpty && !f.dinner.isEmpty)
    }

    @Test func freeEveningsChooseRestaurantsOnlyAndPlanEveningsInOrder() throws {
        // The sample's dinners fall between everyone's fixed opening and closing sessions.
        let fx = PropertyTests.generated(60, seed: 9, cutSlots: false)
        let (inst, out) = try solve(fx)
        #expect(out.termination == .optimal)
        let f = Formulation(inst)
        #expect(f.freeEvenings && !f.tables.isEmpty && f.dinner.isEmpty)
        #expect(try #require(out.check).isValid)
    }

    @Test func dinnersThatBoundTheStayKeepTheirEvenings() throws {
        // In the golden fixture the East team's sessions all fall on day 1, so a day-2 dinner
        // would keep them a night longer: evenings matter, and table sets carry them.
        let (inst, out) = try solve(Fixture.plannable)
        #expect(out.termination == .optimal)
        let f = Formulation(inst)
        #expect(!f.freeEvenings && !f.tables.isEmpty)
        #expect(out.plan?.dinners.values.allSatisfy { $0.evening == 1 } == true)
    }
}
