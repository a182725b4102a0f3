import KickoffCore

/// Everything the planner needs to know about one venue of a validated scenario, derived once:
/// the agenda, the venue's rooms and restaurants, instants of every slot and dinner, the usable
/// travel legs, and who is local.
///
/// Build it only from a scenario that `validate()` accepted.
package struct PlanningInstance: Sendable {
    package let scenario: Scenario
    package let venue: Venue
    package let agenda: Agenda
    package let rooms: [Room]
    /// Restaurants of the venue (empty without dinners.csv).
    package let restaurants: [Restaurant]
    /// Evenings each restaurant hosts during the event: distinct agenda days, ascending.
    package let evenings: [[Int]]
    /// Whether team dinners are planned at all (dinners.csv present).
    package let hasDinners: Bool
    package let clock: VenueClock
    package let travel: TravelOptions
    /// Instant (minutes since the epoch) where each slot starts and ends.
    package let slotStart: [Int]
    package let slotEnd: [Int]
    /// Expanded session indices each attendee attends, ascending.
    package let sessionsOf: [[Int]]
    /// True for attendees whose home is the venue's airport.
    package let isLocal: [Bool]
    /// Each leg's kg CO2e and the internal carbon price (none: no estimates, no price).
    package let carbon: Carbon

    package enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownVenue(String)
        case badTimeZone(String)

        package var description: String {
            switch self {
            case .unknownVenue(let v): return "no venue \"\(v)\" in venues.csv"
            case .badTimeZone(let z): return "unknown time zone \"\(z)\""
            }
        }
    }

    /// - Parameters:
    ///   - venue: a venue id; nil plans the first venue of venues.csv.
    ///   - carbon: each leg's estimate and the carbon price; at a price above 0 a leg's cost includes its carbon.
    package init(_ scenario: Scenario, venue venueID: VenueID? = nil, carbon: Carbon = .none) throws(Failure) {
        guard let venue = venueID.map({ scenario.venue($0) }) ?? scenario.venues.first else {
            throw .unknownVenue(venueID?.rawValue ?? "")
        }
        guard let clock = VenueClock(identifier: venue.timezone) else { throw .badTimeZone(venue.timezone) }
        self.init(scenario, venue: venue, agenda: Agenda(scenario), clock: clock, carbon: carbon)
    }

    init(_ scenario: Scenario, venue: Venue, agenda: Agenda, clock: VenueClock, carbon: Carbon) {
        self.scenario = scenario
        self.carbon = carbon
        self.venue = venue
        self.agenda = agenda
        self.clock = clock
        self.rooms = scenario.rooms(at: venue.id)
        self.restaurants = scenario.restaurants(at: venue.id)
        self.hasDinners = scenario.restaurants != nil
        let days = scenario.event.days
        self.evenings = restaurants.map { Set($0.hostedEvenings(days: days)).filter { (1...days).contains($0) }.sorted() }
        self.travel = TravelOptions(scenario, venue: venue)
        let event = scenario.event
        self.slotStart = agenda.slots.map { clock.instant(event.date(ofDay: $0.day), $0.start) }
        self.slotEnd = agenda.slots.map { clock.instant(event.date(ofDay: $0.day), $0.end) }
        var of = [[Int]](repeating: [], count: scenario.attendees.count)
        for (k, s) in agenda.sessions.enumerated() { for a in s.audience { of[a].append(k) } }
        self.sessionsOf = of
        self.isLocal = scenario.attendees.map { $0.home == venue.airport }
    }

    package var event: Event { scenario.event }

    /// The `Session` row behind expanded session `k`.
    package func session(_ k: Int) -> Session { scenario.sessions[agenda.sessions[k].sessionIndex] }

    /// Start and end instants of expanded session `k` starting at slot `s`, or nil if it cannot start there.
    package func interval(of k: Int, startingAt s: Int) -> (start: Int, end: Int)? {
        guard let run = agenda.run(from: s, length: session(k).slots) else { return nil }
        return (slotStart[s], slotEnd[run.last!])
    }

    /// Start and end instants of the team dinner on evening `day`.
    package func dinnerInterval(evening day: Int) -> (start: Int, end: Int) {
        let start = clock.instant(event.date(ofDay: day), event.dinnerTime)
        return (start, start + event.dinnerMinutes)
    }

    /// Rooms (indices into `rooms`) that fit expanded session `k`: capacity and features.
    package func roomsFitting(_ k: Int) -> [Int] {
        let size = agenda.sessions[k].audience.count
        let needs = session(k).needs
        return rooms.indices.filter { r in
            rooms[r].capacity >= size && needs.allSatisfy { rooms[r].features.contains($0) }
        }
    }

    /// Members of `team`, attendee indices ascending.
    package func members(of team: String) -> [Int] { agenda.members[team] ?? [] }

    /// A leg's part of a traveller's cost (0): an inbound leg costs price + rate·(d0 − arrival date)
    /// + perHour·(t0 − departure), an outbound leg price + rate·(departure date − d0) + perHour·(arrival
    /// − t0), with d0 the first day and t0 the first slot's start. d0 and t0 cancel in every pair,
    /// leaving price + rate × nights + perHour × hours away. At a carbon price each leg adds its
    /// carbon cost (price per tonne × kg / 1000).
    package func legCost(_ l: Int, inbound: Bool) -> Double {
        let leg = scenario.travel[l], event = scenario.event
        let rate = venue.hotelRate, perHour = event.timeAwayCostPerHour
        let d0 = event.startDate.dayNumber, t0 = slotStart.min() ?? 0
        return carbon.cost(l)
            + (inbound
                ? leg.price + rate * Double(d0 - venueDate(leg.arrive.instant).dayNumber) + perHour * Double(t0 - leg.depart.instant) / 60
                : leg.price + rate * Double(venueDate(leg.depart.instant).dayNumber - d0) + perHour * Double(leg.arrive.instant - t0) / 60)
    }

    /// Venue-local date of an instant.
    package func venueDate(_ instant: Int) -> CivilDate { clock.localDate(ofInstant: instant) }
}
