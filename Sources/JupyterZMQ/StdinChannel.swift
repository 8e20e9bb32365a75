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

    /// Sends `request` and returns its `input_reply`; other or malformed messages are logged and dropped.
    ///
    /// Whatever waits on stdin before the request goes out (say, the answer to a prompt an interrupt cancelled) is
    /// dropped first, and a reply whose parent is another request is ignored; a reply without a parent (as
    /// jupyter_client's `input()` sends) is taken as this request's.
    func roundTrip(_ request: Message, isCancelled: () -> Bool) throws -> Message {
        discardWaitingMessages()
        try socket.send(codec.encode(request))
        while true {
            if isCancelled() { throw JupyterProtocolError.inputCancelled(reason: "interrupted") }
            guard socket.waitForInput(milliseconds: Self.pollMilliseconds) else { continue }
            let frames = try socket.receive()
            do {
                let reply = try codec.decode(frames)
                guard reply.messageType == "input_reply" else {
                    KernelServer.log("ignoring \(reply.messageType) on stdin while waiting for input_reply")
                    continue
                }
                if let parent = reply.parentMessageID, parent != request.header.messageID {
                    KernelServer.log("ignoring an input_reply to another request (\(parent)) on stdin")
                    continue
                }
                return reply
            } catch {
                KernelServer.log("dropped \(frames.count) frames on stdin: \(error)")
            }
        }
    }

    /// Drops every message already queued on the socket, logging how many.
    private func discardWaitingMessages() {
        var count = 0
        while socket.waitForInput(milliseconds: 0), (try? socket.receive()) != nil { count += 1 }
        if count > 0 { KernelServer.log("dropped \(count) stale messages on stdin before an input_request") }
    }
}
