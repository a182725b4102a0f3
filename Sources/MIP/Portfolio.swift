import Foundation

/// The best solution that concurrent searches of one model know between them. Each search
/// publishes what it finds and takes what the others found (GLPK through `glp_ios_heur_sol`), so
/// a search whose bound meets another's solution proves that solution optimal.
package final class SharedIncumbent: @unchecked Sendable {
    private let lock = NSLock()
    private var best: Solution?

    package init(_ initial: Solution? = nil) { best = initial }

    /// The best solution so far (a copy of its values: ask `objective` first where that is enough).
    package var solution: Solution? { lock.withLock { best } }
    package var objective: Double? { lock.withLock { best?.objective } }

    /// Keeps `s` when it is better than the best so far; returns whether it did.
    @discardableResult
    package func offer(_ s: Solution) -> Bool {
        lock.withLock {
            guard best.map({ s.objective < $0.objective }) ?? true else { return false }
            best = s
            return true
        }
    }
}

/// Two differently configured solvers racing on one model, each on a thread of its own, sharing
/// their solutions through a `SharedIncumbent`. The first to settle the model (a proof of
/// optimality, infeasibility or unboundedness) stops the other; otherwise the result has the best
/// solution either found and the better of their bounds.
///
/// How long a branch-and-cut takes on one model varies by a factor of two or more with where its
/// root LP lands and which branch it tries first (medium-12 ROME: 6.5–13.7 s in a dozen runs of
/// one build), so two searches configured differently finish, on the second core, about as soon as
/// the luckier of two runs — and each uses the incumbents the other finds.
///
/// Races only with `options.threads` ≥ 2 and a model of at least `minimumVariables` variables;
/// otherwise the first solver alone. A race costs a thread and a second GLPK environment, about
/// 1 ms: on medium-12's hundreds of travel-group blocks racing every block cost 0.3–0.6 s, while
/// small-12 VIENNA's one block of about 1,000 variables was proven in 4.0 s racing against 8.4 s
/// alone.
package struct PortfolioSolver<First: MIPSolver, Second: MIPSolver>: MIPSolver {
    package var first: First
    package var second: Second
    package var minimumVariables: Int

    package init(_ first: First, _ second: Second, minimumVariables: Int = 500) {
        self.first = first
        self.second = second
        self.minimumVariables = minimumVariables
    }

    package func releaseThreadResources() { first.releaseThreadResources() }

    package func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult {
        // No validation here: each solver validates the model and options itself and throws
        // before any solving, so an invalid one is thrown below, once.
        guard options.threads >= 2, model.variables.count >= minimumVariables else {
            return try first.solve(model, options: options)
        }
        let started = Date()
        let shared =
            options.sharedIncumbent
            ?? SharedIncumbent(options.initialSolution.map { Solution(values: $0, objective: model.objective($0)) })
        let settled = StopFlag()
        let outer = options.shouldStop
        var o = options
        o.threads = 1
        o.sharedIncumbent = shared
        o.shouldStop = { outer?() == true || settled.isRaised }
        // The second search reports no progress and prints nothing: its lines would interleave.
        var o2 = o
        o2.progress = nil
        o2.verbose = false
        let secondOptions = o2
        let second = self.second
        let other = OnOwnThread { () -> Result<SolveResult, MIPError> in
            defer { second.releaseThreadResources() }
            let r = Result { () throws(MIPError) -> SolveResult in try second.solve(model, options: secondOptions) }
            if case .success(let s) = r, Self.settles(s) { settled.raise() }
            return r
        }
        let a = Result { () throws(MIPError) -> SolveResult in try first.solve(model, options: o) }
        if case .success(let s) = a, Self.settles(s) { settled.raise() }
        let b = other.wait()
        switch (a, b) {
        case (.failure(let e), .failure): throw e
        case (.success(let r), .failure), (.failure, .success(let r)): return r
        case (.success(let r), .success(let s)):
            var out = Self.combine(r, s, best: shared.solution, model: model)
            out.stats = SolveStats(
                seconds: Date().timeIntervalSince(started),
                log: r.stats.log + (s.stats.log.isEmpty ? "" : "\n[second search]\n" + s.stats.log))
            return out
        }
    }

    /// A proof: optimal, infeasible or unbounded (not a stop at a limit, not a failure).
    static func settles(_ r: SolveResult) -> Bool {
        switch r.termination.reason {
        case .optimal, .infeasible, .unbounded, .infeasibleOrUnbounded: return true
        case .feasible, .noSolutionFound, .error: return false
        }
    }

    /// One result from the two: a proof stands (the first's before the second's); else the best
    /// solution known to either, with the better bound, optimal when that bound meets it.
    static func combine(_ a: SolveResult, _ b: SolveResult, best: Solution?, model: MIPModel) -> SolveResult {
        if settles(a) { return a }
        if settles(b) { return b }
        if a.termination.reason == .error, b.termination.reason != .error { return b }
        if b.termination.reason == .error { return a }
        let candidates = [a.solution, b.solution, best].compactMap { $0 }.filter { model.violations($0.values).isEmpty }
        let bound = [a.dualBound, b.dualBound].compactMap { $0 }.max()
        guard let solution = candidates.min(by: { $0.objective < $1.objective }) else {
            return SolveResult(a.termination, dualBound: bound)
        }
        if let bound, SolveResult.relativeGap(incumbent: solution.objective, bound: bound) <= Tolerance.objective {
            return SolveResult(.optimal, solution: solution, dualBound: solution.objective)
        }
        let limit = a.termination.limit ?? b.termination.limit ?? .time
        return SolveResult(.feasible(limit), solution: solution, dualBound: bound)
    }
}
