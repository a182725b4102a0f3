import GLPKBackend
import MIP
import MIPConformance
import Testing

@Suite struct GLPKDecompositionTests {
    static func model() -> MIPModel { MIPConformance.twoKnapsacks() }

    @Test func theDecomposedOptimumIsTheMonolithicOne() throws {
        let whole = try GLPKSolver().solve(Self.model(), options: SolveOptions())
        let split = try DecomposingSolver(GLPKSolver()).solve(Self.model(), options: SolveOptions())
        #expect(whole.termination == .optimal)
        #expect(split.termination == .optimal)
        #expect(whole.primalBound == 86)
        #expect(split.solution == Solution(values: [1, 1, 0, 0, 1, 0], objective: 86))
        #expect(split.dualBound == 86)
    }

    @Test("variables in no row share one block")
    func freeVariablesShareABlock() throws {
        var m = MIPModel()
        let x = m.addVariable("x", kind: .binary, cost: 1)
        m.addVariable("free1", upper: 2, cost: 3)
        let y = m.addVariable("y", kind: .binary, cost: 1)
        m.addVariable("free2", upper: 2, cost: -1)
        m.addConstraint("cover", [(x, 1), (y, 1)], lower: 1)
        let parts = m.blocks()
        #expect(parts.map(\.columns) == [[0, 2], [1, 3]])
        // free1 at 0, free2 at its upper bound 2, one of x, y: 1 − 2.
        #expect(try DecomposingSolver(GLPKSolver()).solve(m, options: SolveOptions()).primalBound == -1)
    }

    /// min x + y over binaries with x + y ≥ 1 and x − y = 0: the optimum is 2 (both), while the
    /// relaxation keeping only the cover row has 1 (either, or halves).
    @Test("a relaxation drops rows and integrality, and bounds the optimum from below")
    func relaxationBounds() throws {
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
        #expect(try solver.solve(r, options: SolveOptions()).primalBound == 11)
        #expect(try solver.solve(m, options: SolveOptions()).primalBound == 12)
    }

    @Test("an objective limit below the optimum leaves the search to find and prove it")
    func objectiveLimitFarAway() throws {
        var o = SolveOptions()
        o.initialSolution = [1, 0, 0, 1, 1, 0]
        o.objectiveLimit = 50
        let r = try DecomposingSolver(GLPKSolver()).solve(Self.model(), options: o)
        #expect(r.termination == .optimal)
        #expect(r.primalBound == 86 && r.dualBound == 86)
    }

    @Test("an objective limit within reach stops the search at a solution that meets it, with the block bounds kept")
    func objectiveLimitStops() throws {
        var o = SolveOptions()
        o.objectiveLimit = 87
        let r = try DecomposingSolver(GLPKSolver()).solve(Self.model(), options: o)
        #expect(r.termination == .optimal || r.termination == .feasible(.objective))
        #expect((r.primalBound ?? .infinity) <= 87)
    }
}
