import KickoffCore

/// What each kind of change to a published plan costs in a re-plan (docs/FORMULATION.md, (0b)).
///
/// The defaults are well above what any one change could save in travel, hotel, time away or
/// dinners, so the plan moves only where the rules force it; among the plans with the fewest
/// weighted changes, cost decides.
package struct ChangePenalties: Sendable, Equatable {
    /// A session that runs at another time (in any room).
    package var sessionMove: Double = 20_000
    /// A session that keeps its time but changes room.
    package var roomChange: Double = 5_000
    /// Each traveller's inbound or outbound leg that changes.
    package var legRebook: Double = 5_000
    /// A team dinner at another restaurant or on another evening.
    package var dinnerChange: Double = 5_000

    package init() {}
}

/// A `Baseline` matched to a planning instance: for everything the baseline and the changed
/// scenario share, the baseline's choice as indices of this instance.
///
/// A choice the instance no longer offers (a removed room, slot, restaurant or leg) matches as
/// nil: the thing is still "in the baseline", so any choice now counts as a change.
package struct BaselineMatch: Sendable {
    package struct SessionChoice: Sendable, Hashable {
        /// Slot index with the baseline's date and start, if it still exists.
        package var slot: Int?
        /// Room index with the baseline's room id, if the venue still has it.
        package var room: Int?
        package var record: Baseline.Placement
    }

    package struct DinnerChoice: Sendable, Hashable {
        package var restaurant: Int?
        /// Agenda day of the baseline's dinner date, if it is still a day of the event.
        package var evening: Int?
        package var record: Baseline.Dinner

        package var booking: DinnerBooking? {
            guard let restaurant, let evening else { return nil }
            return DinnerBooking(restaurant: restaurant, evening: evening)
        }
    }

    package struct TripChoice: Sendable, Hashable {
        package var inbound: Int?
        package var outbound: Int?
        package var record: Baseline.Itinerary
    }

    package let baseline: Baseline
    package let penalties: ChangePenalties
    /// Per expanded session of the instance; nil for a session the baseline did not have.
    package let sessions: [SessionChoice?]
    /// By team; only teams the baseline had.
    package let dinners: [String: DinnerChoice]
    /// Per attendee; nil for attendees who are new or were local in the baseline.
    package let trips: [TripChoice?]
    /// Per attendee; the baseline's itinerary row, nil for a new attendee.
    package let itineraries: [Baseline.Itinerary?]

    package init(_ baseline: Baseline, instance: PlanningInstance, penalties: ChangePenalties = ChangePenalties()) {
        self.baseline = baseline
        self.penalties = penalties
        let sc = instance.scenario, event = sc.event
        var slotAt: [String: Int] = [:]
        for (s, slot) in instance.agenda.slots.enumerated() { slotAt["\(event.date(ofDay: slot.day))|\(slot.start)"] = s }
        let roomAt = Dictionary(instance.rooms.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let placed = Dictionary(baseline.placements.map { ($0.session, $0) }, uniquingKeysWith: { a, _ in a })
        sessions = instance.agenda.sessions.map { ps in
            placed[ps.id].map { p in SessionChoice(slot: slotAt["\(p.date)|\(p.start)"], room: roomAt[p.room], record: p) }
        }
        let restaurantAt = Dictionary(instance.restaurants.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        var dinners: [String: DinnerChoice] = [:]
        if instance.hasDinners {
            for d in baseline.dinners where instance.agenda.members[d.team] != nil {
                let day = d.date.dayNumber - event.startDate.dayNumber + 1
                dinners[d.team] = DinnerChoice(
                    restaurant: restaurantAt[d.restaurant],
                    evening: (1...event.days).contains(day) ? day : nil, record: d)
            }
        }
        self.dinners = dinners
        let legAt = Dictionary(sc.travel.enumerated().map { ($1.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = Dictionary(baseline.itineraries.map { ($0.attendee, $0) }, uniquingKeysWith: { a, _ in a })
        let itineraries = sc.attendees.map { rows[$0.id.rawValue] }
        self.itineraries = itineraries
        trips = sc.attendees.indices.map { a in
            guard let row = itineraries[a], !row.isLocal, !instance.isLocal[a] else { return nil }
            return TripChoice(inbound: row.inbound.flatMap { legAt[$0] }, outbound: row.outbound.flatMap { legAt[$0] }, record: row)
        }
    }

    /// The penalty a plan pays against this baseline: the sum of (0b)'s terms.
    package func penalty(of plan: Plan) -> Double {
        var total = 0.0
        for (k, choice) in sessions.enumerated() {
            guard let choice else { continue }
            let p = plan.placements[k]
            if p.slot != choice.slot { total += penalties.sessionMove } else if p.room != choice.room { total += penalties.roomChange }
        }
        for (team, choice) in dinners where plan.dinners[team] != choice.booking { total += penalties.dinnerChange }
        for (a, choice) in trips.enumerated() {
            guard let choice, let trip = plan.trips[a] else { continue }
            if trip.inbound != choice.inbound { total += penalties.legRebook }
            if trip.outbound != choice.outbound { total += penalties.legRebook }
        }
        return total
    }
}
