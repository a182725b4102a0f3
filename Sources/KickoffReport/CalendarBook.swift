import KickoffCore
import KickoffPlan
import KickoffPlanner

/// How the calendars name themselves: the UID domain and the organiser (`kickoff solve`'s
/// `--uid-domain` and `--organizer`).
package struct CalendarSettings: Sendable {
    /// The suffix after `@` in every UID; nil: the baseline's, else one derived from the event.
    package var domain: String?
    /// ORGANIZER's email address, when given.
    package var organizer: String?

    package init(domain: String? = nil, organizer: String? = nil) { self.domain = domain; self.organizer = organizer }

    /// A domain-like name for an event: `acme-sales-kickoff-2027-20270112.kickoff.invalid`
    /// (RFC 6761 reserves `.invalid`, so it can never be someone else's domain).
    package static func derivedDomain(_ event: Event) -> String {
        var slug = ""
        for ch in event.name.lowercased().unicodeScalars {
            if ("a"..."z").contains(ch) || ("0"..."9").contains(ch) { slug.unicodeScalars.append(ch) } else if !slug.hasSuffix("-") { slug += "-" }
        }
        slug = String(slug.trimmingCharacters(in: "-").prefix(40)).trimmingCharacters(in: "-")
        let d = event.startDate
        return "\(slug.isEmpty ? "event" : slug)-\(Figures.zeroPadded(d.year, 4))\(Figures.zeroPadded(d.month, 2))\(Figures.zeroPadded(d.day, 2)).kickoff.invalid"
    }

    /// Whether `s` can follow `@` in a UID: letters, digits, `-` and `.`, not starting or ending with a dot.
    package static func isDomain(_ s: String) -> Bool {
        !s.isEmpty && !s.hasPrefix(".") && !s.hasSuffix(".") && !s.contains("..")
            && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }
}

/// Every attendee's calendar for a plan, kept current across re-plans (RFC 5545 / 5546).
///
/// Each commitment has a UID of its own that does not depend on which leg, room or time was
/// chosen: `ATTENDEE.inbound`, `.outbound`, `.dinner`, `.session.ID`, `.followup.ID`, each id
/// percent-encoded, then `@domain`. Against a baseline's published calendars, an event that
/// shows anything different gets SEQUENCE one higher, an unchanged one keeps it, a commitment
/// that is gone is written once more as STATUS:CANCELLED with a higher SEQUENCE, and an
/// attendee who left gets a METHOD:CANCEL calendar of everything they had. The same comparison
/// gives notices.csv: one row per attendee whose calendar changed, one sentence per change.
package struct CalendarBook {
    package struct Notice: Sendable, Equatable {
        package var attendee: String
        package var name: String
        package var email: String
        package var what: [String]

        package init(attendee: String, name: String, email: String, what: [String]) {
            self.attendee = attendee; self.name = name; self.email = email; self.what = what
        }
    }

    /// File name (without `.ics`) and text, present attendees in attendees.csv order, then those who left.
    package private(set) var files: [(name: String, text: String)] = []
    /// Nil unless this is a re-plan whose baseline published calendars.
    package private(set) var notices: [Notice]?
    package let domain: String
    /// Events written as cancelled now (not already cancelled in the baseline), and calendars cancelled whole.
    package private(set) var cancelledEvents = 0
    package private(set) var cancelledCalendars = 0
    package private(set) var updatedEvents = 0

    struct Entry {
        var event: ICalendar.Event
        /// The notice sentence when it changed, and when it is new to the attendee.
        var changed: String
        var added: String
    }

    package init(
        _ instance: PlanningInstance, plan: Plan, followUps: [FollowUpPlacement], zones: [HomeZone],
        baseline: Baseline?, settings: CalendarSettings = CalendarSettings(), stamp: Int
    ) {
        let sc = instance.scenario
        domain = settings.domain ?? baseline.flatMap(Self.baselineDomain) ?? CalendarSettings.derivedDomain(sc.event)
        let published = baseline?.calendars
        let before = Dictionary(baseline?.itineraries.map { ($0.attendee, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        let present = Set(sc.attendees.map(\.id.rawValue))
        let leavers = baseline?.itineraries.filter { !present.contains($0.attendee) } ?? []
        let names = Baseline.calendarNames(sc.attendees.map(\.id.rawValue) + leavers.map(\.attendee))
        var notices: [Notice] = []
        let calendarName = { (person: String) in "\(sc.event.name): \(person)" }

        for (a, person) in sc.attendees.enumerated() {
            let entries = Self.entries(a, instance, plan, followUps, zones, domain: domain)
            let id = person.id.rawValue
            let was = published?[id]?.events ?? []
            let old = Dictionary(was.map { ($0.uid, $0) }, uniquingKeysWith: { a, _ in a })
            var events: [ICalendar.Event] = [], what: [String] = []
            for var e in entries {
                if let o = old[e.event.uid] {
                    let shown = ICalendar.Event(published: o)
                    e.event.sequence = e.event.showsSame(as: shown) ? o.sequence : o.sequence + 1
                    if !e.event.showsSame(as: shown) { what.append(o.cancelled ? e.added : e.changed); updatedEvents += 1 }
                } else {
                    what.append(e.added)
                }
                events.append(e.event)
            }
            let now = Set(entries.map(\.event.uid))
            for o in was where !now.contains(o.uid) {
                var e = ICalendar.Event(published: o)
                if !o.cancelled {
                    e.cancelled = true; e.sequence += 1; cancelledEvents += 1
                    what.append("\(o.summary) (\(Self.when(o.start, instance.clock))) is cancelled for you.")
                }
                events.append(e)
            }
            let who = person.email.map { ICalendar.Person(name: person.name, email: $0) }
            files.append(
                (
                    names[a],
                    ICalendar(
                        name: calendarName(person.name), events: events, stamp: stamp,
                        organizer: settings.organizer, attendee: who
                    ).text
                ))
            guard published != nil else { continue }
            if before[id] == nil {
                what = ["You are now on the plan for \(sc.event.name): \(Figures.counted(events.count, "event")) in your calendar."]
            }
            if !what.isEmpty { notices.append(Notice(attendee: id, name: person.name, email: person.email ?? "", what: what)) }
        }

        for (i, r) in leavers.enumerated() {
            guard let cal = published?[r.attendee] else {
                if published != nil {
                    notices.append(
                        Notice(
                            attendee: r.attendee, name: r.name, email: "",
                            what: ["You are no longer on the plan for \(sc.event.name)."]))
                }
                continue
            }
            let events = cal.events.map { o -> ICalendar.Event in
                var e = ICalendar.Event(published: o)
                if !o.cancelled { e.cancelled = true; e.sequence += 1; cancelledEvents += 1 }
                return e
            }
            cancelledCalendars += 1
            let who = cal.email.map { ICalendar.Person(name: r.name, email: $0) }
            files.append(
                (
                    names[sc.attendees.count + i],
                    ICalendar(
                        name: calendarName(r.name.isEmpty ? r.attendee : r.name), events: events,
                        stamp: stamp, method: .cancel, organizer: settings.organizer, attendee: who
                    ).text
                ))
            notices.append(
                Notice(
                    attendee: r.attendee, name: r.name, email: cal.email ?? "",
                    what: ["You are no longer on the plan for \(sc.event.name); the \(Figures.counted(cal.events.count, "event")) in your calendar \(cal.events.count == 1 ? "is" : "are") cancelled."])
            )
        }
        self.notices = published == nil ? nil : notices
    }

    /// The one domain every baseline UID shares, unless it is the old `@kickoff` of calendars
    /// written before UIDs were stable.
    static func baselineDomain(_ b: Baseline) -> String? {
        let domains = Set((b.calendars ?? [:]).values.flatMap(\.events).compactMap { e in e.uid.lastIndex(of: "@").map { String(e.uid[e.uid.index(after: $0)...]) } })
        guard domains.count == 1, let d = domains.first, d != "kickoff", CalendarSettings.isDomain(d) else { return nil }
        return d
    }

    /// One attendee's commitments, in calendar order: inbound, sessions, dinner, outbound, follow-ups.
    static func entries(
        _ a: Int, _ instance: PlanningInstance, _ plan: Plan, _ followUps: [FollowUpPlacement], _ zones: [HomeZone],
        domain: String
    ) -> [Entry] {
        let sc = instance.scenario, agenda = instance.agenda, person = sc.attendees[a], legs = sc.travel
        func uid(_ what: String) -> String { "\(encode(person.id.rawValue)).\(what)@\(domain)" }
        var out: [Entry] = []
        func trip(_ l: Int, inbound: Bool) -> Entry {
            let leg = legs[l]
            let name = leg.carrier ?? "leg \(leg.id)"
            let when = "\(day(leg.depart)) from \(leg.origin)"
            let event = ICalendar.Event(
                uid: uid(inbound ? "inbound" : "outbound"), start: leg.depart.instant, end: leg.arrive.instant,
                summary: "Travel \(leg.origin) → \(leg.destination)\(leg.carrier.map { " (\($0))" } ?? "")",
                location: leg.origin,
                description: "Booking \(leg.id). Departs \(leg.depart) from \(leg.origin); arrives \(leg.arrive) at \(leg.destination).")
            let flight = inbound ? "Your flight in" : "Your flight home"
            return Entry(event: event, changed: "\(flight) is now \(name), \(when).", added: "\(flight) is \(name), \(when).")
        }
        if let t = plan.trips[a] { out.append(trip(t.inbound, inbound: true)) }
        for k in instance.sessionsInTimeOrder(of: a, in: plan) {
            let p = plan.placements[k], s = instance.session(k), id = agenda.sessions[k].id
            let iv = instance.interval(of: k, startingAt: p.slot)!
            let room = instance.rooms[p.room].name
            let place = "\(when(iv.start, instance.clock)), \(room)"
            out.append(
                Entry(
                    event: ICalendar.Event(
                        uid: uid("session.\(encode(id))"), start: iv.start, end: iv.end, summary: s.title,
                        location: "\(room), \(instance.venue.name)", description: "Session \(id) (\(s.kind.rawValue))."),
                    changed: "\(s.title) moved to \(place).", added: "You are now in \(s.title), \(place)."))
        }
        if let d = plan.dinners[person.team] {
            let iv = instance.dinnerInterval(evening: d.evening), r = instance.restaurants[d.restaurant]
            let place = "\(r.name), \(when(iv.start, instance.clock))"
            out.append(
                Entry(
                    event: ICalendar.Event(
                        uid: uid("dinner"), start: iv.start, end: iv.end, summary: "Team dinner: \(person.team)",
                        location: r.name, description: "Team dinner for \(person.team) at \(r.name)"),
                    changed: "Your team dinner moved to \(place).", added: "Your team dinner is at \(place)."))
        }
        if let t = plan.trips[a] { out.append(trip(t.outbound, inbound: false)) }
        for f in followUps where f.audience.contains(a) {
            let def = f.definition
            let local = "\(when(f.start, zones[a], instance.clock)) (\(zones[a]))"
            out.append(
                Entry(
                    event: ICalendar.Event(
                        uid: uid("followup.\(encode(f.followUp))"), start: f.start, end: f.end, summary: def.title,
                        location: "Online", description: "Follow-up to \(sc.event.name) (\(def.kind)), \(def.minutes) minutes."),
                    changed: "\(def.title) moved to \(local).", added: "\(def.title) is on \(local)."))
        }
        return out
    }

    /// Anything but letters, digits, `-` and `_` as `%XX` (UTF-8), so the UID's parts cannot run together.
    static func encode(_ id: String) -> String {
        var out = ""
        for b in id.utf8 {
            let c = Unicode.Scalar(b)
            if ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_" {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + String(hexDigits[Int(b >> 4)]) + String(hexDigits[Int(b & 15)])
            }
        }
        return out
    }

    static let hexDigits = Array("0123456789ABCDEF")

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Thu 14 Jan 15:10` in the timestamp's own offset.
    static func day(_ t: Timestamp) -> String {
        "\(t.date.weekday.shortName) \(t.date.day) \(months[t.date.month - 1]) \(t.time)"
    }

    /// An instant as venue-local `Thu 14 Jan 15:10`.
    static func when(_ instant: Int, _ clock: VenueClock) -> String {
        day(Timestamp(instant: instant, offsetMinutes: clock.offsetMinutes(atInstant: instant)))
    }

    static func when(_ instant: Int, _ zone: HomeZone, _ venue: VenueClock) -> String {
        switch zone {
        case .fixed(let m): return day(Timestamp(instant: instant, offsetMinutes: m))
        case .named(let id): return when(instant, VenueClock(identifier: id) ?? venue)
        }
    }

}

extension ICalendar.Event {
    init(published o: Baseline.PublishedEvent) {
        self.init(
            uid: o.uid, start: o.start, end: o.end, summary: o.summary, location: o.location, description: o.description,
            sequence: o.sequence, cancelled: o.cancelled)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
