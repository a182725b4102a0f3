import KickoffCore
import MIP

/// Travellers who are interchangeable for the planner: same home airport, same sessions, same
/// team dinner. They share one integer count per leg instead of one binary per person.
public struct TravelGroup: Sendable {
    /// Attendee indices, ascending.
    public let members: [Int]
    public let home: String
    /// Expanded sessions they attend.
    public let sessions: [Int]
    /// Their team (for the dinner), or nil without dinners.
    public let team: String?
    /// Usable inbound legs and the count variable of each.
    public internal(set) var inbound: [(leg: Int, count: Variable)] = []
    public internal(set) var outbound: [(leg: Int, count: Variable)] = []
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
public struct Formulation: Sendable {
    public let instance: PlanningInstance
    public private(set) var model = MIPModel()
    /// `start[k]`: the start variable y of session k for each slot it may start in.
    public private(set) var start: [[(slot: Int, y: Variable)]] = []
    /// `room[k][i]`: for `start[k][i]`, the room variables x.
    public private(set) var room: [[[(room: Int, x: Variable)]]] = []
    /// Dinner variables z by team.
    public private(set) var dinner: [String: [(booking: DinnerBooking, z: Variable)]] = [:]
    public private(set) var groups: [TravelGroup] = []
    /// Reasons the model is certainly infeasible, found while building it (empty normally).
    public private(set) var obstacles: [String] = []

    /// Builds the whole program. Complexity: roughly linear in sessions × starts × rooms plus
    /// groups × usable legs × commitments.
    public init(_ instance: PlanningInstance) {
        self.instance = instance
        addSessionPlacement()      // (1), (2)
        addRoomOverlap()           // (3)
        addAttendeeOverlap()       // (4)
        addPrecedence()            // (5)
        addDinners()               // (6), (7), (8)
        addTravel()                // (9)–(14)
        model.objectiveConstant += instance.venue.dailyRate * Double(instance.event.days)  // venue part of (0)
    }

    private var agenda: Agenda { instance.agenda }

    // MARK: sessions

    /// (1) every session starts exactly once; (2) in exactly one fitting room.
    private mutating func addSessionPlacement() {
        for (k, ps) in agenda.sessions.enumerated() {
            let rooms = instance.roomsFitting(k)
            let slots = agenda.startSlots(of: k, in: instance.scenario)
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
                // (2) Σ_r x[k,s,r] = y[k,s]
                model.addEquality("room[\(ps.id),\(slotID)]", here.map { ($0.1, 1) } + [(y, -1)], 0)
                xs.append(here)
            }
            // (1) Σ_s y[k,s] = 1
            model.addEquality("start[\(ps.id)]", ys.map { ($0.1, 1) }, 1)
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
                model.addConstraint("roomOnce[\(instance.rooms[r].id),\(label(p))]", terms.map { ($0.1, 1) }, upper: 1)
            }
        }
    }

    /// (4) nobody attends two sessions at once: one constraint per distinct set of sessions
    /// attended together and point in time (maximal sets only).
    private mutating func addAttendeeOverlap() {
        let signatures = Set(instance.sessionsOf.filter { $0.count > 1 })
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
            let here = Set(active[pi].map(\.k))
            var sets = Set<[Int]>()
            for sig in signatures {
                let both = sig.filter(here.contains)
                if both.count > 1 { sets.insert(both) }
            }
            // Keep only maximal sets: a subset's constraint is implied.
            let sorted = sets.sorted { $0.count > $1.count || ($0.count == $1.count && $0.lexicographicallyPrecedes($1)) }
            var kept: [Set<Int>] = []
            for set in sorted {
                let s = Set(set)
                if kept.contains(where: { s.isSubset(of: $0) }) { continue }
                kept.append(s)
                let terms = active[pi].filter { s.contains($0.k) }.map { ($0.y, 1.0) }
                model.addConstraint("attendOnce[\(agenda.sessions[set[0]].id)+\(set.count - 1),\(label(p))]", terms, upper: 1)
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
                model.addConstraint("after[\(agenda.sessions[a].id),\(agenda.sessions[b].id),\(label(tau))]",
                                    early + done, upper: 0)
            }
        }
    }

    // MARK: dinners

    /// (6) one dinner per team, (7) restaurant capacity per evening, (8) no dinner over a member's session.
    private mutating func addDinners() {
        guard instance.hasDinners else { return }
        let days = instance.event.days
        var byEvening: [DinnerBooking: [(Variable, Double)]] = [:]
        for team in agenda.teams {
            let size = instance.members(of: team).count
            var options: [(DinnerBooking, Variable)] = []
            for (ri, r) in instance.restaurants.enumerated() where r.capacity >= size {
                for e in r.hostedEvenings(days: days) where (1...days).contains(e) {
                    let booking = DinnerBooking(restaurant: ri, evening: e)
                    let z = model.addVariable("z[\(team),\(r.id),\(e)]", kind: .binary, cost: Double(size) * r.costPerHead)
                    options.append((booking, z))
                    byEvening[booking, default: []].append((z, Double(size)))
                }
            }
            if options.isEmpty { obstacles.append("no restaurant evening can seat team \(team) (\(size) guests)") }
            // (6)
            model.addEquality("dinner[\(team)]", options.map { ($0.1, 1) }, 1)
            dinner[team] = options.map { (booking: $0.0, z: $0.1) }

            // (8) a dinner on evening e excludes every overlapping start of a member's session.
            let memberSessions = Set(instance.members(of: team).flatMap { instance.sessionsOf[$0] })
            for e in Set(options.map(\.0.evening)).sorted() {
                let din = instance.dinnerInterval(evening: e)
                let zs = options.filter { $0.0.evening == e }.map { ($0.1, 1.0) }
                for k in memberSessions.sorted() {
                    for (s, y) in start[k] {
                        guard let iv = instance.interval(of: k, startingAt: s), iv.start < din.end, din.start < iv.end else { continue }
                        model.addConstraint("dinnerClash[\(team),\(e),\(agenda.sessions[k].id),\(agenda.slots[s].id)]",
                                            zs + [(y, 1)], upper: 1)
                    }
                }
            }
        }
        // (7)
        for (b, terms) in byEvening.sorted(by: { ($0.key.restaurant, $0.key.evening) < ($1.key.restaurant, $1.key.evening) })
        where terms.reduce(0, { $0 + $1.1 }) > Double(instance.restaurants[b.restaurant].capacity) {
            let r = instance.restaurants[b.restaurant]
            model.addConstraint("restaurant[\(r.id),\(b.evening)]", terms, upper: Double(r.capacity))
        }
    }

    /// The ways each commitment of an attendee with these sessions and team can be scheduled.
    func commitmentOptions(sessions: [Int], team: String?) -> [[CommitmentOption]] {
        var out: [[CommitmentOption]] = sessions.map { k in
            start[k].compactMap { o in
                instance.interval(of: k, startingAt: o.slot).map { CommitmentOption(start: $0.start, end: $0.end, terms: [o.y]) }
            }
        }
        if let team, let options = dinner[team] {
            var byEvening: [Int: [Variable]] = [:]
            for o in options { byEvening[o.booking.evening, default: []].append(o.z) }
            out.append(byEvening.keys.sorted().map { e in
                let iv = instance.dinnerInterval(evening: e)
                return CommitmentOption(start: iv.start, end: iv.end, terms: byEvening[e]!)
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
        let sc = instance.scenario, event = sc.event, legs = sc.travel
        let rate = instance.venue.hotelRate, perHour = event.timeAwayCostPerHour
        let d0 = event.startDate.dayNumber
        let t0 = instance.slotStart.min() ?? 0
        var keyed: [String: Int] = [:]
        var all: [TravelGroup] = []
        for (a, person) in sc.attendees.enumerated() where !instance.isLocal[a] {
            let team = instance.hasDinners ? person.team : nil
            let key = "\(person.home)|\(team ?? "")|\(instance.sessionsOf[a].map(String.init).joined(separator: ","))"
            if let g = keyed[key] {
                all[g] = TravelGroup(members: all[g].members + [a], home: person.home, sessions: all[g].sessions, team: team)
            } else {
                keyed[key] = all.count
                all.append(TravelGroup(members: [a], home: person.home, sessions: instance.sessionsOf[a], team: team))
            }
        }
        let hasSeats = legs.contains { $0.seats != nil }
        var seatTerms: [Int: [(Variable, Double)]] = [:]
        var arrivals: [(date: Int, v: Variable)] = [], departures: [(date: Int, v: Variable)] = []
        let buffer = (arrive: event.arrivalBufferMinutes, depart: event.departureBufferMinutes)

        for var g in all {
            let n = Double(g.members.count)
            let name = "\(sc.attendees[g.members[0]].id)+\(g.members.count - 1)"
            let commitments = commitmentOptions(sessions: g.sessions, team: g.team)
            // A leg is out if some commitment cannot start late enough / end early enough for it.
            let latestFirst = commitments.map { $0.map(\.start).max() ?? Int.min }.min() ?? Int.max
            let earliestLast = commitments.map { $0.map(\.end).min() ?? Int.max }.max() ?? Int.min
            let kind: VariableKind = g.members.count == 1 ? .binary : .integer
            for l in instance.travel.inbound[g.home] ?? [] where legs[l].arrive.instant + buffer.arrive <= latestFirst {
                let leg = legs[l]
                let cost = leg.price + rate * Double(d0 - instance.venueDate(leg.arrive.instant).dayNumber)
                    + perHour * Double(t0 - leg.depart.instant) / 60
                let u = model.addVariable("in[\(name),\(leg.id)]", upper: n, kind: kind, cost: cost)
                g.inbound.append((l, u))
            }
            for l in instance.travel.outbound[g.home] ?? [] where legs[l].depart.instant - buffer.depart >= earliestLast {
                let leg = legs[l]
                let cost = leg.price + rate * Double(instance.venueDate(leg.depart.instant).dayNumber - d0)
                    + perHour * Double(leg.arrive.instant - t0) / 60
                let v = model.addVariable("out[\(name),\(leg.id)]", upper: n, kind: kind, cost: cost)
                g.outbound.append((l, v))
            }
            if g.inbound.isEmpty { obstacles.append("\(sc.attendees[g.members[0]].id) (from \(g.home)) has no usable inbound leg") }
            if g.outbound.isEmpty { obstacles.append("\(sc.attendees[g.members[0]].id) (from \(g.home)) has no usable outbound leg") }
            // (9)
            model.addEquality("inbound[\(name)]", g.inbound.map { ($0.count, 1) }, n)
            model.addEquality("outbound[\(name)]", g.outbound.map { ($0.count, 1) }, n)

            // (10) for each arrival threshold a: legs arriving at a or later exclude commitments starting before a.
            let ready = g.inbound.map { (at: legs[$0.leg].arrive.instant + buffer.arrive, u: $0.count) }
            for a in Set(ready.map(\.at)).sorted() {
                let late = ready.filter { $0.at >= a }.map { ($0.u, 1.0) }
                for (ci, options) in commitments.enumerated() {
                    let early = options.filter { $0.start < a }
                    guard !early.isEmpty else { continue }
                    model.addConstraint("arrive[\(name),\(ci),\(label(a))]",
                                        late + early.flatMap { o in o.terms.map { ($0, n) } }, upper: n)
                }
            }
            // (11) for each departure threshold d: legs leaving by d exclude commitments ending after d.
            let free = g.outbound.map { (at: legs[$0.leg].depart.instant - buffer.depart, v: $0.count) }
            for d in Set(free.map(\.at)).sorted() {
                let soon = free.filter { $0.at <= d }.map { ($0.v, 1.0) }
                for (ci, options) in commitments.enumerated() {
                    let lateEnd = options.filter { $0.end > d }
                    guard !lateEnd.isEmpty else { continue }
                    model.addConstraint("depart[\(name),\(ci),\(label(d))]",
                                        soon + lateEnd.flatMap { o in o.terms.map { ($0, n) } }, upper: n)
                }
            }
            // (12) without commitments nothing else orders the legs: by every departure time,
            // no more travellers have left than have arrived.
            if commitments.isEmpty {
                for t in Set(g.outbound.map { legs[$0.leg].depart.instant }).sorted() {
                    let gone = g.outbound.filter { legs[$0.leg].depart.instant <= t }.map { ($0.count, 1.0) }
                    let came = g.inbound.filter { legs[$0.leg].arrive.instant <= t }.map { ($0.count, -1.0) }
                    model.addConstraint("order[\(name),\(label(t))]", gone + came, upper: 0)
                }
            }
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
        // (13)
        for l in seatTerms.keys.sorted() {
            guard let seats = legs[l].seats else { continue }
            let terms = seatTerms[l]!
            if terms.reduce(0, { $0 + model.variables[$1.0.index].upper }) <= Double(seats) { continue }
            model.addConstraint("seats[\(legs[l].id)]", terms, upper: Double(seats))
        }
        // (14) travellers staying on night n = arrived by n − departed by n.
        if let block = instance.venue.hotelRooms, !arrivals.isEmpty {
            let first = arrivals.map(\.date).min()!, last = departures.map(\.date).max() ?? first
            for night in first..<max(first, last) {
                let terms = arrivals.filter { $0.date <= night }.map { ($0.v, 1.0) }
                    + departures.filter { $0.date <= night }.map { ($0.v, -1.0) }
                model.addConstraint("hotel[\(CivilDate(dayNumber: night))]", terms, upper: Double(block))
            }
        }
        // Objective (0): an inbound leg costs price + rate·(d0 − arrival date) + perHour·(t0 − departure),
        // an outbound leg price + rate·(departure date − d0) + perHour·(arrival − t0); d0 and t0 cancel
        // in every traveller's pair, leaving price + rate × nights + perHour × hours away.
    }

    /// A readable venue-local label for an instant, used in constraint names (`D2-1400`).
    private func label(_ instant: Int) -> String {
        let date = instance.venueDate(instant)
        let day = date.dayNumber - instance.event.startDate.dayNumber + 1
        let offset = instance.clock.offsetMinutes(on: date, at: TimeOfDay(minutes: 720))
        let t = Timestamp(instant: instant, offsetMinutes: offset).time
        return "D\(day)-\(t.compact)"
    }
}
