import MIP
import MIPConformance
import Testing

/// The conformance kit against the backends that need no GLPK: the brute-force reference and the
/// block decomposition over it (its known deviations are the kit's documented list).
@Suite("Solver conformance without GLPK")
struct ReferenceConformanceTests {
    static let deviations: MIPConformance.Deviations = [.ignoresLimits, .integerBoundedOnly]

    @Test("brute force", arguments: MIPConformance.checks(for: deviations))
    func bruteForce(_ check: MIPConformance.Check) {
        #expect(check.run(BruteForceSolver()) == [])
    }

    @Test("the block decomposition over brute force", arguments: MIPConformance.checks(for: deviations))
    func decomposed(_ check: MIPConformance.Check) {
        #expect(check.run(DecomposingSolver(BruteForceSolver())) == [])
    }

    @Test("the kit's skip list is exactly the checks that need what brute force lacks")
    func skipped() {
        let skipped = MIPConformance.all.filter { !$0.applies(to: Self.deviations) }.map(\.name)
        #expect(skipped.count == 6, "\(skipped)")
        #expect(MIPConformance.checks(for: []).count == MIPConformance.all.count)
    }

    @Test("brute force refuses what it cannot enumerate, with a typed error")
    func unsupported() {
        var m = MIPModel()
        m.addVariable("x", lower: 0, cost: 1)
        #expect(throws: MIPError.unsupported("brute force needs bounded integer variables (x)")) {
            try BruteForceSolver().solve(m, options: SolveOptions())
        }
        #expect(throws: MIPError.unsupported("search space 1024.0 exceeds 1000")) {
            try BruteForceSolver(limit: 1000).solve(MIPConformance.parity(4), options: SolveOptions())
        }
    }
}

@Suite("Terminations")
struct TerminationTests {
    @Test("status words follow the contract: a stop without a solution is time_limit whatever stopped it")
    func statusWords() {
        #expect(Termination.optimal.statusWord == "optimal")
        #expect(Termination.feasible(.gap).statusWord == "feasible")
        #expect(Termination(.infeasibleOrUnbounded).statusWord == "infeasible")
        #expect(Termination.noSolutionFound(.interrupted).statusWord == "time_limit")
        #expect(Termination.error("x").statusWord == "error")
        #expect(Termination.feasible(.objective).description == "feasible (objective limit)")
    }

    @Test("a result keeps a solution only with a termination that has one")
    func solutionFollowsTermination() {
        let s = Solution(values: [1], objective: 2)
        #expect(SolveResult(.noSolutionFound(.time), solution: s).solution == nil)
        #expect(SolveResult(.feasible(.time), solution: s, dualBound: 1).gap == 0.5)
    }
}

@Suite("The conformance kit catches what it is for")
struct KitTests {
    /// Claims the all-zero point optimal whatever the model, and throws nothing.
    struct ClaimsZero: MIPSolver {
        func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult {
            let zero = [Double](repeating: 0, count: model.variables.count)
            return SolveResult(.optimal, solution: Solution(values: zero, objective: model.objective(zero)))
        }
    }

    @Test("a solver that answers without solving fails the optimum, infeasibility, limit and validation checks")
    func catchesAWrongSolver() {
        let failing = MIPConformance.all.filter { !$0.run(ClaimsZero()).isEmpty }.map(\.name)
        #expect(failing.contains("hand-solved: knapsack"))
        #expect(failing.contains("hand-solved: infeasible"))
        #expect(failing.contains("a stop request ends with no solution, interrupted; left alone the search proves infeasibility"))
        #expect(failing.contains("an invalid model throws invalidModel before solving"))
        #expect(!failing.contains("hand-solved: repeated term and constant"), "zero is that model's optimum")
    }
}
