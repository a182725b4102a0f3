import Foundation
import KickoffCore
import KickoffIO
import KickoffModel

/// The plan folder of `FORMATS.md` ("Plan folder"): every file's bytes, ready to be written atomically.
///
/// With a plan: schedule.csv, itineraries.csv, dinners.csv, summary.json, itineraries/ID.ics and
/// report.html, plus changes.csv in a re-plan. Without one: summary.json alone, carrying the status and the reasons.
public struct PlanFiles {
    public let instance: PlanningInstance
    public let outcome: PlanOutcome
    /// DTSTAMP and summary.json's `generated_at`, minutes since the epoch (UTC).
    public let now: Int

    public init(_ instance: PlanningInstance, _ outcome: PlanOutcome, now: Int) {
        self.instance = instance
        self.outcome = outcome
        self.now = now
    }

    public var files: [(path: String, contents: Data)] {
        var out: [(String, Data)] = [("summary.json", Data(summary.rendered().appending("\n").utf8))]
        guard let plan = outcome.plan else {
            if let partial = outcome.partial, !partial.unplaced.isEmpty { out.append(("unplaced.csv", Data(unplaced(partial).utf8))) }
            return out
        }
        out.append(("schedule.csv", Data(schedule(plan).utf8)))
        out.append(("itineraries.csv", Data(itineraries(plan).utf8)))
        out.append(("dinners.csv", Data(dinners(plan).utf8)))
        if let changes = outcome.changes { out.append(("changes.csv", Data(ChangesReport(changes, penalty: outcome.penalty).csv.utf8))) }
        for (name, cal) in calendars(plan) { out.append(("itineraries/\(name).ics", Data(cal.utf8))) }
        out.append(("report.html", Data(HTMLReport(instance, outcome, plan: plan).html.utf8)))
        return out
    }

    var sc: Scenario { instance.scenario }
    var agenda: Agenda { instance.agenda }

    // MARK: schedule.csv

    /// Sessions in time order (day, start, room), then by id.
    func placedOrder(_ plan: Plan) -> [Int] {
        agenda.sessions.indices.sorted {
            let a = plan.placements[$0], b = plan.placements[$1]
            return (instance.slotStart[a.slot], a.room, agenda.sessions[$0].id) < (instance.slotStart[b.slot], b.room, agenda.sessions[$1].id)
        }
    }

    public func schedule(_ plan: Plan) -> String {
        var w = CSVWriter(header: ["session", "title", "kind", "day", "date", "start", "end", "room", "room_name", "attendees"])
        for k in placedOrder(plan) {
            let p = plan.placements[k], s = instance.session(k), slot = agenda.slots[p.slot]
            let last = agenda.run(from: p.slot, length: s.slots)!.last!
            let room = instance.rooms[p.room]
            w.row([agenda.sessions[k].id, s.title, s.kind.rawValue, String(slot.day), sc.event.date(ofDay: slot.day).description,
                   slot.start.description, agenda.slots[last].end.description, room.id.rawValue, room.name,
                   String(agenda.sessions[k].audience.count)])
        }
        return w.text
    }

    // MARK: unplaced.csv

    /// Without a complete plan: the sessions the best partial agenda leaves out, largest audience
    /// first, each with the start and room it was tried at and what blocks it there.
    public func unplaced(_ partial: AgendaSearch.Result) -> String {
        var w = CSVWriter(header: ["session", "title", "kind", "attendees", "tried_day", "tried_start", "tried_room", "blocked_by"])
        for u in partial.unplaced.sorted(by: { ($0.audience, agenda.sessions[$1.session].id) > ($1.audience, agenda.sessions[$0.session].id) }) {
            let k = u.session, s = instance.session(k), p = partial.placements[k], slot = agenda.slots[p.slot]
            w.row([agenda.sessions[k].id, s.title, s.kind.rawValue, String(u.audience), String(slot.day), slot.start.description,
                   instance.rooms[p.room].id.rawValue, u.blockedBy.joined(separator: "; ")])
        }
        return w.text
    }

    // MARK: itineraries.csv

    public func itineraries(_ plan: Plan) -> String {
        var w = CSVWriter(header: ["attendee", "name", "team", "inbound", "arrive", "outbound", "depart", "hotel_nights",
                                   "dinner", "dinner_date", "sessions"])
        for (a, person) in sc.attendees.enumerated() {
            let trip = plan.trips[a]
            let legs = sc.travel
            let dinner = plan.dinners[person.team]
            let sessions = sessionsInOrder(a, plan).map { agenda.sessions[$0].id }
            w.row([person.id.rawValue, person.name, person.team,
                   trip.map { legs[$0.inbound].id.rawValue } ?? "local",
                   trip.map { legs[$0.inbound].arrive.description } ?? "",
                   trip.map { legs[$0.outbound].id.rawValue } ?? "local",
                   trip.map { legs[$0.outbound].depart.description } ?? "",
                   String(trip.map(instance.hotelNights) ?? 0),
                   dinner.map { instance.restaurants[$0.restaurant].id.rawValue } ?? "",
                   dinner.map { sc.event.date(ofDay: $0.evening).description } ?? "",
                   sessions.joined(separator: ";")])
        }
        return w.text
    }

    func sessionsInOrder(_ a: Int, _ plan: Plan) -> [Int] {
        instance.sessionsOf[a].sorted { (instance.slotStart[plan.placements[$0].slot], $0) < (instance.slotStart[plan.placements[$1].slot], $1) }
    }

    // MARK: dinners.csv

    public func dinners(_ plan: Plan) -> String {
        var w = CSVWriter(header: ["team", "date", "restaurant", "guests"])
        for team in agenda.teams {
            guard let d = plan.dinners[team] else { continue }
            w.row([team, sc.event.date(ofDay: d.evening).description, instance.restaurants[d.restaurant].id.rawValue,
                   String(instance.members(of: team).count)])
        }
        return w.text
    }

    // MARK: itineraries/ID.ics

    /// One calendar per attendee, named by a file-safe form of the id (unique within the folder).
    public func calendars(_ plan: Plan) -> [(name: String, text: String)] {
        var used = Set<String>()
        var out: [(String, String)] = []
        let legs = sc.travel
        for (a, person) in sc.attendees.enumerated() {
            var name = PlanFiles.fileSafe(person.id.rawValue)
            if used.contains(name.lowercased()) {
                var n = 2
                while used.contains("\(name)-\(n)".lowercased()) { n += 1 }
                name = "\(name)-\(n)"
            }
            used.insert(name.lowercased())
            var events: [ICalendar.Event] = []
            let uidBase = "\(person.id.rawValue)"
            if let trip = plan.trips[a] {
                let leg = legs[trip.inbound]
                events.append(ICalendar.Event(uid: "\(uidBase)-in-\(leg.id)@kickoff", start: leg.depart.instant, end: leg.arrive.instant,
                                              summary: "Travel \(leg.origin) → \(leg.destination)\(leg.carrier.map { " (\($0))" } ?? "")",
                                              location: leg.origin, description: "Booking \(leg.id). Arrives \(leg.arrive)."))
            }
            for k in sessionsInOrder(a, plan) {
                let p = plan.placements[k], s = instance.session(k)
                let iv = instance.interval(of: k, startingAt: p.slot)!
                events.append(ICalendar.Event(uid: "\(uidBase)-\(agenda.sessions[k].id)@kickoff", start: iv.start, end: iv.end,
                                              summary: s.title, location: "\(instance.rooms[p.room].name), \(instance.venue.name)",
                                              description: "Session \(agenda.sessions[k].id) (\(s.kind.rawValue))."))
            }
            if let d = plan.dinners[person.team] {
                let iv = instance.dinnerInterval(evening: d.evening)
                let r = instance.restaurants[d.restaurant]
                events.append(ICalendar.Event(uid: "\(uidBase)-dinner@kickoff", start: iv.start, end: iv.end,
                                              summary: "Team dinner: \(person.team)", location: r.name,
                                              description: "\(instance.members(of: person.team).count) guests."))
            }
            if let trip = plan.trips[a] {
                let leg = legs[trip.outbound]
                events.append(ICalendar.Event(uid: "\(uidBase)-out-\(leg.id)@kickoff", start: leg.depart.instant, end: leg.arrive.instant,
                                              summary: "Travel \(leg.origin) → \(leg.destination)\(leg.carrier.map { " (\($0))" } ?? "")",
                                              location: leg.origin, description: "Booking \(leg.id). Departs \(leg.depart)."))
            }
            out.append((name, ICalendar(name: "\(sc.event.name): \(person.name)", events: events, stamp: now).text))
        }
        return out
    }

    /// Letters, digits, `-`, `_` and `.` kept; anything else (slashes too) becomes `_`; never
    /// empty and never starting with a dot, so an id cannot name a path outside the folder.
    public static func fileSafe(_ id: String) -> String {
        var s = String(id.unicodeScalars.map { ch -> Character in
            let ok = ("a"..."z").contains(ch) || ("A"..."Z").contains(ch) || ("0"..."9").contains(ch) || ch == "-" || ch == "_" || ch == "."
            return ok ? Character(ch) : "_"
        })
        if s.isEmpty || s.hasPrefix(".") { s = "_" + s }
        return String(s.prefix(120))
    }

    // MARK: summary.json

    public var summary: JSON {
        let costs = outcome.plan != nil ? outcome.check?.costs : nil
        let travellers = instance.isLocal.filter { !$0 }.count
        var counts: [(String, JSON)] = [
            ("attendees", .int(sc.attendees.count)), ("travellers", .int(travellers)),
            ("locals", .int(sc.attendees.count - travellers)), ("teams", .int(agenda.teams.count)),
            ("sessions", .int(agenda.sessions.count)), ("rooms", .int(instance.rooms.count)),
        ]
        if let plan = outcome.plan {
            counts.append(("rooms_used", .int(Set(plan.placements.map(\.room)).count)))
            counts.append(("legs_booked", .int(plan.trips.compactMap { $0 }.count * 2)))
            counts.append(("hotel_nights", .int(costs?.hotelNights ?? 0)))
            counts.append(("team_dinners", .int(plan.dinners.count)))
        }
        let s = outcome.stats
        var pairs: [(String, JSON)] = [
            ("status", .string(outcome.termination.statusWord)),
            ("venue", .string(instance.venue.id.rawValue)),
            ("venue_name", .string(instance.venue.name)),
            ("event", .string(sc.event.name)),
            ("start_date", .string(sc.event.startDate.description)),
            ("currency", .string(sc.event.currency)),
            ("objective", .money(costs?.total)),
            ("costs", costs.map { c in .object([("travel", .money(c.travel)), ("hotel", .money(c.hotel)),
                                                 ("time_away", .money(c.timeAway)), ("dinners", .money(c.dinners)),
                                                 ("venue", .money(c.venue))]) } ?? .null),
            ("bound", .money(outcome.plan != nil ? outcome.bound : nil)),
            ("gap", outcome.plan != nil ? outcome.gap.map { .number(($0 * 1e6).rounded() / 1e6) } ?? .null : .null),
            ("solve_seconds", .number((outcome.solveSeconds * 1000).rounded() / 1000)),
            ("counts", .object(counts)),
            ("model", .object([("variables", .int(s.variables)), ("integer_variables", .int(s.integers)),
                               ("constraints", .int(s.constraints)), ("nonzeros", .int(s.nonzeros)),
                               ("travel_groups", .int(s.travelGroups))])),
            ("reasons", .array(outcome.reasons.map(JSON.string))),
            ("agenda_health", outcome.health.map { HealthReport($0, instance).json } ?? .null),
        ]
        if let changes = outcome.changes { pairs.append(("changes", ChangesReport(changes, penalty: outcome.penalty).json)) }
        if outcome.plan == nil, let partial = outcome.partial {
            // ITC2007's distance to feasibility: what the best partial agenda leaves out.
            pairs.append(("unplaced", .object([("sessions", .int(partial.unplaced.count)),
                                               ("attendees_affected", .int(partial.affectedAttendees))])))
        }
        pairs.append(("generated_at", .string(Timestamp(instant: now, offsetMinutes: 0).description)))
        return .object(pairs)
    }
}
