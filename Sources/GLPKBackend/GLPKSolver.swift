import CGLPK
import Foundation
import MIP

/// Solves `MIPModel`s with GLPK's branch-and-cut (`glp_intopt`).
///
/// - Runs on the calling thread; GLPK's environment is thread-local, so concurrent solves on
///   different threads each get their own (their terminal hooks do not mix).
/// - Enforces a wall-clock deadline itself from the search callback (GLPK's `tm_lim` does not
///   count presolve and the root LP), and still passes `tm_lim` as a backstop.
/// - Captures GLPK's terminal output; it reaches standard error only with `verbose`.
/// - Solves the root LP itself with `glp_simplex` in steps of a second (deadline and stop requests
///   are checked between steps), then runs `glp_intopt` without its MIP presolver, which would
///   renumber columns: `initialSolution` is offered as an incumbent through `glp_ios_heur_sol`.
/// - Reports `optimal` only when GLPK proves it (or the bound, rounded up where every objective
///   value is an integer, meets the incumbent); a stop at any limit is `feasible` or
///   `noSolutionFound` with that limit, and GLPK's failures are `error` with the manual's words.
package struct GLPKSolver: MIPSolver {
    /// GLPK's cut families (Gomory, MIR, cover, clique). On by default: they matter on tight models.
    package var cuts = true
    /// GLPK's feasibility pump heuristic, which often finds a first solution early. It runs only
    /// while there is none: with one (`initialSolution`, or another search's) the pump looks for a
    /// better one at the root, which on medium-12 EDINBU took 5–6 s and found nothing the
    /// branch-and-cut did not find in 0.3 s without it (runs ended at 2.8–4.4 s instead of
    /// 8.8–11.4 s).
    package var feasibilityPump = true
    /// Within `cuts`: Gomory's mixed-integer cuts and cover cuts. GLPK's cover cuts are not
    /// thread-safe, so of searches running at the same time at most one may use them.
    package var gomoryCuts = true
    package var coverCuts = true
    /// GLPK's choice of the next node (`bt_tech`): best local bound by default.
    package var backtracking = Backtracking.bestLocalBound

    package enum Backtracking: Sendable {
        case bestLocalBound, bestProjection, depthFirst
    }

    package init() {}

    /// `glp_free_env`: GLPK's environment of the calling thread, with every problem still in it.
    /// Only for a thread of one's own, after its last solve (its problems are gone by then).
    package func releaseThreadResources() { glp_free_env() }

    /// Seconds as GLPK's `tm_lim` (milliseconds, a C int): at least 1 ms, and an infinite or
    /// huge limit is the largest GLPK takes, clamped before any conversion can trap.
    static func milliseconds(_ seconds: Double) -> Int32 {
        guard !seconds.isNaN else { return Int32.max }
        return Int32(min(Double(Int32.max), max(1, seconds * 1000)).rounded(.down))
    }

    package func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult {
        let started = Date()
        try options.validate(for: model)  // GLPK aborts the process on what this refuses
        if let answer = Self.withoutGLPK(model, started: started) { return answer }

        let problem = GLPKProblem()
        problem.load(model, named: options.verbose)  // names only for a log a person reads
        let context = SearchContext(options: options, started: started, model: model)
        if let x = options.initialSolution { context.initialObjective = model.objective(x) }
        // With integer variables and integer costs every objective value is an integer, so a
        // bound within 1 of the incumbent proves it optimal (GLPK itself does not use this).
        context.integralObjective =
            model.variables.allSatisfy { $0.kind != .continuous && $0.cost == $0.cost.rounded() }
            && model.objectiveConstant == model.objectiveConstant.rounded()
        let info = Unmanaged.passUnretained(context).toOpaque()
        glp_term_hook(terminalHook, info)
        defer { glp_term_hook(nil, nil) }

        if let ended = rootLP(problem, context) { return ended }
        return branchAndCut(problem, model, context, info: info)
    }

    /// What needs no GLPK call: an empty integer domain is infeasible, and a model without
    /// variables is its constant or infeasible. GLPK would be asked nothing it can refuse.
    static func withoutGLPK(_ model: MIPModel, started: Date) -> SolveResult? {
        if model.hasEmptyIntegerDomain {
            return SolveResult(.infeasible, stats: SolveStats(seconds: Date().timeIntervalSince(started)))
        }
        guard model.variables.isEmpty else { return nil }
        guard model.constraints.allSatisfy({ $0.lower <= 0 && 0 <= $0.upper }) else { return SolveResult(.infeasible) }
        return SolveResult(.optimal, solution: Solution(values: [], objective: model.objectiveConstant), dualBound: model.objectiveConstant)
    }

    /// The root LP ourselves, in steps of at most a second that resume from the last basis, so
    /// the deadline and a stop request are honoured inside it too (`glp_intopt`'s own root LP
    /// runs outside `tm_lim` and its callback). It also keeps the tree's columns the model's, so
    /// an incumbent offered through the callback fits. Returns the result when the solve ends
    /// here (a limit, infeasible, unbounded, a failure); nil with `context.bound` set otherwise.
    func rootLP(_ problem: GLPKProblem, _ context: SearchContext) -> SolveResult? {
        let options = context.options
        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_ERR
        smcp.presolve = GLP_OFF
        glp_scale_prob(problem.handle, GLP_SF_AUTO)
        // From the first plan's vertex when there is one: primal simplex then skips phase 1 (on
        // medium-12 ROME's agenda block 4,923 iterations to the search instead of 9,110; on its
        // three venues 1.2–1.7 s instead of 2.0–3.1 s).
        if options.initialSolution.map({ Self.basis(problem, context.model, at: $0) }) != true {
            glp_adv_basis(problem.handle, 0)
        }
        var lp: Int32
        repeat {
            if let limit = context.limitReached() { return context.result(.noSolutionFound(limit)) }
            let left = options.timeLimit.map { $0 - context.elapsed } ?? 1
            smcp.tm_lim = Self.milliseconds(min(1, left))
            lp = glp_simplex(problem.handle, &smcp)
        } while lp == GLP_ETMLIM
        let lpStatus = glp_get_status(problem.handle)
        if lp != 0 || lpStatus != GLP_OPT {
            if lpStatus == GLP_NOFEAS || lp == GLP_ENOPFS { return context.result(.infeasible) }
            // An LP relaxation without a finite optimum: the MIP is unbounded or infeasible.
            if lpStatus == GLP_UNBND || lp == GLP_ENODFS { return context.result(Termination(.infeasibleOrUnbounded)) }
            return context.result(.error("glp_simplex: \(lp == 0 ? "status \(lpStatus)" : GLPKReturnCode.describe(lp))"))
        }
        // The relaxation's optimum bounds the block from below until the search does better.
        let relaxation = glp_get_obj_val(problem.handle)
        if relaxation.isFinite { context.bound = relaxation }
        if let limit = context.limitReached() { return context.result(.noSolutionFound(limit)) }
        return nil
    }

    /// A primal feasible starting basis at `x`, a solution meeting every row: every row's
    /// auxiliary variable basic and every column non-basic at the bound x puts it at, except the
    /// columns strictly inside their bounds (travel groups split over legs), each basic instead of
    /// the auxiliary of a row it is in that x makes tight — matched one to one (augmenting paths),
    /// since a greedy choice can leave a column without a row. The basic solution is then x
    /// itself. False (the caller makes another basis) when no such matching exists, x is then not
    /// a vertex, or the basis is singular.
    static func basis(_ problem: GLPKProblem, _ model: MIPModel, at x: [Double]) -> Bool {
        let p = problem.handle
        var activity = [Double](repeating: 0, count: model.constraints.count)
        for (i, c) in model.constraints.enumerated() {
            for t in c.terms { activity[i] += t.coefficient * x[t.variable.index] }
        }
        func tight(_ i: Int) -> Bool {
            let c = model.constraints[i]
            return abs(activity[i] - c.lower) <= Tolerance.feasibility || abs(activity[i] - c.upper) <= Tolerance.feasibility
        }
        var inside: [Int] = []
        for k in model.variables.indices {
            let b = model.effectiveBounds(k)
            if b.lower < b.upper, abs(x[k] - b.lower) > Tolerance.feasibility, abs(x[k] - b.upper) > Tolerance.feasibility { inside.append(k) }
        }
        // The tight rows each inside column is in.
        var rowsOf: [Int: [Int]] = [:]
        if !inside.isEmpty {
            let wanted = Set(inside)
            for (i, c) in model.constraints.enumerated() where tight(i) {
                for t in c.terms where wanted.contains(t.variable.index) { rowsOf[t.variable.index, default: []].append(i) }
            }
        }
        var columnOf: [Int: Int] = [:]  // row → the inside column basic in its place
        func augment(_ k: Int, _ seen: inout Set<Int>) -> Bool {
            for i in rowsOf[k] ?? [] where seen.insert(i).inserted {
                if let other = columnOf[i], !augment(other, &seen) { continue }
                columnOf[i] = k
                return true
            }
            return false
        }
        for k in inside {
            var seen = Set<Int>()
            guard augment(k, &seen) else { return false }
        }
        glp_std_basis(p)
        for k in model.variables.indices {
            let b = model.effectiveBounds(k)
            let j = Int32(k + 1)
            if b.lower == b.upper {
                glp_set_col_stat(p, j, GLP_NS)
            } else if abs(x[k] - b.lower) <= Tolerance.feasibility {
                glp_set_col_stat(p, j, GLP_NL)
            } else if abs(x[k] - b.upper) <= Tolerance.feasibility {
                glp_set_col_stat(p, j, GLP_NU)
            } else {
                glp_set_col_stat(p, j, GLP_BS)
            }
        }
        for i in columnOf.keys {
            let c = model.constraints[i]
            let status = c.lower == c.upper ? GLP_NS : abs(activity[i] - c.lower) <= Tolerance.feasibility ? GLP_NL : GLP_NU
            glp_set_row_stat(p, Int32(i + 1), status)
        }
        return glp_factorize(p) == 0
    }

    /// `glp_intopt` from the root LP's basis (its presolver off, so columns stay the model's),
    /// with cuts and the feasibility pump as configured, the callback for the deadline, stop
    /// requests, incumbents and progress; its return code read into a termination.
    func branchAndCut(_ problem: GLPKProblem, _ model: MIPModel, _ context: SearchContext, info: UnsafeMutableRawPointer) -> SolveResult {
        let options = context.options
        var parm = glp_iocp()
        glp_init_iocp(&parm)  // a zeroed struct makes GLPK abort
        parm.msg_lev = options.verbose ? GLP_MSG_ON : GLP_MSG_ERR
        parm.mip_gap = options.relativeGap
        parm.cb_func = searchCallback
        parm.cb_info = info
        if cuts {
            parm.gmi_cuts = gomoryCuts ? GLP_ON : GLP_OFF
            parm.mir_cuts = GLP_ON
            parm.cov_cuts = coverCuts ? GLP_ON : GLP_OFF
            parm.clq_cuts = GLP_ON
        }
        if feasibilityPump, options.initialSolution == nil, options.sharedIncumbent?.objective == nil { parm.fp_heur = GLP_ON }
        switch backtracking {
        case .bestLocalBound: parm.bt_tech = GLP_BT_BLB
        case .bestProjection: parm.bt_tech = GLP_BT_BPH
        case .depthFirst: parm.bt_tech = GLP_BT_DFS
        }
        parm.presolve = GLP_OFF
        if let limit = options.timeLimit { parm.tm_lim = Self.milliseconds(limit - context.elapsed) }

        let code = glp_intopt(problem.handle, &parm)
        let status = glp_mip_status(problem.handle)
        var hasSolution = status == GLP_OPT || status == GLP_FEAS
        if hasSolution {
            context.values = context.incumbent(problem.handle)
            context.objective = model.objective(context.values)
        }
        // A better solution another search of this model found (and maybe this one proved optimal).
        if let s = options.sharedIncumbent?.solution, s.values.count == model.variables.count,
            s.objective < (hasSolution ? context.objective ?? .infinity : .infinity)
        {
            context.values = s.values
            context.objective = s.objective
            hasSolution = true
        }
        if code == 0 {
            if status == GLP_OPT {
                context.bound = context.objective
                return context.result(.optimal)
            }
            if status == GLP_NOFEAS { return context.result(.infeasible) }
            return context.result(hasSolution ? .feasible(.gap) : .error("glp_intopt ended with status \(status)"))
        }
        switch GLPKReturnCode(rawValue: code) {
        case .noPrimalFeasible:
            return context.result(.infeasible)
        case .noDualFeasible:
            return context.result(Termination(.infeasibleOrUnbounded))
        case .stopped where hasSolution && context.stoppedBy == nil:
            // The callback stopped it because the bound (rounded up) met the incumbent, its own or
            // another search's.
            context.bound = context.objective
            return context.result(.optimal)
        case .gapReached:
            return context.result(hasSolution ? .feasible(.gap) : .noSolutionFound(.gap))
        case .timeLimit, .stopped:
            let limit = context.stoppedBy ?? .time
            return context.result(hasSolution ? .feasible(limit) : .noSolutionFound(limit))
        default:
            return context.result(.error("glp_intopt: \(GLPKReturnCode.describe(code))"))
        }
    }
}

/// State shared with GLPK's C callbacks through their `void *info` argument.
final class SearchContext {
    let options: SolveOptions
    let started: Date
    var log = ""
    var bound: Double?
    var objective: Double?
    var values: [Double] = []
    var offeredIncumbent = false
    var integralObjective = false
    /// Which limit made the callback stop the search (nil: it stopped on a proof, or did not stop it).
    var stoppedBy: Termination.Limit?
    /// Objective of `options.initialSolution`, shown as the incumbent until GLPK finds better.
    var initialObjective: Double?
    var lastReport = Date.distantPast
    let model: MIPModel
    /// The objective of the last solution taken from `options.sharedIncumbent`.
    var adopted: Double?

    init(options: SolveOptions, started: Date, model: MIPModel) {
        self.options = options
        self.started = started
        self.model = model
    }

    /// The solution of the problem's integer search (after `glp_intopt`, or in the callback on a
    /// new incumbent), integers rounded.
    func incumbent(_ problem: OpaquePointer) -> [Double] {
        (0..<model.variables.count).map { k in
            let v = glp_mip_col_val(problem, Int32(k + 1))
            return model.variables[k].kind == .continuous ? v : v.rounded()
        }
    }

    /// Whether `bound` proves a solution of this objective optimal: within 1 of it, rounded up,
    /// where every objective value is an integer; else within `Tolerance.objective`.
    func proves(_ bound: Double, _ objective: Double) -> Bool {
        if integralObjective { return (bound - Tolerance.feasibility).rounded(.up) >= objective - Tolerance.feasibility }
        return bound >= objective - Tolerance.objective * max(1, abs(objective))
    }

    var elapsed: Double { Date().timeIntervalSince(started) }

    /// The time limit passed or a stop was requested (checked in that order).
    func limitReached() -> Termination.Limit? {
        if let limit = options.timeLimit, elapsed >= limit { return .time }
        if options.shouldStop?() == true { return .interrupted }
        return nil
    }

    func result(_ t: Termination) -> SolveResult {
        let solution = t.hasSolution ? objective.map { Solution(values: values, objective: $0) } : nil
        return SolveResult(t, solution: solution, dualBound: bound, stats: SolveStats(seconds: elapsed, log: log))
    }
}

/// Receives GLPK's terminal output; returning non-zero stops GLPK printing it itself.
private let terminalHook: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Int32 = { info, text in
    guard let info, let text else { return 1 }
    let context = Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue()
    let s = String(cString: text)
    if context.log.utf8.count < 1 << 20 { context.log += s }
    if context.options.verbose { FileHandle.standardError.write(Data(s.utf8)) }
    return 1
}

/// GLPK's branch-and-cut callback: deadline, stop requests, incumbent offers and progress.
private let searchCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?) -> Void = { tree, info in
    guard let tree, let info else { return }
    let context = Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue()
    let options = context.options
    // The bound first, so a search stopped at its first callback still reports the root LP's.
    let best = glp_ios_best_node(tree)
    if best != 0 {
        let b = glp_ios_node_bound(tree, best)
        if b.isFinite, abs(b) < 1e300 { context.bound = b }  // GLPK reports ∓DBL_MAX for "none yet"
    }
    if let limit = context.limitReached() {
        context.stoppedBy = limit
        glp_ios_terminate(tree)
        return
    }
    let reason = glp_ios_reason(tree)
    if reason == GLP_IHEUR, !context.offeredIncumbent, let x = options.initialSolution {
        context.offeredIncumbent = true
        var one = [0.0] + x  // 1-based
        if glp_ios_heur_sol(tree, &one) == 0, context.objective == nil { context.objective = context.initialObjective }
    }
    var improved = false
    if reason == GLP_IBINGO {
        let p = glp_ios_get_prob(tree)
        context.objective = glp_mip_obj_val(p)
        improved = true
        if let shared = options.sharedIncumbent, let p {
            let x = context.incumbent(p)
            shared.offer(Solution(values: x, objective: context.model.objective(x)))
        }
    }
    // A better solution from another search of the same model: offered where GLPK takes one.
    if reason == GLP_IHEUR, let shared = options.sharedIncumbent, let o = shared.objective,
        o < (context.objective ?? .infinity), o != context.adopted, let s = shared.solution,
        s.values.count == context.model.variables.count
    {
        context.adopted = s.objective
        var one = [0.0] + s.values  // 1-based
        if glp_ios_heur_sol(tree, &one) == 0 {
            context.objective = s.objective
            improved = true
        }
    }
    if let progress = options.progress, improved || Date().timeIntervalSince(context.lastReport) >= 1 {
        context.lastReport = Date()
        progress(SearchProgress(elapsed: context.elapsed, incumbent: context.objective, bound: context.bound))
    }
    // The best solution known here or to another search, against this search's bound.
    let known = min(context.objective ?? .infinity, options.sharedIncumbent?.objective ?? .infinity)
    if known.isFinite, let b = context.bound, context.integralObjective || options.sharedIncumbent != nil, context.proves(b, known) {
        glp_ios_terminate(tree)  // proven: `stoppedBy` stays nil
    } else if let limit = options.objectiveLimit, let o = context.objective, o <= limit + Tolerance.objective * max(1, abs(limit)) {
        context.stoppedBy = .objective
        glp_ios_terminate(tree)
    }
}

extension GLPKSolver {
    /// What the planner solves with: GLPK as configured by default, raced (with
    /// `SolveOptions.threads` ≥ 2) against GLPK configured otherwise on the second core, both
    /// sharing their solutions (`PortfolioSolver`).
    /// - The first searches best bound first, without Gomory's cuts: computing them
    ///   (`glp_eval_tab_row`, which reads the matrix column by column) took 13 % of the CPU
    ///   of medium-12 ROME, and small-12 NCE is proven in 1.5–1.6 s instead of 2.6–3.0.
    /// - The second dives depth first, which finds solutions early for the first to prove, with
    ///   Gomory's cuts, so the two roots and trees differ and at least one search has them: the
    ///   bundled sample is proven only with them (without, its bound stays 16 USD short for
    ///   minutes). It has no cover cuts, which GLPK does not make thread-safe.
    /// - Which one settles a block first varies from run to run (BENCHMARKS.md, 2026-12-06 and
    ///   2026-12-07).
    package static var racing: PortfolioSolver<GLPKSolver, GLPKSolver> {
        var first = GLPKSolver()
        first.gomoryCuts = false
        var second = GLPKSolver()
        second.coverCuts = false
        second.backtracking = .depthFirst
        return PortfolioSolver(first, second)
    }
}
