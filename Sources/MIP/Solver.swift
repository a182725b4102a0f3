import Foundation

/// How a solve ended, shaped like MathOpt's `Termination`: why it ended (`reason`), which limit
/// stopped it when one did (`limit`), and the solver's own words (`detail`). Normal outcomes are
/// values, not errors; invalid models and options throw `MIPError` before any solving.
package struct Termination: Sendable, Equatable, CustomStringConvertible {
    package enum Reason: String, Sendable, CaseIterable {
        /// Proven optimal (within the solver's integrality tolerance).
        case optimal
        /// A solution is known and not proven optimal: a limit stopped the search.
        case feasible
        /// Proven to have no solution.
        case infeasible
        /// The objective can decrease without limit (a solution with a finite one may exist).
        case unbounded
        /// Proven to have no optimal solution, without telling which of the two it is.
        case infeasibleOrUnbounded
        /// A limit stopped the search before any solution was found; nothing is proven.
        case noSolutionFound
        /// The solver failed during the solve (`detail` says how).
        case error
    }

    /// What stopped a search that `reason` says did not finish.
    package enum Limit: String, Sendable, CaseIterable {
        /// `SolveOptions.timeLimit` passed (wall clock).
        case time
        /// `SolveOptions.shouldStop` answered true (Ctrl-C, or another search settled it).
        case interrupted
        /// The incumbent came within `SolveOptions.relativeGap` of the bound (above zero).
        case gap
        /// A solution at least as good as `SolveOptions.objectiveLimit` was found.
        case objective
    }

    package var reason: Reason
    /// Set exactly when a limit ended the search (`feasible` and `noSolutionFound`).
    package var limit: Limit?
    /// What the solver said, for a person (empty when there is nothing to add).
    package var detail: String

    package init(_ reason: Reason, limit: Limit? = nil, detail: String = "") {
        self.reason = reason
        self.limit = limit
        self.detail = detail
    }

    package static let optimal = Termination(.optimal)
    package static let infeasible = Termination(.infeasible)
    package static let unbounded = Termination(.unbounded)
    /// A solution, stopped by `limit`.
    package static func feasible(_ limit: Limit) -> Termination { Termination(.feasible, limit: limit) }
    /// No solution, stopped by `limit`.
    package static func noSolutionFound(_ limit: Limit) -> Termination { Termination(.noSolutionFound, limit: limit) }
    /// The solver failed; `detail` says how.
    package static func error(_ detail: String) -> Termination { Termination(.error, detail: detail) }

    /// True for `optimal` and `feasible`: the result carries a solution.
    package var hasSolution: Bool { reason == .optimal || reason == .feasible }

    /// The contract's status word (`optimal`, `feasible`, `infeasible`, `time_limit`, `error`):
    /// a search stopped with nothing is `time_limit` whichever limit stopped it.
    package var statusWord: String {
        switch reason {
        case .optimal: return "optimal"
        case .feasible: return "feasible"
        case .infeasible, .unbounded, .infeasibleOrUnbounded: return "infeasible"
        case .noSolutionFound: return "time_limit"
        case .error: return "error"
        }
    }

    package var description: String {
        var s = reason.rawValue
        if let limit { s += " (\(limit.rawValue) limit)" }
        if !detail.isEmpty { s += ": \(detail)" }
        return s
    }
}

/// A model or options a solver refuses before solving: thrown, never a termination.
package enum MIPError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model breaks `MIPModel.defects()` (the first defect).
    case invalidModel(String)
    /// The options do not fit the model (an initial solution of the wrong length, a NaN limit).
    case invalidOptions(String)
    /// A valid model this backend cannot solve (the brute-force reference's size limit).
    case unsupported(String)

    package var description: String {
        switch self {
        case .invalidModel(let s): return "invalid model: \(s)"
        case .invalidOptions(let s): return "invalid options: \(s)"
        case .unsupported(let s): return "unsupported model: \(s)"
        }
    }
}

/// A snapshot of the branch-and-bound search, for progress display.
package struct SearchProgress: Sendable {
    package var elapsed: Double
    package var incumbent: Double?
    package var bound: Double?

    package init(elapsed: Double, incumbent: Double?, bound: Double?) {
        self.elapsed = elapsed
        self.incumbent = incumbent
        self.bound = bound
    }

    package var gap: Double? {
        guard let i = incumbent, let b = bound else { return nil }
        return SolveResult.relativeGap(incumbent: i, bound: b)
    }
}

package struct SolveOptions: Sendable {
    /// Wall-clock seconds for the whole solve (presolve included); nil is no limit.
    package var timeLimit: Double?
    /// Stop when the relative gap falls to this (the result is `feasible`, not `optimal`, unless 0).
    package var relativeGap: Double = 0
    /// Show the solver's own output on standard error.
    package var verbose = false
    /// A feasible assignment to start from (one value per variable), offered as an incumbent.
    package var initialSolution: [Double]?
    /// Called from the solving thread at most about once a second, and when a better solution is found.
    package var progress: (@Sendable (SearchProgress) -> Void)?
    /// Polled during the search; returning true stops it (the best solution so far is kept).
    package var shouldStop: (@Sendable () -> Bool)?
    /// Stop as soon as a solution whose objective is at most this is known (MathOpt's objective
    /// limit for a minimisation; Gurobi's `BestObjStop`): the result is `feasible` with limit
    /// `objective`, unless it is also proven optimal.
    package var objectiveLimit: Double?
    /// Threads the solve may use (MathOpt's `threads`): a `PortfolioSolver` races two searches
    /// with 2 or more; every other solver uses one.
    package var threads = 1
    /// Solutions shared with searches of the same model running at the same time: a search
    /// publishes each solution it finds there, starts from better ones found by the others, and
    /// stops when its bound proves the best one optimal.
    package var sharedIncumbent: SharedIncumbent?

    package init() {}

    /// Checks the model and these options before any backend sees them (GLPK aborts the process
    /// on an invalid call): the model's first defect, an initial solution of the wrong length or
    /// with a non-finite value, a NaN or negative gap, a NaN time or objective limit.
    package func validate(for model: MIPModel) throws(MIPError) {
        if let defect = model.defects().first { throw .invalidModel(defect) }
        if let x = initialSolution {
            if x.count != model.variables.count {
                throw .invalidOptions("initial solution has \(x.count) values for \(model.variables.count) variables")
            }
            if let k = x.firstIndex(where: { !$0.isFinite }) {
                throw .invalidOptions("initial solution value \(k + 1) is \(x[k])")
            }
        }
        if relativeGap.isNaN || relativeGap < 0 { throw .invalidOptions("relative gap \(relativeGap) is not ≥ 0") }
        if let t = timeLimit, t.isNaN { throw .invalidOptions("time limit is NaN") }
        if let o = objectiveLimit, o.isNaN { throw .invalidOptions("objective limit is NaN") }
        if threads < 1 { throw .invalidOptions("threads is \(threads), not ≥ 1") }
    }
}

/// A primal solution: one value per variable, and its objective.
package struct Solution: Sendable, Equatable {
    package var values: [Double]
    package var objective: Double

    package init(values: [Double], objective: Double) {
        self.values = values
        self.objective = objective
    }

    package func value(_ v: Variable) -> Double { values[v.index] }
}

/// What a solve cost: wall-clock seconds and what the solver printed (kept even when not shown).
package struct SolveStats: Sendable {
    package var seconds: Double
    package var log: String

    package init(seconds: Double = 0, log: String = "") {
        self.seconds = seconds
        self.log = log
    }
}

/// What a solve found, shaped like MathOpt's `SolveResult`: how it ended, the best solution when
/// there is one (exactly when `termination.hasSolution`), its bounds and what it cost.
package struct SolveResult: Sendable {
    package var termination: Termination
    package var solution: Solution?
    /// Best proven lower bound on the optimum (a minimisation), when one is known.
    package var dualBound: Double?
    package var stats: SolveStats

    package init(_ termination: Termination, solution: Solution? = nil, dualBound: Double? = nil, stats: SolveStats = SolveStats()) {
        self.termination = termination
        self.solution = termination.hasSolution ? solution : nil
        self.dualBound = dualBound
        self.stats = stats
    }

    /// The objective of the best solution found (an upper bound on the optimum).
    package var primalBound: Double? { solution?.objective }

    package var gap: Double? {
        guard let o = primalBound, let b = dualBound else { return nil }
        return Self.relativeGap(incumbent: o, bound: b)
    }

    /// |incumbent − bound| / max(|incumbent|, 1e-9), GLPK's definition of the relative gap.
    package static func relativeGap(incumbent: Double, bound: Double) -> Double {
        abs(incumbent - bound) / max(abs(incumbent), Tolerance.objective)
    }
}

/// A MIP solver backend. Implementations must be usable from any one thread at a time.
///
/// `solve` throws only for what `SolveOptions.validate(for:)` (or a backend's own limits)
/// refuses; everything a solve can end with, its failures included, is a `Termination`.
package protocol MIPSolver {
    func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult
    /// Frees what the backend keeps per thread (GLPK's environment is thread-local). Call it on
    /// a thread of one's own, after its last solve, before the thread ends.
    func releaseThreadResources()
}

extension MIPSolver {
    package func releaseThreadResources() {}
}
