import CZeroMQ
import Foundation
import JupyterProtocol
import Testing
@testable import JupyterZMQ

/// Echoes the code back as the result, printing each line first; `input` asks stdin.
final class EchoInterpreter: Interpreter, @unchecked Sendable {
    var kernelInfo: KernelInfo {
        KernelInfo(implementation: "echo", implementationVersion: "1", banner: "", languageInfo: ["name": "echo"])
    }

    func execute(_ request: ExecuteRequest, output: OutputPublisher) -> ExecutionOutcome {
        if request.code == "input" {
            do {
                return .success(result: .plainText(try output.readInput(prompt: "? ", isPassword: false)))
            } catch {
                return .failure(ExecutionFailure(name: "InputError", value: "\(error)", traceback: []))
            }
        }
        for line in request.code.split(separator: "\n") { output.write(line + "\n", to: .standardOutput) }
        return .success(result: .plainText(request.code))
    }

    func complete(code: String, cursorPosition: Int) -> CompletionReply { CompletionReply(matches: [], cursorStart: 0, cursorEnd: 0) }
    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> InspectionReply { InspectionReply(found: false) }
    func isComplete(code: String) -> CompletenessReply { .complete }
    func interrupt() {}
}

/// A frontend made of real ZeroMQ sockets connected to a kernel served over ipc.
final class TestFrontend {
    let context: ZMQContext
    let shell: ZMQSocket
    let control: ZMQSocket
    let stdin: ZMQSocket
    let iopub: ZMQSocket
    let heartbeat: ZMQSocket
    let codec: WireCodec
    let factory = MessageFactory(session: "frontend")

    init(connection: ConnectionInfo) throws {
        context = try ZMQContext()
        codec = WireCodec(signer: try connection.makeSigner())
        let identity = Array("frontend".utf8)
        shell = try ZMQSocket(context: context, kind: .dealer, name: "client-shell")
        control = try ZMQSocket(context: context, kind: .dealer, name: "client-control")
        stdin = try ZMQSocket(context: context, kind: .dealer, name: "client-stdin")
        for socket in [shell, control, stdin] { try socket.setOption(ZMQ_ROUTING_ID, bytes: identity) }
        iopub = try ZMQSocket(context: context, kind: .sub, name: "client-iopub")
        try iopub.setOption(ZMQ_SUBSCRIBE, bytes: [])
        heartbeat = try ZMQSocket(context: context, kind: .req, name: "client-heartbeat")
        try shell.connect(connection.endpoint(of: .shell))
        try control.connect(connection.endpoint(of: .control))
        try stdin.connect(connection.endpoint(of: .stdin))
        try iopub.connect(connection.endpoint(of: .iopub))
        try heartbeat.connect(connection.endpoint(of: .heartbeat))
    }

    func request(_ type: String, _ content: JSONValue = .emptyObject, on socket: ZMQSocket) throws -> Message {
        let message = Message(header: factory.header(type: type), content: content)
        try socket.send(codec.encode(message))
        return message
    }

    func receive(on socket: ZMQSocket) throws -> Message? {
        guard socket.waitForInput(milliseconds: 10_000) else { return nil }
        return try codec.decode(socket.receive())
    }

    /// Sends the `input_reply` carrying `value` to `inputRequest`.
    func answer(_ inputRequest: Message, with value: String) throws {
        let reply = Message(header: factory.header(type: "input_reply"), parentHeader: inputRequest.header.json,
                            content: ["value": .string(value)])
        try stdin.send(codec.encode(reply))
    }

    /// Asks the kernel to shut down over control; returns its `shutdown_reply`.
    func shutDownKernel(restart: Bool = false) throws -> Message? {
        _ = try request("shutdown_request", ["restart": .bool(restart)], on: control)
        return try receive(on: control)
    }

    /// IOPub messages up to and including the `idle` status whose parent is `parent`.
    func iopubUntilIdle(of parent: Message) throws -> [Message] {
        var messages: [Message] = []
        while let message = try receive(on: iopub) {
            messages.append(message)
            if message.messageType == "status", message.content["execution_state"] == "idle",
                message.parentMessageID == parent.header.messageID
            {
                break
            }
        }
        return messages
    }

    func close() {
        for socket in [shell, control, stdin, iopub, heartbeat] { socket.close() }
        context.terminate()
    }
}

/// Carries `run()`'s result out of the server thread.
final class RestartBox: @unchecked Sendable {
    var value: Bool?
}

/// Serves an `EchoInterpreter` over a fresh ipc connection on a thread of its own; the semaphore is signalled,
/// and the box holds `run()`'s result, when the server ends.
func serveEchoKernel() throws -> (connection: ConnectionInfo, finished: DispatchSemaphore, restart: RestartBox) {
    let connection = makeIPCConnection(key: "test-key")
    let server = try KernelServer(connection: connection, interpreter: EchoInterpreter(), shellStackSize: 64 << 20)
    let finished = DispatchSemaphore(value: 0)
    let restart = RestartBox()
    Thread {
        restart.value = server.run()
        finished.signal()
    }.start()
    return (connection, finished, restart)
}

func makeIPCConnection(key: String) -> ConnectionInfo {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("kernel-test-\(UUID().uuidString.prefix(8))").path
    return ConnectionInfo(transport: "ipc", ip: base, shellPort: 1, controlPort: 2, stdinPort: 3, iopubPort: 4,
                          heartbeatPort: 5, key: key)
}

@Test func servesAFullSessionOverRealSockets() throws {
    let (connection, finished, restart) = try serveEchoKernel()
    let frontend = try TestFrontend(connection: connection)
    defer { frontend.close() }

    // The XPUB greets the new subscriber first, whenever it subscribes; the `starting` status, published once by
    // `run()` on its own thread and held until a subscriber has been greeted, comes next.
    let welcome = try #require(try frontend.receive(on: frontend.iopub))
    #expect(welcome.messageType == "iopub_welcome")
    #expect(welcome.content["subscription"] == "")
    let starting = try #require(try frontend.receive(on: frontend.iopub))
    #expect(starting.messageType == "status" && starting.content["execution_state"] == "starting")

    // Heartbeat echoes.
    try frontend.heartbeat.send([Array("ping".utf8)])
    #expect(frontend.heartbeat.waitForInput(milliseconds: 10_000))
    #expect(try frontend.heartbeat.receive() == [Array("ping".utf8)])

    // A forged message is dropped; the next good one is answered.
    var forged = frontend.codec.encode(Message(header: frontend.factory.header(type: "kernel_info_request")))
    forged[1] = Array(String(repeating: "0", count: 64).utf8)
    try frontend.shell.send(forged)
    let info = try frontend.request("kernel_info_request", on: frontend.shell)
    let infoReply = try #require(try frontend.receive(on: frontend.shell))
    #expect(infoReply.messageType == "kernel_info_reply")
    #expect(infoReply.parentMessageID == info.header.messageID)

    // Execute streams before idle.
    let execute = try frontend.request("execute_request", ["code": "a\nb"], on: frontend.shell)
    let executeReply = try #require(try frontend.receive(on: frontend.shell))
    #expect(executeReply.content["status"] == "ok")
    let outputs = try frontend.iopubUntilIdle(of: execute).filter { $0.parentMessageID == execute.header.messageID }
    let texts = outputs.filter { $0.messageType == "stream" }.compactMap { $0.content["text"]?.stringValue }.joined()
    #expect(texts == "a\nb\n")
    #expect(outputs.last?.content["execution_state"] == "idle")

    // stdin round trip.
    _ = try frontend.request("execute_request", ["code": "input", "allow_stdin": true], on: frontend.shell)
    let inputRequest = try #require(try frontend.receive(on: frontend.stdin))
    #expect(inputRequest.messageType == "input_request")
    try frontend.answer(inputRequest, with: "typed")
    let inputExecuteReply = try #require(try frontend.receive(on: frontend.shell))
    #expect(inputExecuteReply.content["status"] == "ok")

    // Shutdown over control ends run() with the restart flag.
    let shutdownReply = try #require(try frontend.shutDownKernel(restart: true))
    #expect(shutdownReply.content["restart"] == true)
    #expect(finished.wait(timeout: .now() + 10) == .success)
    #expect(restart.value == true)
}

@Test func aFrontendReusingAConnectedRoutingIDTakesOverItsReplies() throws {
    let (connection, finished, _) = try serveEchoKernel()
    let first = try TestFrontend(connection: connection)
    defer { first.close() }
    _ = try first.request("kernel_info_request", on: first.shell)
    #expect(try first.receive(on: first.shell)?.messageType == "kernel_info_reply")

    // jupyter_client's clients of one manager share a routing id; the newest connection gets the replies.
    let second = try TestFrontend(connection: connection)
    defer { second.close() }
    for socket in [second.shell, second.control] {
        let request = try second.request("kernel_info_request", on: socket)
        #expect(try second.receive(on: socket)?.parentMessageID == request.header.messageID)
    }
    _ = try second.request("execute_request", ["code": "input", "allow_stdin": true], on: second.shell)
    try second.answer(try #require(try second.receive(on: second.stdin)), with: "typed")
    #expect(try second.receive(on: second.shell)?.content["status"] == "ok")

    _ = try second.shutDownKernel()
    #expect(finished.wait(timeout: .now() + 10) == .success)
}

@Test func streamMessagesOfOneParentAreCoalesced() {
    let factory = MessageFactory(session: "k")
    let parent = Message(header: factory.header(type: "execute_request"))
    func stream(_ name: String, _ text: String) -> Message {
        factory.broadcast(type: "stream", content: ["name": .string(name), "text": .string(text)], parent: parent)
    }
    let merged = IOPubChannel.coalesced([stream("stdout", "a"), stream("stdout", "b"), stream("stderr", "c"),
                                         factory.broadcast(type: "status", content: ["execution_state": "idle"], parent: parent),
                                         stream("stdout", "d")])
    #expect(merged.map(\.messageType) == ["stream", "stream", "status", "stream"])
    #expect(merged[0].content["text"] == "ab")
    #expect(merged[1].content["text"] == "c")
}

@Test func aPromptIsAnsweredOnlyByItsOwnInputReply() throws {
    let (connection, finished, _) = try serveEchoKernel()
    let frontend = try TestFrontend(connection: connection)
    defer { frontend.close() }
    _ = try frontend.request("kernel_info_request", on: frontend.shell)
    #expect(try frontend.receive(on: frontend.shell)?.messageType == "kernel_info_reply")

    // An answer left over from before the prompt (no parent, as jupyter_client's `input()` sends) is discarded.
    let leftover = Message(header: frontend.factory.header(type: "input_reply"), content: ["value": "leftover"])
    try frontend.stdin.send(frontend.codec.encode(leftover))
    Thread.sleep(forTimeInterval: 0.2)  // lets it reach the kernel's socket first (not a timing assertion)

    let execute = try frontend.request("execute_request", ["code": "input", "allow_stdin": true], on: frontend.shell)
    let inputRequest = try #require(try frontend.receive(on: frontend.stdin))
    // An answer to another prompt is ignored; the one to this prompt is taken.
    let otherPrompt = frontend.factory.header(type: "input_request")
    let misdirected = Message(header: frontend.factory.header(type: "input_reply"), parentHeader: otherPrompt.json,
                              content: ["value": "misdirected"])
    try frontend.stdin.send(frontend.codec.encode(misdirected))
    try frontend.answer(inputRequest, with: "typed")
    #expect(try frontend.receive(on: frontend.shell)?.content["status"] == "ok")
    let result = try frontend.iopubUntilIdle(of: execute).first { $0.messageType == "execute_result" }
    #expect(result?.content["data"]?["text/plain"] == "typed")

    _ = try frontend.shutDownKernel()
    #expect(finished.wait(timeout: .now() + 10) == .success)
}
