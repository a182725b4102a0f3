import GLPKBackend
import KickoffCore
import KickoffGenerate
import KickoffIO
import KickoffPlan
import KickoffTestSupport
import MIP
import PlannerTestSupport
import Testing

@testable import KickoffPlanner

/// What lets Kickoff plan 10,000 attendees: the relaxation bound (R), the planner stopping on it,
/// and the heuristic's session orders, each on a case small enough to check by hand or in CI.
@Suite struct ScaleTests {
    func relaxationOptimum(_ instance: PlanningInstance) throws -> Double {
        let r = try DecomposingSolver(GLPKSolver()).solve(Formulation(instance).relaxation, options: SolveOptions())
        #expect(r.termination == .optimal)
        return try #require(r.primalBound)
    }

    /// `HandSolved.twoTravellers` with a third all-hands session on day 1 and S2 held to day 1:
    /// three sessions fill 09:00–12:00, so one starts at 09:00 and both Boston travellers must fly
    /// in on Monday: I1 + O1 = 300 + 200 + one night 100 + 32 h × 10 = 920 each, so the optimum is
    /// 2 × 920 + venue 2,000 = **3,840**. The relaxation (R) sees each session alone, any of which
    /// could start at 11:00, so it lets them take I2 + O1 (540 each): **3,080**, a strict bound.
    @Test("(R) is a lower bound, strict where the agenda forces dearer legs")
    func relaxationIsABound() throws {
        var fixture = HandSolved.twoTravellers
        fixture.replace("sessions.csv", line: 3, with: "S2,Second,all,1,S1")
        fixture.append("sessions.csv", "S3,Third,all,1,")
        let (instance, out) = try solve(fixture)
        #expect(out.termination == .optimal)
        #expect(out.objective == 3840)
        #expect(try relaxationOptimum(instance) == 3080)
    }

    @Test("(R) is exact on the hand-solved scenarios whose agenda costs no traveller anything")
    func relaxationIsExactWhereNothingLinks() throws {
        for (fixture, optimum) in [(HandSolved.twoTravellers, 3080.0), (HandSolved.weekendRule, 1550)] {
            let instance = try PlanningInstance(try fixture.scenario(), venue: nil)
            #expect(try relaxationOptimum(instance) == optimum)
        }
    }

    /// The weekend-rule scenario's first plan (M1 + O1, the session at its only slot) already
    /// costs what (R) proves is the least possible, so the planner stops there: `optimal`, with
    /// no GLPK search on the full program (its log stays empty).
    @Test("when (R) proves the first plan optimal, the planner does not search")
    func relaxationProvesTheFirstPlan() throws {
        let (_, out) = try solve(HandSolved.weekendRule)
        #expect(out.termination == .optimal)
        #expect(out.objective == 1550 && out.bound == 1550)
        #expect(out.heuristicObjective == 1550)
        #expect(out.log.isEmpty)
    }

    /// A crowded agenda: 400 attendees in 40 teams, each with two 2-hour blocks that include its
    /// manager, while the manager workshop and the recognition session are held to one day each.
    static let crowded: Fixture = {
        var o = GeneratorOptions(attendees: 400, seed: 3)
        o.teams = 40
        var g = ScenarioGenerator(o)
        return Fixture(files: Dictionary(uniqueKeysWithValues: g.files().map { ($0.name, $0.text) }))
    }()

    /// Measured: the plain precedence order places the team blocks first and then finds no two
    /// hours on day 2 when every manager is free; restricted sessions first gives 1,711,115,
    /// and larger audiences first 1,831,332 (an early company-wide hour splits the teams' days).
    @Test("on a crowded agenda the plain precedence order finds no plan; the heuristic keeps the cheapest order's")
    func sessionOrdersMatter() throws {
        let instance = try PlanningInstance(try Self.crowded.scenario(), venue: nil)
        let f = Formulation(instance)
        let plan = try #require(ConstructionHeuristic.plan(f))
        let x = try #require(f.solution(for: plan))
        #expect(f.model.violations(x).isEmpty)
        #expect(PlanChecker.check(plan, instance).isValid)
        let best = f.model.objective(x)
        let costs = ConstructionHeuristic.SessionOrder.allCases.map { order in
            ConstructionHeuristic.placeSessions(f, order: order).flatMap { ConstructionHeuristic.complete(f, $0) }
                .flatMap { f.solution(for: $0) }.map { f.model.objective($0) }
        }
        #expect(costs[0] == nil, "the plain order")
        #expect(best == costs.compactMap { $0 }.min())
        #expect(Set(costs.compactMap { $0 }).count > 1, "the orders disagree: \(costs)")
    }

    @Test("asked for a 2 % gap, the planner takes the first plan that (R) shows is close enough, checked")
    func gapMetByTheRelaxation() throws {
        let instance = try PlanningInstance(try Self.crowded.scenario(), venue: nil)
        let out = PlannerTestSupport.plan(instance, timeLimit: 60, gap: 0.02)
        #expect(out.termination.hasSolution)
        let gap = try #require(out.gap)
        #expect(gap <= 0.02)
        #expect(try #require(out.bound) <= (out.objective ?? 0) + 1e-6)
        #expect(out.check?.isValid == true)
        #expect(abs((out.objective ?? 0) - (out.heuristicObjective ?? -1)) < 1e-6, "no search was needed")
        #expect(out.log.isEmpty)
        #expect(out.bound == (try relaxationOptimum(instance)))
    }
}
