import Dispatch
import Foundation

/// SIGINT and SIGTERM as a request to stop: the default handlers are replaced by dispatch
/// sources, so a signal never kills the process mid-write. The solver polls `requested`; the
/// command then finishes its atomic write (or writes nothing) and exits 130 or 143.
final class Interrupts: @unchecked Sendable {
    static let shared = Interrupts()

    private let lock = NSLock()
    private var received: Int32?
    private var sources: [DispatchSourceSignal] = []
    private var handlers: [@Sendable (Int32) -> Void] = []

    /// Starts catching SIGINT and SIGTERM (idempotent).
    func install() {
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in self?.deliver(sig) }
            source.resume()
            sources.append(source)
        }
    }

    /// Also run `handler` when a signal arrives (e.g. to pass it on to child processes).
    func onSignal(_ handler: @escaping @Sendable (Int32) -> Void) {
        lock.lock(); defer { lock.unlock() }
        handlers.append(handler)
    }

    private func deliver(_ sig: Int32) {
        lock.lock()
        if received == nil { received = sig }
        let hs = handlers
        lock.unlock()
        Console.error("\n\(sig == SIGINT ? "interrupted" : "terminated"): stopping the search, keeping the best plan found so far")
        for h in hs { h(sig) }
    }

    /// The first signal received, if any.
    var caught: Int32? {
        lock.lock(); defer { lock.unlock() }
        return received
    }

    var requested: Bool { caught != nil }

    /// 128 + the signal number: 130 for SIGINT, 143 for SIGTERM.
    var exitCode: Int32? { caught.map { 128 + $0 } }
}
