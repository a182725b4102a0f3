import Airports
import Foundation
import KickoffCore
import KickoffIO

/// What to generate. Every default scales with `attendees`.
package struct GeneratorOptions: Sendable {
    /// Number of attendees, at least 12 (leadership, enablement and two teams).
    package var attendees: Int
    package var seed: UInt64
    /// Sales teams (each with a manager); default √attendees, at least 2.
    package var teams: Int?
    /// Candidate venues, from a fixed list of real North American conference cities.
    package var venues = 3
    /// Distinct home airports to draw from; default n/12 + 8, at most 300 (reached at 3,500).
    package var homeAirports: Int?
    /// Elective sign-up sessions; default grows with attendees.
    package var electives: Int?
    /// Write slots.csv with a lunch break instead of letting slots be cut from event.csv.
    package var slotsFile = true
    /// Weeks of bookable legs, from the event's week on (more than 1 lets `compare --start-dates`
    /// try later weeks). The first week's legs are the same whatever this is.
    package var weeks = 1
    package var name = "Acme Sales Kickoff 2027"
    package var startDate = CivilDate(year: 2027, month: 1, day: 12)!  // a Tuesday

    package init(attendees: Int, seed: UInt64) {
        self.attendees = attendees
        self.seed = seed
    }
}

/// Writes realistic, solvable scenario folders of any size from real airports.
///
/// The shape follows what SKO organisers do: a short opening keynote, product training, team
/// practice and territory planning per team, electives with sign-ups, a recognition session
/// and a short close on the last morning so that short-haul travellers fly home that day.
/// Travel legs are priced from great-circle distance; some depart on weekends or outside
/// business hours (cheaper), so the rules bite. Output is byte-identical for the same options.
///
/// Large events keep three days but compact the agenda (`compactAgenda`): when each team's two
/// 2-hour blocks and the electives would take more than 60 % of the breakout rooms' hours, the
/// days run 08:00–18:00 (the opening keynote at 08:00), team blocks are an hour each, the benefits update becomes a pre-read, and
/// electives are small-group clinics of at most 8 that fit the huddle rooms, and a quarter of them
/// (not half) are held to the second afternoon. That is how a
/// 10,000-person kickoff in about 25 rooms stays a plan rather than a queue.
package struct ScenarioGenerator {
    package let options: GeneratorOptions
    var rng: SplitMix64

    package init(_ options: GeneratorOptions) {
        self.options = options
        self.rng = SplitMix64(seed: options.seed)
    }

    static let venueCatalog: [(id: String, name: String, iata: String)] = [
        ("CHI", "Lakeshore Conference Hotel Chicago", "ORD"),
        ("DEN", "Front Range Convention Center Denver", "DEN"),
        ("DFW", "Trinity Conference Resort Dallas", "DFW"),
        ("MCO", "Lakeside Grand Orlando", "MCO"),
        ("PHX", "Desert Ridge Conference Center Phoenix", "PHX"),
        ("BNA", "Music Row Convention Hotel Nashville", "BNA"),
        ("LAS", "Strip Meeting Center Las Vegas", "LAS"),
        ("ATL", "Peachtree Conference Center Atlanta", "ATL")
    ]
    static let teamNames = [
        "Atlas", "Beacon", "Cascade", "Delta", "Everest", "Fjord", "Granite", "Harbor", "Iris",
        "Juniper", "Keystone", "Lumen", "Meridian", "Nova", "Orbit", "Pioneer", "Quartz",
        "Redwood", "Summit", "Tundra", "Upland", "Vista", "Willow", "Yukon", "Zenith"
    ]
    static let firstNames = [
        "Ava", "Ben", "Chloe", "Diego", "Elena", "Farah", "Gus", "Hana", "Ian", "Jade", "Kofi",
        "Lena", "Marco", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor",
        "Wen", "Ximena", "Yusuf", "Zoe", "Aaron", "Bianca", "Carlos", "Dana", "Emeka", "Fiona",
        "Grace", "Hugo", "Isla", "Jonas", "Kira", "Leo", "Maya", "Noah", "Olga", "Pablo",
        "Rahul", "Sofia", "Theo", "Vera", "Will", "Yara"
    ]
    static let lastNames = [
        "Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen",
        "Kim", "Lopez", "Murphy", "Nguyen", "Okafor", "Patel", "Quintero", "Rossi", "Singh",
        "Tanaka", "Usman", "Varga", "Walsh", "Xu", "Young", "Zimmer", "Alvarez", "Brooks",
        "Cohen", "Dubois", "Eriksen", "Flores", "Gupta", "Haddad", "Ivanova", "Johnson",
        "Kowalski", "Larsen", "Moreau", "Novak", "O'Brien", "Park", "Reyes", "Schmidt",
        "Torres", "Vargas", "Weber", "Yilmaz"
    ]
    static let carriers = ["UA", "AA", "DL", "WN", "AS", "B6", "AC", "WS", "AM", "F9"]

    /// The scenario's fixed shape: sizes, venues, home airports, teams and their territories,
    /// and the agenda's form. None of it draws on the random stream.
    struct Shape {
        let attendees: Int
        let teamNames: [String]
        let venues: [(id: String, name: String, iata: String)]
        let venueAirports: [Airport]
        let first: CivilDate
        let days = 3
        var last: CivilDate { first.adding(days: days - 1) }
        let homes: [Airport]
        /// Each team's hub, and the airports its members live at.
        let hubs: [Airport]
        let territory: [[Airport]]
        let breakouts: Int
        let electiveCount: Int
        /// See `compactAgenda`.
        let compact: Bool
        var hours: [Int] { compact ? [8, 9, 10, 11, 13, 14, 15, 16, 17] : [9, 10, 11, 13, 14, 15, 16] }
        var teamBlock: String { compact ? "1" : "2" }

        init(_ o: GeneratorOptions) {
            attendees = max(o.attendees, 12)  // leadership, enablement and two teams need a dozen people
            let n = attendees
            let teamCount = max(2, min(o.teams ?? Int((Double(n).squareRoot()).rounded()), n / 3))
            venues = Array(ScenarioGenerator.venueCatalog.prefix(max(1, min(o.venues, ScenarioGenerator.venueCatalog.count))))
            let venueAirports = venues.map { Airport.byCode[$0.iata]! }
            self.venueAirports = venueAirports
            first = o.startDate
            // Home airports: North American airports whose legs to every venue fit business hours.
            let wantHomes = o.homeAirports ?? max(4, min(300, n / 12 + 8))
            let first = self.first
            let candidates = Airport.all
                .filter { ["United States", "Canada", "Mexico"].contains($0.country) }
                .filter { home in venueAirports.allSatisfy { ScenarioGenerator.fitsBusinessHours(home, $0, on: first) } }
                .sorted { ($0.routes, $1.iata) > ($1.routes, $0.iata) }
            let homes = Array(candidates.prefix(wantHomes))
            self.homes = homes
            // Teams: each is a territory around a hub; members live at the hub's nearest airports.
            teamNames = (0..<teamCount).map { t in
                let base = ScenarioGenerator.teamNames[t % ScenarioGenerator.teamNames.count]
                return t < ScenarioGenerator.teamNames.count ? base : "\(base) \(t / ScenarioGenerator.teamNames.count + 1)"
            }
            hubs = (0..<teamCount).map { homes[$0 % homes.count] }
            territory = hubs.map { hub in
                Array(
                    homes.sorted { (hub.distance(to: $0), $0.iata) < (hub.distance(to: $1), $1.iata) }
                        .prefix(max(4, homes.count * 3 / teamCount)))
            }
            breakouts = max(4, min(20, teamCount / 2 + 3))
            electiveCount = o.electives ?? max(2, n / 100)
            compact = ScenarioGenerator.compactAgenda(teams: teamCount, electives: electiveCount, breakouts: breakouts)
        }
    }

    struct Person { var id, name, email, team, role, manager, home, company, attainment: String }

    /// Everyone, in file order: leadership and enablement first, then each team's manager and reps.
    struct Staff {
        var people: [Person] = []
        var ceo: Person?
        var cro: Person?
        var enablement: [String] = []
        var reps: [String] = []
        var biggestTeam = 1
    }

    /// The scenario's files (name → CSV text), in a stable order. Each part draws on the random
    /// stream in turn (people, venues, agenda, travel), so a seed gives the same files everywhere.
    package mutating func files() -> [(name: String, text: String)] {
        let shape = Shape(options)
        let staff = people(shape)
        let (venueCSV, rooms, dinners, transfers) = venueFiles(shape, staff)
        let (sessions, enrollments) = agendaFiles(shape, staff)
        let travel = travelFile(shape, staff)
        var out: [(String, String)] = [
            ("event.csv", Self.eventFile(options, shape).text), ("attendees.csv", Self.attendeeFile(staff).text),
            ("venues.csv", venueCSV.text), ("rooms.csv", rooms.text), ("sessions.csv", sessions.text), ("travel.csv", travel.text),
            ("dinners.csv", dinners.text), ("enrollments.csv", enrollments.text), ("transfers.csv", transfers.text)
        ]
        if options.slotsFile { out.append(("slots.csv", Self.slotFile(shape).text)) }
        return out
    }

    /// Leadership, enablement and every team's manager and members, with names, homes and attainment.
    mutating func people(_ shape: Shape) -> Staff {
        var staff = Staff()
        var usedNames = Set<String>()
        func newPerson(team: String, role: String, manager: String, home: Airport, attainment: Double?) -> Person {
            var name = ""
            repeat {
                name = "\(rng.pick(Self.firstNames)) \(rng.pick(Self.lastNames))"
                if usedNames.contains(name) { name += " \(rng.pick(["A.", "B.", "C.", "D.", "E.", "J.", "M.", "R."]))" }
            } while usedNames.contains(name)
            usedNames.insert(name)
            let id = "P\(Figures.zeroPadded(staff.people.count + 1, 5))"
            let email =
                name.lowercased().replacingOccurrences(of: "'", with: "")
                .replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: ".") + "@acme.example"
            let company = rng.chance(0.2) ? "Northwind" : "Acme"
            var att = ""
            if let a = attainment { att = rng.chance(0.3) ? "\(Int(a))%" : String(Int(a)) }
            let p = Person(
                id: id, name: name, email: email, team: team, role: role, manager: manager,
                home: home.iata, company: company, attainment: att)
            staff.people.append(p)
            return p
        }
        let n = shape.attendees, teamCount = shape.teamNames.count, homes = shape.homes, hubs = shape.hubs
        let hq = homes[0]
        let ceo = newPerson(team: "Leadership", role: "exec", manager: "", home: hq, attainment: nil)
        let cro = newPerson(team: "Leadership", role: "exec", manager: ceo.id, home: hq, attainment: nil)
        staff.ceo = ceo
        staff.cro = cro
        let vps = (0..<max(1, teamCount / 6)).map { k in
            newPerson(team: "Leadership", role: "exec", manager: cro.id, home: hubs[k % hubs.count], attainment: nil).id
        }
        for _ in 0..<max(2, n / 120) {
            let e = newPerson(team: "Enablement", role: "enablement", manager: cro.id, home: rng.pick(Array(homes.prefix(5))), attainment: nil)
            staff.enablement.append(e.id)
        }
        let remaining = n - staff.people.count
        for t in 0..<teamCount {
            let size = remaining / teamCount + (t < remaining % teamCount ? 1 : 0)
            let mgr = newPerson(
                team: shape.teamNames[t], role: "manager", manager: vps[t % vps.count], home: hubs[t],
                attainment: Double(rng.int(85...130)))
            for _ in 1..<max(size, 2) {
                let role = rng.chance(0.15) ? "se" : "rep"
                let territory = shape.territory[t]
                let home = rng.chance(0.5) ? territory[rng.int(0...min(1, territory.count - 1))] : rng.pick(territory)
                let att = Double(max(35, min(165, Int(95 + 22 * Self.normal(&rng)))))
                let p = newPerson(team: shape.teamNames[t], role: role, manager: mgr.id, home: home, attainment: att)
                if role == "rep" { staff.reps.append(p.id) }
            }
        }
        staff.biggestTeam = Dictionary(grouping: staff.people, by: \.team).mapValues(\.count).values.max() ?? 1
        return staff
    }

    static func eventFile(_ o: GeneratorOptions, _ shape: Shape) -> CSVWriter {
        var event = CSVWriter(
            header: [
                "name", "start_date", "days", "day_start", "day_end", "slot_minutes",
                "travel_earliest", "travel_latest", "arrival_buffer_minutes",
                "departure_buffer_minutes", "dinner_time", "dinner_minutes",
                "time_away_cost_per_hour", "comp_plan_date", "currency"
            ], neutralizesFormulas: false)
        event.row([
            o.name, shape.first.description, String(shape.days), shape.compact ? "08:00" : "09:00", shape.compact ? "18:00" : "17:00",
            "60", "08:00", "18:00", "60", "60", "19:00", "120", "40", shape.last.adding(days: 11).description, "USD"
        ])
        return event
    }

    static func attendeeFile(_ staff: Staff) -> CSVWriter {
        var attendees = CSVWriter(header: ["id", "name", "email", "team", "role", "manager_id", "home", "company", "attainment"], neutralizesFormulas: false)
        for p in staff.people {
            attendees.row([p.id, p.name, p.email, p.team, p.role, p.manager, p.home, p.company, p.attainment])
        }
        return attendees
    }

    /// venues.csv, rooms.csv, dinners.csv and transfers.csv.
    mutating func venueFiles(_ shape: Shape, _ staff: Staff) -> (CSVWriter, CSVWriter, CSVWriter, CSVWriter) {
        let n = shape.attendees, teamCount = shape.teamNames.count
        var venueCSV = CSVWriter(header: ["id", "name", "city", "airport", "timezone", "daily_rate", "hotel_rate", "hotel_rooms"], neutralizesFormulas: false)
        var rooms = CSVWriter(header: ["venue", "id", "name", "capacity", "features"], neutralizesFormulas: false)
        var dinners = CSVWriter(header: ["venue", "id", "name", "capacity", "cost_per_head", "evenings"], neutralizesFormulas: false)
        // One 50-seat coach per venue; set without the random stream, so every other file is as before.
        var transfers = CSVWriter(header: ["venue", "seats", "cost_per_run", "minutes", "max_wait_minutes"], neutralizesFormulas: false)
        for (k, v) in shape.venues.enumerated() {
            transfers.row([v.id, "50", Self.money(Double(250 + 50 * (k % 4))), String(30 + 5 * (k % 4)), "60"])
        }
        for (k, v) in shape.venues.enumerated() {
            let ap = shape.venueAirports[k]
            let travellers = staff.people.filter { $0.home != ap.iata }.count
            let block = k == 0 ? "" : String(travellers + rng.int(5...40))
            venueCSV.row([
                v.id, v.name, ap.city, ap.iata, ap.timezone, Self.money(Double(rng.int(12...30)) * 1000),
                Self.money(Double(rng.int(17...32)) * 10), block
            ])
            rooms.row([v.id, "BALLROOM", "Grand Ballroom", String(n + rng.int(10...80)), "stage;av;recording"])
            for s in 1...2 {
                rooms.row([v.id, "SALON\(s)", "Salon \(s)", String(n / 3 + rng.int(10...40)), "av"])
            }
            for b in 1...shape.breakouts {
                let cap = staff.biggestTeam + rng.int(2...12)
                rooms.row([v.id, "BR\(Figures.zeroPadded(b, 2))", "Breakout \(b)", String(cap), rng.chance(0.6) ? "av" : ""])
            }
            for h in 1...3 { rooms.row([v.id, "HUDDLE\(h)", "Huddle room \(h)", String(rng.int(8...12)), ""]) }
            // Restaurants: enough seats over the evenings for every team, with some slack.
            let restaurantCount = max(3, min(12, teamCount / 3 + 2))
            let perEvening = Int(Double(n) * 0.75) / restaurantCount + staff.biggestTeam
            for r in 1...restaurantCount {
                let evenings = r == restaurantCount ? "1" : ""
                dinners.row([
                    v.id, "R\(Figures.zeroPadded(r, 2))", "\(ap.city) \(Self.restaurantNames[(r - 1) % Self.restaurantNames.count])",
                    String(perEvening + rng.int(0...20)), Self.money(Double(rng.int(55...125))), evenings
                ])
            }
        }
        return (venueCSV, rooms, dinners, transfers)
    }

    /// Slots with a lunch break: 09–12 and 13–17 (08–12 and 13–18 when compact).
    static func slotFile(_ shape: Shape) -> CSVWriter {
        var slots = CSVWriter(header: ["id", "day", "start", "end"], neutralizesFormulas: false)
        for day in 1...shape.days {
            for hour in shape.hours {
                slots.row(["D\(day)-\(Figures.zeroPadded(hour, 2))00", String(day), "\(Figures.zeroPadded(hour, 2)):00", "\(Figures.zeroPadded(hour + 1, 2)):00"])
            }
        }
        return slots
    }

    /// sessions.csv and enrollments.csv.
    mutating func agendaFiles(_ shape: Shape, _ staff: Staff) -> (CSVWriter, CSVWriter) {
        let compact = shape.compact, ceo = staff.ceo!.id, cro = staff.cro!.id, enablement = staff.enablement
        var sessions = CSVWriter(
            header: [
                "id", "title", "kind", "audience", "repeat", "slots", "needs", "day",
                "fixed_slot", "allowed_slots", "after", "presenters"
            ], neutralizesFormulas: false)
        sessions.row(["OPEN", "Opening keynote: the year ahead", "keynote", "all", "once", "1", "stage", "1", compact ? "D1-0800" : "D1-0900", "", "", "\(ceo);\(cro)"])
        sessions.row(["PRODUCT", "Product roadmap and demo lab", "training", "all", "once", "2", "av", "1", "", "", "OPEN", enablement[0]])
        sessions.row(["PRACTICE", "Discovery call practice", "practice", "role:rep|role:se|role:manager", "per_team", shape.teamBlock, "", "", "", "", "PRODUCT", ""])
        sessions.row(["TERR", "Territory and account planning", "territory", "role:rep|role:manager", "per_team", shape.teamBlock, "", "", "", "", "PRACTICE", ""])
        sessions.row(["MGR", "Manager coaching workshop", "training", "role:manager|role:exec", "once", "2", "av", "2", "", "", "", enablement.last!])
        if !compact { sessions.row(["BENEFITS", "Benefits and HR update", "info", "all", "once", "1", "", "2", "", "", "", ""]) }
        sessions.row(["NORTHWIND", "Welcome, Northwind: systems and processes", "info", "company:Northwind", "once", "1", "", "", "", "", "", cro])
        sessions.row([
            "RECOG", "Presidents and Chairmans club recognition", "recognition",
            "tier:presidents_club|tier:chairmans_club|role:manager|role:exec", "once", "1", "stage", "3", "", "", "", ceo
        ])
        sessions.row(["CLOSE", "Closing keynote and commitments", "keynote", "all", "once", "1", "stage", "3", "D3-1100", "", "RECOG", ceo])
        let electiveTitles = [
            "Negotiation clinic", "Demo skills lab", "Pricing and discounting", "Objection handling",
            "Executive storytelling", "Forecasting hygiene", "Partner co-selling", "Competitive deep dive"
        ]
        var enrollments = CSVWriter(header: ["attendee", "session"], neutralizesFormulas: false)
        let day2 = shape.hours.map { "D2-\(Figures.zeroPadded($0, 2))00" }
        // Sign-ups: each rep takes at most one elective (so electives never conflict with one
        // another and every generated scenario has a plan), at most a breakout room's worth each.
        let electiveCount = shape.electiveCount
        var pool = staff.reps
        for i in pool.indices.reversed() where i > 0 { pool.swapAt(i, rng.int(0...i)) }
        let perElective = min(compact ? 8 : 28, max(4, Int(Double(staff.reps.count) * 0.6) / max(1, electiveCount)))
        var signUps = [[String]](repeating: [], count: electiveCount)
        for (i, a) in pool.prefix(perElective * electiveCount).enumerated() { signUps[i % electiveCount].append(a) }
        for e in 0..<electiveCount {
            let id = "EL\(Figures.zeroPadded(e + 1, 2))"
            let title = electiveTitles[e % electiveTitles.count] + (e < electiveTitles.count ? "" : " \(e / electiveTitles.count + 1)")
            // Every other elective is held on the second afternoon (every fourth when compact,
            // where those hours are needed for team blocks).
            let allowed = e % (compact ? 4 : 2) == 0 ? day2.suffix(4).joined(separator: ";") : ""
            sessions.row([
                id, title, e % 2 == 0 ? "training" : "practice", "none", "once", "1", e % 3 == 0 ? "av" : "", "", "",
                allowed, "", enablement[e % enablement.count]
            ])
            for a in signUps[e].sorted() { enrollments.row([a, id]) }
        }
        return (sessions, enrollments)
    }

    /// travel.csv: for each home × venue, the usual spread of departures, with prices and seat limits.
    mutating func travelFile(_ shape: Shape, _ staff: Staff) -> CSVWriter {
        var travel = CSVWriter(header: ["id", "origin", "destination", "carrier", "depart", "arrive", "price", "seats"], neutralizesFormulas: false)
        let usedHomes = Set(staff.people.map(\.home))
        var legNumber = 0
        let monday = shape.first.mondayOfWeek
        let inboundPlan: [(day: Int, time: Int, factor: Double)] = [
            (-1, 10 * 60, 0.78),  // Sunday: weekend
            (0, 6 * 60 + 30, 0.84),  // Monday, too early
            (0, 9 * 60, 1.0), (0, 12 * 60 + 30, 1.08), (0, 15 * 60 + 45, 0.95),
            (0, 19 * 60 + 30, 0.88),  // Monday evening, too late
            (1, 6 * 60, 0.9)  // Tuesday dawn, too early
        ]
        let outboundPlan: [(day: Int, time: Int, factor: Double)] = [
            (3, 13 * 60 + 30, 1.05), (3, 16 * 60, 1.1), (3, 19 * 60, 0.86),  // Thursday
            (4, 8 * 60 + 30, 0.97), (4, 11 * 60, 1.0), (4, 14 * 60, 1.04),  // Friday
            (5, 10 * 60, 0.8)  // Saturday: weekend
        ]
        for week in 0..<max(1, options.weeks) {
            for v in shape.venueAirports {
                for code in usedHomes.sorted() where code != v.iata {
                    let home = Airport.byCode[code]!
                    let km = home.distance(to: v)
                    let minutes = Self.flightMinutes(km)
                    // Later weeks: the same schedule, each route a little dearer or cheaper.
                    let base = (89 + 0.105 * km) * (week == 0 ? 1 : 0.9 + 0.2 * rng.unit())
                    for (dir, plan) in [(0, inboundPlan), (1, outboundPlan)] {
                        let (from, to) = dir == 0 ? (home, v) : (v, home)
                        for (pi, p) in plan.enumerated() {
                            legNumber += 1
                            let date = monday.adding(days: p.day + 7 * week)
                            let dep = Self.timestamp(date, p.time, at: from)
                            let arrInstant = dep.instant + minutes + rng.int(0...3) * 5
                            let arr = Timestamp(instant: arrInstant, offsetMinutes: Self.offset(at: to, instant: arrInstant))
                            let price = (base * p.factor * (0.9 + 0.2 * rng.unit())).rounded()
                            var seats = rng.chance(0.12) ? String(rng.int(2...9)) : ""
                            // Monday 09:00 in and Friday 11:00 out never sell out, so every generated
                            // scenario has a plan whatever the seat limits elsewhere.
                            if (dir == 0 && pi == 2) || (dir == 1 && pi == 4) { seats = "" }
                            travel.row([
                                "L\(Figures.zeroPadded(legNumber, 6))", from.iata, to.iata,
                                "\(rng.pick(Self.carriers)) \(rng.int(100...2999))", dep.description,
                                arr.description, Self.money(price), seats
                            ])
                        }
                    }
                }
            }
        }
        return travel
    }

    /// Whether the agenda must be compacted: two 2-hour blocks per team plus the electives need
    /// more than 60 % of the hours the salons and breakouts have outside the plenaries (16 slots).
    package static func compactAgenda(teams: Int, electives: Int, breakouts: Int) -> Bool {
        Double(4 * teams + electives) > 0.6 * Double(16 * (breakouts + 2))
    }

    static let restaurantNames = [
        "Chophouse", "Trattoria", "Taqueria", "Oyster Bar", "Smokehouse", "Bistro",
        "Noodle House", "Tavern", "Grill", "Brasserie", "Kitchen", "Cantina"
    ]

    /// Block time from distance: taxi and climb plus cruise at about 780 km/h, in 5-minute steps.
    static func flightMinutes(_ km: Double) -> Int {
        let m = 35 + km / 13.0
        return max(45, Int((m / 5).rounded()) * 5)
    }

    /// Whether a 09:00 Monday departure home→venue and a 08:30 Friday departure venue→home both
    /// arrive by 18:00 local: the home can reach the event inside business hours.
    static func fitsBusinessHours(_ home: Airport, _ venue: Airport, on firstDay: CivilDate) -> Bool {
        if home.iata == venue.iata { return true }
        let minutes = flightMinutes(home.distance(to: venue)) + 15
        let monday = firstDay.mondayOfWeek
        for (from, to, date, t) in [(home, venue, monday, 9 * 60), (venue, home, monday.adding(days: 4), 8 * 60 + 30)] {
            let dep = timestamp(date, t, at: from)
            let arr = Timestamp(instant: dep.instant + minutes, offsetMinutes: offset(at: to, instant: dep.instant + minutes))
            if arr.date != date || arr.time > TimeOfDay(hour: 17, minute: 30) { return false }
        }
        return true
    }

    static func timestamp(_ date: CivilDate, _ minutes: Int, at airport: Airport) -> Timestamp {
        VenueClock(identifier: airport.timezone)!.timestamp(date, TimeOfDay(minutes: minutes))
    }

    static func offset(at airport: Airport, instant: Int) -> Int {
        let tz = TimeZone(identifier: airport.timezone)!
        return tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant * 60))) / 60
    }

    /// Box–Muller standard normal.
    static func normal(_ rng: inout SplitMix64) -> Double {
        let u = max(rng.unit(), 1e-12), v = rng.unit()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// Two decimals, without locale or floating-point printing surprises.
    static func money(_ v: Double) -> String { Figures.plainMoney(v) }
}
