import Foundation
import KickoffCore
import KickoffPlan
import MIP

/// Probing of the agenda's starts before the program is built: a start is dropped when no
/// agenda at all can hold the session there. The program's feasible set, and so its optimum, is
/// unchanged; its LP relaxation is not. On medium-11 PHX the opening keynote can start at 13:00,
/// 14:00 or 15:00 on day 1, but only 13:00 leaves room for everyone's other sessions; the LP
/// relaxation split it across the three, charged the travellers for late arrivals no plan allows
/// and stayed 10 % below the optimum, where GLPK's bound then stalled (HiGHS's presolve probing
/// finds the same and proves that venue in 6 s).
///
/// It decides on a relaxation of the agenda's rules — rooms and dinners left out — so an
/// agenda it cannot find may still not exist, but one it proves impossible never exists:
/// - reach: a start before some attendee's earliest possible arrival (+ buffer), or an end after
///   their latest possible departure (− buffer), is out (legs as usable for the venue);
/// - attendees: a session's compulsory part (the points all its remaining starts cover) is taken
///   from every session sharing an attendee with it;
/// - precedence: a session starts no earlier than its predecessor's earliest end, and the
///   predecessor ends no later than the session's latest start;
/// - time: the sessions one attendee attends need distinct points — a session covering L points
///   needs L of those its remaining starts cover — checked by a bipartite matching per attendee
///   agenda (the largest ones only: a subset's matching is implied).
///
/// Probing fixes one session at one start, propagates, and then searches depth first (fewest
/// starts first, a node budget per probe) for an agenda of the relaxation. A start is dropped when
/// the search is exhausted without one; an agenda found supports every start it uses, which then
/// needs no probe of its own. It stops at the deadline; stopping early is sound, since whatever
/// was dropped was dropped for a reason. Domains are bit sets, so it runs only when every session
/// has at most 64 starts and the agenda at most 64 distinct start instants.
package struct StartFilter {
    /// Per session and option: the start slot, its interval and the points it covers.
    let slot: [[Int]]
    let start: [[Int]]
    let end: [[Int]]
    let cover: [[UInt64]]
    /// Sessions sharing an attendee with each session.
    let conflicts: [[Int]]
    /// Per session: predecessors (it must start after they end) and successors.
    let predecessors: [[Int]]
    let successors: [[Int]]
    /// The largest distinct attendee agendas, and those each session is in.
    let agendas: [[Int]]
    let agendasOf: [[Int]]
    /// One bit per option still possible, per session.
    typealias Domains = [UInt64]

    private init(
        slot: [[Int]], start: [[Int]], end: [[Int]], cover: [[UInt64]], conflicts: [[Int]], predecessors: [[Int]],
        successors: [[Int]], agendas: [[Int]], agendasOf: [[Int]]
    ) {
        (self.slot, self.start, self.end, self.cover, self.conflicts) = (slot, start, end, cover, conflicts)
        (self.predecessors, self.successors, self.agendas, self.agendasOf) = (predecessors, successors, agendas, agendasOf)
    }

    /// The same filter in buffers of its own: threads reading shared arrays contend on their
    /// reference counts.
    var copied: StartFilter {
        func own<T>(_ a: [[T]]) -> [[T]] { a.map { $0.map { $0 } } }
        return StartFilter(
            slot: own(slot), start: own(start), end: own(end), cover: own(cover), conflicts: own(conflicts),
            predecessors: own(predecessors), successors: own(successors), agendas: own(agendas), agendasOf: own(agendasOf))
    }

    /// What probing concluded.
    package struct Result: Sendable {
        /// Per session: the start slots left, in the agenda's order.
        package var slots: [[Int]]
        /// Starts dropped by propagation and probing (those some attendee cannot reach in time, left
        /// out before it starts, are not counted).
        package var dropped: Int
        /// Whether every start was settled (false: the deadline came first, or a probe's search ran out of nodes).
        package var complete: Bool
        package var seconds: Double
    }

    /// Search nodes per probe before it gives up (the start is then kept).
    static let nodeBudget = 400

    /// - Parameter threads: how many threads probe by search at once (each its share of the
    ///   sessions, from the same domains; their drops are merged at the end).
    /// - Returns: nil when it does not apply (more than 64 starts or instants), finds that no
    ///   agenda exists at all (the program and the explainer then say why, in the user's words),
    ///   or a session has no start.
    package static func run(
        _ instance: PlanningInstance, deadline: Date? = nil, threads: Int = 1, shouldStop: (@Sendable () -> Bool)? = nil
    ) -> Result? {
        let started = Date()
        guard let filter = StartFilter(instance) else { return nil }
        let n = filter.slot.count
        var d: Domains = filter.slot.map { $0.count == 64 ? ~0 : (1 << UInt64($0.count)) - 1 }
        var w = Scratch(sessions: n, agendas: filter.agendas.count)
        guard d.allSatisfy({ $0 != 0 }), filter.propagate(&d, Array(0..<n), &w) else { return nil }
        let audience = instance.agenda.sessions.map(\.audience.count)
        let order = (0..<n).sorted { (audience[$0], -$0) > (audience[$1], -$1) }
        // First by propagation alone (cheap), then by a bounded search for what is left, which
        // is most of the time: each thread takes every `threads`-th session of the order.
        var first = Probing(d: d, supported: [UInt64](repeating: 0, count: n))
        filter.probe(order, budget: 0, &first, &w, deadline: deadline, shouldStop: shouldStop)
        guard !first.noAgenda else { return nil }
        var complete = first.complete
        if complete {
            let k = max(1, threads)
            let shares = (0..<k).map { t in order.indices.filter { $0 % k == t }.map { order[$0] } }
            let start = first
            let others = shares.dropFirst().map { share in
                OnOwnThread { () -> Probing in
                    var mine = start, scratch = Scratch(sessions: n, agendas: filter.agendas.count)
                    let filter = filter.copied
                    filter.probe(share, budget: Self.nodeBudget, &mine, &scratch, deadline: deadline, shouldStop: shouldStop)
                    return mine
                }
            }
            var mine = start
            filter.probe(shares[0], budget: Self.nodeBudget, &mine, &w, deadline: deadline, shouldStop: shouldStop)
            let all = [mine] + others.map { $0.wait() }
            guard !all.contains(where: \.noAgenda) else { return nil }
            complete = all.allSatisfy(\.complete)
            // Every drop is sound on its own, so the domains meet; propagation then takes
            // what one thread's drops imply for another's sessions.
            d = all.dropFirst().reduce(mine.d) { acc, p in zip(acc, p.d).map { $0 & $1 } }
            guard d.allSatisfy({ $0 != 0 }), filter.propagate(&d, Array(0..<n), &w) else { return nil }
        } else {
            d = first.d
        }
        var dropped = 0
        let slots = (0..<n).map { k -> [Int] in
            let kept = filter.slot[k].indices.filter { d[k] >> UInt64($0) & 1 == 1 }
            dropped += filter.slot[k].count - kept.count
            return kept.map { filter.slot[k][$0] }
        }
        return Result(slots: slots, dropped: dropped, complete: complete, seconds: Date().timeIntervalSince(started))
    }

    /// One thread's probing: its domains, the starts some agenda it found uses (they need no
    /// probe), whether every probe it made was settled, and whether it proved there is no agenda.
    struct Probing: Sendable {
        var d: Domains
        var supported: [UInt64]
        var complete = true
        var noAgenda = false
    }

    /// Probes each start of `sessions` still possible and not yet supported, with `budget` search
    /// nodes per probe (0: propagation alone), until the deadline.
    func probe(
        _ sessions: [Int], budget: Int, _ p: inout Probing, _ w: inout Scratch, deadline: Date?, shouldStop: (@Sendable () -> Bool)?
    ) {
        func timeUp() -> Bool { deadline.map { Date() >= $0 } == true || shouldStop?() == true }
        for k in sessions {
            for o in 0..<slot[k].count where p.d[k] >> UInt64(o) & 1 == 1 && p.supported[k] >> UInt64(o) & 1 == 0 {
                if timeUp() {
                    p.complete = false
                    return
                }
                guard p.d[k].nonzeroBitCount > 1 else { break }
                var trial = p.d
                trial[k] = 1 << UInt64(o)
                var verdict: Bool?
                if !propagate(&trial, [k], &w) {
                    verdict = false
                } else if budget > 0 {
                    var nodes = 0
                    verdict = search(&trial, nodes: &nodes, budget: budget, deadline: deadline, &w)
                }
                switch verdict {
                case true?:
                    for j in trial.indices { p.supported[j] |= trial[j] }
                case false?:
                    p.d[k] &= ~(1 << UInt64(o))
                    guard propagate(&p.d, [k], &w) else {
                        p.noAgenda = true
                        return
                    }
                case nil:
                    if budget > 0 { p.complete = false }
                }
            }
        }
    }

    init?(_ instance: PlanningInstance) {
        let agenda = instance.agenda, sc = instance.scenario, legs = sc.travel, event = instance.event
        let n = agenda.sessions.count
        let points = Array(Set(instance.slotStart)).sorted()
        guard points.count <= 64 else { return nil }
        // The earliest each attendee can be ready and the latest they can stay, over usable legs.
        var ready = [Int](repeating: Int.min, count: sc.attendees.count)
        var leave = [Int](repeating: Int.max, count: sc.attendees.count)
        for (a, person) in sc.attendees.enumerated() where !instance.isLocal[a] {
            if let ins = instance.travel.inbound[person.home], let r = ins.map({ legs[$0].arrive.instant }).min() {
                ready[a] = r + event.arrivalBufferMinutes
            }
            if let outs = instance.travel.outbound[person.home], let l = outs.map({ legs[$0].depart.instant }).max() {
                leave[a] = l - event.departureBufferMinutes
            }
        }
        var slot: [[Int]] = [], start: [[Int]] = [], end: [[Int]] = [], cover: [[UInt64]] = []
        for k in 0..<n {
            let audience = agenda.sessions[k].audience
            let lo = audience.reduce(Int.min) { max($0, ready[$1]) }, hi = audience.reduce(Int.max) { min($0, leave[$1]) }
            var s: [Int] = [], b: [Int] = [], e: [Int] = [], c: [UInt64] = []
            for x in agenda.startSlots(of: k, in: sc) {
                guard let iv = instance.interval(of: k, startingAt: x), iv.start >= lo, iv.end <= hi else { continue }
                var mask: UInt64 = 0
                for (p, t) in points.enumerated() where iv.start <= t && t < iv.end { mask |= 1 << UInt64(p) }
                s.append(x)
                b.append(iv.start)
                e.append(iv.end)
                c.append(mask)
            }
            guard s.count <= 64 else { return nil }
            slot.append(s)
            start.append(b)
            end.append(e)
            cover.append(c)
        }
        self.slot = slot
        self.start = start
        self.end = end
        self.cover = cover
        var conflicts = [Set<Int>](repeating: [], count: n)
        var distinct = Set<[Int]>()
        for sessions in instance.sessionsOf where sessions.count > 1 {
            distinct.insert(sessions)
            for a in sessions { for b in sessions where b != a { conflicts[a].insert(b) } }
        }
        self.conflicts = conflicts.map { $0.sorted() }
        var pred = [[Int]](repeating: [], count: n), succ = [[Int]](repeating: [], count: n)
        for p in agenda.precedence {
            pred[p.after].append(p.before)
            succ[p.before].append(p.after)
        }
        predecessors = pred
        successors = succ
        // Largest agendas only: one inside another is implied by it.
        var kept: [Set<Int>] = [], keptOf = [[Int]](repeating: [], count: n)
        for sessions in distinct.sorted(by: { $0.count != $1.count ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) }) {
            let set = Set(sessions)
            if keptOf[sessions[0]].contains(where: { set.isSubset(of: kept[$0]) }) { continue }
            for k in sessions { keptOf[k].append(kept.count) }
            kept.append(set)
        }
        agendas = kept.map { $0.sorted() }
        agendasOf = keptOf
    }

    // MARK: propagation

    /// Working memory of `propagate`, kept between calls so that a probe allocates nothing.
    struct Scratch {
        var queued: [Bool]
        var touched: [Bool]
        var touchedList: [Int] = []
        var checked: [Bool]
        var checkedList: [Int] = []
        var queue: [Int] = []
        var reach: [UInt64] = []
        var owner = [Int](repeating: -1, count: 64)
        /// Per session: the domain `covered` and `need` were last computed for (0: never).
        var summarized: [UInt64]
        var covered: [UInt64]
        var need: [Int]

        init(sessions: Int, agendas: Int) {
            summarized = [UInt64](repeating: 0, count: sessions)
            covered = summarized
            need = [Int](repeating: 0, count: sessions)
            queued = [Bool](repeating: false, count: sessions)
            touched = queued
            checked = [Bool](repeating: false, count: agendas)
        }
    }

    /// Narrows `d` from the sessions in `changed` to a fixpoint; false when some session is left
    /// with no start or some attendee's sessions no longer fit in time.
    func propagate(_ d: inout Domains, _ changed: [Int], _ w: inout Scratch) -> Bool {
        defer {
            for k in w.queue { w.queued[k] = false }
            for k in w.touchedList { w.touched[k] = false }
            for a in w.checkedList { w.checked[a] = false }
            w.queue.removeAll(keepingCapacity: true)
            w.touchedList.removeAll(keepingCapacity: true)
            w.checkedList.removeAll(keepingCapacity: true)
        }
        func touch(_ k: Int, _ w: inout Scratch) {
            if !w.touched[k] {
                w.touched[k] = true
                w.touchedList.append(k)
            }
        }
        for k in changed where !w.queued[k] {
            w.queued[k] = true
            w.queue.append(k)
        }
        while let k = w.queue.popLast() {
            w.queued[k] = false
            touch(k, &w)
            guard d[k] != 0 else { return false }
            var compulsory = ~UInt64(0), maxStart = Int.min, earliestEnd = Int.max
            for o in d[k].bitIndices {
                compulsory &= cover[k][o]
                maxStart = max(maxStart, start[k][o])
                earliestEnd = min(earliestEnd, end[k][o])
            }
            // Drops the options of j that `bad` rules out; false when none is left.
            func narrow(_ j: Int, _ w: inout Scratch, _ bad: (Int) -> Bool) -> Bool {
                var out: UInt64 = 0
                for o in d[j].bitIndices where bad(o) { out |= 1 << UInt64(o) }
                guard out != 0 else { return true }
                d[j] &= ~out
                touch(j, &w)
                if !w.queued[j] {
                    w.queued[j] = true
                    w.queue.append(j)
                }
                return d[j] != 0
            }
            if compulsory != 0 {
                for j in conflicts[k] where !narrow(j, &w, { cover[j][$0] & compulsory != 0 }) { return false }
            }
            for j in successors[k] where !narrow(j, &w, { start[j][$0] < earliestEnd }) { return false }
            for j in predecessors[k] where !narrow(j, &w, { end[j][$0] > maxStart }) { return false }
        }
        for k in w.touchedList {
            for a in agendasOf[k] where !w.checked[a] {
                w.checked[a] = true
                w.checkedList.append(a)
                if !fitsInTime(agendas[a], d, &w) { return false }
            }
        }
        return true
    }

    /// Whether the sessions of one attendee can have distinct points: each session's copies (one
    /// per point it covers, at the fewest over its starts) matched to points its starts cover.
    /// A session's points and copies are remembered with the domain they came from: a session
    /// is in many attendees' agendas, and most of an agenda's sessions are unchanged since its
    /// last check (on medium-12 this was a third of the probing's time).
    func fitsInTime(_ sessions: [Int], _ d: Domains, _ w: inout Scratch) -> Bool {
        w.reach.removeAll(keepingCapacity: true)
        var union: UInt64 = 0
        for k in sessions {
            if w.summarized[k] != d[k] {
                var covered: UInt64 = 0, need = Int.max, m = d[k]
                while m != 0 {
                    let o = m.trailingZeroBitCount
                    m &= m - 1
                    covered |= cover[k][o]
                    need = min(need, cover[k][o].nonzeroBitCount)
                }
                w.summarized[k] = d[k]
                w.covered[k] = covered
                w.need[k] = need == .max ? 0 : need
            }
            union |= w.covered[k]
            for _ in 0..<w.need[k] { w.reach.append(w.covered[k]) }
        }
        if w.reach.count > union.nonzeroBitCount { return false }
        for p in 0..<64 { w.owner[p] = -1 }
        func augment(_ c: Int, _ seen: inout UInt64, _ w: inout Scratch) -> Bool {
            var m = w.reach[c] & ~seen
            while m != 0 {
                let p = m.trailingZeroBitCount
                m &= m - 1
                guard seen >> UInt64(p) & 1 == 0 else { continue }
                seen |= 1 << UInt64(p)
                if w.owner[p] < 0 || augment(w.owner[p], &seen, &w) {
                    w.owner[p] = c
                    return true
                }
            }
            return false
        }
        var free = ~UInt64(0)  // points no copy holds yet
        for c in w.reach.indices {
            // A free point it reaches, else an augmenting path.
            let open = w.reach[c] & free
            if open != 0 {
                let p = open.trailingZeroBitCount
                w.owner[p] = c
                free &= ~(1 << UInt64(p))
                continue
            }
            var seen: UInt64 = 0
            if !augment(c, &seen, &w) { return false }
            // An augmenting path ends at a free point, which is now held.
            free = 0
            for p in 0..<64 where w.owner[p] < 0 { free |= 1 << UInt64(p) }
        }
        return true
    }

    // MARK: search

    /// Depth first, the session with the fewest starts first: true with `d` narrowed to an agenda
    /// of the relaxation, false when none exists, nil when the node budget or the deadline ran out.
    func search(_ d: inout Domains, nodes: inout Int, budget: Int, deadline: Date?, _ w: inout Scratch) -> Bool? {
        var pick = -1, fewest = Int.max
        for (k, m) in d.enumerated() where m.nonzeroBitCount > 1 && m.nonzeroBitCount < fewest {
            pick = k
            fewest = m.nonzeroBitCount
        }
        guard pick >= 0 else { return true }
        for o in d[pick].bitIndices {
            nodes += 1
            if nodes > budget || (nodes & 63 == 0 && deadline.map { Date() >= $0 } == true) { return nil }
            var trial = d
            trial[pick] = 1 << UInt64(o)
            guard propagate(&trial, [pick], &w) else { continue }
            switch search(&trial, nodes: &nodes, budget: budget, deadline: deadline, &w) {
            case true?:
                d = trial
                return true
            case false?: continue
            case nil: return nil
            }
        }
        return false
    }
}

extension UInt64 {
    /// The indices of the set bits, lowest first.
    var bitIndices: some Sequence<Int> {
        sequence(state: self) { (m: inout UInt64) -> Int? in
            guard m != 0 else { return nil }
            defer { m &= m - 1 }
            return m.trailingZeroBitCount
        }
    }
}
