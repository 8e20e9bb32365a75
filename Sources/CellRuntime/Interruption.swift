import Synchronization

/// A thread-safe flag the kernel raises on interrupt (control message or SIGINT); the interpreter checks it at
/// every loop iteration and call, the library's training loops through the hooks the kernel installs.
public final class Interruption: Sendable {
    @usableFromInline let requested = Atomic<Bool>(false)

    /// Creates a lowered flag.
    public init() {}

    /// Raises the flag: the running cell stops at its next loop iteration, call or training step.
    public func request() {
        requested.store(true, ordering: .relaxed)
    }

    /// Lowers the flag.
    public func clear() {
        requested.store(false, ordering: .relaxed)
    }

    /// Whether an interrupt was requested since the last `clear()` (inlined: the interpreter asks at every loop
    /// iteration and call).
    @inlinable public var isRequested: Bool {
        requested.load(ordering: .relaxed)
    }
}
