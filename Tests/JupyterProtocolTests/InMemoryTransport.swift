import Foundation
@testable import JupyterProtocol

/// A transport that records IOPub messages and answers input requests from a scripted list (like xeus's mock server).
final class InMemoryTransport: KernelTransport, @unchecked Sendable {
    private let lock = NSLock()
    private(set) var published: [Message] = []
    private(set) var inputRequests: [Message] = []
    var scriptedInputs: [String] = []
    private(set) var shutdownRestart: Bool?

    func publish(_ message: Message) {
        lock.lock()
        published.append(message)
        lock.unlock()
    }

    func requestInput(_ request: Message, isCancelled: @escaping () -> Bool) throws -> Message {
        inputRequests.append(request)
        if isCancelled() || scriptedInputs.isEmpty { throw JupyterProtocolError.inputCancelled(reason: "no scripted input") }
        let value = scriptedInputs.removeFirst()
        return Message(header: MessageFactory(session: "frontend").header(type: "input_reply"), parentHeader: request.header.json,
                       content: ["value": .string(value)])
    }

    func shutdown(restart: Bool) {
        shutdownRestart = restart
    }

    /// Published message types, in order.
    var publishedTypes: [String] { published.map(\.messageType) }
}

/// Drives a core the way a socket loop would and collects what it sends.
struct CoreHarness {
    let core: KernelCore
    let transport = InMemoryTransport()
    let interpreter: FakeInterpreter
    let frontend = MessageFactory(session: "frontend")

    init() {
        interpreter = FakeInterpreter()
        core = KernelCore(interpreter: interpreter, factory: MessageFactory(session: "kernel"))
        core.transport = transport
    }

    /// Sends one request and returns its replies (zero or one).
    func send(_ type: String, _ content: JSONValue = .emptyObject, on channel: KernelCore.Channel = .shell) -> [Message] {
        let request = Message(identities: [Array("client".utf8)], header: frontend.header(type: type), content: content)
        var replies: [Message] = []
        core.handle(request, from: channel) { replies.append($0) }
        return replies
    }
}
