import GLPKBackend
import MIP
import Testing

@Suite struct DecompositionTests {
    /// Two independent knapsacks and a free variable: max 5a + 4b + 3c with 2a + 3b + c ≤ 4 (optimum
    /// a = c = 1: 8), and max 6d + 5e with d + e ≤ 1 (optimum d = 1: 6), and f ∈ [0, 3] costing 1 (0).
    /// As minimisation the optimum is −14 + 0, plus the constant 100.
    static func model() -> MIPModel {
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

    @Test func blocksFollowTheConstraints() {
        let parts = Self.model().blocks()
        #expect(parts.map(\.columns) == [[0, 2, 4], [1, 3], [5]])
        #expect(parts.map(\.model.constraints.count) == [1, 1, 0])
        #expect(parts[0].model.objectiveConstant == 100)
        #expect(parts[0].model.constraints[0].terms.map(\.variable.index) == [0, 1, 2])
    }

    @Test func theDecomposedOptimumIsTheMonolithicOne() {
        let whole = GLPKSolver().solve(Self.model(), options: SolveOptions())
        let split = DecomposingSolver(GLPKSolver()).solve(Self.model(), options: SolveOptions())
        #expect(whole.termination == .optimal)
        #expect(split.termination == .optimal)
        #expect(whole.objective == 86)
        #expect(split.objective == 86)
        #expect(split.bound == 86)
        #expect(split.values == [1, 1, 0, 0, 1, 0])
    }

    @Test func anInfeasibleBlockMakesTheWholeInfeasible() {
        var m = Self.model()
        let g = m.addVariable("g", kind: .binary)
        m.addConstraint("impossible", [(g, 1)], lower: 2)
        #expect(DecomposingSolver(GLPKSolver()).solve(m, options: SolveOptions()).termination == .infeasible)
    }
}
