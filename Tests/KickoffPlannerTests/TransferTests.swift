import GLPKBackend
import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import MIP
import PlannerTestSupport
import Testing

/// Shuttle runs: the batching is exact (checked against exhaustive search), and a small plan
/// worked out by hand.
@Suite struct TransferTests {
    /// The fewest feasible batches by exhaustive search over subsets (n ≤ 9).
    static func bruteForce(_ w: [(release: Int, deadline: Int)], seats: Int) -> Int {
        let n = w.count, full = (1 << n) - 1
        func feasible(_ mask: Int) -> Bool {
            var count = 0, release = Int.min, deadline = Int.max
            for i in 0..<n where mask & (1 << i) != 0 { count += 1; release = max(release, w[i].release); deadline = min(deadline, w[i].deadline) }
            return count <= seats && release <= deadline
        }
        var best = [Int](repeating: Int.max, count: full + 1)
        best[0] = 0
        for mask in 1...max(full, 1) where n > 0 {
            let low = mask & -mask
            // The batch holding the lowest member: every submask of `mask` containing it.
            var sub = mask
            while sub > 0 {
                if sub & low != 0, feasible(sub), best[mask ^ sub] != Int.max { best[mask] = min(best[mask], best[mask ^ sub] + 1) }
                sub = (sub - 1) & mask
            }
        }
        return best[full]
    }

    @Test("the greedy batching is a valid partition and never uses more runs than exhaustive search (600 seeded cases)")
    func batchingIsOptimal() {
        var rng = SplitMix64(seed: 20270112)
        for _ in 0..<600 {
            let n = rng.int(0...9), seats = rng.int(1...4)
            let w = (0..<n).map { _ in
                let r = rng.int(0...30)
                return (release: r, deadline: r + rng.int(0...10))
            }
            let batches = TransferPlanner.batches(w, seats: seats)
            #expect(batches.flatMap { $0 }.sorted() == Array(0..<n), "every rider on exactly one run")
            for b in batches {
                #expect(!b.isEmpty && b.count <= seats)
                #expect(b.map { w[$0].release }.max()! <= b.map { w[$0].deadline }.min()!, "\(w) \(b): the windows share no moment")
            }
            #expect(batches.count == Self.bruteForce(w, seats: seats), "\(w) seats \(seats)")
        }
    }

    /// Five travellers from five airports, one leg each way, OPEN Tue 09:00 and CLOSE Thu 10:00–11:00
    /// in Chicago (UTC−6). Shuttle: 3 seats, 30-minute drive, nobody waits over 45 minutes, 80 a run.
    static let fixture: Fixture = {
        var f = Fixture()
        f.files["attendees.csv"] = """
            id,name,team,role,manager_id,home,company,attainment
            A1,Ann,East,se,,BOS,Acme,
            A2,Ben,East,se,A1,PHL,Acme,
            A3,Cal,East,se,A1,DEN,Acme,
            A4,Dee,East,se,A1,MSP,Acme,
            A5,Eve,East,se,A1,SFO,Acme,

            """
        f.files["sessions.csv"] = """
            id,title,kind,audience,repeat,slots,needs,day,fixed_slot,allowed_slots,after,presenters
            OPEN,Opening,keynote,all,once,1,stage,1,D1-0900,,,
            CLOSE,Close,keynote,all,once,1,stage,3,D3-1000,,,

            """
        f.files["travel.csv"] = """
            id,origin,destination,carrier,depart,arrive,price,seats
            I1,BOS,ORD,,2027-01-11T09:00-05:00,2027-01-11T10:00-06:00,100,
            I2,PHL,ORD,,2027-01-11T09:20-05:00,2027-01-11T10:20-06:00,100,
            I3,DEN,ORD,,2027-01-11T08:00-07:00,2027-01-11T10:50-06:00,100,
            I4,MSP,ORD,,2027-01-11T10:00-06:00,2027-01-11T11:30-06:00,100,
            I5,SFO,ORD,,2027-01-11T08:10-08:00,2027-01-11T12:10-06:00,100,
            O1,ORD,BOS,,2027-01-14T12:30-06:00,2027-01-14T15:40-05:00,100,
            O2,ORD,PHL,,2027-01-14T12:30-06:00,2027-01-14T15:30-05:00,100,
            O3,ORD,DEN,,2027-01-14T13:00-06:00,2027-01-14T14:30-07:00,100,
            O4,ORD,MSP,,2027-01-14T13:00-06:00,2027-01-14T14:30-06:00,100,
            O5,ORD,SFO,,2027-01-14T14:00-06:00,2027-01-14T16:30-08:00,100,

            """
        f.files["transfers.csv"] = "venue,seats,cost_per_run,minutes,max_wait_minutes\nCHI,3,80,30,45\n"
        return f
    }()

    /// Arrival windows (leave between landing and landing + 45; all before Tue 08:30): A1 10:00–10:45,
    /// A2 10:20–11:05, A3 10:50–11:35, A4 11:30–12:15, A5 12:10–12:55. A1, A3 and A5 pairwise share no
    /// moment, so 3 runs are needed; {A1 A2} at 10:20, {A3 A4} at 11:30, {A5} at 12:10 do it.
    /// Departure windows (after CLOSE ends 11:00, take-off − 30 − 45 to take-off − 30): A1, A2
    /// 11:15–12:00, A3, A4 11:45–12:30, A5 12:45–13:30. Four share 11:45–12:00 but a run seats 3, and
    /// A5 shares with none: 3 runs. The first holds the earliest deadlines, A1 A2 and A3 (ties by
    /// release, then id), leaving 11:45 when A3's window opens; A4 leaves 11:45 too, in a second van.
    @Test("a hand-checked day: 6 runs, the times and riders worked out above, 480 apart from the total")
    func handChecked() throws {
        let instance = try PlanningInstance(try Self.fixture.scenario())
        let outcome = PlannerTestSupport.plan(instance, timeLimit: 60)
        let plan = try #require(outcome.plan)
        let t = try #require(TransferPlanner.plan(instance, plan))
        func at(_ s: String) -> Int { Timestamp(parsing: s)!.instant }
        let expected: [(TransferRun.Direction, String, [Int])] = [
            (.arrival, "2027-01-11T10:20-06:00", [0, 1]), (.arrival, "2027-01-11T11:30-06:00", [2, 3]),
            (.arrival, "2027-01-11T12:10-06:00", [4]),
            (.departure, "2027-01-14T11:45-06:00", [0, 1, 2]), (.departure, "2027-01-14T11:45-06:00", [3]),
            (.departure, "2027-01-14T12:45-06:00", [4])
        ]
        #expect(t.runs.count == expected.count)
        for (run, (d, leaves, riders)) in zip(t.runs, expected) {
            #expect(run.direction == d && run.leaves == at(leaves) && run.arrives == at(leaves) + 30 && run.riders == riders, "\(run)")
        }
        #expect(t.unserved.isEmpty)
        #expect(t.cost == 480)
        #expect(t.count(.arrival) == 3 && t.count(.departure) == 3)
    }

    @Test("a shuttle slower than the buffer: whoever cannot make a run is named with why, and validate warns")
    func tooSlow() throws {
        var f = Self.fixture
        f.files["transfers.csv"] = "venue,seats,cost_per_run,minutes,max_wait_minutes\nCHI,3,80,100,45\n"
        #expect(
            f.messages().contains(
                "transfers.csv:2:4: warning: minutes: the shuttle takes 100 min, longer than the arrival or departure buffer (60, 60 min in event.csv): some travellers may find no run in time; raise the buffers"
            ),
            "\(f.messages())")
        let instance = try PlanningInstance(try f.scenario())
        let plan = try #require(PlannerTestSupport.plan(instance, timeLimit: 60).plan)
        let t = try #require(TransferPlanner.plan(instance, plan))
        // Arrivals are a day early, so all ride; Thu's CLOSE ends 11:00, and 11:00 + 100 min is past
        // A1's and A2's 12:30 take-offs; A3 and A4 (13:00) and A5 (14:00) still make it.
        #expect(t.unserved.map(\.attendee) == [0, 1])
        #expect(t.unserved.allSatisfy { $0.direction == .departure })
        #expect(t.unserved[0].why == "the last commitment ends 2027-01-14T11:00-06:00; the 100-min drive cannot make O1 at 2027-01-14T12:30-06:00")
        #expect(t.runs.flatMap(\.riders).count == 5 + 3)
    }

    @Test("transfers.csv errors name the file, line and column")
    func errors() {
        var f = Self.fixture
        f.files["transfers.csv"] = "venue,seats,cost_per_run,minutes,max_wait_minutes\nNYC,0,80,30,45\nCHI,3,-1,30,45\nCHI,3,80,30,45\nCHI,3,80,30,45\n"
        #expect(
            f.messages() == [
                "transfers.csv:2:2: error: seats: expected a whole number ≥ 1, got 0",
                "transfers.csv:3:3: error: cost_per_run: expected a number ≥ 0, got -1",
                "transfers.csv:5:1: error: venue: a second shuttle for venue \"CHI\" (first on line 4); give one row per venue"
            ])
        f.files["transfers.csv"] = "venue,seats,cost_per_run,minutes,max_wait_minutes\nNYC,3,80,30,45\n"
        #expect(f.messages() == ["transfers.csv:2:1: error: venue: unknown venue id \"NYC\""])
        f.files["transfers.csv"] = "venue,seats,minutes\nCHI,3,30\n"
        #expect(f.messages().contains { $0.hasPrefix("transfers.csv:1: error:") && $0.contains("cost_per_run") }, "\(f.messages())")
    }
}
