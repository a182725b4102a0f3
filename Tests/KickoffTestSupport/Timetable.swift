import KickoffCore

extension Fixture {
    /// An ITC2007-like timetable, everyone local (no travel): one day of eight one-hour slots,
    /// one-hour sessions with sign-ups only, rooms of 30 seats, 40 people.
    ///
    /// - `planted`: 24 sessions and 3 rooms; session i belongs to hidden hour i mod 8, and each
    ///   person signs up for `each` sessions of distinct hidden hours, so the hidden hours — every
    ///   room full every hour — are a timetable without clashes.
    /// - otherwise: `sessions` sessions and `rooms` rooms, each person signed up for `each`
    ///   sessions drawn at random: dense enough that no search places them all quickly.
    /// A timetable dense enough that the greedy orders give up and no search places every session
    /// in a few seconds, with nothing proving there is no timetable: 28 sessions in 8 hours and 4
    /// rooms, 40 people with 5 random sign-ups each.
    package static var denseTimetable: Fixture { timetable(seed: 3, planted: false, sessions: 28, rooms: 4, each: 5) }

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
