import Foundation

extension MIPModel {
    /// The model split into independent blocks: variables that share no constraint, directly or
    /// through others, land in different blocks (except that variables in no constraint at all
    /// share one). Each block keeps its variables' costs; the
    /// objective constant goes to the first block.
    ///
    /// Returns the blocks and, for each, the original index of each of its variables.
    /// Complexity: O(variables + nonzeros) with union–find.
    package func blocks() -> [(model: MIPModel, columns: [Int])] {
        var parent = Array(variables.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for c in constraints {
            guard let first = c.terms.first?.variable.index else { continue }
            let root = find(first)
            for t in c.terms.dropFirst() {
                let r = find(t.variable.index)
                if r != root { parent[r] = root }
            }
        }
        // Variables in no row share one block: each is simply at its cheapest bound, and one
        // block for them all spares a solver call per variable.
        var inRow = [Bool](repeating: false, count: variables.count)
        for c in constraints { for t in c.terms { inRow[t.variable.index] = true } }
        if let free = inRow.firstIndex(of: false) {
            for i in variables.indices where !inRow[i] { parent[i] = free }
        }
        var blockOf: [Int: Int] = [:]
        var columns: [[Int]] = []
        var local = [Int](repeating: 0, count: variables.count)
        for i in variables.indices {
            let r = find(i)
            if blockOf[r] == nil { blockOf[r] = columns.count; columns.append([]) }
            local[i] = columns[blockOf[r]!].count
            columns[blockOf[r]!].append(i)
        }
        var models = columns.map { cols -> MIPModel in
            var m = MIPModel()
            for i in cols {
                let v = variables[i]
                m.addVariable(v.name, lower: v.lower, upper: v.upper, kind: v.kind, cost: v.cost)
            }
            return m
        }
        for c in constraints {
            guard let first = c.terms.first?.variable.index else {
                // An empty row: keep it in the first block, where it still makes the model infeasible if violated.
                if !models.isEmpty { models[0].addConstraint(c.with(terms: [])) }
                continue
            }
            let b = blockOf[find(first)]!
            models[b].addConstraint(c.with(terms: c.terms.map { (Variable(local[$0.variable.index]), $0.coefficient) }))
        }
        if !models.isEmpty { models[0].objectiveConstant = objectiveConstant }
        return zip(models, columns).map { ($0, $1) }
    }
}

/// Solves each independent block of a model separately with another solver and combines the
/// results: the optimum of a separable model is the sum of its blocks' optima, so `optimal` is
/// claimed only when every block is proven optimal, and the bound is the sum of block bounds.
///
/// Blocks are solved one after another on the calling thread, smallest first, sharing the time
/// limit; then the blocks not proven optimal again, largest first, with whatever time is left.
package struct DecomposingSolver<Inner: MIPSolver>: MIPSolver {
    package var inner: Inner

    package init(_ inner: Inner) { self.inner = inner }

    package func releaseThreadResources() { inner.releaseThreadResources() }

    package func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult {
        let started = Date()
        try options.validate(for: model)
        let parts = model.blocks()
        if parts.count <= 1 { return try inner.solve(model, options: options) }
        var values = [Double](repeating: 0, count: model.variables.count)
        var log = ""
        let order = parts.indices.sorted { (parts[$0].model.variables.count, $0) < (parts[$1].model.variables.count, $1) }
        // Each block's part of the first plan (nil: none, or it breaks the block's rows), and
        // then of the best solution found: their sum is the whole model's incumbent.
        let first: [[Double]?] = parts.map { m, cols in
            options.initialSolution.map { x in cols.map { x[$0] } }.flatMap { m.violations($0).isEmpty ? $0 : nil }
        }
        var best: [[Double]?] = first
        // `values` always holds each block's best part: a block whose search ends with a worse
        // solution than the first plan's part (GLPK may find its own before the callback offers
        // that part, then run out of time) keeps the first plan's.
        for (b, part) in first.enumerated() {
            guard let part else { continue }
            for (j, i) in parts[b].columns.enumerated() { values[i] = part[j] }
        }
        var current: [Double?] = parts.indices.map { b in first[b].map { parts[b].model.objective($0) } }
        var blockBound = [Double?](repeating: nil, count: parts.count)
        var proven = [Bool](repeating: false, count: parts.count)
        // What stopped each block not proven optimal, the last time it was solved.
        var stoppedBy = [Termination.Limit?](repeating: nil, count: parts.count)
        // Their running sum over the blocks that have a part, and how many have none, kept as
        // `current` changes (there can be thousands of blocks: no pass over all per block).
        var knownSum = current.reduce(0) { $0 + ($1 ?? 0) }
        var missing = current.filter { $0 == nil }.count
        /// Whether the whole model's incumbent meets the objective limit.
        let objectiveLimit = options.objectiveLimit
        @Sendable func meetsLimit(_ incumbent: Double?) -> Bool {
            guard let objectiveLimit, let incumbent else { return false }
            return incumbent <= objectiveLimit + Tolerance.objective * max(1, abs(objectiveLimit))
        }
        func left() -> Double? { options.timeLimit.map { $0 - Date().timeIntervalSince(started) } }

        /// Solves block b within `seconds` from its best part so far.
        func solveBlock(_ b: Int, seconds: Double?) throws(MIPError) -> SolveResult {
            let (m, cols) = parts[b]
            var o = options
            o.timeLimit = seconds.map { max(0, $0) }
            o.initialSolution = best[b]
            o.objectiveLimit = nil  // it limits the whole model, not this block
            o.sharedIncumbent = nil  // its solutions are the whole model's
            // The other blocks' parts: all of them for the stop test, the known ones for display.
            let shown = knownSum - (current[b] ?? 0)
            let rest = missing - (current[b] == nil ? 1 : 0) == 0 ? shown : nil
            let tracker = BlockTracker()
            let progress = options.progress
            o.progress = { p in
                tracker.incumbent = p.incumbent
                progress?(
                    SearchProgress(
                        elapsed: Date().timeIntervalSince(started), incumbent: p.incumbent.map { $0 + shown },
                        bound: p.bound.map { $0 + shown }))
            }
            if objectiveLimit != nil, let rest {
                let outerStop = options.shouldStop
                o.shouldStop = {
                    if outerStop?() == true { return true }
                    if meetsLimit(tracker.incumbent.map { $0 + rest }) { tracker.metLimit = true; return true }
                    return false
                }
            }
            // Stopped (a signal, the time is up before this block found anything, or the
            // objective limit is met): the block keeps its best part so far, so the blocks
            // already improved are not lost. A stopped solve still runs the block's root LP,
            // whose bound keeps the gap known.
            var r = try inner.solve(m, options: o)
            if tracker.metLimit, r.termination.limit == .interrupted { r.termination.limit = .objective }
            if r.termination.reason == .noSolutionFound, let x = best[b] {
                r = SolveResult(
                    .feasible(r.termination.limit ?? .time), solution: Solution(values: x, objective: m.objective(x)),
                    dualBound: r.dualBound, stats: r.stats)
            }
            log += r.stats.log
            guard let solution = r.solution else { return r }
            if current[b].map({ solution.objective <= $0 }) ?? true {
                for (j, i) in cols.enumerated() { values[i] = solution.values[j] }
                best[b] = solution.values
                knownSum += solution.objective - (current[b] ?? 0)
                if current[b] == nil { missing -= 1 }
                current[b] = solution.objective
            }
            if r.termination.reason == .optimal { proven[b] = true; blockBound[b] = current[b] } else { stoppedBy[b] = r.termination.limit }
            if let bb = r.dualBound { blockBound[b] = max(blockBound[b] ?? bb, bb) }
            return r
        }

        var stoppedByLimit = false
        for (n, b) in order.enumerated() {
            if missing == 0, meetsLimit(knownSum) {
                // The first plan's remaining blocks are already good enough: `values` holds them.
                stoppedByLimit = true
                break
            }
            // Later blocks keep what earlier ones did not use; the biggest block (last) gets the rest.
            // Once the time is up, each block gets none: it keeps its part of the first plan.
            let share = left().map { n == order.count - 1 ? $0 : max(min(1, $0), $0 / Double(order.count - n)) }
            let r = try solveBlock(b, seconds: share)
            if !r.termination.hasSolution {
                return SolveResult(r.termination, stats: SolveStats(seconds: Date().timeIntervalSince(started), log: log))
            }
            if r.termination.limit == .objective { stoppedByLimit = true; break }
        }
        // A second pass for the blocks not proven optimal, largest first, with the time the
        // first pass left over (a block that finished early leaves its share to the others).
        if !stoppedByLimit, options.shouldStop?() != true {
            let unproven = order.reversed().filter { !proven[$0] }
            for (n, b) in unproven.enumerated() {
                guard let l = left(), l >= 1 else { break }
                if missing == 0, meetsLimit(knownSum) { stoppedByLimit = true; break }
                if try solveBlock(b, seconds: l / Double(unproven.count - n)).termination.limit == .objective {
                    stoppedByLimit = true
                    break
                }
                if options.shouldStop?() == true { break }
            }
        }
        let objective = model.objective(values)
        let stats = SolveStats(seconds: Date().timeIntervalSince(started), log: log)
        if !stoppedByLimit, proven.allSatisfy({ $0 }) {
            return SolveResult(.optimal, solution: Solution(values: values, objective: objective), dualBound: objective, stats: stats)
        }
        let boundKnown = !stoppedByLimit && blockBound.allSatisfy { $0 != nil }
        let bound = boundKnown ? blockBound.reduce(0) { $0 + ($1 ?? 0) } : nil
        // The limit that stopped the whole: the objective limit, else a stop request, else the
        // clock, else every unproven block's gap.
        let limits = Set(stoppedBy.compactMap { $0 })
        let limit: Termination.Limit =
            stoppedByLimit
            ? .objective
            : options.shouldStop?() == true || limits.contains(.interrupted)
                ? .interrupted
                : limits.contains(.time) || left().map({ $0 < 1 }) == true
                    ? .time
                    : limits.contains(.gap) ? .gap : .time
        return SolveResult(.feasible(limit), solution: Solution(values: values, objective: objective), dualBound: bound, stats: stats)
    }
}

/// The incumbent of the block being solved, as its progress reports it (callbacks and the stop
/// check run on the solving thread, one after another).
private final class BlockTracker: @unchecked Sendable {
    var incumbent: Double?
    /// Set when the stop request was the objective limit, not the caller's.
    var metLimit = false
}

extension MIPModel {
    /// The elastic version of the model: the same variables at no cost, and every constraint given
    /// a non-negative slack on each finite side, costing 1 per unit. Its optimum is the least total
    /// violation; the constraints whose slack is positive there are a small set of requirements
    /// that cannot all hold together.
    ///
    /// - Parameters:
    ///   - keep: constraints (by index) kept hard, without slack.
    ///   - cost: what a unit of slack on each constraint costs (default 1).
    /// - Returns: the model and, per slack variable, the index of the constraint it relaxes.
    package func elastic(keep: (Int) -> Bool = { _ in false }, cost: (Int) -> Double = { _ in 1 })
        -> (model: MIPModel, slack: [(constraint: Int, variable: Variable)])
    {
        var m = MIPModel()
        for v in variables { m.addVariable(v.name, lower: v.lower, upper: v.upper, kind: v.kind, cost: 0) }
        var slack: [(Int, Variable)] = []
        for (i, c) in constraints.enumerated() {
            var terms = c.terms.map { ($0.variable, $0.coefficient) }
            if !keep(i) {
                if c.lower.isFinite {
                    let s = m.addVariable("slack+[\(c.name)]", cost: cost(i))
                    terms.append((s, 1))
                    slack.append((i, s))
                }
                if c.upper.isFinite {
                    let s = m.addVariable("slack-[\(c.name)]", cost: cost(i))
                    terms.append((s, -1))
                    slack.append((i, s))
                }
            }
            m.addConstraint(c.with(terms: terms))
        }
        return (m, slack)
    }
}
