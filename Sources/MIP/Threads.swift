import Foundation

/// A flag one thread raises and another polls (a search's `shouldStop`).
package final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    package init() {}

    package var isRaised: Bool { lock.withLock { raised } }
    package func raise() { lock.withLock { raised = true } }
}

/// Work started on a thread of its own (8 MiB of stack, as the main thread has), whose result
/// `wait()` returns. Whatever `work` captures must not be used by the caller until then: that is
/// what makes the `@unchecked Sendable` safe.
package final class OnOwnThread<T>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: T?

    package init(_ work: @escaping () -> T) {
        let box = Unchecked(work)
        let thread = Thread { [self] in
            self.value = box.value()
            self.done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    package func wait() -> T {
        done.wait()
        return value!
    }
}

/// Hands a value to another thread that alone uses it meanwhile.
private struct Unchecked<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
