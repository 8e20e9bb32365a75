import Dispatch
import Foundation

/// Turns SIGINT into a call of `handler` on a dispatch queue, so Ctrl-C (or `kill -INT`) interrupts the running
/// cell the same way an `interrupt_request` does, instead of killing the kernel.
final class InterruptSignal {
    private let source: DispatchSourceSignal

    init(handler: @escaping @Sendable () -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        source.setEventHandler(handler: handler)
        source.resume()
    }

    /// Stops listening; SIGINT stays ignored.
    func cancel() {
        source.cancel()
    }
}
