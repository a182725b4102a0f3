import KickoffCore

/// Where an attendee's working day is: the home airport's IANA zone, else the UTC offset of a
/// travel leg at the home airport, else the venue's zone.
package enum HomeZone: Hashable, Sendable, CustomStringConvertible {
    case named(String)
    case fixed(offsetMinutes: Int)

    package var description: String {
        switch self {
        case .named(let id): return id
        case .fixed(let m):
            let a = abs(m)
            return "UTC\(m < 0 ? "-" : "+")\(Figures.zeroPadded(a / 60, 2)):\(Figures.zeroPadded(a % 60, 2))"
        }
    }

    /// Each attendee's zone. `airportZone` maps an IATA code to an IANA zone (the bundled
    /// airport table); codes it does not know fall back to a leg's offset, then to the venue.
    package static func of(_ scenario: Scenario, venue: Venue, airportZone: (String) -> String?) -> [HomeZone] {
        var legOffset: [String: Int] = [:]
        for leg in scenario.travel {
            if legOffset[leg.origin] == nil { legOffset[leg.origin] = leg.depart.offsetMinutes }
            if legOffset[leg.destination] == nil { legOffset[leg.destination] = leg.arrive.offsetMinutes }
        }
        return scenario.attendees.map { a in
            if a.home == venue.airport { return .named(venue.timezone) }
            if let z = airportZone(a.home), VenueClock(identifier: z) != nil { return .named(z) }
            if let m = legOffset[a.home] { return .fixed(offsetMinutes: m) }
            return .named(venue.timezone)
        }
    }
}

/// A follow-up placed: a weekday of its window and a start time, chosen so that it falls inside
/// day_start..day_end on a weekday in as many audience members' home zones as possible.
package struct FollowUpPlacement: Sendable, Equatable {
    package var definition: FollowUp
    package var followUp: FollowUp.ID { definition.id }
    /// The venue-local date it starts on.
    package var date: CivilDate
    /// Minutes since the epoch (UTC).
    package var start: Int
    package var end: Int
    /// Attendee indices, ascending.
    package var audience: [Int]
    /// Audience members for whom it falls outside their working day (ascending).
    package var outsideHours: [Int]
}

extension FollowUp {
    package typealias ID = String
}

/// Places every follow-up exactly (FORMATS: followups.csv, issue 15).
///
/// For one follow-up the number of audience members inside their working day is a sum of
/// interval indicators over the start instant: member m counts when the start lies in
/// [day_start, day_end − minutes] of a weekday in m's zone. The maximum of such a sum is reached
/// at the left end of one of those intervals, so the candidates are, per window date (venue
/// local), that date's venue midnight and every zone's day_start instant falling on it. Scoring
/// each candidate by zone (members grouped by zone) makes this exact and small: dates × zones²
/// offset look-ups. Ties go to the earliest start.
package enum FollowUpPlanner {
    package static func place(_ scenario: Scenario, venue: Venue, zones: [HomeZone]) -> [FollowUpPlacement] {
        guard let venueClock = VenueClock(identifier: venue.timezone) else { return [] }
        let event = scenario.event
        var clocks: [String: VenueClock] = [:]
        func offset(_ z: HomeZone, _ instant: Int) -> Int {
            switch z {
            case .fixed(let m): return m
            case .named(let id):
                if clocks[id] == nil { clocks[id] = VenueClock(identifier: id) ?? venueClock }
                return clocks[id]!.offsetMinutes(atInstant: instant)
            }
        }
        func startOfDay(_ z: HomeZone, _ date: CivilDate, _ time: TimeOfDay) -> Int {
            switch z {
            case .fixed(let m): return date.dayNumber * 1440 + time.minutes - m
            case .named(let id):
                if clocks[id] == nil { clocks[id] = VenueClock(identifier: id) ?? venueClock }
                return clocks[id]!.instant(date, time)
            }
        }
        func inside(_ z: HomeZone, _ start: Int, minutes: Int) -> Bool {
            let local = Timestamp(instant: start, offsetMinutes: offset(z, start))
            return !local.date.weekday.isWeekend && local.time >= event.dayStart && local.time.minutes + minutes <= event.dayEnd.minutes
        }

        var out: [FollowUpPlacement] = []
        for f in scenario.effectiveFollowUps {
            let audience = scenario.attendees.indices.filter { f.audience.matches(scenario.attendees[$0]) }
            guard !audience.isEmpty else { continue }
            var members: [HomeZone: Int] = [:]
            for a in audience { members[zones[a], default: 0] += 1 }
            let groups = members.sorted { $0.key.description < $1.key.description }
            var best: (score: Int, start: Int, date: CivilDate)?
            for date in f.windowDates(after: event.lastDate) {
                let from = venueClock.instant(date, TimeOfDay(minutes: 0)), to = venueClock.instant(date.adding(days: 1), TimeOfDay(minutes: 0))
                var candidates: Set<Int> = [from]
                for (z, _) in groups {
                    for d in -1...1 {
                        let t = startOfDay(z, date.adding(days: d), event.dayStart)
                        if t >= from, t < to { candidates.insert(t) }
                    }
                }
                for t in candidates.sorted() {
                    let score = groups.reduce(0) { $0 + (inside($1.key, t, minutes: f.minutes) ? $1.value : 0) }
                    if best == nil || score > best!.score { best = (score, t, date) }
                }
            }
            guard let best else { continue }
            let outside = audience.filter { !inside(zones[$0], best.start, minutes: f.minutes) }
            out.append(
                FollowUpPlacement(
                    definition: f, date: best.date, start: best.start, end: best.start + f.minutes,
                    audience: audience, outsideHours: outside))
        }
        return out
    }
}
