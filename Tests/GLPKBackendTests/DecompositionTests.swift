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

    @Test("variables in no row share one block")
    func freeVariablesShareABlock() {
        var m = MIPModel()
        let x = m.addVariable("x", kind: .binary, cost: 1)
        m.addVariable("free1", upper: 2, cost: 3)
        let y = m.addVariable("y", kind: .binary, cost: 1)
        m.addVariable("free2", upper: 2, cost: -1)
        m.addConstraint("cover", [(x, 1), (y, 1)], lower: 1)
        let parts = m.blocks()
        #expect(parts.map(\.columns) == [[0, 2], [1, 3]])
        // free1 at 0, free2 at its upper bound 2, one of x, y: 1 − 2.
        #expect(DecomposingSolver(GLPKSolver()).solve(m, options: SolveOptions()).objective == -1)
    }

    /// min x + y over binaries with x + y ≥ 1 and x − y = 0: the optimum is 2 (both), while the
    /// relaxation keeping only the cover row has 1 (either, or halves).
    @Test("a relaxation drops rows and integrality, and bounds the optimum from below")
    func relaxationBounds() {
        var m = MIPModel()
        let x = m.addVariable("x", kind: .binary, cost: 1)
        let y = m.addVariable("y", kind: .binary, cost: 1)
        m.addConstraint("cover", [(x, 1), (y, 1)], lower: 1)
        m.addEquality("same", [(x, 1), (y, -1)], 0)
        m.objectiveConstant = 10
        let r = m.relaxation { $0 == 0 }
        #expect(r.constraints.map(\.name) == ["cover"])
        #expect(r.integerCount == 0)
        #expect(r.variables.map(\.upper) == [1, 1])
        let solver = DecomposingSolver(GLPKSolver())
        #expect(solver.solve(r, options: SolveOptions()).objective == 11)
        #expect(solver.solve(m, options: SolveOptions()).objective == 12)
    }

    /// The two knapsacks of `model()` with a first plan worth −13 (a, c and e) against an optimum
    /// of −14 (a, c and d). Columns: a, d, b, e, c, f.
    func firstPlan() -> [Double] { [1, 0, 0, 1, 1, 0] }

    @Test("a known bound within the gap keeps the first plan without searching; equal to it, proves it optimal")
    func knownBoundStopsTheSearch() {
        let m = Self.model()
        var o = SolveOptions()
        o.initialSolution = firstPlan()
        o.knownBound = 100 - 14
        o.relativeGap = 0.02  // 87 is within 1.2 % of 86
        let r = DecomposingSolver(GLPKSolver()).solve(m, options: o)
        #expect(r.termination == .feasible)
        #expect(r.objective == 87)
        #expect(r.bound == 86)
        #expect(r.log.isEmpty, "no block was searched")

        o.knownBound = 87
        o.relativeGap = 0
        let proven = DecomposingSolver(GLPKSolver()).solve(m, options: o)
        #expect(proven.termination == .optimal)
        #expect(proven.objective == 87 && proven.values == firstPlan())
    }

    /// Ends each block with the worst feasible solution there is, not the incumbent it was offered:
    /// what GLPK does when it finds a solution of its own before its callback offers the first
    /// plan's part, and then runs out of time.
    struct WorseThanOffered: MIPSolver {
        func solve(_ model: MIPModel, options: SolveOptions) -> SolveResult {
            var flipped = MIPModel()
            for v in model.variables { flipped.addVariable(v.name, lower: v.lower, upper: v.upper, kind: v.kind, cost: -v.cost) }
            for c in model.constraints { flipped.addConstraint(c.name, c.terms.map { ($0.variable, $0.coefficient) }, lower: c.lower, upper: c.upper) }
            let worst = BruteForceSolver().solve(flipped, options: SolveOptions())
            return SolveResult(termination: .feasible, objective: model.objective(worst.values), bound: nil, values: worst.values)
        }
    }

    @Test("a block whose search ends worse than the first plan keeps the first plan's part")
    func worseSearchKeepsFirstPlan() {
        var o = SolveOptions()
        o.initialSolution = firstPlan()
        let r = DecomposingSolver(WorseThanOffered()).solve(Self.model(), options: o)
        #expect(r.termination == .feasible)
        #expect(r.values == firstPlan())
        #expect(r.objective == 87)
    }

    @Test("a known bound outside the gap leaves the search to find the optimum, and never lowers the bound")
    func knownBoundFarAway() {
        var o = SolveOptions()
        o.initialSolution = firstPlan()
        o.knownBound = 50
        let r = DecomposingSolver(GLPKSolver()).solve(Self.model(), options: o)
        #expect(r.termination == .optimal)
        #expect(r.objective == 86 && r.bound == 86)
    }
}
