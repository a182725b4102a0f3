import KickoffCore
import KickoffPlan
import MIP

/// Travellers who are interchangeable for the planner: same home airport, same sessions, same
/// team dinner. They share one integer count per leg instead of one binary per person.
package struct TravelGroup: Sendable {
    /// Attendee indices, ascending.
    package let members: [Int]
    package let home: String
    /// Expanded sessions they attend.
    package let sessions: [Int]
    /// Their team (for the dinner), or nil without dinners.
    package let team: String?
    /// Usable inbound legs and the count variable of each.
    package internal(set) var inbound: [(leg: Int, count: Variable)] = []
    package internal(set) var outbound: [(leg: Int, count: Variable)] = []
}

/// One way a commitment can be scheduled: its interval and the variables that select it.
struct CommitmentOption {
    var start: Int
    var end: Int
    var terms: [Variable]
}

/// The integer program of `docs/FORMULATION.md`, built from a `PlanningInstance`, with the maps
/// to turn a solution into a `Plan` and a `Plan` into a solution.
///
/// Every constraint family cites its number in the formulation document.
package struct Formulation: Sendable {
    package let instance: PlanningInstance
    package private(set) var model = MIPModel()
    /// `start[k]`: the start variable y of session k for each slot it may start in.
    package private(set) var start: [[(slot: Int, y: Variable)]] = []
    /// `room[k][i]`: for `start[k][i]`, the room variables x.
    package private(set) var room: [[[(room: Int, x: Variable)]]] = []
    /// The evening variables w of each team's dinner.
    package private(set) var evening: [String: [(evening: Int, w: Variable)]] = [:]
    /// Table sets: the teams dining together at one restaurant on one evening, and the variable p.
    package private(set) var tables: [(booking: DinnerBooking, teams: [String], p: Variable)] = []
    var tableIndex: [String: Variable] = [:]
    /// True when table sets choose restaurants only (evening 0) and evenings are given in order.
    package private(set) var freeEvenings = false
    /// Per-team restaurant variables z, used instead of table sets when those are too many.
    package private(set) var dinner: [String: [(booking: DinnerBooking, z: Variable)]] = [:]
    package private(set) var groups: [TravelGroup] = []
    /// Reasons the model is certainly infeasible, found while building it (empty normally).
    package private(set) var obstacles: [String] = []
    /// The published plan being re-planned, if any: its choices are rewarded by (0b).
    package let baseline: BaselineMatch?
    /// The part of each variable's cost that is a change penalty (0b), by variable index.
    package private(set) var penaltyCost: [Int: Double] = [:]
    /// The assignment rows kept by the relaxation bound (R): dinners (6), (7) and travel (9), (13).
    private var assignmentRows: [Int] = []

    /// Builds the whole program. Complexity: roughly linear in sessions × starts × rooms plus
    /// groups × usable legs × commitments.
    ///
    /// - Parameter baseline: a published plan to keep as much of as the rules allow; every change
    ///   from it costs its penalty (0b) on top of the plan's cost (0).
    package init(_ instance: PlanningInstance, baseline: BaselineMatch? = nil, starts: StartFilter.Result? = nil) {
        self.instance = instance
        self.baseline = baseline
        addSessionPlacement(starts: starts?.slots)  // (1), (2)
        addRoomOverlap()  // (3)
        addAttendeeOverlap()  // (4)
        addPrecedence()  // (5)
        addDinners()  // (6), (7), (8)
        addTravel()  // (9)–(14)
        model.objectiveConstant += instance.venue.dailyRate * Double(instance.event.days)  // venue part of (0)
    }

    private var agenda: Agenda { instance.agenda }

    /// (0b) adds a change penalty to a variable's cost, remembering it apart from the cost (0).
    private mutating func penalise(_ v: Variable, _ amount: Double) {
        guard amount != 0 else { return }
        model.setCost(v, model.variables[v.index].cost + amount)
        penaltyCost[v.index, default: 0] += amount
    }

    /// The change penalties (0b) of a solution: its objective minus the plan's cost.
    package func penalty(_ x: [Double]) -> Double {
        penaltyCost.reduce(0) { $0 + $1.value * x[$1.key] }
    }

    // MARK: sessions

    /// (1) every session starts exactly once; (2) in exactly one fitting room.
    private mutating func addSessionPlacement(starts: [[Int]]?) {
        for (k, ps) in agenda.sessions.enumerated() {
            let rooms = instance.roomsFitting(k)
            let slots = starts?[k] ?? agenda.startSlots(of: k, in: instance.scenario)
            var ys: [(Int, Variable)] = []
            var xs: [[(Int, Variable)]] = []
            if rooms.isEmpty { obstacles.append("no room fits \(ps.id) (\(ps.audience.count) attendees)") }
            if slots.isEmpty { obstacles.append("\(ps.id) has no slot it can start in") }
            for s in slots {
                let slotID = agenda.slots[s].id
                let y = model.addVariable("y[\(ps.id),\(slotID)]", kind: .binary)
                ys.append((s, y))
                var here: [(Int, Variable)] = []
                for r in rooms {
                    here.append((r, model.addVariable("x[\(ps.id),\(slotID),\(instance.rooms[r].id)]", kind: .binary)))
                }
                // (0b) another time costs a move; the baseline's time in another room, a room change.
                if let p = baseline, let was = p.sessions[k] {
                    if s != was.slot {
                        penalise(y, p.penalties.sessionMove)
                    } else {
                        for (r, x) in here where r != was.room { penalise(x, p.penalties.roomChange) }
                    }
                }
                // (2) Σ_r x[k,s,r] = y[k,s]
                model.addEquality(Requirement.room(session: ps.id, slot: slotID), here.map { ($0.1, 1) } + [(y, -1)], 0)
                xs.append(here)
            }
            // (1) Σ_s y[k,s] = 1
            model.addEquality(Requirement.start(session: ps.id), ys.map { ($0.1, 1) }, 1)
            start.append(ys)
            room.append(xs)
        }
    }

    /// Distinct slot start instants, ascending: the points where overlaps are tested. Two
    /// intervals overlap exactly when one contains the other's start, so these points suffice.
    private var points: [Int] { Array(Set(instance.slotStart)).sorted() }

    /// (3) no room holds two sessions at any point in time.
    private mutating func addRoomOverlap() {
        var covering: [Int: [Int: [(Int, Variable)]]] = [:]  // room → point → (session, x)
        let points = self.points
        for k in start.indices {
            for (i, (s, _)) in start[k].enumerated() {
                guard let iv = instance.interval(of: k, startingAt: s) else { continue }
                for p in points where iv.start <= p && p < iv.end {
                    for (r, x) in room[k][i] { covering[r, default: [:]][p, default: []].append((k, x)) }
                }
            }
        }
        for r in covering.keys.sorted() {
            for p in covering[r]!.keys.sorted() {
                let terms = covering[r]![p]!
                guard Set(terms.map(\.0)).count > 1 else { continue }
                model.addConstraint(Requirement.roomOnce(room: instance.rooms[r].id, at: moment(p)), terms.map { ($0.1, 1) }, upper: 1)
            }
        }
    }

    /// (4) nobody attends two sessions at once: at each point in time, one row per clique of
    /// sessions there that pairwise share attendees. Each starts as a set of sessions one person
    /// attends (maximal sets only) and is extended by every session there that shares attendees
    /// with all of its members (most-connected first), then only maximal cliques are kept. The
    /// extension is what makes the LP relaxation tight where people's agendas overlap without
    /// one person attending them all — three workshops pairwise sharing a person, the launch for
    /// reps and managers beside the managers' briefing — on medium-11 PHX and medium-12 PRG it
    /// lifts the root LP to within 0.0005 % of the optimum (from 10 % and 0.12 % below), as
    /// HiGHS's clique merging does in its presolve.
    private mutating func addAttendeeOverlap() {
        let signatures = Set(instance.sessionsOf.filter { $0.count > 1 })
        let n = start.count, words = (n + 63) / 64
        // Sessions sharing an attendee, as bit sets.
        var shares = [[UInt64]](repeating: [UInt64](repeating: 0, count: words), count: n)
        for sig in signatures {
            for a in sig { for b in sig where b != a { shares[a][b / 64] |= 1 << UInt64(b % 64) } }
        }
        func bits(_ set: [Int]) -> [UInt64] {
            var m = [UInt64](repeating: 0, count: words)
            for k in set { m[k / 64] |= 1 << UInt64(k % 64) }
            return m
        }
        func has(_ m: [UInt64], _ k: Int) -> Bool { m[k / 64] >> UInt64(k % 64) & 1 == 1 }
        func isSubset(_ a: [UInt64], _ b: [UInt64]) -> Bool { zip(a, b).allSatisfy { $0 & ~$1 == 0 } }
        var active: [[(k: Int, y: Variable)]] = []  // per point
        let points = self.points
        active = points.map { _ in [] }
        for k in start.indices {
            for (s, y) in start[k] {
                guard let iv = instance.interval(of: k, startingAt: s) else { continue }
                for (pi, p) in points.enumerated() where iv.start <= p && p < iv.end { active[pi].append((k, y)) }
            }
        }
        for (pi, p) in points.enumerated() {
            let here = Array(Set(active[pi].map(\.k))).sorted()
            let hereBits = bits(here)
            var sets = Set<[Int]>()
            for sig in signatures {
                let both = sig.filter { has(hereBits, $0) }
                if both.count > 1 { sets.insert(both) }
            }
            // Most-connected sessions first: they extend the most cliques.
            let degree = here.map { k in zip(shares[k], hereBits).reduce(0) { $0 + ($1.0 & $1.1).nonzeroBitCount } }
            let candidates = here.indices.sorted { (degree[$0], here[$1]) > (degree[$1], here[$0]) }.map { here[$0] }
            var cliques: [[UInt64]] = []
            for set in sets {
                var clique = bits(set)
                for k in candidates where !has(clique, k) && isSubset(clique, shares[k]) {
                    clique[k / 64] |= 1 << UInt64(k % 64)
                }
                cliques.append(clique)
            }
            // Keep only maximal cliques: a subset's constraint is implied.
            let sized = Array(Set(cliques)).sorted {
                let (a, b) = ($0.reduce(0) { $0 + $1.nonzeroBitCount }, $1.reduce(0) { $0 + $1.nonzeroBitCount })
                return a != b ? a > b : $0.lexicographicallyPrecedes($1)
            }
            var kept: [[UInt64]] = []
            for clique in sized where !kept.contains(where: { isSubset(clique, $0) }) {
                kept.append(clique)
                let members = here.filter { has(clique, $0) }
                let terms = active[pi].filter { has(clique, $0.k) }.map { ($0.y, 1.0) }
                model.addConstraint(Requirement.attendOnce(sessions: members.map { agenda.sessions[$0].id }, at: moment(p)), terms, upper: 1)
            }
        }
    }

    /// (5) a session starts no earlier than each predecessor ends (time-indexed, per start).
    private mutating func addPrecedence() {
        for pr in agenda.precedence {
            let a = pr.after, b = pr.before
            let aStarts = start[a].compactMap { o in instance.interval(of: a, startingAt: o.slot).map { ($0.start, o.y) } }
            let bEnds = start[b].compactMap { o in instance.interval(of: b, startingAt: o.slot).map { ($0.end, o.y) } }
            for tau in Set(aStarts.map(\.0)).sorted() {
                let early = aStarts.filter { $0.0 <= tau }.map { ($0.1, 1.0) }
                let done = bEnds.filter { $0.0 <= tau }.map { ($0.1, -1.0) }
                model.addConstraint(
                    Requirement.after(session: agenda.sessions[a].id, predecessor: agenda.sessions[b].id, by: moment(tau)),
                    early + done, upper: 0)
            }
        }
    }

    // MARK: dinners

    /// Most table sets (restaurant, evening, teams) enumerated before falling back to one
    /// variable per team, restaurant and evening.
    package static let tableSetLimit = 150_000

    /// (6) one evening per team; (7) who dines where: table sets, or per-team choices with
    /// capacity rows when there are too many sets; (8) no dinner over a member's session.
    private mutating func addDinners() {
        guard instance.hasDinners else { return }
        let size = agenda.teams.map { instance.members(of: $0).count }
        // When no team's evening can matter (see `eveningsAreFree`), only restaurants are chosen:
        // (7c) each restaurant hosts at most as many table sets as it has evenings, and the sets
        // are given evenings in order afterwards. This removes the evenings' symmetry.
        // A baseline's evenings are kept, so they must be modelled.
        if baseline?.dinners.isEmpty ?? true, eveningsAreFree(instance.evenings), let sets = tableSets(size) {
            addRestaurantChoices(sets, size)  // (6), (7c)
            return
        }
        addDinnerEvenings(size)  // (6)
        var served: [String: [(Variable, Double)]] = [:]  // "team|e" → terms serving it
        if let sets = tableSets(size) {
            addTableSets(sets, size, &served)  // (7a)
        } else {
            addDinnerChoices(size, &served)  // (7z)
        }
        addSeating(served)  // (7b)
        addDinnerClashes()  // (8)
    }

    /// (7c) with free evenings: one variable per restaurant and table set, each restaurant at
    /// most as many sets as evenings; (6) every team in exactly one set.
    private mutating func addRestaurantChoices(_ sets: [[[Int]]], _ size: [Int]) {
        let teams = agenda.teams, hosts = instance.evenings
        freeEvenings = true
        var covering: [String: [(Variable, Double)]] = [:]
        for (ri, r) in instance.restaurants.enumerated() where !hosts[ri].isEmpty {
            var here: [(Variable, Double)] = []
            for set in sets[ri] {
                let names = set.map { teams[$0] }
                let cost = Double(set.reduce(0) { $0 + size[$1] }) * r.costPerHead
                let q = model.addVariable("q[\(r.id),\(names.joined(separator: "+"))]", kind: .binary, cost: cost)
                tables.append((DinnerBooking(restaurant: ri, evening: 0), names, q))
                tableIndex[Self.tableKey(ri, 0, names)] = q
                here.append((q, 1))
                for team in names { covering[team, default: []].append((q, 1)) }
            }
            if here.count > hosts[ri].count { keepForBound { $0.model.addConstraint(Requirement.restaurant(r.id, evening: nil), here, upper: Double(hosts[ri].count)) } }
        }
        for (t, team) in teams.enumerated() {
            if covering[team] == nil { obstacles.append("no restaurant evening can seat team \(team) (\(size[t]) guests)") }
            keepForBound { $0.model.addEquality(Requirement.dinner(team: team), covering[team] ?? [], 1) }  // (6)
        }
    }

    /// (6) w[team,e]: the team dines on exactly one evening it can be seated on.
    private mutating func addDinnerEvenings(_ size: [Int]) {
        let teams = agenda.teams, hosts = instance.evenings
        for (t, team) in teams.enumerated() {
            let evenings = Set(instance.restaurants.indices.filter { instance.restaurants[$0].capacity >= size[t] }.flatMap { hosts[$0] }).sorted()
            if evenings.isEmpty { obstacles.append("no restaurant evening can seat team \(team) (\(size[t]) guests)") }
            let ws = evenings.map { e in (evening: e, w: model.addVariable("w[\(team),\(e)]", kind: .binary)) }
            keepForBound { $0.model.addEquality(Requirement.dinner(team: team), ws.map { ($0.w, 1) }, 1) }
            evening[team] = ws
        }
    }

    /// (7a) each restaurant evening hosts at most one table set, a set of teams that fits.
    private mutating func addTableSets(_ sets: [[[Int]]], _ size: [Int], _ served: inout [String: [(Variable, Double)]]) {
        let teams = agenda.teams, hosts = instance.evenings
        for (ri, r) in instance.restaurants.enumerated() {
            for e in hosts[ri] {
                var here: [(Variable, Double)] = []
                for set in sets[ri] {
                    let names = set.map { teams[$0] }
                    let cost = Double(set.reduce(0) { $0 + size[$1] }) * r.costPerHead
                    let p = model.addVariable("p[\(r.id),\(e),\(names.joined(separator: "+"))]", kind: .binary, cost: cost)
                    penalise(p, dinnerPenalty(names, DinnerBooking(restaurant: ri, evening: e)))
                    tables.append((DinnerBooking(restaurant: ri, evening: e), names, p))
                    tableIndex[Self.tableKey(ri, e, names)] = p
                    here.append((p, 1))
                    for team in names { served["\(team)|\(e)", default: []].append((p, 1)) }
                }
                if here.count > 1 { keepForBound { $0.model.addConstraint(Requirement.restaurant(r.id, evening: e), here, upper: 1) } }
            }
        }
    }

    /// (7z) too many table sets: z[team,r,e] with a capacity row per restaurant evening.
    private mutating func addDinnerChoices(_ size: [Int], _ served: inout [String: [(Variable, Double)]]) {
        let teams = agenda.teams, hosts = instance.evenings
        var load: [DinnerBooking: [(Variable, Double)]] = [:]
        for (t, team) in teams.enumerated() {
            var options: [(booking: DinnerBooking, z: Variable)] = []
            for (ri, r) in instance.restaurants.enumerated() where r.capacity >= size[t] {
                for e in hosts[ri] {
                    let b = DinnerBooking(restaurant: ri, evening: e)
                    let z = model.addVariable("z[\(team),\(r.id),\(e)]", kind: .binary, cost: Double(size[t]) * r.costPerHead)
                    penalise(z, dinnerPenalty([team], b))
                    options.append((b, z))
                    load[b, default: []].append((z, Double(size[t])))
                    served["\(team)|\(e)", default: []].append((z, 1))
                }
            }
            dinner[team] = options
        }
        for (b, terms) in load.sorted(by: { ($0.key.restaurant, $0.key.evening) < ($1.key.restaurant, $1.key.evening) })
        where terms.reduce(0, { $0 + $1.1 }) > Double(instance.restaurants[b.restaurant].capacity) {
            let r = instance.restaurants[b.restaurant]
            keepForBound { $0.model.addConstraint(Requirement.restaurant(r.id, evening: b.evening), terms, upper: Double(r.capacity)) }
        }
    }

    /// (7b) a team dining on evening e sits in exactly one table set (or restaurant) that evening.
    private mutating func addSeating(_ served: [String: [(Variable, Double)]]) {
        let teams = agenda.teams
        for team in teams {
            for (e, w) in evening[team] ?? [] {
                keepForBound { $0.model.addEquality(Requirement.seated(team: team, evening: e), (served["\(team)|\(e)"] ?? []) + [(w, -1)], 0) }
            }
        }
    }

    /// (8) a dinner on evening e excludes every overlapping start of a member's session.
    private mutating func addDinnerClashes() {
        let teams = agenda.teams
        for team in teams {
            let memberSessions = Set(instance.members(of: team).flatMap { instance.sessionsOf[$0] })
            for (e, w) in evening[team] ?? [] {
                let din = instance.dinnerInterval(evening: e)
                for k in memberSessions.sorted() {
                    for (s, y) in start[k] {
                        guard let iv = instance.interval(of: k, startingAt: s), iv.start < din.end, din.start < iv.end else { continue }
                        model.addConstraint(
                            Requirement.dinnerClash(team: team, evening: e, session: agenda.sessions[k].id, slot: agenda.slots[s].id),
                            [(w, 1), (y, 1)], upper: 1)
                    }
                }
            }
        }
    }

    /// True when every team's dinner, on any evening it could have, is certainly inside each
    /// member's stay and clashes with none of their possible sessions: each member has a session
    /// that must start before the earliest dinner and one that must end after the latest. Then
    /// the evening affects neither travel nor sessions, only which restaurant evening is used.
    private func eveningsAreFree(_ hosts: [[Int]]) -> Bool {
        let all = Set(hosts.flatMap { $0 })
        guard let first = all.min(), let last = all.max() else { return false }
        let earliest = instance.dinnerInterval(evening: first), latest = instance.dinnerInterval(evening: last)
        var latestStart = [Int](repeating: Int.max, count: start.count), earliestEnd = [Int](repeating: Int.min, count: start.count)
        for k in start.indices {
            let ivs = start[k].compactMap { instance.interval(of: k, startingAt: $0.slot) }
            latestStart[k] = ivs.map(\.start).max() ?? Int.max
            earliestEnd[k] = ivs.map(\.end).min() ?? Int.min
            for e in all.sorted() {
                let din = instance.dinnerInterval(evening: e)
                if ivs.contains(where: { $0.start < din.end && din.start < $0.end }) { return false }
            }
        }
        for (a, sessions) in instance.sessionsOf.enumerated() where !instance.isLocal[a] {
            guard sessions.contains(where: { latestStart[$0] <= earliest.start }),
                sessions.contains(where: { earliestEnd[$0] >= latest.end })
            else { return false }
        }
        return true
    }

    /// (0b) what seating these teams at `booking` costs in dinner changes.
    private func dinnerPenalty(_ teams: [String], _ booking: DinnerBooking) -> Double {
        guard let p = baseline else { return 0 }
        return Double(teams.filter { p.dinners[$0].map { $0.booking != booking } ?? false }.count) * p.penalties.dinnerChange
    }

    static func tableKey(_ restaurant: Int, _ evening: Int, _ teams: [String]) -> String {
        "\(restaurant)|\(evening)|" + teams.sorted().joined(separator: "\u{1F}")
    }

    /// For each restaurant, every non-empty set of teams (indices, ascending) whose guests fit its
    /// capacity; nil when there are more than `tableSetLimit` in all.
    private func tableSets(_ size: [Int]) -> [[[Int]]]? {
        var total = 0
        var out: [[[Int]]] = []
        for (ri, r) in instance.restaurants.enumerated() {
            let evenings = instance.evenings[ri].count
            var sets: [[Int]] = []
            var current: [Int] = []
            var overflow = false
            func extend(from i: Int, room: Int) {
                if overflow { return }
                for t in i..<size.count where size[t] <= room {
                    current.append(t)
                    sets.append(current)
                    if (total + sets.count) * max(evenings, 1) > Self.tableSetLimit { overflow = true; return }
                    extend(from: t + 1, room: room - size[t])
                    current.removeLast()
                }
            }
            if evenings > 0 { extend(from: 0, room: r.capacity) }
            if overflow { return nil }
            total += sets.count * evenings
            out.append(sets)
        }
        return out
    }

    /// The ways each commitment of an attendee with these sessions and team can be scheduled.
    func commitmentOptions(sessions: [Int], team: String?) -> [[CommitmentOption]] {
        var out: [[CommitmentOption]] = sessions.map { k in
            start[k].compactMap { o in
                instance.interval(of: k, startingAt: o.slot).map { CommitmentOption(start: $0.start, end: $0.end, terms: [o.y]) }
            }
        }
        if let team, let ws = evening[team] {
            out.append(
                ws.map { o in
                    let iv = instance.dinnerInterval(evening: o.evening)
                    return CommitmentOption(start: iv.start, end: iv.end, terms: [o.w])
                })
        }
        return out
    }

    // MARK: travel

    /// (9) each group's travellers take one inbound and one outbound leg each; (10) arrival and
    /// (11) departure buffers against every commitment; (12) leg order for groups without
    /// commitments; (13) seats; (14) the hotel block. Leg costs carry hotel nights and time away,
    /// which separate into an inbound and an outbound part (see the objective).
    private mutating func addTravel() {
        let legs = instance.scenario.travel
        let hasSeats = legs.contains { $0.seats != nil }
        var seatTerms: [Int: [(Variable, Double)]] = [:]
        var arrivals: [(date: Int, v: Variable)] = [], departures: [(date: Int, v: Variable)] = []
        for var g in travelGroups() {
            let group = TravelGroupName(first: instance.scenario.attendees[g.members[0]].id, others: g.members.count - 1)
            let commitments = commitmentOptions(sessions: g.sessions, team: g.team)
            addLegs(&g, group, commitments)  // the leg variables, and (9)
            addArrivals(g, group, commitments)  // (10)
            addDepartures(g, group, commitments)  // (11)
            if commitments.isEmpty { addLegOrder(g, group) }  // (12)
            for (l, u) in g.inbound {
                if hasSeats { seatTerms[l, default: []].append((u, 1)) }
                arrivals.append((instance.venueDate(legs[l].arrive.instant).dayNumber, u))
            }
            for (l, v) in g.outbound {
                if hasSeats { seatTerms[l, default: []].append((v, 1)) }
                departures.append((instance.venueDate(legs[l].depart.instant).dayNumber, v))
            }
            groups.append(g)
        }
        addSeats(seatTerms)  // (13)
        addHotelBlock(arrivals, departures)  // (14)
        // Objective (0): each leg's cost is `PlanningInstance.legCost`.
    }

    /// Travellers with the same home, sessions, team (when dinners are planned) and, in a
    /// re-plan, baseline legs are interchangeable: one group each, with integer leg counts.
    private func travelGroups() -> [TravelGroup] {
        let sc = instance.scenario
        var keyed: [String: Int] = [:]
        var all: [TravelGroup] = []
        for (a, person) in sc.attendees.enumerated() where !instance.isLocal[a] {
            let team = instance.hasDinners ? person.team : nil
            // Travellers with different baseline legs are not interchangeable in a re-plan.
            let was = baseline?.trips[a].map { "\($0.record.inbound ?? "")|\($0.record.outbound ?? "")" } ?? "-"
            let key = "\(person.home)|\(team ?? "")|\(instance.sessionsOf[a].map(String.init).joined(separator: ","))|\(was)"
            if let g = keyed[key] {
                all[g] = TravelGroup(members: all[g].members + [a], home: person.home, sessions: all[g].sessions, team: team)
            } else {
                keyed[key] = all.count
                all.append(TravelGroup(members: [a], home: person.home, sessions: instance.sessionsOf[a], team: team))
            }
        }
        return all
    }

    /// The group's leg counts: only legs that leave every commitment room for the buffers (a leg
    /// is out if some commitment cannot start late enough, or end early enough, for it); an
    /// obstacle when none is left; and (9) every traveller has one leg each way.
    private mutating func addLegs(_ g: inout TravelGroup, _ group: TravelGroupName, _ commitments: [[CommitmentOption]]) {
        let legs = instance.scenario.travel, event = instance.event
        let buffer = (arrive: event.arrivalBufferMinutes, depart: event.departureBufferMinutes)
        let n = Double(g.members.count), name = group.description
        let latestFirst = commitments.map { $0.map(\.start).max() ?? Int.min }.min() ?? Int.max
        let earliestLast = commitments.map { $0.map(\.end).min() ?? Int.max }.max() ?? Int.min
        let kind: VariableKind = g.members.count == 1 ? .binary : .integer
        let was = baseline?.trips[g.members[0]], rebook = baseline?.penalties.legRebook ?? 0
        for l in instance.travel.inbound[g.home] ?? [] where legs[l].arrive.instant + buffer.arrive <= latestFirst {
            let u = model.addVariable("in[\(name),\(legs[l].id)]", upper: n, kind: kind, cost: instance.legCost(l, inbound: true))
            if let was, was.inbound != l { penalise(u, rebook) }  // (0b) per traveller rebooked
            g.inbound.append((l, u))
        }
        for l in instance.travel.outbound[g.home] ?? [] where legs[l].depart.instant - buffer.depart >= earliestLast {
            let v = model.addVariable("out[\(name),\(legs[l].id)]", upper: n, kind: kind, cost: instance.legCost(l, inbound: false))
            if let was, was.outbound != l { penalise(v, rebook) }
            g.outbound.append((l, v))
        }
        if g.inbound.isEmpty {
            obstacles.append(
                "\(group.people) (from \(g.home)) \(g.members.count == 1 ? "has" : "have") no inbound leg arriving "
                    + "\(buffer.arrive) min before their first commitment, which starts by \(label(latestFirst)) at the latest")
        }
        if g.outbound.isEmpty {
            obstacles.append(
                "\(group.people) (from \(g.home)) \(g.members.count == 1 ? "has" : "have") no outbound leg leaving "
                    + "\(buffer.depart) min after their last commitment, which ends at \(label(earliestLast)) at the earliest")
        }
        // (9)
        let inbound = g.inbound.map { ($0.count, 1.0) }, outbound = g.outbound.map { ($0.count, 1.0) }
        keepForBound { $0.model.addEquality(Requirement.inbound(group), inbound, n) }
        keepForBound { $0.model.addEquality(Requirement.outbound(group), outbound, n) }
    }

    /// (10) for each arrival threshold a: legs arriving at a or later exclude commitments starting before a.
    private mutating func addArrivals(_ g: TravelGroup, _ group: TravelGroupName, _ commitments: [[CommitmentOption]]) {
        let legs = instance.scenario.travel, n = Double(g.members.count)
        let ready = g.inbound.map { (at: legs[$0.leg].arrive.instant + instance.event.arrivalBufferMinutes, u: $0.count) }
        for a in Set(ready.map(\.at)).sorted() {
            let late = ready.filter { $0.at >= a }.map { ($0.u, 1.0) }
            for (ci, options) in commitments.enumerated() {
                let early = options.filter { $0.start < a }
                guard !early.isEmpty else { continue }
                model.addConstraint(
                    Requirement.arrive(group, commitment: ci, before: moment(a)),
                    late + early.flatMap { o in o.terms.map { ($0, n) } }, upper: n)
            }
        }
    }

    /// (11) for each departure threshold d: legs leaving by d exclude commitments ending after d.
    private mutating func addDepartures(_ g: TravelGroup, _ group: TravelGroupName, _ commitments: [[CommitmentOption]]) {
        let legs = instance.scenario.travel, n = Double(g.members.count)
        let free = g.outbound.map { (at: legs[$0.leg].depart.instant - instance.event.departureBufferMinutes, v: $0.count) }
        for d in Set(free.map(\.at)).sorted() {
            let soon = free.filter { $0.at <= d }.map { ($0.v, 1.0) }
            for (ci, options) in commitments.enumerated() {
                let lateEnd = options.filter { $0.end > d }
                guard !lateEnd.isEmpty else { continue }
                model.addConstraint(
                    Requirement.depart(group, commitment: ci, after: moment(d)),
                    soon + lateEnd.flatMap { o in o.terms.map { ($0, n) } }, upper: n)
            }
        }
    }

    /// (12) without commitments nothing else orders the legs: by every departure time, no more
    /// travellers have left than have arrived.
    private mutating func addLegOrder(_ g: TravelGroup, _ group: TravelGroupName) {
        let legs = instance.scenario.travel
        for t in Set(g.outbound.map { legs[$0.leg].depart.instant }).sorted() {
            let gone = g.outbound.filter { legs[$0.leg].depart.instant <= t }.map { ($0.count, 1.0) }
            let came = g.inbound.filter { legs[$0.leg].arrive.instant <= t }.map { ($0.count, -1.0) }
            model.addConstraint(Requirement.order(group, by: moment(t)), gone + came, upper: 0)
        }
    }

    /// (13) a leg's seats, where the groups that may take it could overfill it.
    private mutating func addSeats(_ seatTerms: [Int: [(Variable, Double)]]) {
        let legs = instance.scenario.travel
        for l in seatTerms.keys.sorted() {
            guard let seats = legs[l].seats else { continue }
            let terms = seatTerms[l]!
            if terms.reduce(0, { $0 + model.variables[$1.0.index].upper }) <= Double(seats) { continue }
            keepForBound { $0.model.addConstraint(Requirement.seats(leg: legs[l].id), terms, upper: Double(seats)) }
        }
    }

    /// (14) travellers staying on night n = arrived by n − departed by n, within the hotel block.
    private mutating func addHotelBlock(_ arrivals: [(date: Int, v: Variable)], _ departures: [(date: Int, v: Variable)]) {
        guard let block = instance.venue.hotelRooms, !arrivals.isEmpty else { return }
        let first = arrivals.map(\.date).min()!, last = departures.map(\.date).max() ?? first
        for night in first..<max(first, last) {
            let terms =
                arrivals.filter { $0.date <= night }.map { ($0.v, 1.0) }
                + departures.filter { $0.date <= night }.map { ($0.v, -1.0) }
            model.addConstraint(Requirement.hotel(night: CivilDate(dayNumber: night)), terms, upper: Double(block))
        }
    }

    // MARK: bound

    /// Adds rows and marks them as kept by the relaxation bound (R).
    private mutating func keepForBound(_ add: (inout Formulation) -> Void) {
        let before = model.constraints.count
        add(&self)
        assignmentRows += before..<model.constraints.count
    }

    /// (R) The relaxation behind Kickoff's own lower bound: only the assignment rows — one
    /// evening and one table per team (6), (7) with restaurant seats, one inbound and one
    /// outbound leg per traveller (9) with leg seats (13) — and no integrality. The agenda, its
    /// links to travel and dinners (8), (10)–(12) and the hotel block (14) are dropped. Its
    /// optimum is a lower bound on (0) + (0b); it splits
    /// into a linear program per home airport and one for dinners, so it is solved in seconds
    /// even when the full program's LP is not.
    package var relaxation: MIPModel {
        let keep = Set(assignmentRows)
        return model.relaxation { keep.contains($0) }
    }

    /// An instant as the requirements name it (`D2-1400`, rendered only when shown).
    private func moment(_ instant: Int) -> Moment { Moment(instant: instant, clock: instance.clock, firstDay: instance.event.startDate) }

    /// A readable venue-local label for an instant (`D2-1400`), for the obstacles' sentences.
    private func label(_ instant: Int) -> String { moment(instant).description }
}
