import CGLPK
import MIP
import MIPConformance
import Testing

@testable import GLPKBackend

@Suite("Solver conformance: GLPK, plain and behind the block decomposition")
struct GLPKConformanceTests {
    @Test("GLPK", arguments: MIPConformance.checks(for: []))
    func glpk(_ check: MIPConformance.Check) {
        #expect(check.run(GLPKSolver()) == [])
    }

    @Test("GLPK without cuts or the feasibility pump", arguments: MIPConformance.checks(for: []))
    func glpkPlain(_ check: MIPConformance.Check) {
        var s = GLPKSolver()
        s.cuts = false
        s.feasibilityPump = false
        #expect(check.run(s) == [])
    }

    @Test("the block decomposition over GLPK", arguments: MIPConformance.checks(for: []))
    func decomposed(_ check: MIPConformance.Check) {
        #expect(check.run(DecomposingSolver(GLPKSolver())) == [])
    }
}

@Suite("GLPK backend specifics")
struct GLPKBackendTests {
    @Test("the linked library reports a 5.x version")
    func version() {
        #expect(GLPK.version.hasPrefix("5."))
    }

    @Test("GLPK's return codes are named with the manual's meaning, matching glpk.h")
    func returnCodes() {
        #expect(GLPKReturnCode.solverFailure.rawValue == GLP_EFAIL)
        #expect(GLPKReturnCode.noRootBasis.rawValue == GLP_EROOT)
        #expect(GLPKReturnCode.resultOutOfRange.rawValue == GLP_ERANGE)
        #expect(GLPKReturnCode.allCases.map(\.rawValue) == Array(1...19))
        #expect(GLPKReturnCode.describe(GLP_EFAIL) == "GLP_EFAIL: the search was terminated prematurely by a solver failure")
        #expect(GLPKReturnCode.describe(99) == "code 99")
    }

    @Test("an unbounded LP relaxation is infeasible-or-unbounded, without a solution")
    func unbounded() throws {
        var m = MIPModel()
        let x = m.addVariable("x", kind: .integer, cost: -1)
        m.addConstraint("c", [(x, 1)], lower: 0)
        let r = try GLPKSolver().solve(m, options: SolveOptions())
        #expect(r.termination == Termination(.infeasibleOrUnbounded))
        #expect(r.solution == nil)
    }

    @Test("a time limit the root LP outlasts ends the search at the deadline with the limit named")
    func timeLimitDuringTheSearch() throws {
        var o = SolveOptions()
        o.timeLimit = 0.2
        var plain = GLPKSolver()
        plain.cuts = false
        let r = try plain.solve(MIPConformance.parity(14), options: o)
        #expect(r.termination == .noSolutionFound(.time))
        #expect(r.dualBound != nil, "the root LP's bound is kept")
    }

    @Test("progress reports carry the incumbent and bound")
    func progress() throws {
        final class Box: @unchecked Sendable { var seen: [SearchProgress] = [] }
        let box = Box()
        var options = SolveOptions()
        options.progress = { box.seen.append($0) }
        let r = try GLPKSolver().solve(MIPConformance.knapsack18(), options: options)
        #expect(r.termination == .optimal)
        #expect(box.seen.contains { $0.incumbent != nil })
    }
}
