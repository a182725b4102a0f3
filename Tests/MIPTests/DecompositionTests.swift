import MIP
import MIPConformance
import Testing

/// A first plan worth 87 (a, c and e) against the optimum 86 (a, c and d).
let firstPlan: [Double] = [1, 0, 0, 1, 1, 0]

@Suite struct DecompositionTests {
    @Test func blocksFollowTheConstraints() {
        let parts = MIPConformance.twoKnapsacks().blocks()
        #expect(parts.map(\.columns) == [[0, 2, 4], [1, 3], [5]])
        #expect(parts.map(\.model.constraints.count) == [1, 1, 0])
        #expect(parts[0].model.objectiveConstant == 100)
        #expect(parts[0].model.constraints[0].terms.map(\.variable.index) == [0, 1, 2])
    }

    @Test("the decomposed optimum is the whole model's, with the bound the sum of the blocks'")
    func decomposedOptimum() throws {
        let r = try DecomposingSolver(BruteForceSolver()).solve(MIPConformance.twoKnapsacks(), options: SolveOptions())
        #expect(r.termination == .optimal)
        #expect(r.solution == Solution(values: [1, 1, 0, 0, 1, 0], objective: 86))
        #expect(r.dualBound == 86)
    }

    /// Ends each block with the worst feasible solution there is, not the incumbent it was offered:
    /// what GLPK does when it finds a solution of its own before its callback offers the first
    /// plan's part, and then runs out of time.
    struct WorseThanOffered: MIPSolver {
        func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult {
            var flipped = MIPModel()
            for v in model.variables { flipped.addVariable(v.name, lower: v.lower, upper: v.upper, kind: v.kind, cost: -v.cost) }
            for c in model.constraints { flipped.addConstraint(c.name, c.terms.map { ($0.variable, $0.coefficient) }, lower: c.lower, upper: c.upper) }
            let worst = try BruteForceSolver().solve(flipped, options: SolveOptions()).solution!.values
            return SolveResult(.feasible(.time), solution: Solution(values: worst, objective: model.objective(worst)))
        }
    }

    @Test("a block whose search ends worse than the first plan keeps the first plan's part")
    func worseSearchKeepsFirstPlan() throws {
        var o = SolveOptions()
        o.initialSolution = firstPlan
        let r = try DecomposingSolver(WorseThanOffered()).solve(MIPConformance.twoKnapsacks(), options: o)
        #expect(r.termination == .feasible(.time))
        #expect(r.solution == Solution(values: firstPlan, objective: 87))
    }

    @Test("an objective limit the first plan meets keeps it without solving any block")
    func objectiveLimitMetByTheFirstPlan() throws {
        var o = SolveOptions()
        o.initialSolution = firstPlan
        o.objectiveLimit = 87
        let r = try DecomposingSolver(WorseThanOffered()).solve(MIPConformance.twoKnapsacks(), options: o)
        #expect(r.termination == .feasible(.objective))
        #expect(r.solution == Solution(values: firstPlan, objective: 87))
        #expect(r.dualBound == nil, "no block was solved, so no bound is known")
    }

    @Test("an infeasible block makes the whole infeasible")
    func infeasibleBlock() throws {
        var m = MIPConformance.twoKnapsacks()
        let g = m.addVariable("g", kind: .binary)
        m.addConstraint("impossible", [(g, 1)], lower: 2)
        #expect(try DecomposingSolver(BruteForceSolver()).solve(m, options: SolveOptions()).termination == .infeasible)
    }
}
