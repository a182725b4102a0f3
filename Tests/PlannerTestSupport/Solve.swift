import GLPKBackend
import KickoffCore
import KickoffPlan
import KickoffPlanner
import KickoffTestSupport
import MIP

/// Plans `instance` as `kickoff solve` does: two GLPK searches racing behind the block
/// decomposition (on blocks big enough for a race), within `timeLimit` seconds (the one way the
/// tests plan).
package func plan(
    _ instance: PlanningInstance, baseline: BaselineMatch? = nil, timeLimit: Double? = 60, gap: Double = 0,
    stop: (@Sendable () -> Bool)? = nil
) -> PlanOutcome {
    var options = SolveOptions()
    options.timeLimit = timeLimit
    options.relativeGap = gap
    options.shouldStop = stop
    options.threads = 2
    return Planner(solver: DecomposingSolver(GLPKSolver.racing)).plan(instance, baseline: baseline, options: options)
}

/// The fixture's scenario at `venue` (nil: the first), planned by `plan`.
package func solve(
    _ fixture: Fixture, venue: String? = nil, timeLimit: Double = 60,
    stop: (@Sendable () -> Bool)? = nil
) throws -> (PlanningInstance, PlanOutcome) {
    let instance = try PlanningInstance(try fixture.scenario(), venue: venue.map { VenueID($0) })
    return (instance, plan(instance, timeLimit: timeLimit, stop: stop))
}
