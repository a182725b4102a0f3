import CGLPK
import MIP
import MIPConformance
import Testing

@testable import GLPKBackend

/// A solver that always runs with two threads, so the conformance kit's own options race.
struct TwoThreads<Inner: MIPSolver>: MIPSolver {
    var inner: Inner
    func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult {
        var o = options
        o.threads = 2
        return try inner.solve(model, options: o)
    }
}

@Suite("Two GLPK searches racing on one model, sharing solutions")
struct GLPKPortfolioTests {
    /// The planner's race, on any model however small.
    static var race: TwoThreads<PortfolioSolver<GLPKSolver, GLPKSolver>> {
        var r = GLPKSolver.racing
        r.minimumVariables = 0
        return TwoThreads(inner: r)
    }

    @Test("the race conforms", arguments: MIPConformance.checks(for: []))
    func conformance(_ check: MIPConformance.Check) {
        #expect(check.run(Self.race) == [])
    }

    @Test("the race proves the optimum one search proves, on a model that takes branching")
    func sameOptimum() throws {
        let m = MIPConformance.knapsack18()
        let one = try GLPKSolver().solve(m, options: SolveOptions())
        let two = try Self.race.solve(m, options: SolveOptions())
        #expect(one.termination == .optimal)
        #expect(two.termination == .optimal)
        #expect(two.primalBound == one.primalBound)
        #expect(two.solution.map { m.violations($0.values) } == [])
    }

    /// min x0 + x1 + x2 + x3 over binaries with x0 + x1 + x2 + x3 ≥ 1.5: the LP bound 1.5 rounds
    /// up to the optimum 2, which six solutions reach.
    static func roundUp() -> MIPModel {
        var m = MIPModel()
        let xs = (0..<4).map { m.addVariable("x\($0)", kind: .binary, cost: 1) }
        m.addConstraint("cover", xs.map { ($0, 1) }, lower: 1.5)
        return m
    }

    @Test("a search whose bound meets another search's solution stops and returns that solution, optimal")
    func provesTheSharedSolution() throws {
        let m = Self.roundUp()
        let theirs = Solution(values: [0, 1, 0, 1], objective: 2)
        var o = SolveOptions()
        o.sharedIncumbent = SharedIncumbent(theirs)
        var plain = GLPKSolver()
        plain.cuts = false
        plain.feasibilityPump = false
        let r = try plain.solve(m, options: o)
        #expect(r.termination == .optimal)
        #expect(r.solution == theirs, "the root bound proves the shared solution before GLPK has one of its own")
        #expect(r.dualBound == 2)
    }

    @Test("each solution a search finds is published for the others")
    func publishes() throws {
        let m = MIPConformance.knapsack18()
        let shared = SharedIncumbent()
        var o = SolveOptions()
        o.sharedIncumbent = shared
        let r = try GLPKSolver().solve(m, options: o)
        #expect(r.termination == .optimal)
        #expect(shared.objective == r.primalBound)
        #expect(shared.solution.map { m.violations($0.values) } == [])
    }

    @Test("a worse solution does not replace a better one")
    func keepsTheBest() {
        let shared = SharedIncumbent(Solution(values: [1], objective: 5))
        #expect(!shared.offer(Solution(values: [2], objective: 6)))
        #expect(shared.offer(Solution(values: [0], objective: 4)))
        #expect(shared.solution == Solution(values: [0], objective: 4))
    }
}

@Suite("GLPK's root LP from the first plan's vertex")
struct GLPKWarmBasisTests {
    /// Two travel groups' counts (3 and 2 travellers over legs a, b), one seat-limited leg and a
    /// binary choice: x is a solution with counts strictly inside their bounds.
    static func model() -> (MIPModel, [Double]) {
        var m = MIPModel()
        let a1 = m.addVariable("a1", upper: 3, kind: .integer, cost: 5)
        let b1 = m.addVariable("b1", upper: 3, kind: .integer, cost: 7)
        let a2 = m.addVariable("a2", upper: 2, kind: .integer, cost: 5)
        let b2 = m.addVariable("b2", upper: 2, kind: .integer, cost: 6)
        let y = m.addVariable("y", kind: .binary, cost: 1)
        m.addEquality("group1", [(a1, 1), (b1, 1)], 3)
        m.addEquality("group2", [(a2, 1), (b2, 1)], 2)
        m.addConstraint("seats a", [(a1, 1), (a2, 1)], upper: 3)
        m.addConstraint("late", [(b1, 1), (y, 3)], upper: 4)
        return (m, [2, 1, 1, 1, 1])
    }

    @Test("the basis's basic solution is the first plan itself, primal feasible")
    func basicSolutionIsThePlan() {
        let (m, x) = Self.model()
        let problem = GLPKProblem()
        problem.load(m)
        #expect(GLPKSolver.basis(problem, m, at: x))
        #expect(glp_warm_up(problem.handle) == 0)
        #expect(glp_get_prim_stat(problem.handle) == GLP_FEAS)
        let values = (1...m.variables.count).map { glp_get_col_prim(problem.handle, Int32($0)) }
        #expect(zip(values, x).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test("from that basis the solve proves the optimum the plain start proves")
    func sameOptimum() throws {
        let (m, x) = Self.model()
        var o = SolveOptions()
        o.initialSolution = x
        let warm = try GLPKSolver().solve(m, options: o)
        let cold = try GLPKSolver().solve(m, options: SolveOptions())
        #expect(warm.termination == .optimal)
        #expect(warm.primalBound == cold.primalBound)
        // Leg a seats 3 of the 5: group 1 on it (b costs them 2 more each), group 2 on b (1 more), y = 0.
        #expect(abs((warm.primalBound ?? 0) - Double(3 * 5 + 2 * 6)) < 1e-9)
    }

    @Test("a point no tight row can make basic is refused, and the caller's basis used instead")
    func refusesAPointOffAVertex() {
        var m = MIPModel()
        let n = m.addVariable("n", upper: 4, kind: .integer, cost: 1)
        m.addConstraint("loose", [(n, 1)], upper: 10)
        let problem = GLPKProblem()
        problem.load(m)
        #expect(!GLPKSolver.basis(problem, m, at: [2]))
    }
}
