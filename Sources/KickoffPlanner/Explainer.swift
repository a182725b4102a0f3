import KickoffCore
import KickoffPlan
import MIP

/// Why a venue has no plan, in the user's words.
///
/// First the pre-checks (`Prechecks`), which name a culprit without solving anything. When they
/// all pass and the program is still infeasible, an elastic version is solved: every requirement
/// may be broken at a cost of 1 per unit, except the rows that define variables or demand that a
/// session, dinner or leg exist at all. The requirements broken at its optimum form a small set
/// that cannot hold together; each is translated back into sessions, rooms, teams and travellers,
/// with what to relax.
/// What `Explainer.explain` found.
package enum Explanation: Sendable, Equatable {
    /// Every requirement can be met: the venue has a plan.
    case feasible
    /// No plan: why, in the user's words, with what to relax.
    case reasons([String])
    /// Neither shown in the time given: the elastic model ended without a solution.
    case undetermined(String)

    /// The sentences to print: the reasons, or the one sentence of the other cases.
    package var lines: [String] {
        switch self {
        case .feasible: return ["the program is feasible: every requirement can be met"]
        case .reasons(let r): return r
        case .undetermined(let why): return [why]
        }
    }
}

package enum Explainer {
    package static func explain(_ inst: PlanningInstance, solver: any MIPSolver, timeLimit: Double = 60,
                               shouldStop: (@Sendable () -> Bool)? = nil) -> Explanation {
        let pre = Prechecks.run(inst)
        if !pre.isEmpty { return .reasons(pre) }
        let f = Formulation(inst)
        if !f.obstacles.isEmpty { return .reasons(f.obstacles) }
        // Structural rows stay hard (`Requirement.isStructural`). A unit of slack is measured in
        // the row's own scale: a travel group's buffer row (10), (11) has its size n as
        // coefficient, so breaking it for the group costs 1, as breaking any other single
        // requirement does, not n.
        let rows = f.model.constraints
        let (elastic, slack) = f.model.elastic(keep: { (rows[$0].tag as? Requirement)?.isStructural ?? false },
                                               cost: { 1 / max(1, rows[$0].terms.map { abs($0.coefficient) }.max() ?? 1) })
        var options = SolveOptions()
        options.timeLimit = timeLimit
        options.shouldStop = shouldStop
        let r = Planner.solve(solver, elastic, options)
        guard let solution = r.solution else {
            return .undetermined("no explanation found within \(Int(timeLimit)) s (the elastic model ended \(r.termination.statusWord))")
        }
        var broken: [Constraint] = []
        var seen = Set<Int>()
        for (c, v) in slack where solution.value(v) > 1e-6 && !seen.contains(c) {
            seen.insert(c)
            broken.append(rows[c])
        }
        if broken.isEmpty { return .feasible }
        var lines = broken.prefix(12).map { c in
            (c.tag as? Requirement).map { describe($0, inst) } ?? "requirement \(c.name) cannot be met"
        }
        if broken.count > 12 { lines.append("… and \(broken.count - 12) more requirements like these") }
        return .reasons(lines)
    }

    /// "S1, S2 and S3", or "S1, S2, S3 and 4 more".
    static func list(_ ids: [String]) -> String {
        guard let last = ids.last else { return "" }
        if ids.count == 1 { return last }
        return ids.count <= 4 ? ids.dropLast().joined(separator: ", ") + " and " + last
            : "\(ids.prefix(3).joined(separator: ", ")) and \(ids.count - 3) more"
    }

    static func describe(_ req: Requirement, _ inst: PlanningInstance) -> String {
        switch req {
        case .start(let k), .room(let k, _):
            return "session \(k) cannot be given a start: every allowed slot clashes with other requirements; allow more slots or another day"
        case .roomOnce(let room, let at):
            return "room \(room) is needed by two sessions at \(at); add a room or allow the sessions other slots"
        case .attendOnce(let sessions, let at):
            return "sessions \(list(sessions)) share attendees, who would have to be in two of them at \(at); the only free slots overlap — allow more slots, split the audience or drop a session"
        case .after(let k, let before, let by):
            return "session \(k) must start after \(before) ends, and that leaves no slot by \(by); allow later slots or remove the \"after\""
        case .dinner(let team), .seated(let team, _):
            return "team \(team) cannot get a dinner table; add restaurant capacity or evenings"
        case .restaurant(let r, let evening):
            return "restaurant \(r)\(evening.map { " on the evening of day \($0)" } ?? "") has too few seats for the teams that must dine there; add capacity or evenings"
        case .dinnerClash(let team, let evening, let k, let slot):
            return "team \(team)'s dinner on the evening of day \(evening) would overlap session \(k) at \(slot); move the session or the dinner time"
        case .inbound(let g):
            return "\(g.people) cannot all be given an inbound leg; add legs or seats"
        case .outbound(let g):
            return "\(g.people) cannot all be given an outbound leg; add legs or seats"
        case .arrive(let g, _, let before):
            return "\(g.people) cannot arrive \(inst.event.arrivalBufferMinutes) min before a commitment starting before \(before); add an earlier inbound leg or move that commitment later"
        case .depart(let g, _, let after):
            return "\(g.people) cannot leave \(inst.event.departureBufferMinutes) min after a commitment ending after \(after); add a later outbound leg or move that commitment earlier"
        case .order(let g, _):
            return "\(g.people) would leave before arriving; add legs"
        case .seats(let leg):
            return "leg \(leg) has too few seats for the travellers who can only take it; add seats or another leg"
        case .hotel(let night):
            return "on the night of \(night) more travellers must stay than the hotel block allows; enlarge the block or add legs that avoid the night"
        }
    }
}
