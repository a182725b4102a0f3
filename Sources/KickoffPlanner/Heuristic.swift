import KickoffCore
import KickoffPlan
import MIP

/// A fast construction heuristic: a complete plan that GLPK takes as its first incumbent.
///
/// 1. Sessions with one possible start go first, then the rest in precedence order (four
///    variants of it, see `SessionOrder`); each takes the earliest start inside its audience's
///    stay so far (else the earliest at all) and the smallest fitting room where its room, its
///    audience and its placed predecessors and successors allow.
/// 2. Teams, largest first, take the cheapest restaurant evening with room left that clashes with
///    none of their members' sessions.
/// 3. Each traveller takes the cheapest inbound and outbound leg (price, hotel nights and time
///    away) that fits their first and last commitment and still has seats.
///
/// In a re-plan every step tries the baseline's choice first (sessions that had one are placed
/// first), so the first incumbent already keeps what still fits.
///
/// The cheapest of the four complete plans is returned; nil when a greedy step finds nothing in
/// every variant, and the solver then starts without an incumbent.
package enum ConstructionHeuristic {
    /// The order sessions are placed in (see `placeSessions`). No order wins everywhere: placing
    /// large audiences first keeps them out of the last afternoon, but an early company-wide
    /// session can also split the hours small teams need, so every order is tried.
    struct SessionOrder: CaseIterable {
        /// Sessions held to a few slots go before the rest.
        var restrictedFirst: Bool
        /// Among sessions whose predecessors are placed, larger audiences first (else by index).
        var largestFirst: Bool

        static let allCases = [false, true].flatMap { r in [false, true].map { SessionOrder(restrictedFirst: r, largestFirst: $0) } }
    }

    /// The cheapest complete plan (cost (0) plus change penalties (0b)) the greedy steps build over
    /// every session order; nil when none completes.
    package static func plan(_ f: Formulation) -> Plan? {
        var best: (plan: Plan, objective: Double)?
        for order in SessionOrder.allCases {
            guard let placements = placeSessions(f, order: order), let plan = complete(f, placements),
                let x = f.solution(for: plan)
            else { continue }
            let objective = f.model.objective(x)
            if objective < best?.objective ?? .infinity { best = (plan, objective) }
        }
        return best?.plan
    }

    /// Steps 2 and 3 for placed sessions.
    static func complete(_ f: Formulation, _ placements: [Placement]) -> Plan? {
        let inst = f.instance, agenda = inst.agenda

        // Dinners.
        var dinners: [String: DinnerBooking] = [:]
        if inst.hasDinners {
            var left: [DinnerBooking: Int] = [:]
            let teams = agenda.teams.sorted { (inst.members(of: $0).count, $1) > (inst.members(of: $1).count, $0) }
            for team in teams {
                let members = inst.members(of: team)
                let busy = Set(members.flatMap { inst.sessionsOf[$0] }).compactMap { k in
                    inst.interval(of: k, startingAt: placements[k].slot)
                }
                var options: [DinnerBooking] = []
                for ri in inst.restaurants.indices {
                    for e in inst.evenings[ri] {
                        options.append(DinnerBooking(restaurant: ri, evening: e))
                    }
                }
                let was = f.baseline?.dinners[team]?.booking
                options.sort {
                    ($0 == was ? 0 : 1, inst.restaurants[$0.restaurant].costPerHead, $0.evening, $0.restaurant)
                        < ($1 == was ? 0 : 1, inst.restaurants[$1.restaurant].costPerHead, $1.evening, $1.restaurant)
                }
                var chosen: DinnerBooking?
                for o in options {
                    let cap = left[o] ?? inst.restaurants[o.restaurant].capacity
                    let din = inst.dinnerInterval(evening: o.evening)
                    guard cap >= members.count, !busy.contains(where: { $0.start < din.end && din.start < $0.end }) else { continue }
                    chosen = o
                    left[o] = cap - members.count
                    break
                }
                guard let chosen else { return nil }
                dinners[team] = chosen
            }
        }

        // Travel.
        let legs = inst.scenario.travel
        var seatsLeft: [Int: Int] = [:]
        for (l, leg) in legs.enumerated() { if let s = leg.seats { seatsLeft[l] = s } }
        var trips = [Trip?](repeating: nil, count: inst.scenario.attendees.count)
        let partial = Plan(placements: placements, dinners: dinners, trips: trips)
        let event = inst.event
        // Travellers keeping baseline legs go first, so new travellers cannot take their seats.
        let keeping = { (g: TravelGroup) in f.baseline?.trips[g.members[0]] != nil }
        for g in f.groups.filter(keeping) + f.groups.filter({ !keeping($0) }) {
            let commitments = inst.commitments(of: g.members[0], in: partial)
            let first = commitments.map(\.start).min() ?? Int.max
            let last = commitments.map(\.end).max() ?? Int.min
            let ins = g.inbound.filter { legs[$0.leg].arrive.instant + event.arrivalBufferMinutes <= first }
                .sorted { (f.model.variables[$0.count.index].cost, $0.leg) < (f.model.variables[$1.count.index].cost, $1.leg) }
            let outs = g.outbound.filter { legs[$0.leg].depart.instant - event.departureBufferMinutes >= last }
                .sorted { (f.model.variables[$0.count.index].cost, $0.leg) < (f.model.variables[$1.count.index].cost, $1.leg) }
            for a in g.members {
                guard let i = ins.first(where: { (seatsLeft[$0.leg] ?? 1) > 0 })?.leg else { return nil }
                let arrival = legs[i].arrive.instant
                guard let o = outs.first(where: { (seatsLeft[$0.leg] ?? 1) > 0 && legs[$0.leg].depart.instant >= arrival })?.leg
                else { return nil }
                if seatsLeft[i] != nil { seatsLeft[i]! -= 1 }
                if seatsLeft[o] != nil { seatsLeft[o]! -= 1 }
                trips[a] = Trip(inbound: i, outbound: o)
            }
        }
        return Plan(placements: placements, dinners: dinners, trips: trips)
    }

    /// Greedy earliest-start placement; nil if some session finds no start.
    static func placeSessions(_ f: Formulation, order rule: SessionOrder) -> [Placement]? {
        let inst = f.instance, agenda = inst.agenda
        let n = agenda.sessions.count
        var preds = [[Int]](repeating: [], count: n), succs = [[Int]](repeating: [], count: n)
        for p in agenda.precedence { preds[p.after].append(p.before); succs[p.before].append(p.after) }
        // Most constrained first: (a) single-start sessions; (b) with `restrictedFirst`, sessions
        // limited to some of the slots (a day, allowed slots) and tied by precedence only to
        // single-start sessions, fewest starts first — placed later they may find every audience
        // member or room taken; (c) the rest in precedence order, with `largestFirst` larger
        // audiences first among those ready, so a company-wide session finds a free hour before
        // small groups have scattered through the day.
        let audienceSize = agenda.sessions.map(\.audience.count)
        let most = f.start.map(\.count).max() ?? 0
        let single = { (k: Int) in f.start[k].count == 1 }
        let restricted = { (k: Int) in
            rule.restrictedFirst && f.start[k].count > 1 && f.start[k].count < most && (preds[k] + succs[k]).allSatisfy(single)
        }
        var indegree = preds.map(\.count)
        var ready = (0..<n).filter { indegree[$0] == 0 }
        var precedenceOrder: [Int] = []
        while !ready.isEmpty {
            let size = { (k: Int) in rule.largestFirst ? audienceSize[k] : 0 }
            let pick = ready.indices.max { (size(ready[$0]), -ready[$0]) < (size(ready[$1]), -ready[$1]) }!
            let k = ready.remove(at: pick)
            precedenceOrder.append(k)
            for a in succs[k] { indegree[a] -= 1; if indegree[a] == 0 { ready.append(a) } }
        }
        guard precedenceOrder.count == n else { return nil }
        var order =
            precedenceOrder.filter(single)
            + precedenceOrder.filter(restricted).sorted { (f.start[$0].count, -audienceSize[$0], $0) < (f.start[$1].count, -audienceSize[$1], $1) }
            + precedenceOrder.filter { !single($0) && !restricted($0) }
        let was = f.baseline?.sessions ?? []
        if !was.isEmpty { order = order.filter { was[$0] != nil } + order.filter { was[$0] == nil } }

        var placed = [Placement?](repeating: nil, count: n)
        var interval = [(start: Int, end: Int)?](repeating: nil, count: n)
        var roomBusy = [[(start: Int, end: Int)]](repeating: [], count: inst.rooms.count)
        var personBusy = [[(start: Int, end: Int)]](repeating: [], count: inst.scenario.attendees.count)
        var span = [(start: Int, end: Int)?](repeating: nil, count: inst.scenario.attendees.count)
        func free(_ list: [(start: Int, end: Int)], _ iv: (start: Int, end: Int)) -> Bool {
            !list.contains { $0.start < iv.end && iv.start < $0.end }
        }
        for k in order {
            let audience = agenda.sessions[k].audience
            var options: [(iv: (start: Int, end: Int), index: Int)] = []
            for (i, o) in f.start[k].enumerated() {
                if let iv = inst.interval(of: k, startingAt: o.slot) { options.append((iv, i)) }
            }
            let wasSlot = was.isEmpty ? nil : was[k]?.slot, wasRoom = was.isEmpty ? nil : was[k]?.room
            // Prefer starts inside the audience's stay so far (between their first and last
            // placed commitment): a session after the closing keynote costs its audience a night.
            var extends = [Int](repeating: 0, count: f.start[k].count)
            for (iv, i) in options {
                extends[i] = audience.reduce(0) { n, a in
                    guard let span = span[a] else { return n }
                    return iv.start < span.start || iv.end > span.end ? n + 1 : n
                }
            }
            options.sort {
                (f.start[k][$0.index].slot == wasSlot ? 0 : 1, extends[$0.index], $0.iv.start, $0.index)
                    < (f.start[k][$1.index].slot == wasSlot ? 0 : 1, extends[$1.index], $1.iv.start, $1.index)
            }
            var done = false
            for (iv, i) in options {
                guard preds[k].allSatisfy({ interval[$0].map { $0.end <= iv.start } ?? true }),
                    succs[k].allSatisfy({ interval[$0].map { iv.end <= $0.start } ?? true }),
                    audience.allSatisfy({ free(personBusy[$0], iv) })
                else { continue }
                let rooms = f.room[k][i].map(\.room).sorted {
                    ($0 == wasRoom ? 0 : 1, inst.rooms[$0].capacity, $0)
                        < ($1 == wasRoom ? 0 : 1, inst.rooms[$1].capacity, $1)
                }
                guard let r = rooms.first(where: { free(roomBusy[$0], iv) }) else { continue }
                placed[k] = Placement(slot: f.start[k][i].slot, room: r)
                interval[k] = iv
                roomBusy[r].append(iv)
                for a in audience {
                    personBusy[a].append(iv)
                    span[a] = span[a].map { (min($0.start, iv.start), max($0.end, iv.end)) } ?? iv
                }
                done = true
                break
            }
            if !done { return nil }
        }
        return placed.map { $0! }
    }
}
