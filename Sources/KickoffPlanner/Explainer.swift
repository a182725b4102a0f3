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
/// What `Explainer.explain` found (KickoffReport words it: `Reason.sentence(in:)`).
package enum Explanation: Sendable, Equatable {
    /// Every requirement can be met: the venue has a plan.
    case feasible
    /// No plan, and why.
    case reasons([Reason])
    /// Neither shown in the time given: the elastic model ended without a solution.
    case undetermined(seconds: Double, ended: Termination)

    /// As reasons for a plan outcome.
    package var reasons: [Reason] {
        switch self {
        case .feasible: return [.everyRequirementCanBeMet]
        case .reasons(let r): return r
        case .undetermined(let seconds, let ended): return [.undetermined(seconds: seconds, ended: ended)]
        }
    }
}

package enum Explainer {
    package static func explain(
        _ inst: PlanningInstance, solver: any MIPSolver, timeLimit: Double = 60,
        shouldStop: (@Sendable () -> Bool)? = nil
    ) -> Explanation {
        let pre = Prechecks.run(inst)
        if !pre.isEmpty { return .reasons(pre.map(Reason.finding)) }
        let f = Formulation(inst)
        if !f.obstacles.isEmpty { return .reasons(f.obstacles.map(Reason.finding)) }
        // Structural rows stay hard (`Requirement.isStructural`). A unit of slack is measured in
        // the row's own scale: a travel group's buffer row (10), (11) has its size n as
        // coefficient, so breaking it for the group costs 1, as breaking any other single
        // requirement does, not n.
        let rows = f.model.constraints
        let (elastic, slack) = f.model.elastic(
            keep: { (rows[$0].tag as? Requirement)?.isStructural ?? false },
            cost: { 1 / max(1, rows[$0].terms.map { abs($0.coefficient) }.max() ?? 1) })
        var options = SolveOptions()
        options.timeLimit = timeLimit
        options.shouldStop = shouldStop
        let r = Planner.solve(solver, elastic, options)
        guard let solution = r.solution else {
            return .undetermined(seconds: timeLimit, ended: r.termination)
        }
        var broken: [Constraint] = []
        var seen = Set<Int>()
        for (c, v) in slack where solution.value(v) > Tolerance.feasibility && !seen.contains(c) {
            seen.insert(c)
            broken.append(rows[c])
        }
        if broken.isEmpty { return .feasible }
        var reasons = broken.prefix(12).map { c in (c.tag as? Requirement).map(Reason.requirement) ?? .untagged(c.name) }
        if broken.count > 12 { reasons.append(.more(broken.count - 12)) }
        return .reasons(reasons)
    }
}
