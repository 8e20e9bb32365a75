import CZeroMQ
import Foundation
import JupyterProtocol

/// A ROUTER socket for shell or control requests and the thread that owns it.
///
/// Frames that fail decoding or verification are logged and dropped; the loop keeps serving.
final class RequestChannel: @unchecked Sendable {
    let socket: ZMQSocket
    let channel: KernelCore.Channel
    let codec: WireCodec
    private let lock = NSLock()
    private var stopRequested = false
    private let finished = DispatchSemaphore(value: 0)

    init(context: ZMQContext, endpoint: String, channel: KernelCore.Channel, codec: WireCodec) throws {
        socket = try ZMQSocket(context: context, kind: .router, name: channel.rawValue)
        try socket.takeOverReusedRoutingIDs()
        try socket.bind(endpoint)
        self.channel = channel
        self.codec = codec
    }

    var isStopRequested: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopRequested
    }

    /// Starts the owning thread; `stackSize` bytes of stack (0 for the default), `onExit` runs on it before it ends.
    func start(core: KernelCore, stackSize: Int, onExit: @escaping () -> Void = {}) {
        let thread = Thread { [self] in
            serve(core: core)
            onExit()
            socket.close()
            finished.signal()
        }
        thread.name = channel.rawValue
        if stackSize > 0 { thread.stackSize = stackSize }
        thread.start()
    }

    func requestStop() {
        lock.lock()
        stopRequested = true
        lock.unlock()
    }

    /// Waits for the thread to end; false when it is still busy (e.g. in a cell) after `timeoutSeconds`.
    func waitUntilFinished(timeoutSeconds: Double) -> Bool {
        finished.wait(timeout: .now() + timeoutSeconds) == .success
    }

    private func serve(core: KernelCore) {
        while !isStopRequested {
            guard socket.waitForInput(milliseconds: 100) else { continue }
            let frames: [[UInt8]]
            do {
                frames = try socket.receive()
            } catch {
                KernelServer.log("\(error)")
                continue
            }
            let message: Message
            do {
                message = try codec.decode(frames)
            } catch {
                KernelServer.log("dropped \(frames.count) frames on \(channel.rawValue): \(error)")
                continue
            }
            core.handle(message, from: channel) { reply in
                do {
                    try socket.send(codec.encode(reply))
                } catch {
                    KernelServer.log("dropped \(reply.messageType) on \(channel.rawValue): \(error)")
                }
                // Checked before the request's `idle` status goes out: a client that waits for idle and
                // then sends its next request must not find it aborted behind a failed cell.
                if channel == .shell, !socket.waitForInput(milliseconds: 0) { core.shellQueueDrained() }
            }
        }
    }
}
