import Foundation
import KickoffCore

/// The columns of every CSV file in a plan folder and a comparison folder (docs/FORMATS.md): the
/// one place they are named, used by the writers (KickoffReport) and by the baseline reader, so
/// what is written and what is read back cannot drift apart.
public enum PlanFolderFormat {
    public static let schedule = ["session", "title", "kind", "day", "date", "start", "end", "room", "room_name", "attendees"]
    public static let itineraries = [
        "attendee", "name", "team", "inbound", "arrive", "outbound", "depart", "hotel_nights",
        "dinner", "dinner_date", "sessions", "co2_kg"
    ]
    public static let dinners = ["team", "date", "restaurant", "guests"]
    public static let unplaced = ["session", "title", "kind", "attendees", "tried_day", "tried_start", "tried_room", "blocked_by"]
    public static let followUps = ["id", "title", "date", "start_utc", "attendees", "outside_hours"]
    public static let notices = ["attendee", "name", "email", "what"]
    public static let transfers = ["run", "direction", "date", "leaves", "arrives", "riders", "attendees"]
    public static let changes = ["what", "id", "change", "from", "to", "why"]
    /// compare.csv; with several start dates `start_date` follows as the last column.
    public static let compare = [
        "venue", "status", "total", "travel", "hotel", "time_away", "dinners", "venue_cost",
        "hotel_nights", "solve_seconds", "gap", "reason", "co2_kg"
    ]
}

/// summary.json, the one definition of it: `PlanFiles` builds this value and encodes it (with
/// `OrderedJSONEncoder`, in this order), and the baseline reader and `compare` decode it.
///
/// A key whose value may be unknown is written as `null`; the sections that exist only in some
/// runs (`changes`, `followups`, `carbon`, `ground`, `calendars`, `unplaced`) are left out when
/// absent. Sections with a shape of their own (agenda health, changes, carbon, ground transfers,
/// follow-ups) are kept as `JSON`, built and read by the reports that own them.
public struct PlanSummary: Codable, Sendable, Equatable {
    public struct Costs: Codable, Sendable, Equatable {
        public var travel: Double
        public var hotel: Double
        public var timeAway: Double
        public var dinners: Double
        public var venue: Double
        /// Present only with an internal carbon price.
        public var carbon: Double?

        enum CodingKeys: String, CodingKey {
            case travel, hotel, timeAway = "time_away", dinners, venue, carbon
        }

        public init(travel: Double, hotel: Double, timeAway: Double, dinners: Double, venue: Double, carbon: Double?) {
            self.travel = travel
            self.hotel = hotel
            self.timeAway = timeAway
            self.dinners = dinners
            self.venue = venue
            self.carbon = carbon
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(travel, forKey: .travel)
            try c.encode(hotel, forKey: .hotel)
            try c.encode(timeAway, forKey: .timeAway)
            try c.encode(dinners, forKey: .dinners)
            try c.encode(venue, forKey: .venue)
            if let carbon { try c.encode(carbon, forKey: .carbon) }
        }
    }

    public struct Counts: Codable, Sendable, Equatable {
        public var attendees: Int
        public var travellers: Int
        public var locals: Int
        public var teams: Int
        public var sessions: Int
        public var rooms: Int
        /// What the plan uses; present only with a plan.
        public var plan: PlanCounts?

        public struct PlanCounts: Sendable, Equatable {
            public var roomsUsed: Int
            public var legsBooked: Int
            public var hotelNights: Int
            public var teamDinners: Int

            public init(roomsUsed: Int, legsBooked: Int, hotelNights: Int, teamDinners: Int) {
                self.roomsUsed = roomsUsed
                self.legsBooked = legsBooked
                self.hotelNights = hotelNights
                self.teamDinners = teamDinners
            }
        }

        enum CodingKeys: String, CodingKey {
            case attendees, travellers, locals, teams, sessions, rooms
            case roomsUsed = "rooms_used", legsBooked = "legs_booked", hotelNights = "hotel_nights", teamDinners = "team_dinners"
        }

        public init(attendees: Int, travellers: Int, locals: Int, teams: Int, sessions: Int, rooms: Int, plan: PlanCounts?) {
            self.attendees = attendees
            self.travellers = travellers
            self.locals = locals
            self.teams = teams
            self.sessions = sessions
            self.rooms = rooms
            self.plan = plan
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            attendees = try c.decode(Int.self, forKey: .attendees)
            travellers = try c.decode(Int.self, forKey: .travellers)
            locals = try c.decode(Int.self, forKey: .locals)
            teams = try c.decode(Int.self, forKey: .teams)
            sessions = try c.decode(Int.self, forKey: .sessions)
            rooms = try c.decode(Int.self, forKey: .rooms)
            if let used = try c.decodeIfPresent(Int.self, forKey: .roomsUsed) {
                plan = PlanCounts(
                    roomsUsed: used, legsBooked: try c.decode(Int.self, forKey: .legsBooked),
                    hotelNights: try c.decode(Int.self, forKey: .hotelNights),
                    teamDinners: try c.decode(Int.self, forKey: .teamDinners))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(attendees, forKey: .attendees)
            try c.encode(travellers, forKey: .travellers)
            try c.encode(locals, forKey: .locals)
            try c.encode(teams, forKey: .teams)
            try c.encode(sessions, forKey: .sessions)
            try c.encode(rooms, forKey: .rooms)
            if let plan {
                try c.encode(plan.roomsUsed, forKey: .roomsUsed)
                try c.encode(plan.legsBooked, forKey: .legsBooked)
                try c.encode(plan.hotelNights, forKey: .hotelNights)
                try c.encode(plan.teamDinners, forKey: .teamDinners)
            }
        }
    }

    /// The integer program's size.
    public struct ModelSize: Codable, Sendable, Equatable {
        public var variables: Int
        public var integerVariables: Int
        public var constraints: Int
        public var nonzeros: Int
        public var travelGroups: Int

        enum CodingKeys: String, CodingKey {
            case variables, integerVariables = "integer_variables", constraints, nonzeros, travelGroups = "travel_groups"
        }

        public init(variables: Int, integerVariables: Int, constraints: Int, nonzeros: Int, travelGroups: Int) {
            self.variables = variables
            self.integerVariables = integerVariables
            self.constraints = constraints
            self.nonzeros = nonzeros
            self.travelGroups = travelGroups
        }
    }

    /// The calendars written (`--uid-domain`), and in a re-plan what changed in them.
    public struct Calendars: Codable, Sendable, Equatable {
        public var uidDomain: String
        public var changes: Changes?

        public struct Changes: Sendable, Equatable {
            public var eventsUpdated: Int
            public var eventsCancelled: Int
            public var calendarsCancelled: Int
            public var attendeesNotified: Int

            public init(eventsUpdated: Int, eventsCancelled: Int, calendarsCancelled: Int, attendeesNotified: Int) {
                self.eventsUpdated = eventsUpdated
                self.eventsCancelled = eventsCancelled
                self.calendarsCancelled = calendarsCancelled
                self.attendeesNotified = attendeesNotified
            }
        }

        enum CodingKeys: String, CodingKey {
            case uidDomain = "uid_domain", eventsUpdated = "events_updated", eventsCancelled = "events_cancelled"
            case calendarsCancelled = "calendars_cancelled", attendeesNotified = "attendees_notified"
        }

        public init(uidDomain: String, changes: Changes?) {
            self.uidDomain = uidDomain
            self.changes = changes
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            uidDomain = try c.decode(String.self, forKey: .uidDomain)
            if let updated = try c.decodeIfPresent(Int.self, forKey: .eventsUpdated) {
                changes = Changes(
                    eventsUpdated: updated, eventsCancelled: try c.decode(Int.self, forKey: .eventsCancelled),
                    calendarsCancelled: try c.decode(Int.self, forKey: .calendarsCancelled),
                    attendeesNotified: try c.decode(Int.self, forKey: .attendeesNotified))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(uidDomain, forKey: .uidDomain)
            if let changes {
                try c.encode(changes.eventsUpdated, forKey: .eventsUpdated)
                try c.encode(changes.eventsCancelled, forKey: .eventsCancelled)
                try c.encode(changes.calendarsCancelled, forKey: .calendarsCancelled)
                try c.encode(changes.attendeesNotified, forKey: .attendeesNotified)
            }
        }
    }

    /// ITC2007's distance to feasibility: what the best partial agenda leaves out.
    public struct Unplaced: Codable, Sendable, Equatable {
        public var sessions: Int
        public var attendeesAffected: Int

        enum CodingKeys: String, CodingKey { case sessions, attendeesAffected = "attendees_affected" }

        public init(sessions: Int, attendeesAffected: Int) {
            self.sessions = sessions
            self.attendeesAffected = attendeesAffected
        }
    }

    /// `optimal`, `feasible`, `infeasible`, `time_limit` or `error`.
    public var status: String
    public var venue: String
    public var venueName: String
    public var event: String
    public var startDate: String
    public var currency: String
    /// The plan's total cost; null without a plan.
    public var objective: Double?
    public var costs: Costs?
    public var bound: Double?
    public var gap: Double?
    public var solveSeconds: Double
    public var counts: Counts
    public var model: ModelSize
    public var reasons: [String]
    public var agendaHealth: JSON?
    public var changes: JSON?
    public var followUps: JSON?
    public var carbon: JSON?
    public var ground: JSON?
    public var calendars: Calendars?
    public var unplaced: Unplaced?
    public var generatedAt: String

    enum CodingKeys: String, CodingKey {
        case status, venue, venueName = "venue_name", event, startDate = "start_date", currency, objective, costs, bound, gap
        case solveSeconds = "solve_seconds", counts, model, reasons, agendaHealth = "agenda_health", changes
        case followUps = "followups", carbon, ground, calendars, unplaced, generatedAt = "generated_at"
    }

    public init(
        status: String, venue: String, venueName: String, event: String, startDate: String, currency: String,
        objective: Double?, costs: Costs?, bound: Double?, gap: Double?, solveSeconds: Double, counts: Counts,
        model: ModelSize, reasons: [String], agendaHealth: JSON?, changes: JSON? = nil, followUps: JSON? = nil,
        carbon: JSON? = nil, ground: JSON? = nil, calendars: Calendars? = nil, unplaced: Unplaced? = nil, generatedAt: String
    ) {
        self.status = status
        self.venue = venue
        self.venueName = venueName
        self.event = event
        self.startDate = startDate
        self.currency = currency
        self.objective = objective
        self.costs = costs
        self.bound = bound
        self.gap = gap
        self.solveSeconds = solveSeconds
        self.counts = counts
        self.model = model
        self.reasons = reasons
        self.agendaHealth = agendaHealth
        self.changes = changes
        self.followUps = followUps
        self.carbon = carbon
        self.ground = ground
        self.calendars = calendars
        self.unplaced = unplaced
        self.generatedAt = generatedAt
    }

    /// Whether the folder holds a plan.
    public var hasPlan: Bool { Self.hasPlan(status: status) }

    /// Whether a folder with this `status` holds a plan (`optimal` or `feasible`).
    public static func hasPlan(status: String) -> Bool { status == "optimal" || status == "feasible" }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(venue, forKey: .venue)
        try c.encode(venueName, forKey: .venueName)
        try c.encode(event, forKey: .event)
        try c.encode(startDate, forKey: .startDate)
        try c.encode(currency, forKey: .currency)
        try c.encodeIfPresent(objective, forKey: .objective)
        try c.encodeIfPresent(costs, forKey: .costs)
        try c.encodeIfPresent(bound, forKey: .bound)
        try c.encodeIfPresent(gap, forKey: .gap)
        try c.encode(solveSeconds, forKey: .solveSeconds)
        try c.encode(counts, forKey: .counts)
        try c.encode(model, forKey: .model)
        try c.encode(reasons, forKey: .reasons)
        try c.encodeIfPresent(agendaHealth, forKey: .agendaHealth)
        // The sections only some runs have: left out when absent.
        if let changes { try c.encode(changes, forKey: .changes) }
        if let followUps { try c.encode(followUps, forKey: .followUps) }
        if let carbon { try c.encode(carbon, forKey: .carbon) }
        if let ground { try c.encode(ground, forKey: .ground) }
        if let calendars { try c.encode(calendars, forKey: .calendars) }
        if let unplaced { try c.encode(unplaced, forKey: .unplaced) }
        try c.encode(generatedAt, forKey: .generatedAt)
    }

    /// The file's text: two-space indents, keys in the order above, a final newline.
    public func rendered() -> String {
        // Encoding plain values into JSON cannot fail; a failure would be a bug here.
        ((try? OrderedJSONEncoder().encode(self)) ?? .null).rendered() + "\n"
    }
}

extension PlanSummary {
    /// What is wrong with a summary.json that does not decode, in a reader's words.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Only what identifies a plan folder, `status` and `venue`: what a baseline needs of its
    /// summary (the rest of a re-plan's baseline is in its CSV files).
    public struct Identity: Decodable, Sendable {
        public var status: String
        public var venue: String

        public var hasPlan: Bool { PlanSummary.hasPlan(status: status) }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: PlanSummary.CodingKeys.self)
            status = try c.decode(String.self, forKey: .status)
            venue = try c.decode(String.self, forKey: .venue)
        }
    }

    /// Decodes summary.json's bytes, or says which key is missing or of the wrong kind.
    public static func decode(_ data: Data) throws(ReadError) -> PlanSummary { try decode(PlanSummary.self, data) }

    /// Decodes summary.json's `status` and `venue` alone.
    public static func identity(_ data: Data) throws(ReadError) -> Identity { try decode(Identity.self, data) }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws(ReadError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ReadError(description: "missing key \(Diagnostic.quoted(path(context.codingPath + [key])))")
        } catch let DecodingError.typeMismatch(type, context) {
            throw ReadError(description: "\(Diagnostic.quoted(path(context.codingPath))) is not \(kind(type))")
        } catch let DecodingError.valueNotFound(type, context) {
            throw ReadError(description: "\(Diagnostic.quoted(path(context.codingPath))) is null, expected \(kind(type))")
        } catch {
            throw ReadError(description: "not a JSON object")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    private static func kind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Double.Type, is Int.Type: return "a number"
        case is [String].Type: return "a list of strings"
        default: return "an object of the expected shape"
        }
    }
}
