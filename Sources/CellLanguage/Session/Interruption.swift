import Foundation

/// A thread-safe flag the kernel raises on interrupt (control message or SIGINT); the evaluator checks it at
/// every statement and loop iteration, library loops through `isRequested`.
public final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false

    /// Creates a lowered flag.
    public init() {}

    /// Raises the flag: the running cell stops at its next statement or loop iteration.
    public func request() {
        lock.lock()
        requested = true
        lock.unlock()
    }

    /// Lowers the flag.
    public func clear() {
        lock.lock()
        requested = false
        lock.unlock()
    }

    /// Whether an interrupt was requested since the last `clear()`.
    public var isRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return requested
    }
}
