import Testing
import MIP
@testable import GLPKBackend

/// A tiny model with its optimum worked out by hand (in the comment beside each).
struct TinyModel: Sendable, CustomTestStringConvertible {
    let name: String
    let model: MIPModel
    /// nil means infeasible.
    let optimum: Double?
    var testDescription: String { name }
}

let tinyModels: [TinyModel] = {
    var out: [TinyModel] = []

    // Knapsack: max 5a+4b+3c, 2a+3b+c ≤ 5, 4a+b+2c ≤ 11, 3a+4b+2c ≤ 8. {a,b} gives 9; {a,b,c} breaks row 1.
    var k = MIPModel()
    let a = k.addVariable("a", kind: .binary, cost: -5), b = k.addVariable("b", kind: .binary, cost: -4)
    let c = k.addVariable("c", kind: .binary, cost: -3)
    k.addConstraint("r1", [(a, 2), (b, 3), (c, 1)], upper: 5)
    k.addConstraint("r2", [(a, 4), (b, 1), (c, 2)], upper: 11)
    k.addConstraint("r3", [(a, 3), (b, 4), (c, 2)], upper: 8)
    out.append(TinyModel(name: "knapsack", model: k, optimum: -9))

    // Rounding up: min x+y, 2x+2y ≥ 3, x,y ∈ 0…3 → x+y ≥ 1.5 → 2.
    var r = MIPModel()
    let x = r.addVariable("x", upper: 3, kind: .integer, cost: 1), y = r.addVariable("y", upper: 3, kind: .integer, cost: 1)
    r.addConstraint("cover", [(x, 2), (y, 2)], lower: 3)
    out.append(TinyModel(name: "round up", model: r, optimum: 2))

    // Negative bounds and an equality: min −x+2y, x−y = 1, x,y ∈ −3…3 → y−1 with y ≥ −3 → −4.
    var e = MIPModel()
    let ex = e.addVariable("x", lower: -3, upper: 3, kind: .integer, cost: -1)
    let ey = e.addVariable("y", lower: -3, upper: 3, kind: .integer, cost: 2)
    e.addEquality("link", [(ex, 1), (ey, -1)], 1)
    out.append(TinyModel(name: "equality, negative bounds", model: e, optimum: -4))

    // Infeasible: two binaries cannot sum to 3.
    var inf = MIPModel()
    let i1 = inf.addVariable("i1", kind: .binary), i2 = inf.addVariable("i2", kind: .binary)
    inf.addConstraint("three", [(i1, 1), (i2, 1)], lower: 3)
    out.append(TinyModel(name: "infeasible", model: inf, optimum: nil))

    // Assignment, costs [[4,1,3],[2,0,5],[3,2,2]]: the best permutation is (1,0,2) = 1+2+2 = 5.
    var asg = MIPModel()
    let cost = [[4.0, 1, 3], [2, 0, 5], [3, 2, 2]]
    var v: [[Variable]] = []
    for i in 0..<3 { v.append((0..<3).map { j in asg.addVariable("x[\(i),\(j)]", kind: .binary, cost: cost[i][j]) }) }
    for i in 0..<3 { asg.addEquality("row[\(i)]", (0..<3).map { (v[i][$0], 1.0) }, 1) }
    for j in 0..<3 { asg.addEquality("col[\(j)]", (0..<3).map { (v[$0][j], 1.0) }, 1) }
    out.append(TinyModel(name: "assignment", model: asg, optimum: 5))

    // A repeated term and a constant: min 10 − x, x + x ≤ 1, x ∈ 0…3 → x = 0 → 10.
    var d = MIPModel()
    let dx = d.addVariable("x", upper: 3, kind: .integer, cost: -1)
    d.addConstraint("twice", [(dx, 1), (dx, 1)], upper: 1)
    d.objectiveConstant = 10
    out.append(TinyModel(name: "repeated term and constant", model: d, optimum: 10))

    // Fractional bounds on an integer column: x ∈ [0.5, 2.5] means x ∈ {1, 2}; min x → 1.
    var fb = MIPModel()
    fb.addVariable("x", lower: 0.5, upper: 2.5, kind: .integer, cost: 1)
    out.append(TinyModel(name: "fractional integer bounds", model: fb, optimum: 1))

    // No integer in [0.2, 0.8]: the model is infeasible, not invalid.
    var eb = MIPModel()
    eb.addVariable("x", lower: 0.2, upper: 0.8, kind: .integer, cost: 1)
    out.append(TinyModel(name: "empty integer domain", model: eb, optimum: nil))
    return out
}()

@Suite("Solver conformance: GLPK and brute force agree on hand-solved models")
struct ConformanceTests {
    @Test("brute force finds the hand-computed optimum", arguments: tinyModels)
    func bruteForce(_ t: TinyModel) {
        check(BruteForceSolver().solve(t.model, options: SolveOptions()), t)
    }

    @Test("GLPK finds the hand-computed optimum", arguments: tinyModels)
    func glpk(_ t: TinyModel) {
        check(GLPKSolver().solve(t.model, options: SolveOptions()), t)
    }

    @Test("GLPK behind the block decomposition agrees too", arguments: tinyModels)
    func decomposed(_ t: TinyModel) {
        check(DecomposingSolver(GLPKSolver()).solve(t.model, options: SolveOptions()), t)
    }

    @Test("an infinite time limit means no limit, in GLPK and behind the decomposition", arguments: tinyModels.prefix(2))
    func infiniteTimeLimit(_ t: TinyModel) {
        var o = SolveOptions()
        o.timeLimit = .infinity
        check(GLPKSolver().solve(t.model, options: o), t)
        check(DecomposingSolver(GLPKSolver()).solve(t.model, options: o), t)
    }

    @Test("GLPK without cuts or heuristics agrees too", arguments: tinyModels)
    func glpkPlain(_ t: TinyModel) {
        var s = GLPKSolver()
        s.cuts = false
        s.feasibilityPump = false
        check(s.solve(t.model, options: SolveOptions()), t)
    }

    func check(_ r: SolveResult, _ t: TinyModel) {
        if let optimum = t.optimum {
            #expect(r.termination == .optimal)
            #expect(abs((r.objective ?? .nan) - optimum) < 1e-9)
            #expect(t.model.violations(r.values) == [])
            #expect(abs(t.model.objective(r.values) - optimum) < 1e-9)
        } else {
            #expect(r.termination == .infeasible)
            #expect(r.values.isEmpty)
        }
    }
}

@Suite("GLPK backend specifics")
struct GLPKBackendTests {
    @Test("the linked library reports a 5.x version")
    func version() {
        #expect(GLPK.version.hasPrefix("5."))
    }

    @Test("continuous and integer columns mix: min x+y, x ≥ 0.5, x+y ≥ 2.2, y integer → 2.2")
    func mixed() {
        var m = MIPModel()
        let x = m.addVariable("x", lower: 0.5, cost: 1), y = m.addVariable("y", kind: .integer, cost: 1)
        m.addConstraint("c", [(x, 1), (y, 1)], lower: 2.2)
        let r = GLPKSolver().solve(m, options: SolveOptions())
        #expect(r.termination == .optimal)
        #expect(abs(r.objective! - 2.2) < 1e-9)
        #expect(r.value(y) == r.value(y).rounded())
    }

    @Test("an unbounded objective is reported, not a crash")
    func unbounded() {
        var m = MIPModel()
        let x = m.addVariable("x", kind: .integer, cost: -1)
        m.addConstraint("c", [(x, 1)], lower: 0)
        let t = GLPKSolver().solve(m, options: SolveOptions()).termination
        #expect(t == .unbounded || t == .infeasible)
    }

    @Test("a malformed model is an error before GLPK sees it (GLPK would abort the process)")
    func malformed() {
        var m = MIPModel()
        let x = m.addVariable("x", lower: 2, upper: 1, kind: .integer)
        m.addConstraint("c", [(x, .nan)], upper: 1)
        let r = GLPKSolver().solve(m, options: SolveOptions())
        #expect(r.termination == .error("invalid model: variable x: invalid bounds [2.0, 1.0]"))
        var ok = MIPModel()
        ok.addVariable("y", kind: .binary)
        var options = SolveOptions()
        options.initialSolution = [0, 1]
        #expect(GLPKSolver().solve(ok, options: options).termination == .error("initial solution has 2 values for 1 variables"))
    }

    /// Σ 2·xᵢ = 2n+1 over binaries: the LP is feasible, no integer point is, and proving it takes branching.
    func parity(_ n: Int) -> MIPModel {
        var m = MIPModel()
        let xs = (0..<(2 * n + 2)).map { m.addVariable("x\($0)", kind: .binary, cost: Double($0 % 3)) }
        m.addEquality("odd", xs.map { ($0, 2.0) }, Double(2 * n + 1))
        return m
    }

    @Test("a stop request ends the search without a solution as time_limit; left alone it proves infeasibility")
    func stop() {
        var options = SolveOptions()
        options.shouldStop = { true }
        var plain = GLPKSolver()
        plain.cuts = false
        #expect(plain.solve(parity(6), options: options).termination == .timeLimit)
        #expect(plain.solve(parity(6), options: SolveOptions()).termination == .infeasible)
    }

    @Test("an offered incumbent is accepted and the proven optimum is unchanged")
    func incumbent() {
        var m = MIPModel()
        let xs = (0..<12).map { m.addVariable("x\($0)", kind: .binary, cost: -Double(($0 * 7) % 11 + 1)) }
        m.addConstraint("weight", xs.enumerated().map { ($1, Double(($0 * 5) % 9 + 2)) }, upper: 20)
        let reference = BruteForceSolver().solve(m, options: SolveOptions())
        var options = SolveOptions()
        options.initialSolution = [Double](repeating: 0, count: 12)
        let r = GLPKSolver().solve(m, options: options)
        #expect(r.termination == .optimal)
        #expect(abs(r.objective! - reference.objective!) < 1e-9)
        #expect(r.bound == r.objective)
    }

    @Test("progress reports carry the incumbent and bound")
    func progress() {
        final class Box: @unchecked Sendable { var seen: [SearchProgress] = [] }
        let box = Box()
        var options = SolveOptions()
        options.progress = { box.seen.append($0) }
        var m = MIPModel()
        let xs = (0..<30).map { m.addVariable("x\($0)", kind: .binary, cost: -Double(($0 * 13) % 17 + 3)) }
        m.addConstraint("w1", xs.enumerated().map { ($1, Double(($0 * 5) % 9 + 2)) }, upper: 37)
        m.addConstraint("w2", xs.enumerated().map { ($1, Double(($0 * 7) % 11 + 1)) }, upper: 41)
        let r = GLPKSolver().solve(m, options: options)
        #expect(r.termination == .optimal)
        #expect(box.seen.contains { $0.incumbent != nil })
    }
}
