import KickoffCore

/// What a re-plan changed against its baseline, and why: the rows of changes.csv and the
/// keep rates of summary.json's `changes`.
///
/// Only changes are listed; what is kept is counted. A session, dinner or traveller counts as
/// "compared" when both the baseline and the new plan have it.
package struct PlanChanges: Sendable {
    package enum What: String, Sendable, CaseIterable {
        case session, dinner, inbound, outbound, attendee
    }

    package enum Change: String, Sendable {
        case moved, rebooked, added, removed
    }

    package struct Row: Sendable, Equatable {
        package var what: What
        package var id: String
        package var change: Change
        package var from: String
        package var to: String
        package var why: String
    }

    /// Kept out of compared.
    package struct Tally: Sendable, Equatable {
        package var compared = 0
        package var kept = 0

        package init(compared: Int = 0, kept: Int = 0) { self.compared = compared; self.kept = kept }
        package var rate: Double? { compared == 0 ? nil : Double(kept) / Double(compared) }
    }

    /// The venue the baseline was planned at.
    package var baselineVenue: String
    package var rows: [Row] = []
    package var sessions = Tally()
    package var dinners = Tally()
    /// Travellers in both plans whose own data (home, team, sessions) did not change: kept = both legs.
    package var unchangedTravellers = Tally()
    /// Travellers in both plans whose home, team or sessions changed.
    package var changedTravellers = Tally()
    package var joined = 0
    package var left = 0
    /// The penalty (0b) the plan pays; equals the model's penalty term.
    package var penalty: Double = 0

    package init(_ instance: PlanningInstance, plan: Plan, baseline match: BaselineMatch) {
        baselineVenue = match.baseline.venue
        let sc = instance.scenario, agenda = instance.agenda, event = sc.event
        penalty = match.penalty(of: plan)

        func placement(_ k: Int) -> String {
            let p = plan.placements[k], slot = agenda.slots[p.slot]
            return "\(event.date(ofDay: slot.day)) \(slot.start) \(instance.rooms[p.room].id)"
        }
        func record(_ p: Baseline.Placement) -> String { "\(p.date) \(p.start) \(p.room)" }

        // Sessions.
        let now = Set(agenda.sessions.map(\.id))
        for (k, choice) in match.sessions.enumerated() {
            guard let choice else {
                rows.append(Row(what: .session, id: agenda.sessions[k].id, change: .added, from: "", to: placement(k), why: "new session"))
                continue
            }
            sessions.compared += 1
            let p = plan.placements[k]
            if p.slot == choice.slot && p.room == choice.room { sessions.kept += 1; continue }
            rows.append(
                Row(
                    what: .session, id: agenda.sessions[k].id, change: .moved, from: record(choice.record), to: placement(k),
                    why: Self.whySessionMoved(k, choice, instance, plan)))
        }
        for p in match.baseline.placements where !now.contains(p.session) {
            rows.append(Row(what: .session, id: p.session, change: .removed, from: record(p), to: "", why: "no longer in the agenda"))
        }

        // Dinners.
        if instance.hasDinners {
            for team in agenda.teams {
                guard let b = plan.dinners[team] else { continue }
                let to = "\(event.date(ofDay: b.evening)) \(instance.restaurants[b.restaurant].id)"
                guard let choice = match.dinners[team] else {
                    rows.append(Row(what: .dinner, id: team, change: .added, from: "", to: to, why: "new team"))
                    continue
                }
                dinners.compared += 1
                if choice.booking == b { dinners.kept += 1; continue }
                rows.append(
                    Row(
                        what: .dinner, id: team, change: .moved, from: "\(choice.record.date) \(choice.record.restaurant)", to: to,
                        why: Self.whyDinnerMoved(team, choice, instance, plan)))
            }
            for d in match.baseline.dinners where agenda.members[d.team] == nil {
                rows.append(
                    Row(
                        what: .dinner, id: d.team, change: .removed, from: "\(d.date) \(d.restaurant)", to: "",
                        why: "the team has no attendees now"))
            }
        }

        // Attendees and travellers.
        let legs = sc.travel
        func trip(_ a: Int) -> String { plan.trips[a].map { "\(legs[$0.inbound].id) / \(legs[$0.outbound].id)" } ?? "local" }
        func trip(_ r: Baseline.Itinerary) -> String { r.isLocal ? "local" : "\(r.inbound!) / \(r.outbound!)" }
        var onLeg: [Int: Int] = [:]
        for t in plan.trips.compactMap({ $0 }) { onLeg[t.inbound, default: 0] += 1; onLeg[t.outbound, default: 0] += 1 }
        let present = Set(sc.attendees.map(\.id.rawValue))
        for (a, person) in sc.attendees.enumerated() {
            guard let row = match.itineraries[a] else {
                joined += 1
                rows.append(Row(what: .attendee, id: person.id.rawValue, change: .added, from: "", to: trip(a), why: "new attendee"))
                continue
            }
            guard let was = match.trips[a], let t = plan.trips[a] else {
                if row.isLocal != instance.isLocal[a] {
                    rows.append(
                        Row(
                            what: .attendee, id: person.id.rawValue, change: .moved, from: trip(row), to: trip(a),
                            why: instance.isLocal[a] ? "home is now the venue's airport" : "home is no longer the venue's airport"))
                }
                continue
            }
            var own: [String] = []
            if let leg = was.inbound ?? was.outbound, !sameHome(legs, leg, person.home, inbound: was.inbound != nil) { own.append("home changed to \(person.home)") }
            if row.team != person.team { own.append("team changed from \(row.team) to \(person.team)") }
            if row.sessions.sorted() != instance.sessionsOf[a].map({ agenda.sessions[$0].id }).sorted() { own.append("sessions changed") }
            let kept = t.inbound == was.inbound && t.outbound == was.outbound
            if own.isEmpty {
                unchangedTravellers.compared += 1; if kept { unchangedTravellers.kept += 1 }
            } else {
                changedTravellers.compared += 1; if kept { changedTravellers.kept += 1 }
            }
            for (what, old, new) in [(What.inbound, was.inbound, t.inbound), (.outbound, was.outbound, t.outbound)] where old != new {
                let from = (what == .inbound ? row.inbound : row.outbound) ?? ""
                rows.append(
                    Row(
                        what: what, id: person.id.rawValue, change: .rebooked, from: from, to: legs[new].id.rawValue,
                        why: Self.whyRebooked(
                            a, inbound: what == .inbound, old: old, oldID: from, own: own,
                            instance, plan, onLeg: onLeg, penalties: match.penalties)))
            }
        }
        for r in match.baseline.itineraries where !present.contains(r.attendee) {
            left += 1
            rows.append(Row(what: .attendee, id: r.attendee, change: .removed, from: trip(r), to: "", why: "no longer in attendees.csv"))
        }
        let order = Dictionary(uniqueKeysWithValues: What.allCases.enumerated().map { ($1, $0) })
        rows.sort { (order[$0.what]!, $0.id) < (order[$1.what]!, $1.id) }
    }

    /// Two decimals, no separators: the report's own money format lives in KickoffReport.
    static func money(_ v: Double) -> String { Figures.money(v) }

    private func sameHome(_ legs: [TravelLeg], _ id: Int, _ home: String, inbound: Bool) -> Bool {
        (inbound ? legs[id].origin : legs[id].destination) == home
    }

    static func whySessionMoved(_ k: Int, _ was: BaselineMatch.SessionChoice, _ inst: PlanningInstance, _ plan: Plan) -> String {
        let size = inst.agenda.sessions[k].audience.count
        guard let r = was.room else { return "room \(was.record.room) is no longer at the venue" }
        guard let s = was.slot else { return "the slot at \(was.record.date) \(was.record.start) no longer exists" }
        let room = inst.rooms[r]
        if room.capacity < size { return "capacity exceeded: \(size) attendees, \(room.id) seats \(room.capacity)" }
        if let missing = inst.session(k).needs.first(where: { !room.features.contains($0) }) { return "\(room.id) lacks \(missing)" }
        guard inst.agenda.startSlots(of: k, in: inst.scenario).contains(s), let iv = inst.interval(of: k, startingAt: s) else {
            return "it may no longer start at \(was.record.date) \(was.record.start)"
        }
        let agenda = inst.agenda, audience = Set(agenda.sessions[k].audience)
        for (j, p) in plan.placements.enumerated() where j != k {
            guard let other = inst.interval(of: j, startingAt: p.slot), other.start < iv.end, iv.start < other.end else { continue }
            if p.room == r { return "\(room.id) is taken then by \(agenda.sessions[j].id)" }
            // Audiences are ascending, so this is the lowest-numbered attendee in both.
            if let a = agenda.sessions[j].audience.first(where: audience.contains) {
                return "\(inst.scenario.attendees[a].id) attends \(agenda.sessions[j].id) then"
            }
        }
        return "to fit other changes"
    }

    static func whyDinnerMoved(_ team: String, _ was: BaselineMatch.DinnerChoice, _ inst: PlanningInstance, _ plan: Plan) -> String {
        let size = inst.members(of: team).count
        guard let r = was.restaurant else { return "restaurant \(was.record.restaurant) is no longer at the venue" }
        let restaurant = inst.restaurants[r]
        guard let e = was.evening, inst.evenings[r].contains(e) else { return "\(restaurant.id) does not host on \(was.record.date)" }
        if restaurant.capacity < size { return "capacity exceeded: the team is \(size), \(restaurant.id) seats \(restaurant.capacity)" }
        let din = inst.dinnerInterval(evening: e)
        for k in Set(inst.members(of: team).flatMap { inst.sessionsOf[$0] }).sorted() {
            if let iv = inst.interval(of: k, startingAt: plan.placements[k].slot), iv.start < din.end, din.start < iv.end {
                return "\(inst.agenda.sessions[k].id) now runs during that dinner"
            }
        }
        let guests = plan.dinners.filter { $0.value == was.booking }.reduce(0) { $0 + inst.members(of: $1.key).count }
        if guests + size > restaurant.capacity { return "\(restaurant.id) is full that evening" }
        return "to fit other changes"
    }

    static func whyRebooked(
        _ a: Int, inbound: Bool, old: Int?, oldID: String, own: [String], _ inst: PlanningInstance, _ plan: Plan,
        onLeg: [Int: Int], penalties: ChangePenalties
    ) -> String {
        guard let l = old else { return "leg \(oldID) is no longer in travel.csv" }
        let legs = inst.scenario.travel, person = inst.scenario.attendees[a], event = inst.event
        let usable = (inbound ? inst.travel.inbound[person.home] : inst.travel.outbound[person.home]) ?? []
        if !usable.contains(l) { return own.first ?? "leg \(oldID) no longer meets the travel rules" }
        let commitments = inst.commitments(of: a, in: plan)
        func name(_ c: Commitment) -> String {
            switch c.what {
            case .session(let k):
                let slot = inst.agenda.slots[plan.placements[k].slot]
                return "\(inst.agenda.sessions[k].id) at \(event.date(ofDay: slot.day)) \(slot.start)"
            case .dinner:
                return "the team dinner on \(inst.venueDate(c.start))"
            }
        }
        if inbound, let first = commitments.first, legs[l].arrive.instant + event.arrivalBufferMinutes > first.start {
            return "arrives too late for \(name(first))"
        }
        if !inbound, let last = commitments.max(by: { $0.end < $1.end }), legs[l].depart.instant - event.departureBufferMinutes < last.end {
            return "leaves before \(name(last)) ends"
        }
        if let seats = legs[l].seats, onLeg[l, default: 0] >= seats { return "leg \(oldID) is full (\(seats) seats)" }
        if let reason = own.first { return reason }
        if let t = plan.trips[a] {
            let saved = inst.legCost(l, inbound: inbound) - inst.legCost(inbound ? t.inbound : t.outbound, inbound: inbound)
            if saved > penalties.legRebook {
                return "saves \(Self.money(saved)), more than the rebooking penalty (\(Self.money(penalties.legRebook)))"
            }
        }
        return "to fit other changes"
    }
}
