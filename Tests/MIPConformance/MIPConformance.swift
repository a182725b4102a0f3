import Foundation
import MIP

/// The conformance kit every `MIPSolver` backend is run against: hand-solved models with their
/// optimum in a comment, and the behaviours the protocol promises — limits, stop requests, an
/// offered first solution, unbounded and empty models, fractional integer bounds, and the
/// `MIPError`s that invalid models and options throw.
///
/// A check returns what it found wrong (empty when the solver conforms), so a test needs only
/// `#expect(check.run(solver) == [])`, and the kit needs no test framework and no GLPK.
///
/// ## Known deviations
/// A backend declares what it cannot do as `Deviations`; the checks that need it are skipped
/// for that backend, and the list is the documentation of why:
/// - `BruteForceSolver` has no search to stop: it ignores time limits, stop requests, the gap
///   and the objective limit (`.ignoresLimits`), and refuses continuous or unbounded variables
///   with `MIPError.unsupported` (`.integerBoundedOnly`).
/// - GLPK reports an unbounded integer program as `infeasibleOrUnbounded` when its LP relaxation
///   has no dual feasible solution; every check accepts that for `unbounded` (the protocol allows it).
package enum MIPConformance {
    package struct Deviations: OptionSet, Sendable {
        package let rawValue: Int
        package init(rawValue: Int) { self.rawValue = rawValue }
        /// No time limit, stop request, gap or objective limit is honoured: every solve ends with a proof.
        package static let ignoresLimits = Deviations(rawValue: 1)
        /// Only integer variables with finite bounds; anything else throws `MIPError.unsupported`.
        package static let integerBoundedOnly = Deviations(rawValue: 2)
    }

    /// One behaviour to check.
    package struct Check: Sendable, CustomStringConvertible {
        package let name: String
        /// Backends with any of these deviations skip the check.
        package let needs: Deviations
        let body: @Sendable (any MIPSolver) -> [String]

        package var description: String { name }

        package func applies(to deviations: Deviations) -> Bool { needs.isDisjoint(with: deviations) }

        /// What `solver` got wrong; empty when it conforms.
        package func run(_ solver: any MIPSolver) -> [String] { body(solver) }
    }

    /// A model with its optimum worked out by hand (nil: infeasible).
    package struct HandSolved: Sendable {
        package let name: String
        package let model: MIPModel
        package let optimum: Double?
        /// Whether it has a continuous or an unbounded variable.
        package let needs: Deviations
    }

    // MARK: - The hand-solved models

    package static let handSolved: [HandSolved] = {
        var out: [HandSolved] = []

        // Knapsack: max 5a+4b+3c, 2a+3b+c ≤ 5, 4a+b+2c ≤ 11, 3a+4b+2c ≤ 8. {a,b} gives 9; {a,b,c} breaks row 1.
        var k = MIPModel()
        let a = k.addVariable("a", kind: .binary, cost: -5), b = k.addVariable("b", kind: .binary, cost: -4)
        let c = k.addVariable("c", kind: .binary, cost: -3)
        k.addConstraint("r1", [(a, 2), (b, 3), (c, 1)], upper: 5)
        k.addConstraint("r2", [(a, 4), (b, 1), (c, 2)], upper: 11)
        k.addConstraint("r3", [(a, 3), (b, 4), (c, 2)], upper: 8)
        out.append(HandSolved(name: "knapsack", model: k, optimum: -9, needs: []))

        // Rounding up: min x+y, 2x+2y ≥ 3, x,y ∈ 0…3 → x+y ≥ 1.5 → 2.
        var r = MIPModel()
        let x = r.addVariable("x", upper: 3, kind: .integer, cost: 1), y = r.addVariable("y", upper: 3, kind: .integer, cost: 1)
        r.addConstraint("cover", [(x, 2), (y, 2)], lower: 3)
        out.append(HandSolved(name: "round up", model: r, optimum: 2, needs: []))

        // Negative bounds and an equality: min −x+2y, x−y = 1, x,y ∈ −3…3 → y−1 with y ≥ −3 → −4.
        var e = MIPModel()
        let ex = e.addVariable("x", lower: -3, upper: 3, kind: .integer, cost: -1)
        let ey = e.addVariable("y", lower: -3, upper: 3, kind: .integer, cost: 2)
        e.addEquality("link", [(ex, 1), (ey, -1)], 1)
        out.append(HandSolved(name: "equality, negative bounds", model: e, optimum: -4, needs: []))

        // Infeasible: two binaries cannot sum to 3.
        var inf = MIPModel()
        let i1 = inf.addVariable("i1", kind: .binary), i2 = inf.addVariable("i2", kind: .binary)
        inf.addConstraint("three", [(i1, 1), (i2, 1)], lower: 3)
        out.append(HandSolved(name: "infeasible", model: inf, optimum: nil, needs: []))

        // Assignment, costs [[4,1,3],[2,0,5],[3,2,2]]: the best permutation is (1,0,2) = 1+2+2 = 5.
        var asg = MIPModel()
        let cost = [[4.0, 1, 3], [2, 0, 5], [3, 2, 2]]
        var v: [[Variable]] = []
        for i in 0..<3 { v.append((0..<3).map { j in asg.addVariable("x[\(i),\(j)]", kind: .binary, cost: cost[i][j]) }) }
        for i in 0..<3 { asg.addEquality("row[\(i)]", (0..<3).map { (v[i][$0], 1.0) }, 1) }
        for j in 0..<3 { asg.addEquality("col[\(j)]", (0..<3).map { (v[$0][j], 1.0) }, 1) }
        out.append(HandSolved(name: "assignment", model: asg, optimum: 5, needs: []))

        // A repeated term and a constant: min 10 − x, x + x ≤ 1, x ∈ 0…3 → x = 0 → 10.
        var d = MIPModel()
        let dx = d.addVariable("x", upper: 3, kind: .integer, cost: -1)
        d.addConstraint("twice", [(dx, 1), (dx, 1)], upper: 1)
        d.objectiveConstant = 10
        out.append(HandSolved(name: "repeated term and constant", model: d, optimum: 10, needs: []))

        // Fractional bounds on an integer column: x ∈ [0.5, 2.5] means x ∈ {1, 2}; min x → 1.
        var fb = MIPModel()
        fb.addVariable("x", lower: 0.5, upper: 2.5, kind: .integer, cost: 1)
        out.append(HandSolved(name: "fractional integer bounds", model: fb, optimum: 1, needs: []))

        // No integer in [0.2, 0.8]: the model is infeasible, not invalid.
        var eb = MIPModel()
        eb.addVariable("x", lower: 0.2, upper: 0.8, kind: .integer, cost: 1)
        out.append(HandSolved(name: "empty integer domain", model: eb, optimum: nil, needs: []))

        // No variables: the constant is the optimum.
        var empty = MIPModel()
        empty.objectiveConstant = 7
        out.append(HandSolved(name: "empty model", model: empty, optimum: 7, needs: []))

        // Continuous and integer columns: min x+y, x ≥ 0.5, x+y ≥ 2.2, y integer ≥ 0 → y = 0, x = 2.2.
        var mixed = MIPModel()
        let mx = mixed.addVariable("x", lower: 0.5, cost: 1), my = mixed.addVariable("y", kind: .integer, cost: 1)
        mixed.addConstraint("c", [(mx, 1), (my, 1)], lower: 2.2)
        out.append(HandSolved(name: "continuous and integer", model: mixed, optimum: 2.2, needs: .integerBoundedOnly))
        return out
    }()

    /// Σ 2·xᵢ = 2n+1 over 2n+2 binaries: the LP is feasible, no integer point is, and proving it
    /// takes branching (2^(2n+2) points for brute force).
    package static func parity(_ n: Int) -> MIPModel {
        var m = MIPModel()
        let xs = (0..<(2 * n + 2)).map { m.addVariable("x\($0)", kind: .binary, cost: Double($0 % 3)) }
        m.addEquality("odd", xs.map { ($0, 2.0) }, Double(2 * n + 1))
        return m
    }

    /// Two independent knapsacks and a free integer: max 5a + 4b + 3c with 2a + 3b + c ≤ 4 (optimum
    /// a = c = 1: 8), and max 6d + 5e with d + e ≤ 1 (optimum d = 1: 6), and f ∈ 0…3 costing 1 (0).
    /// As minimisation the optimum is −14 + 0, plus the constant 100. Columns: a, d, b, e, c, f.
    package static func twoKnapsacks() -> MIPModel {
        var m = MIPModel()
        let a = m.addVariable("a", kind: .binary, cost: -5)
        let d = m.addVariable("d", kind: .binary, cost: -6)
        let b = m.addVariable("b", kind: .binary, cost: -4)
        let e = m.addVariable("e", kind: .binary, cost: -5)
        let c = m.addVariable("c", kind: .binary, cost: -3)
        m.addVariable("f", upper: 3, kind: .integer, cost: 1)
        m.addConstraint("k1", [(a, 2), (b, 3), (c, 1)], upper: 4)
        m.addConstraint("k2", [(d, 1), (e, 1)], upper: 1)
        m.objectiveConstant = 100
        return m
    }

    /// An 18-item two-row knapsack: a search takes nodes, and enumeration (2^18) still finishes.
    package static func knapsack18() -> MIPModel {
        var m = MIPModel()
        let xs = (0..<18).map { m.addVariable("x\($0)", kind: .binary, cost: -Double(($0 * 13) % 17 + 3)) }
        m.addConstraint("w1", xs.enumerated().map { ($1, Double(($0 * 5) % 9 + 2)) }, upper: 23)
        m.addConstraint("w2", xs.enumerated().map { ($1, Double(($0 * 7) % 11 + 1)) }, upper: 25)
        return m
    }

    // MARK: - The checks

    /// Every check, for `deviations`' backend.
    package static func checks(for deviations: Deviations) -> [Check] {
        all.filter { $0.applies(to: deviations) }
    }

    package static let all: [Check] = handSolved.map(optimumCheck) + behaviour

    static func optimumCheck(_ t: HandSolved) -> Check {
        Check(name: "hand-solved: \(t.name)", needs: t.needs) { solver in
            expectOptimum(solve(solver, t.model, SolveOptions()), t.model, t.optimum)
        }
    }

    static let behaviour: [Check] = [
        Check(name: "an infinite time limit is no limit", needs: []) { solver in
            var o = SolveOptions()
            o.timeLimit = .infinity
            return handSolved.filter { $0.needs.isEmpty }.flatMap { expectOptimum(solve(solver, $0.model, o), $0.model, $0.optimum) }
        },
        Check(name: "an empty model with an impossible empty row is infeasible", needs: []) { solver in
            var m = MIPModel()
            m.addConstraint("one", [], lower: 1)
            return expectOptimum(solve(solver, m, SolveOptions()), m, nil)
        },
        Check(name: "an unbounded objective is unbounded (or infeasible-or-unbounded), with no solution", needs: .integerBoundedOnly) { solver in
            var m = MIPModel()
            let x = m.addVariable("x", kind: .integer, cost: -1)
            m.addConstraint("c", [(x, 1)], lower: 0)
            guard case .success(let r) = solve(solver, m, SolveOptions()) else { return ["threw for a valid model"] }
            var out: [String] = []
            if r.termination.reason != .unbounded && r.termination.reason != .infeasibleOrUnbounded { out.append("ended \(r.termination)") }
            if r.solution != nil { out.append("returned a solution") }
            return out
        },
        Check(name: "a time limit of zero ends with no solution, stopped by the time limit", needs: .ignoresLimits) { solver in
            var o = SolveOptions()
            o.timeLimit = 0
            return expectStopped(solve(solver, parity(6), o), limit: .time)
        },
        Check(name: "a stop request ends with no solution, interrupted; left alone the search proves infeasibility", needs: .ignoresLimits) { solver in
            var o = SolveOptions()
            o.shouldStop = { true }
            return expectStopped(solve(solver, parity(6), o), limit: .interrupted) + expectOptimum(solve(solver, parity(6), SolveOptions()), parity(6), nil)
        },
        Check(name: "an offered first solution is used, and the proven optimum is unchanged", needs: []) { solver in
            let m = knapsack18(), reference = exhaustive(m)
            var o = SolveOptions()
            o.initialSolution = [Double](repeating: 0, count: 18)
            return expectOptimum(solve(solver, m, o), m, reference)
        },
        Check(name: "an objective limit the first solution meets ends the search with it (or a proof)", needs: .ignoresLimits) { solver in
            let m = knapsack18(), first = [1.0] + [Double](repeating: 0, count: 17)  // item 0 alone: −3
            var o = SolveOptions()
            o.initialSolution = first
            o.objectiveLimit = m.objective(first)
            guard case .success(let r) = solve(solver, m, o) else { return ["threw for a valid model"] }
            guard let s = r.solution else { return ["ended \(r.termination) without a solution"] }
            var out: [String] = []
            if r.termination.reason == .feasible, r.termination.limit != .objective { out.append("feasible, stopped by \(String(describing: r.termination.limit))") }
            if r.termination.reason != .feasible && r.termination.reason != .optimal { out.append("ended \(r.termination)") }
            if s.objective > m.objective(first) + 1e-9 { out.append("objective \(s.objective) above the limit") }
            if !m.violations(s.values).isEmpty { out.append("the solution breaks \(m.violations(s.values))") }
            return out
        },
        Check(name: "a gap tolerance ends within the gap of the bound", needs: .ignoresLimits) { solver in
            let m = knapsack18(), optimum = exhaustive(m)!
            var o = SolveOptions()
            o.relativeGap = 0.5
            guard case .success(let r) = solve(solver, m, o), let s = r.solution else { return ["no solution"] }
            var out: [String] = []
            if SolveResult.relativeGap(incumbent: s.objective, bound: optimum) > 0.5 + 1e-9 { out.append("objective \(s.objective) is not within 50 % of \(optimum)") }
            if r.termination.reason == .feasible, r.termination.limit != .gap { out.append("feasible, stopped by \(String(describing: r.termination.limit))") }
            if let b = r.dualBound, b > optimum + 1e-9 { out.append("bound \(b) above the optimum \(optimum)") }
            return out
        },
        Check(name: "an invalid model throws invalidModel before solving", needs: []) { solver in
            var m = MIPModel()
            let x = m.addVariable("x", lower: 2, upper: 1, kind: .integer)
            m.addConstraint("c", [(x, .nan)], upper: 1)
            return expectThrows(solve(solver, m, SolveOptions()), .invalidModel("variable x: invalid bounds [2.0, 1.0]"))
        },
        Check(name: "invalid options throw invalidOptions before solving", needs: []) { solver in
            var m = MIPModel()
            m.addVariable("y", kind: .binary)
            var wrongLength = SolveOptions()
            wrongLength.initialSolution = [0, 1]
            var nanGap = SolveOptions()
            nanGap.relativeGap = .nan
            return expectThrows(solve(solver, m, wrongLength), .invalidOptions("initial solution has 2 values for 1 variables"))
                + expectThrows(solve(solver, m, nanGap), .invalidOptions("relative gap nan is not ≥ 0"))
        }
    ]

    // MARK: - Helpers

    static func solve(_ solver: any MIPSolver, _ model: MIPModel, _ options: SolveOptions) -> Result<SolveResult, MIPError> {
        Result { () throws(MIPError) -> SolveResult in try solver.solve(model, options: options) }
    }

    /// The optimum by enumeration (the reference for models too big to solve by hand).
    static func exhaustive(_ model: MIPModel) -> Double? {
        (try? BruteForceSolver().solve(model, options: SolveOptions()))?.primalBound
    }

    static func expectOptimum(_ result: Result<SolveResult, MIPError>, _ model: MIPModel, _ optimum: Double?) -> [String] {
        let r: SolveResult
        switch result {
        case .failure(let e): return ["threw \(e) for a valid model"]
        case .success(let s): r = s
        }
        var out: [String] = []
        guard let optimum else {
            if r.termination.reason != .infeasible { out.append("ended \(r.termination), expected infeasible") }
            if r.solution != nil { out.append("an infeasible model returned a solution") }
            return out
        }
        if r.termination != .optimal { out.append("ended \(r.termination), expected optimal") }
        guard let s = r.solution else { return out + ["no solution"] }
        if abs(s.objective - optimum) > 1e-9 { out.append("objective \(s.objective), expected \(optimum)") }
        if s.values.count != model.variables.count {
            out.append("\(s.values.count) values for \(model.variables.count) variables")
        } else {
            if !model.violations(s.values).isEmpty { out.append("the solution breaks \(model.violations(s.values))") }
            if abs(model.objective(s.values) - s.objective) > 1e-9 { out.append("reported objective \(s.objective) is not the solution's \(model.objective(s.values))") }
        }
        if let b = r.dualBound, abs(b - optimum) > 1e-6 { out.append("proven optimal with bound \(b) ≠ \(optimum)") }
        return out
    }

    static func expectStopped(_ result: Result<SolveResult, MIPError>, limit: Termination.Limit) -> [String] {
        guard case .success(let r) = result else { return ["threw for a valid model"] }
        var out: [String] = []
        if r.termination.reason != .noSolutionFound || r.termination.limit != limit {
            out.append("ended \(r.termination), expected noSolutionFound (\(limit.rawValue) limit)")
        }
        if r.solution != nil { out.append("returned a solution") }
        if r.termination.statusWord != "time_limit" { out.append("status word \(r.termination.statusWord)") }
        return out
    }

    static func expectThrows(_ result: Result<SolveResult, MIPError>, _ error: MIPError) -> [String] {
        switch result {
        case .failure(let e): return e == error ? [] : ["threw \(e), expected \(error)"]
        case .success(let r): return ["ended \(r.termination), expected to throw \(error)"]
        }
    }
}
