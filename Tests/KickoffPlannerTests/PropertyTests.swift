import GLPKBackend
import KickoffCore
import KickoffGenerate
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import MIP
import PlannerTestSupport
import Testing

/// Seeded generated scenarios: every plan passes the checker, its cost is the model's objective,
/// and breaking any single assignment makes the checker name the broken rule.
@Suite struct PropertyTests {
    static let cases: [(attendees: Int, seed: UInt64, venue: String?, cutSlots: Bool)] = [
        (24, 1, nil, false), (60, 2, "DEN", false), (90, 3, "DFW", true), (140, 4, nil, false)
    ]

    static func generated(_ attendees: Int, seed: UInt64, cutSlots: Bool) -> Fixture {
        var options = GeneratorOptions(attendees: attendees, seed: seed)
        options.slotsFile = !cutSlots
        var g = ScenarioGenerator(options)
        return Fixture(files: Dictionary(uniqueKeysWithValues: g.files().map { ($0.name, $0.text) }))
    }

    @Test(arguments: PropertyTests.cases.indices)
    func plansPassTheCheckerAndEveryMutationIsCaught(_ i: Int) throws {
        let c = Self.cases[i]
        let (inst, out) = try solve(Self.generated(c.attendees, seed: c.seed, cutSlots: c.cutSlots), venue: c.venue, timeLimit: 60)
        #expect(out.termination.hasSolution, "\(out.termination) \(out.reasons)")
        let plan = try #require(out.plan)
        let check = PlanChecker.check(plan, inst)
        #expect(check.isValid, "\(check.violations.prefix(3))")
        #expect(abs(check.costs.total - (out.objective ?? -1)) < 1e-6)
        if let h = out.heuristicObjective { #expect(h >= check.costs.total - 1e-6) }

        var caught = 0
        for (rule, mutated) in Mutations(inst, plan).all {
            let broken = PlanChecker.check(mutated, inst).brokenRules
            #expect(broken.contains(rule), "mutation for \(rule) broke \(broken.sorted()) instead")
            caught += 1
        }
        // Every generated scenario offers at least these mutations.
        #expect(caught >= 9)
    }
}

/// Single-assignment changes to a valid plan, each meant to break one named rule.
struct Mutations {
    let inst: PlanningInstance
    let plan: Plan

    init(_ inst: PlanningInstance, _ plan: Plan) { self.inst = inst; self.plan = plan }

    var agenda: Agenda { inst.agenda }

    func interval(_ k: Int, _ p: Plan) -> (start: Int, end: Int) { inst.interval(of: k, startingAt: p.placements[k].slot)! }

    var all: [(PlanRule, Plan)] {
        var out: [(PlanRule, Plan)] = []
        let ks = agenda.sessions.indices
        // Two sessions at overlapping times in different rooms: put one in the other's room.
        if let (a, b) = pairs.first(where: { plan.placements[$0.0].room != plan.placements[$0.1].room && overlap($0.0, $0.1) }) {
            var p = plan; p.placements[a].room = plan.placements[b].room; out.append((.roomOverlap, p))
        }
        // The biggest session into the smallest room.
        if let k = ks.max(by: { agenda.sessions[$0].audience.count < agenda.sessions[$1].audience.count }),
            let r = inst.rooms.indices.min(by: { inst.rooms[$0].capacity < inst.rooms[$1].capacity }),
            inst.rooms[r].capacity < agenda.sessions[k].audience.count
        {
            var p = plan; p.placements[k].room = r; out.append((.roomCapacity, p))
        }
        // A session with needs into a room lacking one.
        if let k = ks.first(where: { !inst.session($0).needs.isEmpty }),
            let r = inst.rooms.indices.first(where: { r in !inst.session(k).needs.allSatisfy { inst.rooms[r].features.contains($0) } })
        {
            var p = plan; p.placements[k].room = r; out.append((.roomFeatures, p))
        }
        // A session with a fixed day moved to another day.
        if let k = ks.first(where: { inst.session($0).day != nil }),
            let s = agenda.slots.indices.first(where: { agenda.slots[$0].day != inst.session(k).day })
        {
            var p = plan; p.placements[k].slot = s; out.append((.sessionDay, p))
        }
        // A fixed-slot session moved to another slot the same day.
        if let k = ks.first(where: { inst.session($0).fixedSlot != nil }),
            let s = agenda.slots.indices.first(where: {
                agenda.slots[$0].id != inst.session(k).fixedSlot
                    && agenda.slots[$0].day == agenda.slots[plan.placements[k].slot].day
            })
        {
            var p = plan; p.placements[k].slot = s; out.append((.fixedSlot, p))
        }
        // A successor moved to its predecessor's start.
        if let pr = agenda.precedence.first {
            var p = plan; p.placements[pr.after].slot = plan.placements[pr.before].slot; out.append((.precedence, p))
        }
        // Two sessions of one attendee at the same start, different rooms.
        if let (a, b) = pairs.first(where: {
            shared($0.0, $0.1) && plan.placements[$0.0].room != plan.placements[$0.1].room
                && agenda.run(from: plan.placements[$0.1].slot, length: inst.session($0.0).slots) != nil
        }) {
            var p = plan; p.placements[a].slot = plan.placements[b].slot; out.append((.attendeeOverlap, p))
        }
        if inst.hasDinners {
            // Every team at one restaurant evening.
            let first = plan.dinners.values.sorted { ($0.restaurant, $0.evening) < ($1.restaurant, $1.evening) }[0]
            var p = plan
            for t in p.dinners.keys { p.dinners[t] = first }
            out.append((.dinnerCapacity, p))
            // A dinner on the last evening, which no default restaurant hosts.
            if let (team, d) = plan.dinners.sorted(by: { $0.key < $1.key }).first(where: {
                !inst.restaurants[$0.value.restaurant].hostedEvenings(days: inst.event.days).contains(inst.event.days)
            }) {
                var p = plan; p.dinners[team] = DinnerBooking(restaurant: d.restaurant, evening: inst.event.days); out.append((.dinnerEvening, p))
            }
        }
        let travellers = plan.trips.indices.filter { plan.trips[$0] != nil }
        if let a = travellers.first {
            let home = inst.scenario.attendees[a].home
            // Someone else's inbound leg (another home airport).
            if let l = inst.scenario.travel.indices.first(where: {
                inst.scenario.travel[$0].destination == inst.venue.airport
                    && inst.scenario.travel[$0].origin != home
            }) {
                var p = plan; p.trips[a]!.inbound = l; out.append((.legEnds, p))
            }
            var p = plan; p.trips[a] = nil; out.append((.travelMissing, p))
        }
        // An inbound leg from the traveller's home that lands too late for the first commitment.
        for a in travellers {
            let first = inst.commitments(of: a, in: plan).map(\.start).min() ?? Int.max
            let home = inst.scenario.attendees[a].home
            if let l = inst.scenario.travel.indices.first(where: {
                let t = inst.scenario.travel[$0]
                return t.origin == home && t.destination == inst.venue.airport
                    && t.arrive.instant + inst.event.arrivalBufferMinutes > first && t.arrive.instant < first + 600
            }) {
                var p = plan; p.trips[a]!.inbound = l; out.append((.arrivalBuffer, p)); break
            }
        }
        if let local = plan.trips.indices.first(where: { plan.trips[$0] == nil }), let a = travellers.first {
            var p = plan; p.trips[local] = plan.trips[a]; out.append((.travelMissing, p))
        }
        return out
    }

    var pairs: [(Int, Int)] {
        let n = agenda.sessions.count
        return (0..<n).flatMap { a in (0..<n).filter { $0 != a }.map { (a, $0) } }
    }

    func overlap(_ a: Int, _ b: Int) -> Bool {
        let x = interval(a, plan), y = interval(b, plan)
        return x.start < y.end && y.start < x.end
    }

    func shared(_ a: Int, _ b: Int) -> Bool {
        !Set(agenda.sessions[a].audience).isDisjoint(with: agenda.sessions[b].audience)
    }
}
