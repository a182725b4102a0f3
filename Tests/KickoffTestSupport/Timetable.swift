import Foundation
import KickoffCore

extension Fixture {
    /// A timetable no search completes and nothing in Kickoff proves impossible in a test's time:
    /// the sessions are the 47 vertices of the Mycielski graph M6 and each of its 236 edges is one
    /// person signed up for both ends, in 5 one-hour slots and 10 rooms. M6 needs 6 colours, so
    /// some session is always left out; but it has no triangle, so every (4) clique row is a pair,
    /// the LP relaxation is feasible at 1/5 per start, and a proof needs an exponential search
    /// (a random 28-session timetable used here before is now proven impossible at once by the
    /// clique rows). Everyone is local: no travel.
    package static var hardTimetable: Fixture {
        // M2 = one edge; the Mycielskian adds a twin u_i per vertex v_i (u_i joined to v_i's
        // neighbours) and one more vertex joined to every twin.
        var n = 2, edges = [(0, 1)]
        for _ in 3...6 {
            var next = edges
            for (a, b) in edges { next += [(n + a, b), (n + b, a)] }
            for i in 0..<n { next.append((n + i, 2 * n)) }
            n = 2 * n + 1
            edges = next
        }
        var f = Fixture()
        f.files["event.csv"] = "name,start_date,days\nTimetable,2027-01-11,1\n"
        f.files["slots.csv"] = "id,day,start,end\n" + (9...13).map { String(format: "D1-%02d00,1,%02d:00,%02d:00\n", $0, $0, $0 + 1) }.joined()
        f.files["venues.csv"] = "id,name,city,airport,timezone,daily_rate,hotel_rate,hotel_rooms\nCHI,Campus,Chicago,ORD,America/Chicago,0,0,\n"
        f.files["rooms.csv"] = "venue,id,name,capacity,features\n" + (1...10).map { "CHI,R\($0),Room \($0),30,\n" }.joined()
        f.files["attendees.csv"] = "id,name,team,role,manager_id,home\n" + edges.indices.map { "P\($0 + 1),Person \($0 + 1),T\($0 % 4),rep,,ORD\n" }.joined()
        f.files["sessions.csv"] = "id,title,kind,audience,slots\n" + (0..<n).map { "E\($0),Event \($0),training,none,1\n" }.joined()
        f.files["travel.csv"] = "id,origin,destination,carrier,depart,arrive,price,seats\n"
        f.files["enrollments.csv"] = "attendee,session\n" + edges.enumerated().map { "P\($0.offset + 1),E\($0.element.0)\nP\($0.offset + 1),E\($0.element.1)\n" }.joined()
        return f
    }

    /// An ITC2007-like timetable, everyone local (no travel): one day of eight one-hour slots,
    /// one-hour sessions with sign-ups only, rooms of 30 seats, 40 people.
    ///
    /// - `planted`: 24 sessions and 3 rooms; session i belongs to hidden hour i mod 8, and each
    ///   person signs up for `each` sessions of distinct hidden hours, so the hidden hours — every
    ///   room full every hour — are a timetable without clashes.
    /// - otherwise: `sessions` sessions and `rooms` rooms, each person signed up for `each`
    ///   sessions drawn at random: dense enough that no search places them all quickly.
    package static func timetable(seed: UInt64, planted: Bool = true, sessions: Int = 24, rooms: Int = 3, each: Int = 4) -> Fixture {
        var rng = SplitMix64(seed: seed)
        var f = Fixture()
        f.files["event.csv"] = "name,start_date,days\nTimetable,2027-01-11,1\n"
        f.files["venues.csv"] = "id,name,city,airport,timezone,daily_rate,hotel_rate,hotel_rooms\nCHI,Campus,Chicago,ORD,America/Chicago,0,0,\n"
        f.files["rooms.csv"] = "venue,id,name,capacity,features\n" + (1...rooms).map { "CHI,R\($0),Room \($0),30,\n" }.joined()
        f.files["attendees.csv"] = "id,name,team,role,manager_id,home\n" + (1...40).map { "P\($0),Person \($0),T\($0 % 4),rep,,ORD\n" }.joined()
        f.files["sessions.csv"] = "id,title,kind,audience,slots\n" + (0..<sessions).map { "E\($0),Event \($0),training,none,1\n" }.joined()
        f.files["travel.csv"] = "id,origin,destination,carrier,depart,arrive,price,seats\n"
        var enrol = "attendee,session\n"
        for p in 1...40 {
            var picked = Set<Int>()
            if planted {
                var hidden = Set<Int>()
                while hidden.count < each { hidden.insert(rng.int(0...7)) }
                for h in hidden.sorted() { picked.insert(h + 8 * rng.int(0...(sessions / 8 - 1))) }
            } else {
                while picked.count < each { picked.insert(rng.int(0...(sessions - 1))) }
            }
            for s in picked.sorted() { enrol += "P\(p),E\(s)\n" }
        }
        f.files["enrollments.csv"] = enrol
        return f
    }
}
