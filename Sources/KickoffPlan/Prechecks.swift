import KickoffCore

/// Reasons a venue cannot have a plan that are visible before any solve, each naming its culprit
/// in the coordinator's terms (session ids, attendee ids, airports, leg ids, rooms).
///
/// The checks, in order: an agenda day on a weekend (alone: nothing else matters then); rooms that fit each session; slots each session can start in; precedence
/// chains that run past the last slot; attendees booked for more slots than the agenda has;
/// travellers with no usable inbound or outbound leg (and why each leg fails); teams no restaurant
/// evening seats; nights when the travellers who must stay exceed the hotel block.
package enum Prechecks {
    package static func run(_ inst: PlanningInstance) -> [String] {
        if let weekend = weekend(inst) { return [weekend] }
        var out: [String] = []
        out += rooms(inst)
        out += slots(inst)
        out += chains(inst)
        out += overbooked(inst)
        out += travel(inst)
        out += dinners(inst)
        out += hotel(inst)
        return out
    }

    /// An agenda moved onto a weekend (`solve --start-date`, `compare --start-dates`); files with
    /// one are rejected as input errors before this.
    static func weekend(_ inst: PlanningInstance) -> String? {
        let e = inst.event
        guard let day = e.agendaDates.first(where: { $0.weekday.isWeekend }) else { return nil }
        let latest = e.days <= 5 ? Weekday(rawValue: 6 - e.days)!.shortName : nil
        let when =
            latest.map { "a \(e.days)-day agenda must start on a Mon\($0 == "Mon" ? "" : "–\($0)")" }
            ?? "an agenda of \(e.days) days cannot avoid a weekend"
        return "starting \(e.startDate.weekday.shortName) \(e.startDate), the agenda would run on \(day.weekday.shortName) \(day); "
            + "people meet and travel on weekdays only, so \(when)"
    }

    static func rooms(_ inst: PlanningInstance) -> [String] {
        var out: [String] = []
        for (k, ps) in inst.agenda.sessions.enumerated() where inst.roomsFitting(k).isEmpty {
            let needs = inst.session(k).needs
            let withFeatures = inst.rooms.filter { r in needs.allSatisfy { r.features.contains($0) } }
            let need = needs.isEmpty ? "" : " with \(needs.joined(separator: ", "))"
            if let biggest = withFeatures.max(by: { $0.capacity < $1.capacity }) {
                out.append("session \(ps.id) has \(ps.audience.count) attendees, but the biggest room\(need) (\(biggest.id)) seats \(biggest.capacity)")
            } else {
                out.append("session \(ps.id) needs a room\(need), and the venue has none")
            }
        }
        return out
    }

    static func slots(_ inst: PlanningInstance) -> [String] {
        var out: [String] = []
        let agenda = inst.agenda
        for (k, ps) in agenda.sessions.enumerated() where agenda.startSlots(of: k, in: inst.scenario).isEmpty {
            let s = inst.session(k)
            if let f = s.fixedSlot, let slot = agenda.slots.firstIndex(where: { $0.id == f }) {
                if let d = s.day, agenda.slots[slot].day != d {
                    out.append("session \(ps.id) is fixed to slot \(f) on day \(agenda.slots[slot].day) but must be on day \(d)")
                } else {
                    out.append("session \(ps.id) needs \(s.slots) consecutive slots from its fixed slot \(f), and the day ends sooner")
                }
            } else if !s.allowedSlots.isEmpty {
                out.append(
                    "session \(ps.id) needs \(s.slots) consecutive slots starting in one of \(s.allowedSlots.map(\.rawValue).joined(separator: ", "))\(s.day.map { " on day \($0)" } ?? ""), and none has them"
                )
            } else {
                out.append("session \(ps.id) needs \(s.slots) consecutive slots\(s.day.map { " on day \($0)" } ?? ""), and no day has that many")
            }
        }
        return out
    }

    /// A session whose predecessors, each placed as early as it can be, end after its last possible start.
    static func chains(_ inst: PlanningInstance) -> [String] {
        let agenda = inst.agenda
        let n = agenda.sessions.count
        var preds = [[Int]](repeating: [], count: n)
        for p in agenda.precedence { preds[p.after].append(p.before) }
        var memo = [Int?](repeating: nil, count: n), via = [Int?](repeating: nil, count: n)
        var visiting = Set<Int>()
        // Earliest end of k with all its predecessors placed first; Int.max when impossible.
        func earliestEnd(_ k: Int) -> Int {
            if let m = memo[k] { return m }
            if visiting.contains(k) { return Int.max }
            visiting.insert(k)
            var ready = Int.min
            for p in preds[k] {
                let e = earliestEnd(p)
                if e > ready { ready = e; via[k] = p }
            }
            let ends = agenda.startSlots(of: k, in: inst.scenario).compactMap { s -> Int? in
                guard let iv = inst.interval(of: k, startingAt: s), iv.start >= ready else { return nil }
                return iv.end
            }
            let e = ready == Int.max ? Int.max : (ends.min() ?? Int.max)
            memo[k] = e
            visiting.remove(k)
            return e
        }
        var out: [String] = []
        for k in 0..<n where !agenda.startSlots(of: k, in: inst.scenario).isEmpty && earliestEnd(k) == Int.max {
            // Report only the first session of a broken chain, not every successor.
            if let p = via[k], earliestEnd(p) == Int.max { continue }
            var chain = [agenda.sessions[k].id]
            var cur = via[k]
            while let c = cur { chain.insert(agenda.sessions[c].id, at: 0); cur = via[c] }
            out.append("session \(agenda.sessions[k].id) cannot start after its predecessors end: the chain \(chain.joined(separator: " → ")) does not fit in the agenda")
        }
        return out
    }

    static func overbooked(_ inst: PlanningInstance) -> [String] {
        let total = inst.agenda.slots.count
        var worst: [Int: [Int]] = [:]  // slot count → attendees
        for (a, sessions) in inst.sessionsOf.enumerated() {
            let need = sessions.reduce(0) { $0 + inst.session($1).slots }
            if need > total { worst[need, default: []].append(a) }
        }
        return worst.keys.sorted(by: >).map { need in
            let people = worst[need]!.map { inst.scenario.attendees[$0].id.rawValue }
            return "\(list(people)) \(people.count == 1 ? "attends" : "attend") sessions spanning \(need) slots; the agenda has \(total)"
        }
    }

    /// Travellers with no leg in or out, by home airport, with why each leg of that airport fails.
    static func travel(_ inst: PlanningInstance) -> [String] {
        let sc = inst.scenario
        var byHome: [String: [String]] = [:]
        for (a, p) in sc.attendees.enumerated() where !inst.isLocal[a] { byHome[p.home, default: []].append(p.id.rawValue) }
        var out: [String] = []
        // Nobody from anywhere can travel one way: say so once, with the legs' dates, rather than
        // once per airport (typically travel.csv covers another week than the agenda).
        var whollyBlocked = Set<LegDirection>()
        for direction in [LegDirection.inbound, .outbound] where byHome.count > 1 {
            let usable = direction == .inbound ? inst.travel.inbound : inst.travel.outbound
            guard byHome.keys.allSatisfy({ usable[$0]?.isEmpty ?? true }) else { continue }
            whollyBlocked.insert(direction)
            let dates = inst.travel.legs.filter { $0.direction == direction }.map { c in
                let leg = sc.travel[c.leg]
                return direction == .inbound ? leg.depart.date : leg.arrive.date
            }
            let monday = inst.event.startDate.mondayOfWeek
            var text = "no traveller has a usable \(direction.rawValue) leg"
            if let lo = dates.min(), let hi = dates.max() {
                text += ": travel.csv's \(direction.rawValue) legs for \(inst.venue.airport) run \(lo) – \(hi), and travel must stay within "
                text += "the event's week, Mon \(monday) – Fri \(monday.adding(days: 4)), on weekdays in business hours"
            } else {
                text += ": travel.csv has no leg \(direction == .inbound ? "to" : "from") \(inst.venue.airport)"
            }
            out.append(text)
        }
        for home in byHome.keys.sorted() {
            for direction in [LegDirection.inbound, .outbound] where !whollyBlocked.contains(direction) {
                let usable = direction == .inbound ? inst.travel.inbound[home] : inst.travel.outbound[home]
                guard usable?.isEmpty ?? true else { continue }
                let legs = inst.travel.legs.filter { l in
                    let leg = sc.travel[l.leg]
                    return l.direction == direction && (direction == .inbound ? leg.origin : leg.destination) == home
                }
                let why = legs.prefix(6).map { "\(sc.travel[$0.leg].id): \($0.rejections.map(\.description).joined(separator: ", "))" }
                let people = byHome[home]!
                var text = "\(list(people)) (from \(home)) \(people.count == 1 ? "has" : "have") no usable \(direction.rawValue) leg"
                text +=
                    why.isEmpty
                    ? ": travel.csv has no \(direction == .inbound ? "\(home)→\(inst.venue.airport)" : "\(inst.venue.airport)→\(home)") leg"
                    : " (" + why.joined(separator: "; ") + (legs.count > 6 ? "; and \(legs.count - 6) more" : "") + ")"
                out.append(text)
            }
        }
        return out
    }

    static func dinners(_ inst: PlanningInstance) -> [String] {
        guard inst.hasDinners else { return [] }
        let hosting = inst.restaurants.indices.filter { !inst.evenings[$0].isEmpty }.map { inst.restaurants[$0] }
        if hosting.isEmpty { return ["dinners.csv has no restaurant evening at \(inst.venue.id) during the event, so no team can have its dinner"] }
        let biggest = hosting.max { $0.capacity < $1.capacity }!
        return inst.agenda.teams.compactMap { team in
            let size = inst.members(of: team).count
            return size > biggest.capacity
                ? "team \(team) has \(size) members, but the biggest restaurant (\(biggest.id)) seats \(biggest.capacity) an evening" : nil
        }
    }

    /// Nights on which more travellers than the block must stay whatever legs they take.
    static func hotel(_ inst: PlanningInstance) -> [String] {
        guard let block = inst.venue.hotelRooms else { return [] }
        let legs = inst.scenario.travel
        var must: [Int: Int] = [:]
        for (a, p) in inst.scenario.attendees.enumerated() where !inst.isLocal[a] {
            guard let ins = inst.travel.inbound[p.home], let outs = inst.travel.outbound[p.home], !ins.isEmpty, !outs.isEmpty else { continue }
            let latestArrival = ins.map { inst.venueDate(legs[$0].arrive.instant).dayNumber }.max()!
            let earliestDeparture = outs.map { inst.venueDate(legs[$0].depart.instant).dayNumber }.min()!
            if earliestDeparture > latestArrival { for n in latestArrival..<earliestDeparture { must[n, default: 0] += 1 } }
        }
        return must.keys.sorted().compactMap { n in
            must[n]! > block ? "on the night of \(CivilDate(dayNumber: n)) at least \(must[n]!) travellers must stay, and the hotel block is \(Figures.counted(block, "room"))" : nil
        }
    }

    static func list(_ ids: [String]) -> String {
        ids.count <= 3 ? ids.joined(separator: ", ") : "\(ids.prefix(3).joined(separator: ", ")) and \(ids.count - 3) more"
    }
}
