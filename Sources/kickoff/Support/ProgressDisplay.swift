import Foundation
import KickoffPlan
import KickoffPlanner
import MIP

/// Search progress on standard error after the first 2 s: a live line on a terminal, a line every 15 s otherwise.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private let live = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastLine = Date.distantPast
    private var wroteLive = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: SearchProgress) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        // Quick solves print nothing; long ones a line every 15 s (or a live line on a terminal).
        if p.elapsed < 2 || (!live && now.timeIntervalSince(lastLine) < 15) { return }
        lastLine = now
        let incumbent = p.incumbent.map { String(format: "best plan %.0f", $0) } ?? "no plan yet"
        let bound = p.bound.map { String(format: "bound %.0f", $0) } ?? "bound –"
        let gap = p.gap.map { String(format: "gap %.2f %%", $0 * 100) } ?? "gap –"
        let line = String(format: "%6.1f s  ", p.elapsed) + "\(incumbent)  \(bound)  \(gap)"
        if live {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            wroteLive = true
        } else {
            Console.error(line)
        }
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if wroteLive { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
