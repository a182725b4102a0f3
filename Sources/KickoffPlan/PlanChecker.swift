import KickoffCore

/// A rule of `docs/FORMATS.md` ("The rules a plan keeps"), as the checker names it.
package enum PlanRule: String, Sendable, CaseIterable, Comparable {
    case shape = "plan shape"
    case sessionStart = "session start"
    case sessionDay = "session day"
    case fixedSlot = "fixed slot"
    case allowedSlots = "allowed slots"
    case precedence
    case roomOverlap = "room double-booked"
    case roomCapacity = "room capacity"
    case roomFeatures = "room features"
    case attendeeOverlap = "attendee overlap"
    case dinnerMissing = "team dinner"
    case dinnerEvening = "dinner evening"
    case dinnerCapacity = "restaurant capacity"
    case dinnerOverlap = "dinner overlaps a session"
    case travelMissing = "travel legs"
    case legEnds = "leg ends"
    case legWeekday = "leg on a weekend"
    case legBusinessHours = "leg outside business hours"
    case tripWeekend = "trip touches a weekend"
    case legOrder = "leg order"
    case arrivalBuffer = "arrival buffer"
    case departureBuffer = "departure buffer"
    case seats
    case hotelBlock = "hotel block"

    package static func < (a: PlanRule, b: PlanRule) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

package struct PlanViolation: Hashable, Sendable, CustomStringConvertible {
    package var rule: PlanRule
    package var message: String

    package var description: String { "\(rule.rawValue): \(message)" }
}

/// The outcome of checking a plan: every broken rule, and the costs recomputed from scratch.
package struct PlanCheck: Sendable {
    package var violations: [PlanViolation]
    package var costs: CostBreakdown

    package var isValid: Bool { violations.isEmpty }
    package var brokenRules: Set<PlanRule> { Set(violations.map(\.rule)) }
}

/// Re-verifies a plan against every rule of the contract and recomputes its cost.
///
/// Deliberately independent of the formulation: it reads the scenario's rows and the plan, not
/// the integer program, its groups or its pre-filtered legs. A plan the solver returns that fails
/// here is a bug in the model, never something to write out.
package enum PlanChecker {
    package static func check(_ plan: Plan, _ inst: PlanningInstance) -> PlanCheck {
        var checking = Checking(plan, inst)
        if checking.shapeFits() {
            checking.sessions()
            checking.dinners()
            checking.attendees()
        }
        return PlanCheck(violations: checking.violations.sorted { ($0.rule, $0.message) < ($1.rule, $1.message) }, costs: checking.costs)
    }
}

/// One check of one plan: what it found so far and the costs it has added up.
private struct Checking {
    let plan: Plan
    let inst: PlanningInstance
    var violations: [PlanViolation] = []
    var costs = CostBreakdown()
    /// Each placed session's interval (nil: no valid start).
    var iv: [(start: Int, end: Int)?]

    var sc: Scenario { inst.scenario }
    var agenda: Agenda { inst.agenda }
    var event: Event { inst.scenario.event }

    init(_ plan: Plan, _ inst: PlanningInstance) {
        self.plan = plan
        self.inst = inst
        iv = Array(repeating: nil, count: inst.agenda.sessions.count)
        costs.venue = inst.venue.dailyRate * Double(inst.scenario.event.days)
    }

    mutating func fail(_ rule: PlanRule, _ message: String) { violations.append(PlanViolation(rule: rule, message: message)) }

    /// One placement per session and one trip entry per attendee, or nothing else can be read.
    mutating func shapeFits() -> Bool {
        let people = sc.attendees
        guard plan.placements.count == agenda.sessions.count, plan.trips.count == people.count else {
            fail(
                .shape,
                "\(plan.placements.count) placements for \(agenda.sessions.count) sessions, "
                    + "\(plan.trips.count) trips for \(people.count) attendees")
            return false
        }
        return true
    }

    /// Sessions: start, day, fixed and allowed slots, room fit; precedence; one session per room at once.
    mutating func sessions() {
        for (k, ps) in agenda.sessions.enumerated() {
            let p = plan.placements[k], s = inst.session(k)
            guard agenda.slots.indices.contains(p.slot), inst.rooms.indices.contains(p.room) else {
                fail(.sessionStart, "\(ps.id) has no valid slot or room"); continue
            }
            let slot = agenda.slots[p.slot]
            guard let run = agenda.run(from: p.slot, length: s.slots) else {
                fail(.sessionStart, "\(ps.id) needs \(s.slots) consecutive slots from \(slot.id)"); continue
            }
            iv[k] = (inst.slotStart[p.slot], inst.slotEnd[run.last!])
            if let d = s.day, slot.day != d { fail(.sessionDay, "\(ps.id) must be on day \(d), placed on day \(slot.day)") }
            if let f = s.fixedSlot, slot.id != f { fail(.fixedSlot, "\(ps.id) must start at \(f), starts at \(slot.id)") }
            if !s.allowedSlots.isEmpty, !s.allowedSlots.contains(slot.id) {
                fail(.allowedSlots, "\(ps.id) starts at \(slot.id), not one of its allowed slots")
            }
            let room = inst.rooms[p.room]
            if room.capacity < ps.audience.count {
                fail(.roomCapacity, "\(ps.id) has \(ps.audience.count) attendees; \(room.id) seats \(room.capacity)")
            }
            for need in s.needs where !room.features.contains(need) {
                fail(.roomFeatures, "\(ps.id) needs \(need); \(room.id) lacks it")
            }
        }
        for pr in agenda.precedence {
            if let a = iv[pr.after], let b = iv[pr.before], a.start < b.end {
                fail(.precedence, "\(agenda.sessions[pr.after].id) starts before \(agenda.sessions[pr.before].id) ends")
            }
        }
        let placedSessions = agenda.sessions.indices.filter { iv[$0] != nil }
        for r in inst.rooms.indices {
            let here = placedSessions.filter { plan.placements[$0].room == r }.sorted { iv[$0]!.start < iv[$1]!.start }
            for (i, a) in here.enumerated() {
                for b in here[(i + 1)...] where iv[b]!.start < iv[a]!.end {
                    fail(.roomOverlap, "\(inst.rooms[r].id) holds \(agenda.sessions[a].id) and \(agenda.sessions[b].id) at once")
                }
            }
        }
    }

    /// Dinners: one per team at a hosting restaurant, within its seats, clear of the members' sessions.
    mutating func dinners() {
        var guestsAt: [DinnerBooking: Int] = [:]
        if inst.hasDinners {
            for team in agenda.teams {
                guard let d = plan.dinners[team] else { fail(.dinnerMissing, "team \(team) has no dinner"); continue }
                guard inst.restaurants.indices.contains(d.restaurant) else {
                    fail(.dinnerMissing, "team \(team)'s dinner is at no restaurant of the venue"); continue
                }
                let r = inst.restaurants[d.restaurant]
                if !r.hostedEvenings(days: event.days).contains(d.evening) {
                    fail(.dinnerEvening, "\(r.id) does not host on the evening of day \(d.evening)")
                }
                let members = inst.members(of: team)
                guestsAt[d, default: 0] += members.count
                costs.dinners += Double(members.count) * r.costPerHead
                let din = inst.dinnerInterval(evening: d.evening)
                var clash = Set<Int>()
                for a in members { for k in inst.sessionsOf[a] { if let s = iv[k], s.start < din.end, din.start < s.end { clash.insert(k) } } }
                for k in clash.sorted() { fail(.dinnerOverlap, "team \(team)'s dinner overlaps \(agenda.sessions[k].id)") }
            }
            for extra in plan.dinners.keys.sorted() where agenda.members[extra] == nil {
                fail(.dinnerMissing, "a dinner is booked for \(extra), which is no team")
            }
            for (d, guests) in guestsAt.sorted(by: { ($0.key.restaurant, $0.key.evening) < ($1.key.restaurant, $1.key.evening) })
            where guests > inst.restaurants[d.restaurant].capacity {
                let r = inst.restaurants[d.restaurant]
                fail(.dinnerCapacity, "\(r.id) on the evening of day \(d.evening): \(guests) guests, capacity \(r.capacity)")
            }
        } else if !plan.dinners.isEmpty {
            fail(.dinnerMissing, "dinners booked without dinners.csv")
        }
    }

    /// Attendees: no overlapping commitments; each traveller's legs, buffers, seats and hotel nights, and their costs.
    mutating func attendees() {
        let people = sc.attendees
        var seatsUsed: [Int: Int] = [:]
        var staying: [Int: Int] = [:]  // venue-local night (day number) → travellers
        let legs = sc.travel
        for (a, person) in people.enumerated() {
            let commitments = inst.commitments(of: a, in: plan)
            for (i, c) in commitments.enumerated() {
                for d in commitments[(i + 1)...] where d.start < c.end {
                    if case .session(let k1) = c.what, case .session(let k2) = d.what {
                        fail(.attendeeOverlap, "\(person.id) is in \(agenda.sessions[k1].id) and \(agenda.sessions[k2].id) at once")
                    }
                }
            }
            let local = person.home == inst.venue.airport
            guard let trip = plan.trips[a] else {
                if !local { fail(.travelMissing, "\(person.id) travels from \(person.home) but has no legs") }
                continue
            }
            if local { fail(.travelMissing, "\(person.id) is local but has legs booked"); continue }
            guard legs.indices.contains(trip.inbound), legs.indices.contains(trip.outbound) else {
                fail(.travelMissing, "\(person.id) has a leg that is not in travel.csv"); continue
            }
            travel(person, trip, commitments, seatsUsed: &seatsUsed, staying: &staying)
        }
        for (l, used) in seatsUsed.sorted(by: { $0.key < $1.key }) {
            if let seats = legs[l].seats, used > seats { fail(.seats, "\(legs[l].id) has \(seats) seats; \(used) travellers booked") }
        }
        if let block = inst.venue.hotelRooms {
            for (night, n) in staying.sorted(by: { $0.key < $1.key }) where n > block {
                fail(.hotelBlock, "night of \(CivilDate(dayNumber: night)): \(n) travellers, \(block) rooms")
            }
        }
    }

    /// One traveller's legs: their ends, weekdays and business hours, the whole trip on weekdays,
    /// the buffers around the commitments; their seats and hotel nights, and what it all costs.
    mutating func travel(
        _ person: Attendee, _ trip: Trip, _ commitments: [Commitment],
        seatsUsed: inout [Int: Int], staying: inout [Int: Int]
    ) {
        let legs = sc.travel
        let hours = event.travelEarliest...event.travelLatest
        let inLeg = legs[trip.inbound], outLeg = legs[trip.outbound]
        if inLeg.origin != person.home || inLeg.destination != inst.venue.airport {
            fail(.legEnds, "\(person.id)'s inbound \(inLeg.id) is \(inLeg.origin)→\(inLeg.destination), not \(person.home)→\(inst.venue.airport)")
        }
        if outLeg.origin != inst.venue.airport || outLeg.destination != person.home {
            fail(.legEnds, "\(person.id)'s outbound \(outLeg.id) is \(outLeg.origin)→\(outLeg.destination), not \(inst.venue.airport)→\(person.home)")
        }
        for leg in [inLeg, outLeg] {
            for ts in [leg.depart, leg.arrive] {
                if ts.date.weekday.isWeekend { fail(.legWeekday, "\(person.id)'s \(leg.id) travels on a \(ts.date.weekday.shortName)") }
                if !hours.contains(ts.time) { fail(.legBusinessHours, "\(person.id)'s \(leg.id) travels at \(ts.time) local") }
            }
        }
        var day = inLeg.depart.date
        while day <= outLeg.arrive.date {
            if day.weekday.isWeekend { fail(.tripWeekend, "\(person.id)'s trip includes \(day) (\(day.weekday.shortName))"); break }
            day = day.adding(days: 1)
        }
        if outLeg.depart.instant < inLeg.arrive.instant {
            fail(.legOrder, "\(person.id)'s outbound \(outLeg.id) departs before the inbound \(inLeg.id) arrives")
        }
        if let first = commitments.first, inLeg.arrive.instant + event.arrivalBufferMinutes > first.start {
            fail(.arrivalBuffer, "\(person.id) arrives on \(inLeg.id) less than \(event.arrivalBufferMinutes) min before the first commitment")
        }
        if let last = commitments.max(by: { $0.end < $1.end }), outLeg.depart.instant - event.departureBufferMinutes < last.end {
            fail(.departureBuffer, "\(person.id) departs on \(outLeg.id) less than \(event.departureBufferMinutes) min after the last commitment")
        }
        seatsUsed[trip.inbound, default: 0] += 1
        seatsUsed[trip.outbound, default: 0] += 1
        let arrive = inst.venueDate(inLeg.arrive.instant).dayNumber
        let depart = inst.venueDate(outLeg.depart.instant).dayNumber
        if depart > arrive { for night in arrive..<depart { staying[night, default: 0] += 1 } }
        let nights = max(0, depart - arrive)
        costs.hotelNights += nights
        costs.travel += inLeg.price + outLeg.price
        for l in [trip.inbound, trip.outbound] {
            if let kg = inst.carbon.kg(l) { costs.co2Kg += kg } else { costs.legsWithoutCO2 += 1 }
            costs.carbon += inst.carbon.cost(l)
        }
        costs.hotel += Double(nights) * inst.venue.hotelRate
        costs.timeAway += Double(outLeg.arrive.instant - inLeg.depart.instant) / 60 * event.timeAwayCostPerHour
    }
}
