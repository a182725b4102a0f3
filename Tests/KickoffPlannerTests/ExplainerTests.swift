import GLPKBackend
import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffReport
import KickoffTestSupport
import MIP
import Testing

/// Scenarios that pass every pre-check yet have no plan: the elastic model names the culprits.
@Suite struct ExplainerTests {
    func explain(_ fx: Fixture) throws -> [String] {
        let inst = try PlanningInstance(try fx.scenario())
        #expect(Prechecks.run(inst).isEmpty)
        return Explainer.explain(inst, solver: DecomposingSolver(GLPKSolver()), timeLimit: 30).reasons.map { $0.sentence(in: inst) }
    }

    @Test func twoDayOneSessionsThatCannotBothFit() throws {
        // S1 fills day 1 (3 slots) and S2 must also be on day 1: everyone would be in both.
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience,day,slots\nS1,Long,all,1,3\nS2,Short,all,1,1\n"
        let lines = try explain(fx)
        // Everyone would be in both, and the venue's one room would hold both.
        #expect(lines.count == 2)
        #expect(
            lines.contains {
                $0.hasPrefix("sessions S1 and S2 share attendees, who would have to be in two of them at D1-")
                    && $0.hasSuffix("the only free slots overlap — allow more slots, split the audience or drop a session")
            })
        #expect(lines.contains { $0.hasPrefix("room R1 is needed by two sessions at D1-") })
    }

    @Test func aRoomNeededTwiceAtOnce() throws {
        // Two audiences that do not overlap, one room, both sessions fixed to the same slot.
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience,fixed_slot\nS1,For Ann,id:A1,D1-1000\nS2,For Ben,id:A2,D1-1000\n"
        #expect(try explain(fx) == ["room R1 is needed by two sessions at D1-1000; add a room or allow the sessions other slots"])
        // The explanation is a typed value: the room's requirement, not a sentence to parse.
        let inst = try PlanningInstance(try fx.scenario())
        guard case .reasons(let reasons) = Explainer.explain(inst, solver: DecomposingSolver(GLPKSolver()), timeLimit: 30),
            reasons.count == 1, case .requirement(.roomOnce(let room, let at)) = reasons[0]
        else {
            Issue.record("expected one roomOnce requirement")
            return
        }
        #expect(room == "R1")
        #expect(at.description == "D1-1000")
    }

    @Test func aSeatShortageOnTheOnlyLegThatWorks() throws {
        // Both Boston travellers must fly I2 (S1 is at 10:00 on day 1 and I1 is made unusable),
        // and I2 has one seat.
        var fx = HandSolved.twoTravellers
        fx.files["travel.csv"] = fx.files["travel.csv"]!.replacingOccurrences(of: "price\n", with: "price,seats\n")
            .replacingOccurrences(of: "08:30-06:00,250", with: "08:30-06:00,250,1")
            .replacingOccurrences(of: "I1,BOS,ORD,2027-01-11T09:00-05:00", with: "I1,BOS,ORD,2027-01-11T07:00-05:00")
        fx.files["sessions.csv"] = "id,title,audience,fixed_slot\nS1,First,all,D1-1000\n"
        let lines = try explain(fx)
        #expect(lines == ["leg I2 has too few seats for the travellers who can only take it; add seats or another leg"])
    }

    @Test func aRestaurantEveningTooSmallForTwoTeams() throws {
        // Two teams of 2 (locals), one restaurant of 3 seats on one evening: each team fits, both do not.
        var fx = HandSolved.twoTravellers
        fx.files["attendees.csv"] = "id,name,team,role,home\nA1,Ann,T1,rep,ORD\nA2,Ben,T1,rep,ORD\nB1,Bo,T2,rep,ORD\nB2,Bea,T2,rep,ORD\n"
        fx.files["dinners.csv"] = "venue,id,name,capacity,cost_per_head,evenings\nCHI,D1,Grill,3,50,1\n"
        let lines = try explain(fx)
        // No evening can clash with sessions or travel here, so only the restaurant is chosen (7c).
        #expect(lines == ["restaurant D1 has too few seats for the teams that must dine there; add capacity or evenings"], "\(lines)")
    }

    @Test func anArrivalBufferNoLegMeetsOnceTheDayIsFull() throws {
        // Three all-hands sessions fill day 1, so one starts at 09:00; the Boston travellers' only
        // inbound leg lands at 08:30 and they need 60 minutes: each leg passes the pre-checks alone.
        var fx = HandSolved.twoTravellers
        fx.files["sessions.csv"] = "id,title,audience,day\nS1,One,all,1\nS2,Two,all,1\nS3,Three,all,1\n"
        fx.files["travel.csv"] = fx.files["travel.csv"]!.replacingOccurrences(of: "I1,BOS,ORD,2027-01-11T09:00-05:00", with: "I1,BOS,ORD,2027-01-11T05:00-05:00")
        let lines = try explain(fx)
        #expect(
            lines == [
                "A1 and 1 other with the same home and agenda cannot arrive 60 min before a commitment starting before D1-0930; "
                    + "add an earlier inbound leg or move that commitment later"
            ])
    }

    @Test func aFeasibleScenarioSaysSo() throws {
        let inst = try PlanningInstance(try HandSolved.twoTravellers.scenario())
        #expect(Explainer.explain(inst, solver: DecomposingSolver(GLPKSolver()), timeLimit: 30) == .feasible)
    }

    @Test("ids with commas, brackets and quotes come back whole: the explainer reads typed requirements, not row names")
    func idsWithPunctuation() throws {
        // As aRoomNeededTwiceAtOnce, with a room id and session ids a name parser would split.
        var fx = HandSolved.twoTravellers
        fx.files["rooms.csv"] = "venue,id,name,capacity\nCHI,\"Hall, East [1] \"\"A\"\"\",Hall,10\n"
        fx.files["sessions.csv"] = "id,title,audience,fixed_slot\n\"S[1],x\",For Ann,id:A1,D1-1000\n\"S&2\",For Ben,id:A2,D1-1000\n"
        #expect(try explain(fx) == ["room Hall, East [1] \"A\" is needed by two sessions at D1-1000; add a room or allow the sessions other slots"])
        // Two sessions everyone attends, fixed to the same slot: the attendee row names both ids whole.
        fx.files["sessions.csv"] = "id,title,audience,fixed_slot\n\"S[1],x\",One,all,D1-1000\n\"S&2\",Two,all,D1-1000\n"
        fx.files["rooms.csv"]! += "CHI,R2,Other,10\n"
        let lines = try explain(fx)
        #expect(lines.contains { $0.hasPrefix("sessions S[1],x and S&2 share attendees, who would have to be in two of them at D1-1000") }, "\(lines)")
    }
}
