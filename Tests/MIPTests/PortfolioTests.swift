import MIPConformance
import Testing

@testable import MIP

/// How the race's two results become one, on twoKnapsacks (optimum 86, first plan 87).
@Suite struct PortfolioCombineTests {
    static let model = MIPConformance.twoKnapsacks()
    static let optimum = Solution(values: [1, 1, 0, 0, 1, 0], objective: 86)
    static let first = Solution(values: firstPlan, objective: 87)

    typealias Race = PortfolioSolver<BruteForceSolver, BruteForceSolver>

    @Test("a proof by either search stands, the first's before the second's")
    func proofStands() {
        let stopped = SolveResult(.feasible(.interrupted), solution: Self.first, dualBound: 80)
        let proven = SolveResult(.optimal, solution: Self.optimum, dualBound: 86)
        #expect(Race.combine(stopped, proven, best: Self.first, model: Self.model).termination == .optimal)
        #expect(Race.combine(proven, stopped, best: Self.first, model: Self.model).solution == Self.optimum)
        let none = SolveResult(.infeasible)
        #expect(Race.combine(none, proven, best: nil, model: Self.model).termination == .infeasible)
    }

    @Test("without a proof: the best solution either knows, the better bound, and the first's limit")
    func bestOfBoth() {
        let a = SolveResult(.feasible(.time), solution: Self.first, dualBound: 80)
        let b = SolveResult(.noSolutionFound(.time), dualBound: 83)
        let r = Race.combine(a, b, best: Self.optimum, model: Self.model)
        #expect(r.termination == .feasible(.time))
        #expect(r.solution == Self.optimum, "the shared solution, found by the other search")
        #expect(r.dualBound == 83)
    }

    @Test("one search's bound meeting the other's solution is a proof")
    func boundsMeet() {
        let a = SolveResult(.feasible(.time), solution: Self.optimum, dualBound: 84)
        let b = SolveResult(.feasible(.time), solution: Self.first, dualBound: 86)
        let r = Race.combine(a, b, best: Self.optimum, model: Self.model)
        #expect(r.termination == .optimal)
        #expect(r.solution == Self.optimum)
    }

    @Test("a shared solution that breaks a row is never returned; a failed search leaves the other's result")
    func badSolutionAndErrors() {
        let broken = Solution(values: [1, 1, 1, 1, 1, 0], objective: 70)
        let a = SolveResult(.feasible(.time), solution: Self.first, dualBound: 80)
        let b = SolveResult(.noSolutionFound(.time))
        #expect(Race.combine(a, b, best: broken, model: Self.model).solution == Self.first)
        let failed = SolveResult(.error("boom"))
        #expect(Race.combine(failed, a, best: nil, model: Self.model).termination == .feasible(.time))
        #expect(Race.combine(a, failed, best: nil, model: Self.model).solution == Self.first)
    }

    @Test("below the size or thread count that pays, the first solver alone; above it, the same optimum")
    func raceOrNot() throws {
        var o = SolveOptions()
        let race = PortfolioSolver(BruteForceSolver(), BruteForceSolver(), minimumVariables: 0)
        #expect(try race.solve(Self.model, options: o).primalBound == 86)
        o.threads = 2
        #expect(try race.solve(Self.model, options: o).primalBound == 86)
        o.threads = 0
        #expect(throws: MIPError.invalidOptions("threads is 0, not ≥ 1")) { try race.solve(Self.model, options: o) }
    }
}
