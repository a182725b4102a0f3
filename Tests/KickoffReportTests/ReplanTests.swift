import Foundation
import GLPKBackend
import KickoffCore
import KickoffGenerate
import KickoffIO
import KickoffPlan
import KickoffPlanner
import KickoffReport
import KickoffTestSupport
import MIP
import PlannerTestSupport
import Testing

/// Re-planning against a published plan (`solve --baseline`): hand-solved changes whose optimum
/// and change rows were worked out by hand, the plan folder round trip, and the keep rate after
/// 5 % churn on generated scenarios.
@Suite struct ReplanTests {
    static let now = Timestamp(parsing: "2027-01-04T09:00+00:00")!.instant

    /// Solves, and in a re-plan checks the outcome's own invariants: the plan passes the checker,
    /// the cost is the checked cost and the change rows' penalty is the model's.
    static func plan(_ fixture: Fixture, baseline: Baseline? = nil, penalties: ChangePenalties = ChangePenalties())
        throws -> (PlanningInstance, PlanOutcome)
    {
        let instance = try PlanningInstance(try fixture.scenario())
        let match = baseline.map { BaselineMatch($0, instance: instance, penalties: penalties) }
        let out = PlannerTestSupport.plan(instance, baseline: match, timeLimit: 120)
        #expect(out.termination == .optimal, "\(out.termination) \(out.reasons)")
        if let plan = out.plan, let match {
            #expect(PlanChecker.check(plan, instance).isValid)
            #expect(out.changes?.penalty == out.penalty)
            #expect(match.penalty(of: plan) == out.penalty)
        }
        return (instance, out)
    }

    /// The plan folder's files, read back as a baseline exactly as `--baseline` reads them.
    static func baseline(_ instance: PlanningInstance, _ outcome: PlanOutcome) throws -> Baseline {
        let files = PlanFiles(instance, outcome, now: now).files
        let loaded = BaselineLoader.load(
            files: Dictionary(files.map { ($0.path, [UInt8]($0.contents)) }, uniquingKeysWith: { a, _ in a }),
            folder: "plan")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        return try #require(loaded.baseline)
    }

    static func changesCSV(_ instance: PlanningInstance, _ outcome: PlanOutcome) -> String? {
        PlanFiles(instance, outcome, now: now).files.first { $0.path == "changes.csv" }.map { String(decoding: $0.contents, as: UTF8.self) }
    }

    /// HandSolved.twoTravellers plans S1 at D1-1000 and S2 at D1-1100 in R1; A1 and A2 fly I2 / O1: 3,080.
    static func published() throws -> (PlanningInstance, PlanOutcome, Baseline) {
        let (inst, out) = try plan(HandSolved.twoTravellers)
        #expect(out.objective == 3080)
        return (inst, out, try baseline(inst, out))
    }

    @Test func replanningAnUnchangedScenarioChangesNothing() throws {
        let (_, first, base) = try Self.published()
        let (inst, out) = try Self.plan(HandSolved.twoTravellers, baseline: base)
        #expect(out.plan == first.plan)
        #expect(out.objective == 3080)
        #expect(out.penalty == 0)
        let c = try #require(out.changes)
        #expect(c.rows.isEmpty)
        #expect(c.sessions == PlanChanges.Tally(compared: 2, kept: 2))
        #expect(c.unchangedTravellers == PlanChanges.Tally(compared: 2, kept: 2))
        #expect(Self.changesCSV(inst, out) == "what,id,change,from,to,why\n")
    }

    /// The room R1 is replaced by R2: both sessions keep their times in R2, a room change each.
    /// Cost is unchanged (3,080); the penalty is 2 × 5,000.
    @Test func aRemovedRoomMovesItsSessionsAtTheSameTime() throws {
        let (_, _, base) = try Self.published()
        var changed = HandSolved.twoTravellers
        changed.replace("rooms.csv", line: 2, with: "CHI,R2,Room 2,10")
        let (inst, out) = try Self.plan(changed, baseline: base)
        #expect(out.objective == 3080)
        #expect(out.penalty == 10_000)
        #expect(
            Self.changesCSV(inst, out) == """
                what,id,change,from,to,why
                session,S1,moved,2027-01-12 10:00 R1,2027-01-12 10:00 R2,room R1 is no longer at the venue
                session,S2,moved,2027-01-12 11:00 R1,2027-01-12 11:00 R2,room R1 is no longer at the venue

                """)
    }

    /// The airline cancels I2. Both travellers must fly I1 on Monday: 300 + 1 night (100) + 32 h
    /// away (320) + O1 200 = 920 each, so 2 × 920 + 2,000 = 3,840, with two rebookings (10,000).
    /// The sessions keep their times: moving them cannot bring I2 back.
    @Test func aCancelledLegIsRebookedAndNamed() throws {
        let (_, _, base) = try Self.published()
        var changed = HandSolved.twoTravellers
        changed.files["travel.csv"] = changed.files["travel.csv"]!.replacingOccurrences(
            of: "I2,BOS,ORD,2027-01-12T08:00-05:00,2027-01-12T08:30-06:00,250\n", with: "")
        let (inst, out) = try Self.plan(changed, baseline: base)
        #expect(out.objective == 3840)
        #expect(out.penalty == 10_000)
        #expect(out.changes?.sessions == PlanChanges.Tally(compared: 2, kept: 2))
        #expect(out.changes?.unchangedTravellers == PlanChanges.Tally(compared: 2, kept: 0))
        #expect(
            Self.changesCSV(inst, out) == """
                what,id,change,from,to,why
                inbound,A1,rebooked,I2,I1,leg I2 is no longer in travel.csv
                inbound,A2,rebooked,I2,I1,leg I2 is no longer in travel.csv

                """)
    }

    /// A cheaper inbound leg appears: I3 leaves when I2 does (Tue 08:00) and lands 10 minutes
    /// earlier for 100, saving 150 per traveller. At the default rebooking penalty (5,000) nobody
    /// moves and the cost stays 3,080; at 100 per leg both rebook: 3,080 − 2 × 150 = 2,780, penalty 200.
    @Test func theRebookingPenaltyWeighsChangeAgainstCost() throws {
        let (_, _, base) = try Self.published()
        var changed = HandSolved.twoTravellers
        changed.append("travel.csv", "I3,BOS,ORD,2027-01-12T08:00-05:00,2027-01-12T08:20-06:00,100")
        let (_, kept) = try Self.plan(changed, baseline: base)
        #expect(kept.objective == 3080)
        #expect(kept.penalty == 0)
        var cheap = ChangePenalties()
        cheap.legRebook = 100
        let (inst, moved) = try Self.plan(changed, baseline: base, penalties: cheap)
        #expect(moved.objective == 2780)
        #expect(moved.penalty == 200)
        #expect(Self.changesCSV(inst, moved)?.contains("inbound,A1,rebooked,I2,I3,\"saves 150.00, more than the rebooking penalty (100.00)\"") == true)
        // Without a baseline the fresh plan takes I3 too: the re-plan is the fresh optimum plus penalties.
        let (_, fresh) = try Self.plan(changed)
        #expect(fresh.objective == 2780)
    }

    /// The plan writer neutralises formula-like cells (`'=A1`); the baseline reader undoes exactly that.
    @Test func theBaselineReaderUndoesFormulaNeutralisation() throws {
        let files: [String: String] = [
            "summary.json": #"{"status": "feasible", "venue": "CHI"}"#,
            "schedule.csv": "session,date,start,room\n'@S1,2027-01-12,10:00,'+R1\n",
            "itineraries.csv": "attendee,team,inbound,outbound,sessions\n'=A1,'-T,I2,O1,'@S1;S2\n'quoted,T,local,local,\n",
            "dinners.csv": "team,date,restaurant\n'-T,2027-01-12,D1\n"
        ]
        let base = try #require(BaselineLoader.load(files: files.mapValues { Array($0.utf8) }, folder: "old").baseline)
        #expect(
            base.placements == [
                Baseline.Placement(
                    session: "@S1", date: CivilDate(year: 2027, month: 1, day: 12)!,
                    start: TimeOfDay(hour: 10, minute: 0), room: "+R1")
            ])
        #expect(base.itineraries.map(\.attendee) == ["=A1", "'quoted"])
        #expect(base.itineraries[0].team == "-T" && base.itineraries[0].sessions == ["@S1", "S2"])
        #expect(base.itineraries[1].isLocal)
        #expect(base.dinners.map(\.team) == ["-T"])
    }

    @Test func baselineErrorsNameFileLineAndColumn() {
        let files: [String: String] = [
            "summary.json": #"{"status": "optimal", "venue": "CHI"}"#,
            "schedule.csv": "session,date,start,room\nS1,2027-01-12,25:00,R1\nS1,2027-01-12,10:00,R1\nS1,2027-01-12,11:00,R1\n",
            "itineraries.csv": "attendee,team,inbound,outbound,sessions\nA1,T,local,O1,S1\n"
        ]
        let loaded = BaselineLoader.load(files: files.mapValues { Array($0.utf8) }, folder: "old")
        #expect(loaded.baseline == nil)
        #expect(
            loaded.diagnostics.map(\.description) == [
                "old/dinners.csv: error: required file is missing",
                "old/itineraries.csv:2:4: error: outbound: inbound and outbound must both be \"local\" or both travel ids",
                "old/schedule.csv:2:3: error: start: expected a time HH:MM (24-hour), got \"25:00\"",
                "old/schedule.csv:4:1: error: session: \"S1\" is placed twice (first on line 3)"
            ])
        let none = BaselineLoader.load(files: ["summary.json": Array(#"{"status": "infeasible", "venue": "CHI"}"#.utf8)], folder: "old")
        #expect(none.diagnostics.map(\.description) == [#"old/summary.json: error: the baseline has no plan to keep (status "infeasible")"#])
    }

    /// A hand-written baseline put both sessions in the 3-seat B (R1 in the fixture had 10 seats):
    /// a fourth traveller joins, so they must move to the 10-seat room at the same times.
    @Test func anOverfullRoomIsNamedAsTheReason() throws {
        var changed = HandSolved.twoTravellers
        changed.replace("rooms.csv", line: 2, with: "CHI,R1,Room 1,10\nCHI,B,Breakout,3")
        changed.append("attendees.csv", "A3,Cy,T,rep,BOS")
        let files: [String: String] = [
            "summary.json": #"{"status": "optimal", "venue": "CHI"}"#,
            "schedule.csv": "session,date,start,room\nS1,2027-01-12,10:00,B\nS2,2027-01-12,11:00,B\n",
            "itineraries.csv": "attendee,team,inbound,outbound,sessions\nA1,T,I2,O1,S1;S2\nA2,T,I2,O1,S1;S2\nL1,T,local,local,S1;S2\n",
            "dinners.csv": "team,date,restaurant\n"
        ]
        let loaded = BaselineLoader.load(files: files.mapValues { Array($0.utf8) }, folder: "old")
        let base = try #require(loaded.baseline, "\(loaded.diagnostics)")
        let (inst, out) = try Self.plan(changed, baseline: base)
        #expect(abs((out.objective ?? 0) - (3080 + 540)) < 1e-6)  // A3 flies I2 / O1 like the others: 540
        #expect(out.penalty == 10_000)
        #expect(
            Self.changesCSV(inst, out)
                == """
                what,id,change,from,to,why
                session,S1,moved,2027-01-12 10:00 B,2027-01-12 10:00 R1,capacity exceeded: 4 attendees, B seats 3
                session,S2,moved,2027-01-12 11:00 B,2027-01-12 11:00 R1,capacity exceeded: 4 attendees, B seats 3
                attendee,A3,added,,I2 / O1,new attendee

                """.replacingOccurrences(of: "4 attendees, B seats 3", with: "\"capacity exceeded: 4 attendees, B seats 3\"")
                .replacingOccurrences(of: "capacity exceeded: \"capacity", with: "\"capacity"))
    }
}

/// 5 % churn on generated scenarios (`AttendeeChurn`): half of it leaves, half joins. The re-plan must keep at least
/// 95 % of sessions and of unchanged travellers' trips (issue 6); the figures are printed.
@Suite struct ReplanKeepRateTests {
    static let cases: [(attendees: Int, seed: UInt64)] = [(120, 61), (200, 62), (320, 63)]

    /// The generated scenario, and the same with 5 % of its attendees churned.
    static func churned(_ attendees: Int, seed: UInt64) throws -> (before: Fixture, after: Fixture, left: Int, joined: Int) {
        var g = ScenarioGenerator(GeneratorOptions(attendees: attendees, seed: seed))
        let before = Fixture(files: Dictionary(uniqueKeysWithValues: g.files().map { ($0.name, $0.text) }))
        let churn = try AttendeeChurn(before.files, share: 0.05, seed: seed)
        return (before, Fixture(files: churn.files), churn.left.count, churn.joined.count)
    }

    @Test(arguments: ReplanKeepRateTests.cases.indices)
    func fivePercentChurnKeepsNinetyFivePercent(_ i: Int) throws {
        let c = Self.cases[i]
        let s = try Self.churned(c.attendees, seed: c.seed)
        #expect(s.left + s.joined == Int((Double(c.attendees) * 0.05).rounded()))
        let (inst0, first) = try ReplanTests.plan(s.before)
        let base = try ReplanTests.baseline(inst0, first)
        let (inst, out) = try ReplanTests.plan(s.after, baseline: base)
        let changes = try #require(out.changes)
        #expect(changes.left == s.left && changes.joined == s.joined)
        #expect(changes.rows.filter { $0.what == .attendee }.count == s.left + s.joined)
        let sessions = try #require(changes.sessions.rate), travellers = try #require(changes.unchangedTravellers.rate)
        #expect(changes.sessions.compared == inst.agenda.sessions.count)
        #expect(sessions >= 0.95, "sessions kept \(changes.sessions)")
        #expect(travellers >= 0.95, "travellers kept \(changes.unchangedTravellers)")
        // The re-plan costs no less than the fresh optimum of the changed scenario.
        let (_, fresh) = try ReplanTests.plan(s.after)
        #expect((out.objective ?? 0) >= (fresh.objective ?? .infinity) - 1e-6)
        print(
            "keep rate, \(c.attendees) attendees, seed \(c.seed), \(s.left) left, \(s.joined) joined: "
                + "sessions \(changes.sessions.kept)/\(changes.sessions.compared), "
                + "unchanged travellers \(changes.unchangedTravellers.kept)/\(changes.unchangedTravellers.compared), "
                + "dinners \(changes.dinners.kept)/\(changes.dinners.compared); cost \(out.objective ?? 0) vs fresh \(fresh.objective ?? 0), "
                + "penalty \(out.penalty)")
    }
}
