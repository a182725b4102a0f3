/// The scenario's value types: one struct per row kind of `docs/FORMATS.md`'s input section.
///
/// Every row keeps its `SourceLine`, so that semantic checks made long after parsing still
/// point at the file and line a coordinator must fix.

/// A string identifier tagged with what it names, so a room id can never be passed as a session id.
public struct ID<Entity>: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }
    public static func < (a: ID, b: ID) -> Bool { a.rawValue < b.rawValue }
}

public typealias AttendeeID = ID<Attendee>
public typealias VenueID = ID<Venue>
public typealias RoomID = ID<Room>
public typealias SessionID = ID<Session>
public typealias SlotID = ID<Slot>
public typealias RestaurantID = ID<Restaurant>
public typealias LegID = ID<TravelLeg>

/// event.csv: the event and the rules that shape its days.
public struct Event: Sendable {
    public var name: String
    public var startDate: CivilDate
    public var days: Int = 3
    public var dayStart = TimeOfDay(hour: 9, minute: 0)
    public var dayEnd = TimeOfDay(hour: 17, minute: 0)
    public var slotMinutes = 60
    public var travelEarliest = TimeOfDay(hour: 8, minute: 0)
    public var travelLatest = TimeOfDay(hour: 18, minute: 0)
    public var arrivalBufferMinutes = 60
    public var departureBufferMinutes = 60
    public var dinnerTime = TimeOfDay(hour: 19, minute: 0)
    public var dinnerMinutes = 120
    public var timeAwayCostPerHour: Double = 0
    public var compPlanDate: CivilDate?
    public var currency = "USD"
    public var source: SourceLine

    public init(name: String, startDate: CivilDate, source: SourceLine) {
        self.name = name
        self.startDate = startDate
        self.source = source
    }

    /// Agenda day `k` (1-based) as a venue-local date.
    public func date(ofDay k: Int) -> CivilDate { startDate.adding(days: k - 1) }

    public var agendaDates: [CivilDate] { (1...max(days, 1)).map(date(ofDay:)) }
    public var lastDate: CivilDate { date(ofDay: days) }
}

/// Recognition tier from last year's attainment.
public enum Tier: String, Sendable, CaseIterable {
    case chairmansClub = "chairmans_club"
    case presidentsClub = "presidents_club"
    case none

    /// ≥ 125 % is chairmans_club, ≥ 100 % presidents_club, anything else (or unknown) none.
    public init(attainment: Double?) {
        guard let a = attainment else { self = .none; return }
        self = a >= 125 ? .chairmansClub : a >= 100 ? .presidentsClub : .none
    }
}

/// attendees.csv: a person.
public struct Attendee: Sendable {
    public var id: AttendeeID
    public var name: String
    public var email: String?
    public var team: String
    public var role: String
    public var managerID: AttendeeID?
    /// IATA code of the home airport.
    public var home: String
    public var company: String?
    /// Percent of quota last year.
    public var attainment: Double?
    public var source: SourceLine

    public init(
        id: AttendeeID, name: String, email: String? = nil, team: String, role: String,
        managerID: AttendeeID? = nil, home: String, company: String? = nil,
        attainment: Double? = nil, source: SourceLine
    ) {
        self.id = id; self.name = name; self.email = email; self.team = team; self.role = role
        self.managerID = managerID; self.home = home; self.company = company
        self.attainment = attainment; self.source = source
    }

    public var tier: Tier { Tier(attainment: attainment) }
}

/// venues.csv: a candidate venue.
public struct Venue: Sendable {
    public var id: VenueID
    public var name: String
    public var city: String
    public var airport: String
    /// IANA time zone name (`America/Chicago`).
    public var timezone: String
    public var dailyRate: Double
    public var hotelRate: Double
    /// Hotel room block per night; nil is unlimited.
    public var hotelRooms: Int?
    public var source: SourceLine

    public init(
        id: VenueID, name: String, city: String, airport: String, timezone: String,
        dailyRate: Double, hotelRate: Double, hotelRooms: Int?, source: SourceLine
    ) {
        self.id = id; self.name = name; self.city = city; self.airport = airport
        self.timezone = timezone; self.dailyRate = dailyRate; self.hotelRate = hotelRate
        self.hotelRooms = hotelRooms; self.source = source
    }
}

/// rooms.csv: a meeting room at a venue.
public struct Room: Sendable {
    public var venue: VenueID
    public var id: RoomID
    public var name: String
    public var capacity: Int
    public var features: Set<String>
    public var source: SourceLine

    public init(venue: VenueID, id: RoomID, name: String, capacity: Int, features: Set<String>, source: SourceLine) {
        self.venue = venue; self.id = id; self.name = name; self.capacity = capacity
        self.features = features; self.source = source
    }
}

/// What a session is for; drives the agenda-health report.
public enum SessionKind: String, Sendable, CaseIterable {
    case keynote, practice, training, territory, recognition, info, social, other
}

/// Whether a session runs once or once per team.
public enum Repeat: String, Sendable, CaseIterable {
    case once
    case perTeam = "per_team"
}

/// sessions.csv: an agenda item to place in a room and time.
public struct Session: Sendable {
    public var id: SessionID
    public var title: String
    public var kind: SessionKind = .other
    public var audience: AudienceRule
    public var repeatMode: Repeat = .once
    /// Consecutive slots spanned.
    public var slots = 1
    public var needs: [String] = []
    public var day: Int?
    public var fixedSlot: SlotID?
    public var allowedSlots: [SlotID] = []
    public var after: [SessionID] = []
    public var presenters: [AttendeeID] = []
    public var source: SourceLine

    public init(id: SessionID, title: String, audience: AudienceRule, source: SourceLine) {
        self.id = id
        self.title = title
        self.audience = audience
        self.source = source
    }
}

/// A time slot of the agenda, from slots.csv or cut from event.csv.
public struct Slot: Sendable, Hashable {
    public var id: SlotID
    public var day: Int
    public var start: TimeOfDay
    public var end: TimeOfDay
    /// Nil for slots cut from event.csv.
    public var source: SourceLine?

    public init(id: SlotID, day: Int, start: TimeOfDay, end: TimeOfDay, source: SourceLine?) {
        self.id = id; self.day = day; self.start = start; self.end = end; self.source = source
    }
}

/// dinners.csv: a restaurant at a venue that can host team dinners.
public struct Restaurant: Sendable {
    public var venue: VenueID
    public var id: RestaurantID
    public var name: String
    public var capacity: Int
    public var costPerHead: Double = 0
    /// Agenda days whose evening it can host; nil means the default (every agenda day but the last).
    public var evenings: [Int]?
    public var source: SourceLine

    public init(
        venue: VenueID, id: RestaurantID, name: String, capacity: Int, costPerHead: Double,
        evenings: [Int]?, source: SourceLine
    ) {
        self.venue = venue; self.id = id; self.name = name; self.capacity = capacity
        self.costPerHead = costPerHead; self.evenings = evenings; self.source = source
    }

    /// Evenings it hosts for an event of `days` agenda days.
    public func hostedEvenings(days: Int) -> [Int] {
        evenings ?? Array(1..<max(days, 1))
    }
}

/// travel.csv: a bookable leg (flight, train) with times and price.
public struct TravelLeg: Sendable {
    public var id: LegID
    public var origin: String
    public var destination: String
    public var carrier: String?
    public var depart: Timestamp
    public var arrive: Timestamp
    public var price: Double
    /// Seats this option can sell to the event; nil is unlimited.
    public var seats: Int?
    public var source: SourceLine

    public init(
        id: LegID, origin: String, destination: String, carrier: String?, depart: Timestamp,
        arrive: Timestamp, price: Double, seats: Int?, source: SourceLine
    ) {
        self.id = id; self.origin = origin; self.destination = destination; self.carrier = carrier
        self.depart = depart; self.arrive = arrive; self.price = price; self.seats = seats
        self.source = source
    }

    public var durationMinutes: Int { arrive.instant - depart.instant }
}

/// enrollments.csv: an explicit sign-up.
public struct Enrollment: Sendable {
    public var attendee: AttendeeID
    public var session: SessionID
    public var source: SourceLine

    public init(attendee: AttendeeID, session: SessionID, source: SourceLine) {
        self.attendee = attendee; self.session = session; self.source = source
    }
}

/// Which column of which file holds a field, so later checks can point at `file:line:column`.
public struct ColumnMap: Sendable {
    var columns: [String: [String: Int]] = [:]

    public init() {}

    public mutating func set(file: String, field: String, column: Int) {
        columns[file, default: [:]][field] = column
    }

    /// 1-based column of `field` in `file`, if the file has it.
    public func column(_ file: String, _ field: String) -> Int? { columns[file]?[field] }
}

/// A whole scenario folder as read, before any derived facts.
public struct Scenario: Sendable {
    public var event: Event
    public var attendees: [Attendee] = []
    public var venues: [Venue] = []
    public var rooms: [Room] = []
    public var sessions: [Session] = []
    public var travel: [TravelLeg] = []
    /// Nil when slots.csv is absent (slots are then cut from event.csv).
    public var slots: [Slot]?
    /// Nil when dinners.csv is absent (no team dinners are planned).
    public var restaurants: [Restaurant]?
    public var enrollments: [Enrollment] = []
    /// followups.csv's rows (empty when the file is absent); see `effectiveFollowUps`.
    public var followUps: [FollowUp] = []
    /// transfers.csv's rows, at most one per venue (empty when the file is absent).
    public var transfers: [Transfer] = []
    public var columns = ColumnMap()

    public init(event: Event) { self.event = event }

    /// An error of kind `code` pointing at `field` of the row at `source`.
    public func at(_ code: Diagnostic.Code, _ source: SourceLine, _ field: String, _ message: String) -> Diagnostic {
        at(code, source, field, .error, message)
    }

    /// A diagnostic of the given kind and severity pointing at `field` of the row at `source`.
    public func at(
        _ code: Diagnostic.Code, _ source: SourceLine, _ field: String, _ severity: Diagnostic.Severity,
        _ message: String
    ) -> Diagnostic {
        Diagnostic(
            severity, code, file: source.file, line: source.line,
            column: columns.column(source.file, field), "\(field): \(message)")
    }
}
