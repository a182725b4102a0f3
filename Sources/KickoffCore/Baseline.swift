/// A published plan that a re-plan keeps as much of as the rules allow (`kickoff solve --baseline`).
///
/// Everything is by id, as the plan folder wrote it, so it can be matched against a changed
/// scenario: ids that no longer exist simply match nothing.
public struct Baseline: Sendable {
    /// Where and when one expanded session ran (a schedule.csv row).
    public struct Placement: Sendable, Hashable {
        public var session: String
        public var date: CivilDate
        public var start: TimeOfDay
        public var room: String

        public init(session: String, date: CivilDate, start: TimeOfDay, room: String) {
            self.session = session; self.date = date; self.start = start; self.room = room
        }
    }

    /// One attendee's itinerary (an itineraries.csv row). Legs are nil for a local.
    public struct Itinerary: Sendable, Hashable {
        public var attendee: String
        /// As itineraries.csv wrote it (empty if the column is missing).
        public var name = ""
        public var team: String
        public var inbound: String?
        public var outbound: String?
        /// Expanded session ids.
        public var sessions: [String]

        public init(attendee: String, team: String, inbound: String?, outbound: String?, sessions: [String]) {
            self.attendee = attendee; self.team = team; self.inbound = inbound; self.outbound = outbound; self.sessions = sessions
        }

        public var isLocal: Bool { inbound == nil }
    }

    /// One team's dinner (a dinners.csv row).
    public struct Dinner: Sendable, Hashable {
        public var team: String
        public var date: CivilDate
        public var restaurant: String

        public init(team: String, date: CivilDate, restaurant: String) {
            self.team = team; self.date = date; self.restaurant = restaurant
        }
    }

    /// One event of a calendar the baseline published (an itineraries/ID.ics VEVENT): what the
    /// attendee was told, which a re-plan updates by UID with a higher SEQUENCE.
    public struct PublishedEvent: Sendable, Hashable {
        public var uid: String
        public var sequence: Int
        /// Minutes since the epoch (UTC).
        public var start: Int
        public var end: Int
        public var summary: String
        public var location: String?
        public var description: String?
        public var cancelled: Bool

        public init(
            uid: String, sequence: Int, start: Int, end: Int, summary: String, location: String?, description: String?,
            cancelled: Bool
        ) {
            self.uid = uid; self.sequence = sequence; self.start = start; self.end = end; self.summary = summary
            self.location = location; self.description = description; self.cancelled = cancelled
        }
    }

    /// One attendee's published calendar.
    public struct PublishedCalendar: Sendable, Hashable {
        public var events: [PublishedEvent]
        /// The address it was written for, if it had one.
        public var email: String?
        /// METHOD:CANCEL: the calendar of someone who had already left.
        public var cancelsAll: Bool

        public init(events: [PublishedEvent], email: String?, cancelsAll: Bool = false) {
            self.events = events; self.email = email; self.cancelsAll = cancelsAll
        }
    }

    /// The venue the baseline was planned at (summary.json's `venue`).
    public var venue: String
    /// In file order.
    public var placements: [Placement]
    public var itineraries: [Itinerary]
    public var dinners: [Dinner]
    /// The published calendars by attendee id; nil when the folder has no itineraries/*.ics.
    public var calendars: [String: PublishedCalendar]?

    public init(
        venue: String, placements: [Placement], itineraries: [Itinerary], dinners: [Dinner],
        calendars: [String: PublishedCalendar]? = nil
    ) {
        self.venue = venue
        self.placements = placements
        self.itineraries = itineraries
        self.dinners = dinners
        self.calendars = calendars
    }

    /// The plan folder's calendar file names (without `.ics`), one per attendee id in order: a
    /// file-safe form of the id, made unique within the folder ignoring case.
    public static func calendarNames(_ ids: [String]) -> [String] {
        var used = Set<String>()
        return ids.map { id in
            var name = fileSafe(id)
            if used.contains(name.lowercased()) {
                var n = 2
                while used.contains("\(name)-\(n)".lowercased()) { n += 1 }
                name = "\(name)-\(n)"
            }
            used.insert(name.lowercased())
            return name
        }
    }

    /// Letters, digits, `-`, `_` and `.` kept; anything else (slashes too) becomes `_`; never
    /// empty and never starting with a dot, so an id cannot name a path outside the folder.
    public static func fileSafe(_ id: String) -> String {
        var s = String(
            id.unicodeScalars.map { ch -> Character in
                let ok = ("a"..."z").contains(ch) || ("A"..."Z").contains(ch) || ("0"..."9").contains(ch) || ch == "-" || ch == "_" || ch == "."
                return ok ? Character(ch) : "_"
            })
        if s.isEmpty || s.hasPrefix(".") { s = "_" + s }
        return String(s.prefix(120))
    }
}
