import Foundation

/// Wall clock at a venue: converts venue-local dates and times to instants through its IANA zone.
public struct VenueClock: Sendable {
    public let timezone: TimeZone

    public init?(identifier: String) {
        guard !identifier.isEmpty, let tz = TimeZone(identifier: identifier) else { return nil }
        self.timezone = tz
    }

    /// UTC offset in minutes in force at a local wall-clock time.
    public func offsetMinutes(on date: CivilDate, at time: TimeOfDay) -> Int {
        let local = date.dayNumber * 1440 + time.minutes
        var offset = timezone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(local * 60))) / 60
        let again = timezone.secondsFromGMT(for: Date(timeIntervalSince1970: Double((local - offset) * 60))) / 60
        if again != offset { offset = again }
        return offset
    }

    /// The venue-local wall clock as a timestamp with its offset.
    public func timestamp(_ date: CivilDate, _ time: TimeOfDay) -> Timestamp {
        let days = time.minutes >= 0 ? time.minutes / 1440 : -1
        let d = date.adding(days: days)
        let t = TimeOfDay(minutes: time.minutes - days * 1440)
        return Timestamp(date: d, time: t, offsetMinutes: offsetMinutes(on: d, at: t))
    }

    /// Minutes since the epoch of a venue-local wall clock.
    public func instant(_ date: CivilDate, _ time: TimeOfDay) -> Int { timestamp(date, time).instant }

    /// The venue-local date of an instant.
    public func localDate(ofInstant instant: Int) -> CivilDate {
        Timestamp(instant: instant, offsetMinutes: offsetMinutes(atInstant: instant)).date
    }

    /// UTC offset in minutes in force at an instant.
    public func offsetMinutes(atInstant instant: Int) -> Int {
        timezone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant * 60))) / 60
    }
}

/// Which way a leg goes relative to the venue.
public enum LegDirection: String, Sendable {
    case inbound, outbound
}

/// Which end of a leg a finding is about.
public enum LegEnd: String, Sendable {
    case departure, arrival
}

/// Why a leg cannot be used at a venue, in the order they are tested.
public enum LegRejection: Hashable, Sendable, CustomStringConvertible {
    /// Neither end is the venue's airport (the leg serves another venue).
    case otherAirport
    /// The other end is no attendee's home airport.
    case noAttendeeHome(String)
    /// Departs or arrives on a Saturday or Sunday.
    case weekend(LegEnd, Weekday)
    /// Departs or arrives outside the event's business hours for travel, local time.
    case outsideBusinessHours(LegEnd, TimeOfDay)
    /// Travels before the Monday or after the Friday of the agenda's week: the trip would touch a weekend.
    case outsideEventWeek(LegEnd, CivilDate)
    /// Inbound, but arrives (plus the arrival buffer) after the last commitment could start.
    case arrivesTooLate
    /// Outbound, but departs (less the departure buffer) before the first commitment could end.
    case departsTooEarly

    /// A short category for counts in summaries.
    public var category: String {
        switch self {
        case .otherAirport: return "other venue's airport"
        case .noAttendeeHome: return "no attendee lives at the other end"
        case .weekend: return "weekend"
        case .outsideBusinessHours: return "outside business hours"
        case .outsideEventWeek: return "outside the event's week"
        case .arrivesTooLate: return "arrives too late"
        case .departsTooEarly: return "departs too early"
        }
    }

    public var description: String {
        switch self {
        case .otherAirport: return "neither end is the venue's airport"
        case .noAttendeeHome(let code): return "no attendee's home is \(code)"
        case let .weekend(end, day): return "\(end.rawValue) on a \(day.shortName)"
        case let .outsideBusinessHours(end, t): return "\(end.rawValue) at \(t) local, outside business hours"
        case let .outsideEventWeek(end, d): return "\(end.rawValue) on \(d), outside the event's Mon–Fri week"
        case .arrivesTooLate: return "arrives after the last commitment could start"
        case .departsTooEarly: return "departs before the first commitment could end"
        }
    }
}

/// A travel leg seen from one venue.
public struct ClassifiedLeg: Sendable {
    public let leg: Int
    /// Nil when neither end is the venue's airport.
    public let direction: LegDirection?
    /// Empty when usable; otherwise every reason, most basic first.
    public let rejections: [LegRejection]

    public var isUsable: Bool { rejections.isEmpty }
}

/// The travel legs of a scenario classified for one venue: usable inbound and outbound legs by
/// home airport, and every rejected leg with its reasons.
public struct TravelOptions: Sendable {
    public let venue: VenueID
    public let legs: [ClassifiedLeg]
    /// Usable inbound leg indices by origin (home) airport.
    public let inbound: [String: [Int]]
    /// Usable outbound leg indices by destination (home) airport.
    public let outbound: [String: [Int]]

    /// Classifies every leg of `scenario` for `venue` (which must exist and have a valid time zone).
    ///
    /// Complexity: O(legs + attendees + slots).
    public init(_ scenario: Scenario, venue: Venue) {
        self.venue = venue.id
        let event = scenario.event
        let homes = Set(scenario.attendees.map(\.home))
        let clock = VenueClock(identifier: venue.timezone)
        let monday = event.startDate.mondayOfWeek
        let friday = monday.adding(days: 4)

        // The window in which any commitment can happen, as instants.
        var earliestEnd = Int.max, latestStart = Int.min
        if let clock {
            for slot in scenario.effectiveSlots {
                let date = event.date(ofDay: slot.day)
                earliestEnd = min(earliestEnd, clock.instant(date, slot.end))
                latestStart = max(latestStart, clock.instant(date, slot.start))
            }
            for r in scenario.restaurants(at: venue.id) {
                for evening in r.hostedEvenings(days: event.days) {
                    let date = event.date(ofDay: evening)
                    let start = clock.instant(date, event.dinnerTime)
                    earliestEnd = min(earliestEnd, start + event.dinnerMinutes)
                    latestStart = max(latestStart, start)
                }
            }
        }

        var legs: [ClassifiedLeg] = []
        legs.reserveCapacity(scenario.travel.count)
        var inbound: [String: [Int]] = [:], outbound: [String: [Int]] = [:]
        for (i, leg) in scenario.travel.enumerated() {
            let direction: LegDirection?
            if leg.destination == venue.airport, leg.origin != venue.airport {
                direction = .inbound
            } else if leg.origin == venue.airport, leg.destination != venue.airport {
                direction = .outbound
            } else {
                direction = nil
            }
            guard let direction else {
                legs.append(ClassifiedLeg(leg: i, direction: nil, rejections: [.otherAirport]))
                continue
            }
            var why: [LegRejection] = []
            let home = direction == .inbound ? leg.origin : leg.destination
            if !homes.contains(home) { why.append(.noAttendeeHome(home)) }
            for (end, ts) in [(LegEnd.departure, leg.depart), (.arrival, leg.arrive)] {
                if ts.date.weekday.isWeekend { why.append(.weekend(end, ts.date.weekday)) }
            }
            if why.allSatisfy({ if case .weekend = $0 { false } else { true } }) {
                // A leg over several days (rare) must not pass through a weekend either.
                var d = leg.depart.date.adding(days: 1)
                while d < leg.arrive.date {
                    if d.weekday.isWeekend { why.append(.weekend(.arrival, d.weekday)); break }
                    d = d.adding(days: 1)
                }
            }
            for (end, ts) in [(LegEnd.departure, leg.depart), (.arrival, leg.arrive)]
            where ts.time < event.travelEarliest || ts.time > event.travelLatest {
                why.append(.outsideBusinessHours(end, ts.time))
            }
            // The trip's home-local dates must stay inside the agenda's Mon–Fri week.
            let homeEnd = direction == .inbound ? (LegEnd.departure, leg.depart) : (LegEnd.arrival, leg.arrive)
            if !leg.depart.date.weekday.isWeekend, !leg.arrive.date.weekday.isWeekend,
                homeEnd.1.date < monday || homeEnd.1.date > friday
            {
                why.append(.outsideEventWeek(homeEnd.0, homeEnd.1.date))
            }
            if clock != nil, earliestEnd != Int.max {
                switch direction {
                case .inbound where leg.arrive.instant + event.arrivalBufferMinutes > latestStart:
                    why.append(.arrivesTooLate)
                case .outbound where leg.depart.instant - event.departureBufferMinutes < earliestEnd:
                    why.append(.departsTooEarly)
                default: break
                }
            }
            legs.append(ClassifiedLeg(leg: i, direction: direction, rejections: why))
            if why.isEmpty {
                if direction == .inbound { inbound[home, default: []].append(i) } else { outbound[home, default: []].append(i) }
            }
        }
        self.legs = legs
        self.inbound = inbound
        self.outbound = outbound
    }

    public var usableInboundCount: Int { inbound.values.reduce(0) { $0 + $1.count } }
    public var usableOutboundCount: Int { outbound.values.reduce(0) { $0 + $1.count } }

    /// Rejected legs that touch the venue, counted by their first reason's category.
    public var rejectedByCategory: [(category: String, count: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for l in legs {
            guard let first = l.rejections.first, first != .otherAirport else { continue }
            if counts[first.category] == nil { order.append(first.category) }
            counts[first.category, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }.sorted { $0.count > $1.count || ($0.count == $1.count && $0.category < $1.category) }
    }
}
