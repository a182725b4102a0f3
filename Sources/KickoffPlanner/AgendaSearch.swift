import Foundation
import KickoffCore
import KickoffPlan

/// A conflict-repairing search for an agenda when the greedy placement gives up: every session
/// gets a start and a room, and a tabu search moves the sessions in conflict until none is.
///
/// The hard rules it repairs are the agenda's own — (3) no room holds two sessions at once,
/// (4) nobody attends two sessions at once, (5) precedence — over each session's starts that
/// every member of its audience can reach: a start before the earliest arrival (+ buffer) of some
/// traveller in the audience, or an end after their latest departure (− buffer), is never
/// considered, so a conflict-free agenda always has legs that fit it (seats aside).
///
/// It is a partial-agenda tabu search in the manner of the ITC2007 timetabling finalists, over
/// start times, with rooms by matching. The placed sessions always keep every rule; the others
/// wait, unplaced:
/// - a session that covers one overlap point (a one-slot session, the usual case) has no room of
///   its own in the search: at each point, the sessions there get rooms by a maximum bipartite
///   matching (sessions × fitting rooms), kept up to date by augmenting paths. So a move never
///   fails for want of shuffling rooms;
/// - a longer session holds one room over all its points, which the matching then leaves out;
/// - each step takes an unplaced session at random and inserts it at the start (and, if long,
///   room) whose evictions weigh least: the placed sessions it would clash with, break a
///   precedence with, or leave without a room go back to the unplaced, and may not return to
///   the start they left for a while (tabu);
/// - a session weighs one more each time it is evicted, so the search learns which sessions are
///   hard to re-seat and moves the others around them rather than cycling. Weighed `.byAudience`,
///   it starts at its audience (the people an eviction disturbs) instead of 1, so company-wide
///   sessions stay where they are and the small ones move around them: on large-11 that placed
///   the 2,000-seat reception at all four venues where counting evictions alone placed it at two,
///   and on xl-11 the other way round, so the planner runs both (`Planner`).
/// When the deadline comes first, the best partial agenda found is returned with the sessions it
/// leaves out and what blocks each one.
///
/// On the tightest agendas (xl-11: 38 people in up to 18 of 20 hours) it ends with one session
/// left over, moved about until a chain of evictions frees an hour; how soon that happens is a
/// matter of moves per second: a move's clashes are a few word ANDs of per-point bit sets
/// of the placed sessions, and its rooms an augmenting-path test over the matching as it is,
/// searched only when the clashes alone do not already weigh more than the lightest move found.
package struct AgendaSearch {
    /// Where a session may go: a start slot, its interval, the overlap points it covers and the rooms that fit.
    struct Option {
        var slot: Int
        var start: Int
        var end: Int
        /// Overlap points covered: `firstPoint ..< endPoint`.
        var firstPoint: Int
        var endPoint: Int
    }

    /// A session the search could not place without breaking a rule, and what it clashes with.
    package struct Unplaced: Sendable, Equatable {
        package var session: Int
        /// Attendees of the session.
        package var audience: Int
        /// What keeps it where it was tried, in the user's words.
        package var blockedBy: [String]
    }

    package struct Result: Sendable {
        /// One per session: the best agenda found (the unplaced sessions where they were tried).
        package var placements: [Placement]
        /// Sessions that must be left out for the rest to hold (empty: the agenda is complete).
        package var unplaced: [Unplaced]
        /// Distinct attendees of the unplaced sessions.
        package var affectedAttendees: Int
        package var iterations: Int

        /// Whether this agenda leaves out fewer sessions than `other` (none: always), or as many
        /// and fewer attendees — the better partial agenda to hand the user.
        package func leavesLessOut(than other: Result?) -> Bool {
            guard let other else { return true }
            return (unplaced.count, affectedAttendees) < (other.unplaced.count, other.affectedAttendees)
        }
    }

    /// The fixed relations of each session k: another session j and how they relate (they share
    /// attendees, j must end before k starts, or j must start after k ends); `mirror` is the
    /// pair's index at j.
    struct Link {
        enum Kind { case shared, before, after }
        var to: Int
        var kind: Kind
        var mirror = 0
    }

    let f: Formulation
    let options: [[Option]]
    /// Rooms that fit each session (capacity and features).
    let fits: [[Int]]
    /// `fits` flattened for the matching's inner loop: session s fits `fitFlat[fitFrom[s] ..< fitFrom[s + 1]]`.
    let fitFlat: [Int]
    let fitFrom: [Int]
    /// True when every option of the session covers exactly one point: its room comes from the matching.
    let short: [Bool]
    let links: [[Link]]
    /// Per session, only its precedence links (`links` has the shared ones too).
    let orderLinks: [[Link]]
    let shared: [[Int: Int]]
    /// Bit set words per session set; `sharing[k * words ..< (k + 1) * words]` holds the sessions
    /// sharing attendees with k, so a start's clashes are a few word ANDs with `occupied`.
    let words: Int
    let sharing: [UInt64]
    let roomCount: Int

    // State.
    var choice: [Int]  // option index per session, -1 while unplaced
    /// The room: chosen for a long session, matched (or -1) for a short one.
    var room: [Int]
    /// Broken links per session, and in all.
    var linkConflicts: [Int]
    var linkTotal = 0
    /// Per point: the placed sessions covering it, a bit set of `words` words.
    var occupied: [UInt64]
    /// Per point: the short sessions there, and which holds each room (-1: free).
    var shortAt: [[Int]]
    var holder: [[Int]]
    /// Per point and room (`p * roomCount + r`): how many long sessions hold it.
    var longIn: [Int]
    /// Long sessions by room.
    var longInRoom: [[Int]]
    /// Room clashes among long sessions, per session and in all; unmatched short sessions in all.
    var longClashes: [Int]
    var longClashTotal = 0
    var unmatchedTotal = 0
    /// How much evicting each session costs the repair: one more each time it is evicted.
    var evictWeight: [Int]

    /// What evicting a session costs at first.
    package enum Weighing: Sendable {
        /// 1: the search counts evictions.
        case perEviction
        /// 1 + its audience: the search counts the people it disturbs.
        case byAudience
    }

    /// Which sessions a session without a room may evict.
    package enum Eviction: Sendable {
        /// The holders of the rooms it fits (a long session there included).
        case fittingRooms
        /// Also a session holding any room the failed matching search reached: freeing it lets
        /// the others shift along the alternating path and seat the session.
        case alternatingPaths
    }
    var eviction = Eviction.alternatingPaths

    var total: Int { linkTotal + longClashTotal + unmatchedTotal }

    /// The room argument of a short session's moves (its room comes from the matching).
    static let noRoom = [-1]

    /// - Returns: nil when some session has no start its whole audience can reach, or no room
    ///   (the pre-checks and the formulation report why).
    init?(_ f: Formulation) {
        self.f = f
        let inst = f.instance, agenda = inst.agenda, legs = inst.scenario.travel, event = inst.event
        let n = agenda.sessions.count
        let points = Array(Set(inst.slotStart)).sorted()
        // The earliest every traveller can be ready and the latest they can stay.
        var ready = [Int](repeating: Int.min, count: inst.scenario.attendees.count)
        var leave = [Int](repeating: Int.max, count: inst.scenario.attendees.count)
        for g in f.groups {
            let r = g.inbound.map { legs[$0.leg].arrive.instant + event.arrivalBufferMinutes }.min() ?? Int.max
            let l = g.outbound.map { legs[$0.leg].depart.instant - event.departureBufferMinutes }.max() ?? Int.min
            for a in g.members { ready[a] = r; leave[a] = l }
        }
        var options: [[Option]] = [], fits: [[Int]] = []
        for k in 0..<n {
            let audience = agenda.sessions[k].audience
            let lo = audience.reduce(Int.min) { max($0, ready[$1]) }
            let hi = audience.reduce(Int.max) { min($0, leave[$1]) }
            var here: [Option] = []
            for o in f.start[k] {
                guard let iv = inst.interval(of: k, startingAt: o.slot), iv.start >= lo, iv.end <= hi else { continue }
                let first = points.firstIndex { $0 >= iv.start } ?? points.count, end = points.firstIndex { $0 >= iv.end } ?? points.count
                here.append(Option(slot: o.slot, start: iv.start, end: iv.end, firstPoint: first, endPoint: end))
            }
            let rooms = (f.room[k].first ?? []).map(\.room)
            if here.isEmpty || rooms.isEmpty { return nil }
            options.append(here)
            fits.append(rooms)
        }
        self.options = options
        self.fits = fits
        fitFlat = fits.flatMap { $0 }
        fitFrom = fits.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        self.short = options.map { $0.allSatisfy { $0.endPoint - $0.firstPoint == 1 } }
        var shared = [[Int: Int]](repeating: [:], count: n)
        for sessions in inst.sessionsOf where sessions.count > 1 {
            for (x, a) in sessions.enumerated() {
                for b in sessions[(x + 1)...] {
                    shared[a][b, default: 0] += 1
                    shared[b][a, default: 0] += 1
                }
            }
        }
        self.shared = shared
        var links = [[Link]](repeating: [], count: n)
        func link(_ a: Int, _ b: Int, _ ka: Link.Kind, _ kb: Link.Kind) {
            links[a].append(Link(to: b, kind: ka, mirror: links[b].count))
            links[b].append(Link(to: a, kind: kb, mirror: links[a].count - 1))
        }
        for a in 0..<n { for b in shared[a].keys.sorted() where b > a { link(a, b, .shared, .shared) } }
        for p in agenda.precedence { link(p.after, p.before, .before, .after) }
        self.links = links
        orderLinks = links.map { $0.filter { $0.kind != .shared } }
        let words = (n + 63) / 64
        var sharing = [UInt64](repeating: 0, count: n * words)
        for a in 0..<n { for b in shared[a].keys { sharing[a * words + b / 64] |= 1 << UInt64(b % 64) } }
        self.words = words
        self.sharing = sharing
        occupied = [UInt64](repeating: 0, count: points.count * words)
        roomCount = inst.rooms.count
        roomFlags = RoomFlags(roomCount)
        choice = [Int](repeating: -1, count: n)
        room = [Int](repeating: -1, count: n)
        linkConflicts = [Int](repeating: 0, count: n)
        shortAt = [[Int]](repeating: [], count: points.count)
        holder = [[Int]](repeating: [Int](repeating: -1, count: roomCount), count: points.count)
        longIn = [Int](repeating: 0, count: points.count * roomCount)
        longInRoom = [[Int]](repeating: [], count: roomCount)
        longClashes = [Int](repeating: 0, count: n)
        evictWeight = [Int](repeating: 1, count: n)
    }

    /// Finds a conflict-free agenda, starting from `start` when given (one placement per session),
    /// or says which sessions are left over when the deadline or a stop request comes first.
    package static func run(
        _ f: Formulation, from start: [Placement]? = nil, seed: UInt64 = 1, weighing: Weighing = .perEviction,
        eviction: Eviction = .alternatingPaths, deadline: Date, shouldStop: (@Sendable () -> Bool)? = nil
    ) -> Result? {
        guard var s = AgendaSearch(f) else { return nil }
        if weighing == .byAudience { s.evictWeight = f.instance.agenda.sessions.map { 1 + $0.audience.count } }
        s.eviction = eviction
        var rng = SplitMix64(seed: seed)
        s.construct(from: start)
        return s.search(rng: &rng, deadline: deadline, shouldStop: shouldStop)
    }

    // MARK: rules

    @inline(__always) func interval(_ k: Int) -> (start: Int, end: Int)? {
        choice[k] < 0 ? nil : (options[k][choice[k]].start, options[k][choice[k]].end)
    }

    /// Whether a link is broken with k over [start, end) and its other end over jv.
    @inline(__always) static func broken(_ kind: Link.Kind, _ start: Int, _ end: Int, _ jv: (start: Int, end: Int)) -> Bool {
        switch kind {
        case .shared: return start < jv.end && jv.start < end
        case .before: return start < jv.end
        case .after: return jv.start < end
        }
    }

    /// Long sessions (other than k) in room r overlapping [start, end).
    func longClash(_ k: Int, _ r: Int, _ start: Int, _ end: Int) -> [Int] {
        longInRoom[r].filter { j in j != k && interval(j).map { start < $0.end && $0.start < end } == true }
    }

    // MARK: matching

    /// Kuhn's augmenting path at point p for short session s over `holder` (taken out of the
    /// search state by `seat`), rooms held by long sessions excluded. Returns whether s got a room.
    func augment(_ s: Int, _ p: Int, _ holder: inout [Int], _ seen: UnsafeMutableBufferPointer<Bool>) -> Bool {
        for i in fitFrom[s]..<fitFrom[s + 1] {
            let r = fitFlat[i]
            guard !seen[r], longIn[p * roomCount + r] == 0 else { continue }
            seen[r] = true
            if holder[r] < 0 || augment(holder[r], p, &holder, seen) {
                holder[r] = s
                return true
            }
        }
        return false
    }

    /// Whether short session s could get a room at p by an augmenting path over `holder`
    /// (`holder[p]`), the rooms of the sessions in `freed` counted free and room `blocked` (if
    /// any) counted taken; `seen` marks the rooms the search reached. The path is not applied: a
    /// test of a move only, with no copy of the matching.
    func canSeat(_ s: Int, _ p: Int, _ holder: [Int], freed: [Int], blocked: Int = -1, _ seen: UnsafeMutableBufferPointer<Bool>) -> Bool {
        // A free room first (the same answer, and on failure the same rooms reached): on a full
        // point most tests end here instead of deep in the matching.
        for i in fitFrom[s]..<fitFrom[s + 1] {
            let r = fitFlat[i], t = holder[r]
            if !seen[r], longIn[p * roomCount + r] == 0, r != blocked, t < 0 || freed.contains(t) { return true }
        }
        for i in fitFrom[s]..<fitFrom[s + 1] {
            let r = fitFlat[i]
            guard !seen[r], longIn[p * roomCount + r] == 0, r != blocked else { continue }
            seen[r] = true
            let t = holder[r]
            if t < 0 || freed.contains(t) || canSeat(t, p, holder, freed: freed, blocked: blocked, seen) { return true }
        }
        return false
    }

    /// A flag per room for one matching search, allocated once: the searches run on every option
    /// of every move, and an array for each was a tenth of the search's time. (Not a closure over
    /// a stack allocation: capturing `self` there copied the whole search state each time.)
    /// Copies of a search share it, so each search runs on one thread, as the planner's do.
    final class RoomFlags {
        let flags: UnsafeMutableBufferPointer<Bool>
        init(_ count: Int) {
            flags = .allocate(capacity: max(1, count))
            flags.initialize(repeating: false)
        }
        deinit { flags.deallocate() }

        /// The flags, all false.
        var cleared: UnsafeMutableBufferPointer<Bool> {
            flags.update(repeating: false)
            return flags
        }
    }
    let roomFlags: RoomFlags

    /// Rebuilds `room` for the short sessions at p from `holder[p]` and recounts its unmatched.
    mutating func settle(_ p: Int, before: Int) {
        for s in shortAt[p] { room[s] = -1 }
        for (r, s) in holder[p].enumerated() where s >= 0 { room[s] = r }
        let after = shortAt[p].filter { room[$0] < 0 }.count
        unmatchedTotal += after - before
    }

    /// Tries to give every unmatched short session at p a room.
    mutating func rematch(_ p: Int) {
        // The holders as they were, read here rather than through a non-mutating method of self:
        // that call made Swift copy the whole search state (every array retained) each time.
        let h = holder[p]
        for u in shortAt[p] where !h.contains(u) {
            seat(u, p)
        }
    }

    /// Gives short session s a room at p if an augmenting path finds one (`holder[p]` updated).
    mutating func seat(_ s: Int, _ p: Int) {
        // Out of `self` while `augment` reads it: passing `&holder[p]` would make Swift copy the
        // whole search state (every array retained) on each call.
        var h = holder[p]
        holder[p] = []
        _ = augment(s, p, &h, roomFlags.cleared)
        holder[p] = h
    }

    // MARK: moves

    mutating func remove(_ k: Int) {
        guard let iv = interval(k) else { return }
        let o = options[k][choice[k]]
        for p in o.firstPoint..<o.endPoint { occupied[p * words + k / 64] &= ~(1 << UInt64(k % 64)) }
        for l in links[k] {
            if let jv = interval(l.to), Self.broken(l.kind, iv.start, iv.end, jv) {
                linkConflicts[l.to] -= 1; linkConflicts[k] -= 1; linkTotal -= 1
            }
        }
        if short[k] {
            let p = o.firstPoint, before = shortAt[p].filter { room[$0] < 0 }.count
            if room[k] >= 0 { holder[p][room[k]] = -1 }
            shortAt[p].removeAll { $0 == k }
            room[k] = -1
            rematch(p)
            settle(p, before: before)
        } else {
            let r = room[k]
            for j in longClash(k, r, iv.start, iv.end) { longClashes[j] -= 1; longClashes[k] -= 1; longClashTotal -= 1 }
            longInRoom[r].removeAll { $0 == k }
            for p in o.firstPoint..<o.endPoint {
                longIn[p * roomCount + r] -= 1
                if longIn[p * roomCount + r] == 0 {
                    let before = shortAt[p].filter { room[$0] < 0 }.count
                    rematch(p)
                    settle(p, before: before)
                }
            }
            room[k] = -1
        }
        choice[k] = -1
    }

    mutating func place(_ k: Int, _ oi: Int, _ r: Int) {
        let o = options[k][oi]
        choice[k] = oi
        for p in o.firstPoint..<o.endPoint { occupied[p * words + k / 64] |= 1 << UInt64(k % 64) }
        for l in links[k] {
            if let jv = interval(l.to), Self.broken(l.kind, o.start, o.end, jv) {
                linkConflicts[l.to] += 1; linkConflicts[k] += 1; linkTotal += 1
            }
        }
        if short[k] {
            let p = o.firstPoint, before = shortAt[p].filter { room[$0] < 0 }.count
            shortAt[p].append(k)
            room[k] = -1
            seat(k, p)
            settle(p, before: before)
        } else {
            for j in longClash(k, r, o.start, o.end) { longClashes[j] += 1; longClashes[k] += 1; longClashTotal += 1 }
            longInRoom[r].append(k)
            room[k] = r
            for p in o.firstPoint..<o.endPoint {
                longIn[p * roomCount + r] += 1
                let s = holder[p][r]
                if s >= 0 {
                    let before = shortAt[p].filter { room[$0] < 0 }.count
                    holder[p][r] = -1
                    seat(s, p)
                    settle(p, before: before)
                }
            }
        }
    }

    /// Whether k breaks a rule where it is.
    func inConflict(_ k: Int) -> Bool {
        choice[k] >= 0 && (linkConflicts[k] > 0 || longClashes[k] > 0 || (short[k] && room[k] < 0))
    }

    /// The long session holding room r at point p, if any.
    func longHolder(_ r: Int, _ p: Int) -> Int? {
        longIn[p * roomCount + r] == 0 ? nil : longInRoom[r].first { options[$0][choice[$0]].firstPoint <= p && p < options[$0][choice[$0]].endPoint }
    }

    /// The placed sessions that placing k at option o (in room r, if long) would evict so that
    /// every placed session keeps every rule: those it would clash with or break a precedence
    /// with, and for rooms, whoever the matching cannot re-seat.
    func evictions(_ k: Int, _ oi: Int, _ r: Int) -> [Int] {
        var out: [Int] = []
        evictions(k, oi, r, into: &out)
        return out
    }

    /// `evictions(k, oi, r)` written into `out` (emptied first), which keeps its storage: the
    /// search asks this of every option of every move. It stops early, with only some of them,
    /// once those weigh more than `bound` (`evictWeight`): the search then has a lighter move,
    /// and the rooms' matching, most of the work, is not searched.
    func evictions(_ k: Int, _ oi: Int, _ r: Int, into out: inout [Int], bound: Int = .max) {
        let o = options[k][oi]
        out.removeAll(keepingCapacity: true)
        var weight = 0
        // Placed sessions sharing attendees at a point k would cover (two intervals overlap exactly
        // when one covers the other's first point, and both cover theirs), then broken precedences.
        for w in 0..<words {
            var m: UInt64 = 0
            for p in o.firstPoint..<o.endPoint { m |= occupied[p * words + w] }
            m &= sharing[k * words + w]
            while m != 0 {
                let j = w * 64 + m.trailingZeroBitCount
                m &= m - 1
                if j != k {
                    out.append(j)
                    weight += evictWeight[j]
                }
            }
        }
        for l in orderLinks[k] where l.to != k {
            if let jv = interval(l.to), Self.broken(l.kind, o.start, o.end, jv), !out.contains(l.to) {
                out.append(l.to)
                weight += evictWeight[l.to]
            }
        }
        if weight > bound { return }
        if short[k] {
            let p = o.firstPoint, h = holder[p], seen = roomFlags.cleared
            if !canSeat(k, p, h, freed: out, seen) {
                // No room for k at p however the sessions there are re-seated: evict the lightest
                // session whose room k could then have — a long session in a room k fits, or a
                // short one holding a room the failed search reached (its alternating paths:
                // that room freed, the others shift along the path and k gets one).
                var lightest: Int?
                switch eviction {
                case .fittingRooms:
                    // Every fitting room is held: the lightest holder among them.
                    for x in fits[k] { if let s = longHolder(x, p) ?? (h[x] >= 0 ? h[x] : nil) { lightest = lighter(s, than: lightest, out) } }
                case .alternatingPaths:
                    for x in fits[k] { if let s = longHolder(x, p) { lightest = lighter(s, than: lightest, out) } }
                    for x in 0..<roomCount where seen[x] && h[x] >= 0 { lightest = lighter(h[x], than: lightest, out) }
                }
                if let s = lightest { out.append(s) }
            }
        } else {
            for j in longClash(k, r, o.start, o.end) where !out.contains(j) { out.append(j) }
            for p in o.firstPoint..<o.endPoint {
                let h = holder[p], s = h[r]
                guard s >= 0, !out.contains(s) else { continue }
                let seen = roomFlags.cleared
                if !canSeat(s, p, h, freed: out, blocked: r, seen) {
                    // s loses room r and finds no other: evict s or, lighter, a session holding a
                    // room s's failed search reached (s then takes that room along the path).
                    var lightest = s
                    if eviction == .alternatingPaths {
                        for x in 0..<roomCount where seen[x] {
                            let t = h[x]
                            if t >= 0 && t != s && !out.contains(t) && evictWeight[t] < evictWeight[lightest] { lightest = t }
                        }
                    }
                    out.append(lightest)
                }
            }
        }
    }

    /// s, unless it is in `out` already or `lightest` weighs no more.
    @inline(__always) func lighter(_ s: Int, than lightest: Int?, _ out: [Int]) -> Int? {
        guard !out.contains(s) else { return lightest }
        return lightest.map { evictWeight[s] < evictWeight[$0] } ?? true ? s : lightest
    }

    /// Takes sessions out until no placed session breaks a rule (a safety net: moves are chosen
    /// so that this finds nothing). Returns those taken out.
    mutating func restoreInvariant() -> [Int] {
        var out: [Int] = []
        guard total > 0 else { return out }  // every broken rule is counted in `total`
        while let k = choice.indices.first(where: inConflict) {
            remove(k)
            out.append(k)
        }
        return out
    }

    // MARK: construction

    /// Every session placed where it evicts nobody, most constrained first (a given start first,
    /// where it fits); the others stay unplaced for the repair.
    mutating func construct(from start: [Placement]?) {
        let n = options.count
        if let start, start.count == n {
            for k in 0..<n {
                guard let o = options[k].firstIndex(where: { $0.slot == start[k].slot }), fits[k].contains(start[k].room),
                    evictions(k, o, start[k].room).isEmpty
                else { continue }
                place(k, o, short[k] ? -1 : start[k].room)
            }
        }
        let audience = f.instance.agenda.sessions.map(\.audience.count)
        let order = (0..<n).filter { choice[$0] < 0 }.sorted {
            (options[$0].count, -audience[$0], $0) < (options[$1].count, -audience[$1], $1)
        }
        let capacity = f.instance.rooms.map(\.capacity)
        for k in order {
            // The earliest start, then the smallest room, that evicts nobody.
            search: for oi in options[k].indices {
                for r in short[k] ? [-1] : fits[k].sorted(by: { (capacity[$0], $0) < (capacity[$1], $1) }) where evictions(k, oi, r).isEmpty {
                    place(k, oi, r)
                    break search
                }
            }
        }
        _ = restoreInvariant()
    }

    // MARK: repair

    /// Inserts unplaced sessions one at a time, evicting whatever they clash with, until none is
    /// left: each step takes an unplaced session at random to the start (and room) whose
    /// evictions weigh least. A session weighs one more each time it is evicted, and may not
    /// return to the start it was evicted from for a while (tabu).
    mutating func search(rng: inout SplitMix64, deadline: Date, shouldStop: (@Sendable () -> Bool)?) -> Result {
        let n = options.count
        var base = [Int](repeating: 0, count: n + 1)
        for k in 0..<n { base[k + 1] = base[k] + options[k].count }
        var tabu = [Int](repeating: 0, count: base[n])
        var unplaced = (0..<n).filter { choice[$0] < 0 }
        // Fewest sessions left out, then fewest people in them (counted per session).
        let audience = f.instance.agenda.sessions.map(\.audience.count)
        func worth(_ out: [Int]) -> (sessions: Int, people: Int) { (out.count, out.reduce(0) { $0 + audience[$1] }) }
        var best = (worth: worth(unplaced), choice: choice, room: room)
        var iteration = 0
        let tenure = 10, spread = 9
        // One buffer for every option's evictions; the chosen move's are asked for again.
        var out: [Int] = []
        out.reserveCapacity(64)
        while !unplaced.isEmpty {
            iteration += 1
            if iteration & 15 == 0, Date() >= deadline || shouldStop?() == true { break }
            let ui = rng.int(0...(unplaced.count - 1)), u = unplaced[ui]
            var pick: (cost: Int, o: Int, r: Int)?, ties = 0
            for oi in options[u].indices {
                let isTabu = tabu[base[u] + oi] > iteration
                for r in short[u] ? Self.noRoom : fits[u] {
                    evictions(u, oi, r, into: &out, bound: pick?.cost ?? .max)
                    if isTabu && !out.isEmpty { continue }
                    let cost = out.reduce(0) { $0 + evictWeight[$1] }
                    if cost < pick?.cost ?? .max {
                        pick = (cost, oi, r)
                        ties = 1
                    } else if cost == pick?.cost {
                        ties += 1
                        if rng.int(1...ties) == 1 { pick = (cost, oi, r) }
                    }
                }
            }
            guard let pick else { continue }  // every start tabu for now
            unplaced.remove(at: ui)
            evictions(u, pick.o, pick.r, into: &out)
            for e in out {
                tabu[base[e] + choice[e]] = iteration + tenure + rng.int(0...spread)
                remove(e)
                evictWeight[e] += 1
                unplaced.append(e)
            }
            place(u, pick.o, pick.r)
            unplaced += restoreInvariant()
            if unplaced.count <= best.worth.sessions, case let w = worth(unplaced), w < best.worth { best = (w, choice, room) }
        }
        if worth(unplaced) > best.worth {
            for k in 0..<n { remove(k) }
            // Long sessions first, so the matching sees their rooms taken.
            for k in (0..<n).sorted(by: { (short[$0] ? 1 : 0, $0) < (short[$1] ? 1 : 0, $1) }) where best.choice[k] >= 0 {
                place(k, best.choice[k], short[k] ? -1 : best.room[k])
            }
            _ = restoreInvariant()
        }
        return result(iterations: iteration)
    }

    /// The agenda: placed sessions where they are (every rule kept among them); each unplaced one
    /// at the start and room that would evict least, with what it would clash with there.
    mutating func result(iterations: Int) -> Result {
        let agenda = f.instance.agenda
        let n = options.count
        var placements = (0..<n).map { k in
            Placement(slot: options[k][max(0, choice[k])].slot, room: room[k] >= 0 ? room[k] : fits[k][0])
        }
        var unplaced: [Unplaced] = []
        for u in (0..<n) where choice[u] < 0 {
            var best: (cost: Int, o: Int, r: Int)?
            for oi in options[u].indices {
                for r in short[u] ? Self.noRoom : fits[u] {
                    let cost = evictions(u, oi, r).reduce(0) { $0 + evictWeight[$1] }
                    if cost < best?.cost ?? .max { best = (cost, oi, r) }
                }
            }
            let b = best!
            let out = evictions(u, b.o, b.r)
            placements[u] = Placement(slot: options[u][b.o].slot, room: b.r >= 0 ? b.r : (fits[u].first { r in out.contains { room[$0] == r } } ?? fits[u][0]))
            unplaced.append(Unplaced(session: u, audience: agenda.sessions[u].audience.count, blockedBy: reasons(u, b.o, out)))
        }
        let affected = Set(unplaced.flatMap { agenda.sessions[$0.session].audience }).count
        return Result(placements: placements, unplaced: unplaced, affectedAttendees: affected, iterations: iterations)
    }

    /// Why unplaced session k cannot start at option o: each placed session it would evict, and how.
    func reasons(_ k: Int, _ oi: Int, _ out: [Int]) -> [String] {
        let o = options[k][oi], agenda = f.instance.agenda, rooms = f.instance.rooms
        return out.map { j -> String in
            let other = agenda.sessions[j].id
            if let jv = interval(j) {
                for l in links[k] where l.to == j && Self.broken(l.kind, o.start, o.end, jv) {
                    switch l.kind {
                    case .before: return "must come after \(other)"
                    case .after: return "must come before \(other)"
                    case .shared:
                        let people = shared[k][j] ?? 0
                        return "\(Figures.counted(people, "attendee")) also in \(other)"
                    }
                }
            }
            return "room \(room[j] >= 0 ? rooms[room[j]].id.rawValue : "?") taken by \(other)"
        }
    }
}
