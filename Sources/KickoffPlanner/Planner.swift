import Foundation
import KickoffCore
import KickoffPlan
import MIP

/// Sizes of the integer program, for reports and benchmarks.
package struct ModelStats: Sendable, Equatable {
    package var variables = 0
    package var integers = 0
    package var constraints = 0
    package var nonzeros = 0
    package var sessions = 0
    package var travelGroups = 0
    package var travellers = 0

    package init() {}
}

/// What planning one venue produced.
package struct PlanOutcome: Sendable {
    /// `optimal` or `feasible` come with a checked plan; anything else has none.
    package var termination: Termination
    package var plan: Plan?
    /// The checker's verdict and recomputed costs for `plan`.
    package var check: PlanCheck?
    package var objective: Double?
    package var bound: Double?
    /// Why there is no plan (empty when there is one); KickoffReport words them.
    package var reasons: [Reason] = []
    package var stats = ModelStats()
    /// Seconds to build the model, run the heuristic and solve.
    package var buildSeconds: Double = 0
    package var solveSeconds: Double = 0
    /// The construction heuristic's cost, when it found a plan, and its change penalty (0b).
    package var heuristicObjective: Double?
    package var heuristicPenalty: Double = 0
    /// Seconds from the start of planning until the first plan was known.
    package var heuristicSeconds: Double?
    /// The agenda-health section, with the plan's figures when there is one.
    package var health: AgendaHealth?
    /// In a re-plan: what changed against the baseline, with the plan's change penalty (0b).
    package var changes: PlanChanges?
    /// The change penalties (0b) the plan pays on top of `objective` (0 without a baseline).
    package var penalty: Double = 0
    package var log = ""
    /// Without a plan: the best partial agenda the search found, with the sessions it left out.
    package var partial: AgendaSearch.Result?

    /// The solver's gap: of cost + penalties against the bound, which covers both.
    package var gap: Double? {
        guard termination.hasSolution, let o = objective, let b = bound else { return nil }
        return SolveResult.relativeGap(incumbent: o + penalty, bound: b)
    }
}

/// Plans one venue: builds the formulation, finds a first plan heuristically, solves, reads the
/// plan back and has `PlanChecker` re-verify it.
package struct Planner {
    package var solver: any MIPSolver
    /// The largest program GLPK probes beside the repair searches (`probeVariables` unless a
    /// test sets it).
    package var probeLimit = Planner.probeVariables

    package init(solver: any MIPSolver) { self.solver = solver }

    /// The largest program GLPK probes beside the agenda repair searches. On xl-11 SFO (152,448
    /// variables, about 7,700 travel-group blocks) the probe spent its whole time on the small
    /// blocks, which the decomposition solves first, and never started the agenda block's root LP.
    /// The other programs of the public set have at most 60,306 (ITC2007) and keep their probe.
    static let probeVariables = 100_000

    /// The repair searches the planner races when the greedy orders give up, each on its own
    /// thread: counting evictions, and counting the people they disturb (each wins where the
    /// other stalls), both evicting only the holders of the rooms a session fits. Which search
    /// completes an agenda first changes with the scenario and the seed. On xl-11
    /// (`kickoff-bench --agenda-only --probe 1`, 16 runs over its four venues, 40 s and then
    /// 90 s per search) this pair completed all 16 within 90 s, the slowest in 48 s; evicting
    /// along the matching's alternating paths completes sooner when it does (a median of 8 s
    /// instead of 14 s, paired with either of these), but its slowest runs took longer, and
    /// all four raced together, each at half speed on two cores, were slower still
    /// (BENCHMARKS.md, 2026-12-07).
    static let repairSearches: [(seed: UInt64, weighing: AgendaSearch.Weighing, eviction: AgendaSearch.Eviction)] = [
        (2, .perEviction, .fittingRooms),
        (3, .byAudience, .fittingRooms)
    ]

    /// What is left of a whole run's `limit` (reading to writing) for building and searching,
    /// `elapsed` seconds in: it keeps back time to check and write the plan and for GLPK to notice
    /// the deadline (it cannot inside one simplex run), 1.5 s plus 0.5 ms per attendee — 6.4 s at
    /// xl-11's 9,859, where checking and writing the plan took 1.3–5.1 s (0.3 ms per attendee
    /// let those runs end up to 1.9 s after their limit). At least 1 s.
    package static func searchSeconds(within limit: Double, after elapsed: Double, attendees: Int) -> Double {
        max(1, limit - elapsed - (1.5 + 0.0005 * Double(attendees)))
    }

    /// - Parameter baseline: in a re-plan, the published plan to keep as much of as the rules
    ///   allow; the outcome then carries `changes`.
    package func plan(_ instance: PlanningInstance, baseline: BaselineMatch? = nil, options: SolveOptions = SolveOptions()) -> PlanOutcome {
        var out = solve(instance, baseline: baseline, options: options)
        out.health = AgendaHealth(instance, plan: out.plan)
        if let baseline, let plan = out.plan { out.changes = PlanChanges(instance, plan: plan, baseline: baseline) }
        return out
    }

    private func solve(_ instance: PlanningInstance, baseline: BaselineMatch?, options: SolveOptions) -> PlanOutcome {
        let started = Date()
        let deadline = options.timeLimit.map { started.addingTimeInterval($0) }
        let prechecks = Prechecks.run(instance)
        if !prechecks.isEmpty {
            var out = PlanOutcome(termination: .infeasible)
            out.reasons = prechecks.map(Reason.finding)
            out.buildSeconds = Date().timeIntervalSince(started)
            return out
        }
        // Starts no agenda can use are dropped before the program is built (`StartFilter`), in at
        // most 2 % of the run and 1 s: on medium-11 and -12 a 0.5 s cap did as well as 2 s, and
        // where nothing is dropped (10,000 generated attendees) the cap is all it costs. On as many
        // threads as the solve may use: nothing else runs yet (without the cap, medium-12 ROME's
        // probes all ran in 2.4 s on two threads instead of 4.0 s on one; a 3 s cap with them
        // made medium-12's venues end later than this 1 s).
        let probing = min(1, 0.02 * (options.timeLimit ?? 100))
        let starts = StartFilter.run(
            instance, deadline: min(deadline ?? .distantFuture, Date().addingTimeInterval(probing)), threads: options.threads, shouldStop: options.shouldStop)
        let f = Formulation(instance, baseline: baseline, starts: starts)
        var out = PlanOutcome(termination: .infeasible)
        out.stats = Self.stats(f)
        if !f.obstacles.isEmpty {
            out.reasons = f.obstacles.map(Reason.finding)
            out.buildSeconds = Date().timeIntervalSince(started)
            return out
        }
        var options = options
        var incumbent: [Double]?
        let remaining = { deadline.map { $0.timeIntervalSinceNow } ?? .infinity }
        var first = ConstructionHeuristic.plan(f)
        // A search of the whole program that already ended: it proved there is no plan, or found one.
        var probe: SolveResult?
        if first == nil {
            // The greedy orders all gave up: repair the agenda instead (`AgendaSearch`). First
            // briefly, so that a scenario with no plan at all does not wait for it; then, until
            // 93 % of what is left has passed, three threads on the two cores: the repair searches
            // (`repairSearches`), each from the brief run's partial agenda, and GLPK on the whole
            // program for a quarter of that time (at most 30 s), which on a small program proves
            // there is no plan or finds one. Whichever settles it first stops the rest. Not GLPK on
            // a program of more than `probeLimit` variables: there it cannot settle anything in its
            // time, and it takes a third of the cores from the searches. Until 93 %: on xl-11 what
            // follows an agenda needs little (completing the plan 0.06 s, the relaxation 0.8 s) and
            // its first plan was already the final one, while a search completing late is a plan
            // instead of none (MIAMI's first plan once came at 96 s of 120).
            let brief = min((options.timeLimit ?? 300) * 0.05, 2 + 0.01 * Double(instance.agenda.sessions.count))
            var r = AgendaSearch.run(f, deadline: Date().addingTimeInterval(brief), shouldStop: options.shouldStop)
            if let partial = r, !partial.unplaced.isEmpty, remaining() > 1, options.shouldStop?() != true {
                let settled = StopFlag(), userStop = options.shouldStop
                let stop: @Sendable () -> Bool = { userStop?() == true || settled.isRaised }
                let until = Date().addingTimeInterval(remaining() * 0.93)
                var o = options
                o.timeLimit = min(remaining() * 0.25, 30)
                o.threads = 1  // the searches have the other threads
                o.shouldStop = stop
                let probeOptions = o
                let glpk: OnOwnThread<SolveResult>? =
                    f.model.variables.count > probeLimit
                    ? nil
                    : OnOwnThread { () -> SolveResult in
                        let p = Self.solve(solver, f.model, probeOptions)
                        solver.releaseThreadResources()
                        if p.termination.reason != .noSolutionFound { settled.raise() }
                        return p
                    }
                // From the brief run's partial agenda: started from their own construction, large-11
                // AUS and MIA once lost their plans here (BENCHMARKS.md, 2026-12-04).
                let searches = Self.repairSearches.map { c in
                    OnOwnThread { () -> AgendaSearch.Result? in
                        let r = AgendaSearch.run(
                            f, from: partial.placements, seed: c.seed, weighing: c.weighing, eviction: c.eviction, deadline: until,
                            shouldStop: stop)
                        if r?.unplaced.isEmpty == true { settled.raise() }
                        return r
                    }
                }
                let p = glpk?.wait() ?? SolveResult(.noSolutionFound(.interrupted))
                // Of partial agendas, the one leaving out fewest sessions, then fewest people: on
                // xl-11 counting evictions left out the product launch (9,853 people) where
                // counting people left out a 22-person training.
                r = nil
                for search in searches { if let s = search.wait(), s.leavesLessOut(than: r) { r = s } }
                if r == nil { r = partial }
                // A proof stands; a plan GLPK found is used when the searches found no agenda.
                if p.termination.reason != .noSolutionFound, p.termination.reason != .feasible || r?.unplaced.isEmpty != true { probe = p }
            }
            if let r, probe == nil {
                if r.unplaced.isEmpty { first = ConstructionHeuristic.complete(f, r.placements) } else { out.partial = r }
            }
        }
        if first == nil, let x = probe?.solution?.values, f.model.violations(x).isEmpty {
            first = f.plan(from: x)
        }
        if let h = first, let x = f.solution(for: h), f.model.violations(x).isEmpty {
            incumbent = x
            out.heuristicPenalty = f.penalty(x)
            out.heuristicObjective = f.model.objective(x) - out.heuristicPenalty  // its cost (0), as `objective`
            out.heuristicSeconds = Date().timeIntervalSince(started)
            options.initialSolution = x
        }
        // The relaxation (R) bounds the plan even where the search cannot (its LP too big to end
        // in time), and lets it stop once the incumbent is close enough; with the first plan
        // already that close, GLPK is not needed at all.
        var knownBound: Double?
        if incumbent != nil {
            var lp = SolveOptions()
            lp.timeLimit = min(10, max(1, (options.timeLimit ?? 100) / 10), remaining() * 0.5)
            lp.shouldStop = options.shouldStop
            let r = Self.solve(solver, f.relaxation, lp)
            if r.termination.reason == .optimal, let b = r.primalBound {
                knownBound = b
                options.objectiveLimit = Self.objectiveLimit(bound: b, gap: options.relativeGap)
            }
        }
        out.buildSeconds = Date().timeIntervalSince(started)
        if let limit = options.timeLimit { options.timeLimit = max(0, limit - out.buildSeconds) }

        var result: SolveResult
        if let p = probe, !p.termination.hasSolution || p.termination.reason == .optimal {
            result = p  // proven: no plan, or this one
        } else if let x = incumbent, let limit = options.objectiveLimit, f.model.objective(x) <= limit {
            result = SolveResult(.feasible(.objective), solution: Solution(values: x, objective: f.model.objective(x)))
        } else {
            result = Self.solve(solver, f.model, options)
        }
        out.solveSeconds = result.stats.seconds
        out.log = result.stats.log
        /// The first plan as the result, stopped by the limit that stopped the solver.
        func firstPlanStands(_ x: [Double], dualBound: Double?) -> SolveResult {
            SolveResult(
                .feasible(result.termination.limit ?? .time), solution: Solution(values: x, objective: f.model.objective(x)),
                dualBound: dualBound, stats: result.stats)
        }
        if result.termination.reason == .noSolutionFound, let x = incumbent {
            // Stopped before the solver reported anything better: the heuristic plan stands.
            result = firstPlanStands(x, dualBound: result.dualBound)
        }
        if let s = result.solution, let x = incumbent, !f.model.violations(s.values).isEmpty {
            // A solver answer that breaks a row (a backend fault) never replaces a checked first
            // plan; the checker would reject it and leave the user with no plan at all.
            result = firstPlanStands(x, dualBound: nil)
        }
        out.bound = [result.dualBound, knownBound].compactMap { $0 }.max()
        // The relaxation's bound met by the plan proves it optimal, as the search's own proof would.
        if result.termination.reason == .feasible, let o = result.primalBound, let b = out.bound,
            SolveResult.relativeGap(incumbent: o, bound: b) <= Tolerance.objective
        {
            result.termination = .optimal
        }
        out.termination = result.termination
        switch result.termination.reason {
        case .optimal, .feasible:
            let values = result.solution?.values ?? []
            let plan = f.plan(from: values)
            let check = PlanChecker.check(plan, instance)
            // The objective is cost (0) + change penalties (0b); each part is checked on its own.
            let penalty = f.penalty(values)
            let objective = f.model.objective(values) - penalty
            let planPenalty = baseline?.penalty(of: plan) ?? 0
            out.objective = objective
            out.penalty = penalty
            out.check = check
            if !check.isValid {
                out.termination = .error("the solver's plan fails the plan checker: \(check.violations[0])")
                out.reasons = check.violations.prefix(10).map { .checkerRejected($0.description) }
            } else if abs(check.costs.total - objective) > Tolerance.costAgreement * max(1, abs(objective)) {
                out.termination = .error("the model's cost \(objective) differs from the checked cost \(check.costs.total)")
                out.reasons = [.figuresDisagree(what: "cost", model: objective, checked: check.costs.total)]
            } else if abs(planPenalty - penalty) > Tolerance.costAgreement * max(1, penalty) {
                out.termination = .error("the model's change penalty \(penalty) differs from the plan's \(planPenalty)")
                out.reasons = [.figuresDisagree(what: "change penalty", model: penalty, checked: planPenalty)]
            } else {
                out.plan = plan
                out.objective = check.costs.total
            }
        case .infeasible, .unbounded, .infeasibleOrUnbounded:
            // The explanation gets what is left of the run's time, at most a minute.
            let left = deadline.map { $0.timeIntervalSinceNow } ?? 60
            out.reasons =
                [.noCombination]
                + (left >= 1
                    ? Explainer.explain(instance, solver: solver, timeLimit: min(60, left), shouldStop: options.shouldStop).reasons
                    : [.noTimeToExplain])
        case .noSolutionFound:
            out.reasons = [.noPlanInTime(result.termination.limit ?? .time)]
            if let p = out.partial { out.reasons.append(.partialAgenda(sessions: p.unplaced.count, attendees: p.affectedAttendees)) }
        case .error:
            out.reasons = [.solverFailed(result.termination.detail)]
        }
        return out
    }

    /// A solve of a model this planner built: a model or options the solver refuses is a fault
    /// of the planner's, reported as an `error` termination rather than thrown at the caller.
    static func solve(_ solver: any MIPSolver, _ model: MIPModel, _ options: SolveOptions) -> SolveResult {
        do {
            return try solver.solve(model, options: options)
        } catch {
            return SolveResult(.error("internal error: the solver refused the planner's program (\(error))"))
        }
    }

    /// The largest objective whose relative gap to `bound` is within `gap` (at least 1e-9):
    /// a plan at most this far above the relaxation needs no search.
    static func objectiveLimit(bound: Double, gap: Double) -> Double {
        let g = min(max(gap, Tolerance.objective), 0.5)
        return bound >= 0 ? bound / (1 - g) : bound / (1 + g)
    }

    static func stats(_ f: Formulation) -> ModelStats {
        var s = ModelStats()
        s.variables = f.model.variables.count
        s.integers = f.model.integerCount
        s.constraints = f.model.constraints.count
        s.nonzeros = f.model.nonzeroCount
        s.sessions = f.instance.agenda.sessions.count
        s.travelGroups = f.groups.count
        s.travellers = f.groups.reduce(0) { $0 + $1.members.count }
        return s
    }
}
