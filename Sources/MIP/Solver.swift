import Foundation

/// How a solve ended. Normal outcomes are values, not errors.
public enum Termination: Sendable, Equatable {
    /// Proven optimal (within the solver's integrality tolerance).
    case optimal
    /// A solution is known, not proven optimal (gap above zero, or stopped early).
    case feasible
    /// Proven to have no solution.
    case infeasible
    /// The objective can decrease without limit.
    case unbounded
    /// Stopped by the time limit (or a stop request) before any solution was found.
    case timeLimit
    /// The solver failed or the model was malformed.
    case error(String)

    public var hasSolution: Bool { self == .optimal || self == .feasible }

    /// The contract's status word (`optimal`, `feasible`, `infeasible`, `time_limit`, `error`).
    public var statusWord: String {
        switch self {
        case .optimal: return "optimal"
        case .feasible: return "feasible"
        case .infeasible, .unbounded: return "infeasible"
        case .timeLimit: return "time_limit"
        case .error: return "error"
        }
    }
}

/// A snapshot of the branch-and-bound search, for progress display.
public struct SearchProgress: Sendable {
    public var elapsed: Double
    public var incumbent: Double?
    public var bound: Double?

    public init(elapsed: Double, incumbent: Double?, bound: Double?) {
        self.elapsed = elapsed
        self.incumbent = incumbent
        self.bound = bound
    }

    public var gap: Double? {
        guard let i = incumbent, let b = bound else { return nil }
        return SolveResult.relativeGap(incumbent: i, bound: b)
    }
}


public struct SolveOptions: Sendable {
    /// Wall-clock seconds for the whole solve (presolve included); nil is no limit.
    public var timeLimit: Double?
    /// Stop when the relative gap falls to this (the result is `feasible`, not `optimal`, unless 0).
    public var relativeGap: Double = 0
    /// Show the solver's own output on standard error.
    public var verbose = false
    /// A feasible assignment to start from (one value per variable), offered as an incumbent.
    public var initialSolution: [Double]?
    /// Called from the solving thread at most about once a second, and when a better solution is found.
    public var progress: (@Sendable (SearchProgress) -> Void)?
    /// Polled during the search; returning true stops it (the best solution so far is kept).
    public var shouldStop: (@Sendable () -> Bool)?
    /// A lower bound on the optimum proven elsewhere (a relaxation's): the search may stop as
    /// soon as its incumbent is within `relativeGap` of it, and reports it if it bounds better.
    public var knownBound: Double?

    public init() {}
}

public struct SolveResult: Sendable {
    public var termination: Termination
    /// Objective of the returned solution.
    public var objective: Double?
    /// Best proven lower bound on the optimum.
    public var bound: Double?
    /// One value per variable when a solution exists; empty otherwise.
    public var values: [Double]
    public var seconds: Double
    /// What the solver printed (kept even when not shown).
    public var log: String

    public var gap: Double? {
        guard let o = objective, let b = bound else { return nil }
        return Self.relativeGap(incumbent: o, bound: b)
    }

    /// |incumbent − bound| / max(|incumbent|, 1e-9), GLPK's definition of the relative gap.
    public static func relativeGap(incumbent: Double, bound: Double) -> Double {
        abs(incumbent - bound) / max(abs(incumbent), 1e-9)
    }

    public init(termination: Termination, objective: Double? = nil, bound: Double? = nil, values: [Double] = [],
                seconds: Double = 0, log: String = "") {
        self.termination = termination
        self.objective = objective
        self.bound = bound
        self.values = values
        self.seconds = seconds
        self.log = log
    }

    public func value(_ v: Variable) -> Double { values[v.index] }
}

/// A MIP solver backend. Implementations must be usable from any one thread at a time.
public protocol MIPSolver {
    func solve(_ model: MIPModel, options: SolveOptions) -> SolveResult
    /// Frees what the backend keeps per thread (GLPK's environment is thread-local). Call it on
    /// a thread of one's own, after its last solve, before the thread ends.
    func releaseThreadResources()
}

extension MIPSolver {
    public func releaseThreadResources() {}
}
