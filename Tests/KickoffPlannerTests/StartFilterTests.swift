import Foundation
import GLPKBackend
import KickoffCore
import KickoffIO
import KickoffPlan
import KickoffTestSupport
import MIP
import PlannerTestSupport
import Testing

@testable import KickoffPlanner

/// `StartFilter`: starts no agenda can use are dropped before the program is built, which leaves
/// the optimum alone and lifts the LP relaxation where GLPK's bound used to stall (medium-11).
@Suite struct StartFilterTests {
    /// The weakness in miniature (medium-11 PHX: the keynote's two late starts): a keynote for
    /// everyone on day 1 at 13:00, 14:00, 15:00 or 16:00, and three workshops at 13:00, 14:00 or
    /// 16:00 that pairwise share a person (P1 in A and B, P2 in B and C, P3 in A and C), so they
    /// need three different hours: only a keynote at 15:00 leaves them three. With one (4) row
    /// per person's agenda, the LP relaxation did not see it — the workshops half at 13:00 and
    /// half at 14:00 satisfy every row, with the keynote at 16:00 — and let T from Boston take the
    /// cheap flight that is only ready for 16:00: a bound of 400. Hand-solved: T must take the
    /// 08:30 arrival (500) and the flight home (200), one hotel night (100), nothing else costs: 800.
    static var lateKeynote: Fixture {
        var f = Fixture()
        f.files["event.csv"] = """
            name,start_date,days,travel_earliest,travel_latest,arrival_buffer_minutes,departure_buffer_minutes,time_away_cost_per_hour
            Workshops,2027-01-12,2,06:00,21:00,60,60,0

            """
        f.files["slots.csv"] = """
            id,day,start,end
            D1-1300,1,13:00,14:00
            D1-1400,1,14:00,15:00
            D1-1500,1,15:00,16:00
            D1-1600,1,16:00,17:00
            D2-0900,2,09:00,10:00

            """
        f.files["venues.csv"] = "id,name,city,airport,timezone,daily_rate,hotel_rate,hotel_rooms\nCHI,Lakeshore,Chicago,ORD,America/Chicago,0,100,\n"
        f.files["rooms.csv"] = "venue,id,name,capacity,features\nCHI,BALL,Ballroom,100,\nCHI,B1,Breakout 1,10,\n"
        f.files["attendees.csv"] = """
            id,name,team,role,manager_id,home
            P1,Pat One,East,rep,,ORD
            P2,Pat Two,East,rep,,ORD
            P3,Pat Three,East,rep,,ORD
            T,Toni Traveller,East,rep,,BOS

            """
        f.files["sessions.csv"] = """
            id,title,kind,audience,slots,day,allowed_slots
            KEY,Keynote,keynote,all,1,1,
            A,Workshop A,training,none,1,,D1-1300;D1-1400;D1-1600
            B,Workshop B,training,none,1,,D1-1300;D1-1400;D1-1600
            C,Workshop C,training,none,1,,D1-1300;D1-1400;D1-1600

            """
        f.files["enrollments.csv"] = "attendee,session\nP1,A\nP1,B\nP2,B\nP2,C\nP3,A\nP3,C\n"
        f.files["travel.csv"] = """
            id,origin,destination,carrier,depart,arrive,price,seats
            EARLY,BOS,ORD,UA 1,2027-01-12T07:00-05:00,2027-01-12T08:30-06:00,500,
            CHEAP,BOS,ORD,UA 3,2027-01-12T13:00-05:00,2027-01-12T14:50-06:00,100,
            HOME,ORD,BOS,UA 2,2027-01-13T12:00-06:00,2027-01-13T15:00-05:00,200,

            """
        return f
    }

    /// The LP relaxation of a formulation: every row, no integrality, solved by GLPK.
    func lpBound(_ f: Formulation) throws -> Double {
        let r = try GLPKSolver().solve(f.model.relaxation(keeping: { _ in true }), options: SolveOptions())
        return try #require(r.primalBound)
    }

    @Test("the three workshops that pairwise share a person get one (4) row, and the LP bound is the optimum")
    func cliquesAcrossAgendas() throws {
        let instance = try PlanningInstance(try Self.lateKeynote.scenario(), venue: nil)
        let f = Formulation(instance)
        let rows = f.model.constraints.compactMap { c -> [String]? in
            if case .attendOnce(let sessions, _)? = c.tag as? Requirement { return sessions }
            return nil
        }
        // No one attends all three, yet each row at the workshops' hours holds all of them.
        #expect(!rows.isEmpty && rows.allSatisfy { Set(["A", "B", "C"]).isSubset(of: Set($0)) }, "\(rows)")
        #expect(abs(try lpBound(f) - 800) < 1e-6, "one row per person's agenda gave 400: the keynote at 16:00, T on the cheap flight")
    }

    @Test("the keynote keeps only the start that leaves the workshops three hours")
    func dropsTheKeynotesImpossibleStarts() throws {
        let instance = try PlanningInstance(try Self.lateKeynote.scenario(), venue: nil)
        let starts = try #require(StartFilter.run(instance))
        let key = try #require(instance.agenda.sessions.firstIndex { $0.id == "KEY" })
        // Split over two threads, the keynote's probes on one and the workshops' on the other,
        // the merged domains are the same.
        #expect(StartFilter.run(instance, threads: 2)?.slots == starts.slots)
        #expect(starts.slots[key].map { instance.agenda.slots[$0].id.rawValue } == ["D1-1500"])
        #expect(starts.complete)
        #expect(starts.dropped == 3)
        // Each workshop keeps all three of its hours: some agenda uses each.
        for k in instance.agenda.sessions.indices where k != key { #expect(starts.slots[k].count == 3) }
        let f = Formulation(instance, starts: starts)
        #expect(f.start[key].count == 1)
        #expect(abs(try lpBound(f) - 800) < 1e-6)
        let out = plan(instance)
        #expect(out.termination == .optimal)
        #expect(abs((out.objective ?? 0) - 800) < 1e-6)
        let plan = try #require(out.plan)
        #expect(plan.placements[key].slot == starts.slots[key][0])
        #expect(PlanChecker.check(plan, instance).isValid)
    }

    /// The workshops' odd cycle in two hours has no agenda at all: the filter says so by
    /// returning nil (the program and the explainer then word why), and drops nothing.
    @Test("an agenda with no solution at all: no filtering, so the explainer sees the user's rules")
    func noAgendaNoFilter() throws {
        var f = Self.lateKeynote
        f.files["sessions.csv"] = f.files["sessions.csv"]!.replacingOccurrences(of: "D1-1300;D1-1400;D1-1600", with: "D1-1300;D1-1400")
        let instance = try PlanningInstance(try f.scenario(), venue: nil)
        #expect(StartFilter.run(instance) == nil)
    }

    /// Soundness against brute force: on small random agendas (sign-ups, precedence, allowed
    /// slots), every start the filter drops is used by no agenda that keeps the rules it reasons
    /// with (attendees in one place at a time, precedence), found by trying every combination.
    @Test("a dropped start is never used by any agenda (brute force over small random agendas)", arguments: UInt64(1)...24)
    func dropsOnlyImpossibleStarts(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        var f = Fixture.timetable(seed: seed)
        let sessions = 6, slots = ["D1-0900", "D1-1000", "D1-1100", "D1-1300", "D1-1400"]
        f.files["slots.csv"] = "id,day,start,end\n" + ["09:00,10:00", "10:00,11:00", "11:00,12:00", "13:00,14:00", "14:00,15:00"].enumerated().map { "\(slots[$0.offset]),1,\($0.element)\n" }.joined()
        var rows = "id,title,kind,audience,slots,allowed_slots,after\n"
        for s in 0..<sessions {
            let allowed = slots.filter { _ in rng.int(0...3) > 0 }
            let after = s > 0 && rng.int(0...4) == 0 ? "E\(rng.int(0...(s - 1)))" : ""
            let length = rng.int(0...5) == 0 ? 2 : 1
            rows += "E\(s),Event \(s),training,none,\(length),\(allowed.joined(separator: ";")),\(after)\n"
        }
        f.files["sessions.csv"] = rows
        var enrol = "attendee,session\n"
        for p in 1...6 {
            for s in 0..<sessions where rng.int(0...2) == 0 { enrol += "P\(p),E\(s)\n" }
        }
        f.files["enrollments.csv"] = enrol
        let instance = try PlanningInstance(try f.scenario(), venue: nil)
        let agenda = instance.agenda, n = agenda.sessions.count
        let domains = (0..<n).map { k in agenda.startSlots(of: k, in: instance.scenario).filter { instance.interval(of: k, startingAt: $0) != nil } }
        // Every agenda of the relaxation, by trying every combination of starts.
        var used = domains.map { _ in Set<Int>() }, any = false
        var choice = [Int](repeating: 0, count: n)
        func consistent(_ k: Int) -> Bool {
            let a = instance.interval(of: k, startingAt: choice[k])!
            for j in 0..<k {
                let b = instance.interval(of: j, startingAt: choice[j])!
                let share = instance.sessionsOf.contains { $0.contains(k) && $0.contains(j) }
                if share && a.start < b.end && b.start < a.end { return false }
            }
            for p in agenda.precedence where max(p.after, p.before) == k {
                let after = instance.interval(of: p.after, startingAt: choice[p.after])!
                let before = instance.interval(of: p.before, startingAt: choice[p.before])!
                if after.start < before.end { return false }
            }
            return true
        }
        func enumerate(_ k: Int) {
            if k == n {
                any = true
                for j in 0..<n { used[j].insert(choice[j]) }
                return
            }
            for s in domains[k] {
                choice[k] = s
                if consistent(k) { enumerate(k + 1) }
            }
        }
        enumerate(0)
        // Probing on one thread, and split over two and three, whose drops are merged.
        for threads in 1...3 {
            let filtered = StartFilter.run(instance, threads: threads)
            if !any {
                #expect(filtered == nil, "no agenda exists, yet the filter kept starts (\(threads) threads)")
                continue
            }
            let r = try #require(filtered, "an agenda exists, yet the filter found none (\(threads) threads)")
            #expect(r.complete, "seed \(seed): six sessions are settled well within the node budget")
            for k in 0..<n {
                #expect(used[k].isSubset(of: Set(r.slots[k])), "seed \(seed), \(threads) threads: E\(k) lost a start some agenda uses")
                if r.complete {
                    #expect(Set(r.slots[k]) == used[k], "seed \(seed), \(threads) threads: a complete probe keeps exactly the starts some agenda uses")
                }
            }
        }
    }

    /// The planted timetables have a known clash-free agenda (session i at hour i mod 8): none
    /// of its starts is dropped.
    @Test("the planted agenda's starts all survive", arguments: [UInt64(1), 2, 3, 4, 5])
    func keepsThePlantedAgenda(seed: UInt64) throws {
        let instance = try PlanningInstance(try Fixture.timetable(seed: seed).scenario(), venue: nil)
        for threads in [1, 2] {
            let r = try #require(StartFilter.run(instance, threads: threads))
            for k in instance.agenda.sessions.indices { #expect(r.slots[k].contains(k % 8)) }
        }
    }
}
