import KickoffCore

/// Where and when one expanded session runs.
package struct Placement: Hashable, Sendable {
    /// Index into `Agenda.slots` of its first slot.
    package var slot: Int
    /// Index into `PlanningInstance.rooms`.
    package var room: Int

    package init(slot: Int, room: Int) { self.slot = slot; self.room = room }
}

/// One team's dinner.
package struct DinnerBooking: Hashable, Sendable {
    /// Index into `PlanningInstance.restaurants`.
    package var restaurant: Int
    /// Agenda day whose evening it is.
    package var evening: Int

    package init(restaurant: Int, evening: Int) { self.restaurant = restaurant; self.evening = evening }
}

/// A traveller's two legs, as indices into `Scenario.travel`.
package struct Trip: Hashable, Sendable {
    package var inbound: Int
    package var outbound: Int

    package init(inbound: Int, outbound: Int) { self.inbound = inbound; self.outbound = outbound }
}

/// A complete plan for one venue: every session placed, every team's dinner, every traveller's legs.
package struct Plan: Hashable, Sendable {
    /// One per expanded session (`Agenda.sessions`).
    package var placements: [Placement]
    /// By team name; empty when the scenario has no dinners.csv.
    package var dinners: [String: DinnerBooking]
    /// One per attendee; nil for locals.
    package var trips: [Trip?]

    package init(placements: [Placement], dinners: [String: DinnerBooking], trips: [Trip?]) {
        self.placements = placements
        self.dinners = dinners
        self.trips = trips
    }
}

/// The contract's five cost parts, the carbon part an internal carbon price adds, the hotel
/// nights behind one of them and the plan's estimated emissions.
package struct CostBreakdown: Equatable, Sendable {
    package var travel: Double = 0
    package var hotel: Double = 0
    package var timeAway: Double = 0
    package var dinners: Double = 0
    package var venue: Double = 0
    /// The booked legs' kg CO2e at the carbon price (0 without one).
    package var carbon: Double = 0
    package var hotelNights = 0
    /// kg CO2e of every booked leg with an estimate.
    package var co2Kg: Double = 0
    /// Booked legs without an estimate (an airport the bundled table lacks).
    package var legsWithoutCO2 = 0

    package init() {}

    package var total: Double { travel + hotel + timeAway + dinners + venue + carbon }
}

/// A commitment of one attendee at the venue: a session or the team dinner, as instants.
package struct Commitment: Hashable, Sendable {
    package enum What: Hashable, Sendable {
        case session(Int)
        case dinner
    }
    package var what: What
    package var start: Int
    package var end: Int
}

extension PlanningInstance {
    /// Every commitment of attendee `a` under `plan`, in time order (invalid placements skipped).
    package func commitments(of a: Int, in plan: Plan) -> [Commitment] {
        var out: [Commitment] = []
        for k in sessionsOf[a] {
            let p = plan.placements[k]
            if let iv = interval(of: k, startingAt: p.slot) { out.append(Commitment(what: .session(k), start: iv.start, end: iv.end)) }
        }
        if let d = plan.dinners[scenario.attendees[a].team] {
            let iv = dinnerInterval(evening: d.evening)
            out.append(Commitment(what: .dinner, start: iv.start, end: iv.end))
        }
        return out.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Attendee `a`'s sessions by start time under `plan` (ties by index).
    package func sessionsInTimeOrder(of a: Int, in plan: Plan) -> [Int] {
        sessionsOf[a].sorted { (slotStart[plan.placements[$0].slot], $0) < (slotStart[plan.placements[$1].slot], $1) }
    }

    /// Venue-local hotel nights of a trip: from the arrival date to the day before the departure date.
    package func hotelNights(_ trip: Trip) -> Int {
        let legs = scenario.travel
        let arrive = venueDate(legs[trip.inbound].arrive.instant)
        let depart = venueDate(legs[trip.outbound].depart.instant)
        return max(0, depart.dayNumber - arrive.dayNumber)
    }
}
