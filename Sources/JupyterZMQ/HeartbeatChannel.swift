import CZeroMQ
import Foundation

/// The heartbeat socket: echoes every message back to its sender, on its own thread.
final class HeartbeatChannel: @unchecked Sendable {
    let socket: ZMQSocket
    private let lock = NSLock()
    private var stopRequested = false
    private let finished = DispatchSemaphore(value: 0)

    init(context: ZMQContext, endpoint: String) throws {
        socket = try ZMQSocket(context: context, kind: .router, name: "heartbeat")
        try socket.bind(endpoint)
    }

    func start() {
        let thread = Thread { [self] in
            while !isStopRequested {
                guard socket.waitForInput(milliseconds: 100) else { continue }
                // A ROUTER's message starts with the sender's identity, so echoing the frames answers the sender.
                if let frames = try? socket.receive() { try? socket.send(frames) }
            }
            socket.close()
            finished.signal()
        }
        thread.name = "heartbeat"
        thread.start()
    }

    private var isStopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    func stop(timeoutSeconds: Double) {
        lock.lock()
        stopRequested = true
        lock.unlock()
        _ = finished.wait(timeout: .now() + timeoutSeconds)
    }
}
