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

    /// The venue the baseline was planned at (summary.json's `venue`).
    public var venue: String
    /// In file order.
    public var placements: [Placement]
    public var itineraries: [Itinerary]
    public var dinners: [Dinner]

    public init(venue: String, placements: [Placement], itineraries: [Itinerary], dinners: [Dinner]) {
        self.venue = venue
        self.placements = placements
        self.itineraries = itineraries
        self.dinners = dinners
    }
}
