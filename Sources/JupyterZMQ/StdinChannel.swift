import CZeroMQ
import Foundation
import JupyterProtocol

/// The stdin ROUTER socket. It is used only by the thread that runs cells (the shell thread), which
/// sends an `input_request` and waits for the `input_reply`.
final class StdinChannel: @unchecked Sendable {
    let socket: ZMQSocket
    let codec: WireCodec
    /// How often a wait for input checks for cancellation.
    static let pollMilliseconds = 50

    init(context: ZMQContext, endpoint: String, codec: WireCodec) throws {
        socket = try ZMQSocket(context: context, kind: .router, name: "stdin")
        try socket.takeOverReusedRoutingIDs()
        try socket.bind(endpoint)
        self.codec = codec
    }

    /// Sends `request` and returns the first `input_reply`; other or malformed messages are logged and dropped.
    func roundTrip(_ request: Message, isCancelled: () -> Bool) throws -> Message {
        try socket.send(codec.encode(request))
        while true {
            if isCancelled() { throw JupyterProtocolError.inputCancelled(reason: "interrupted") }
            guard socket.waitForInput(milliseconds: Self.pollMilliseconds) else { continue }
            let frames = try socket.receive()
            do {
                let reply = try codec.decode(frames)
                if reply.messageType == "input_reply" { return reply }
                KernelServer.log("ignoring \(reply.messageType) on stdin while waiting for input_reply")
            } catch {
                KernelServer.log("dropped \(frames.count) frames on stdin: \(error)")
            }
        }
    }
}
