import Foundation

/// Enumerates every integer assignment of a tiny pure-integer model: the reference every real
/// backend is checked against in the conformance suite.
///
/// Only for models whose variables are all integer with finite bounds and whose search space
/// (the product of domain sizes) is at most `limit`; anything else throws `MIPError.unsupported`.
/// It ignores the time, gap and objective limits and the stop request: its models take
/// milliseconds, and it always ends with a proof.
package struct BruteForceSolver: MIPSolver {
    package var limit: Int

    package init(limit: Int = 2_000_000) { self.limit = limit }

    package func solve(_ model: MIPModel, options: SolveOptions) throws(MIPError) -> SolveResult {
        let start = Date()
        try options.validate(for: model)
        var domains: [ClosedRange<Int>] = []
        var size = 1.0
        for v in model.variables {
            guard v.kind != .continuous, v.lower.isFinite, v.upper.isFinite else {
                throw .unsupported("brute force needs bounded integer variables (\(v.name))")
            }
            let lo = Int(v.lower.rounded(.up)), hi = Int(v.upper.rounded(.down))
            if lo > hi { return SolveResult(.infeasible, stats: SolveStats(seconds: Date().timeIntervalSince(start))) }
            domains.append(lo...hi)
            size *= Double(hi - lo + 1)
        }
        guard size <= Double(limit) else { throw .unsupported("search space \(size) exceeds \(limit)") }
        var x = domains.map { Double($0.lowerBound) }
        var best: [Double]? = nil, bestValue = Double.infinity
        func visit(_ i: Int) {
            if i == x.count {
                if model.violations(x).isEmpty {
                    let value = model.objective(x)
                    if value < bestValue - Tolerance.objective * max(1, abs(value)) { bestValue = value; best = x }
                }
                return
            }
            for k in domains[i] { x[i] = Double(k); visit(i + 1) }
        }
        visit(0)
        let seconds = Date().timeIntervalSince(start)
        guard let best else { return SolveResult(.infeasible, stats: SolveStats(seconds: seconds)) }
        return SolveResult(
            .optimal, solution: Solution(values: best, objective: bestValue), dualBound: bestValue,
            stats: SolveStats(seconds: seconds))
    }
}
