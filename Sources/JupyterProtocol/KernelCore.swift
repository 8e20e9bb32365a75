import Foundation

/// The protocol logic of a kernel, independent of sockets.
///
/// Every request goes through `handle`: it publishes `busy`, looks the message type up in a dispatch table,
/// runs the handler inside one catch, sends the reply, and publishes `idle`. `handle` may be called
/// concurrently from the shell and control threads; only execution-related state is shared, under a lock.
/// The interpreter is used by one thread at a time: requests that need it are refused on control
/// (`shellOnlyRequestTypes`), so a cell never runs beside a completion or another cell.
public final class KernelCore: @unchecked Sendable {
    /// The channel a request arrived on.
    public enum Channel: String, Sendable {
        /// The shell channel: execution, completion, inspection, history.
        case shell
        /// The control channel: interrupt, shutdown, kernel_info while a cell runs.
        case control
    }

    /// A request handler: returns the reply content, or nil when the message type has no reply.
    typealias Handler = (KernelCore, Message) throws -> JSONValue?

    /// Makes headers for outgoing messages.
    public let factory: MessageFactory
    /// The language behind this kernel.
    public let interpreter: Interpreter
    /// Where IOPub and stdin messages go; set before the first `handle`.
    public weak var transport: KernelTransport?

    let state = NSLock()
    var executionCount = 0
    let history = ExecutionHistory()
    var hasPublishedStarting = false
    let inputCancellation = CancellationFlag()
    /// Set when a cell fails with `stop_on_error`: execute requests already queued behind it are aborted.
    var isAbortingQueuedExecutions = false

    /// msg_type → handler. Requests not listed are logged and get no reply.
    static let dispatchTable: [String: Handler] = [
        "kernel_info_request": { core, message in core.kernelInfoReply(message) },
        "execute_request": { core, message in core.isAborting ? core.abortedReply(message) : core.executeReply(message) },
        "complete_request": { core, message in try core.completeReply(message) },
        "inspect_request": { core, message in try core.inspectReply(message) },
        "is_complete_request": { core, message in try core.isCompleteReply(message) },
        "history_request": { core, message in core.historyReply(message) },
        "comm_info_request": { core, message in core.commInfoReply(message) },
        "comm_open": { core, message in core.commOpen(message) },
        "comm_msg": { _, _ in nil },
        "comm_close": { _, _ in nil },
        "shutdown_request": { core, message in core.shutdownReply(message) },
        "interrupt_request": { core, message in core.interruptReply(message) },
    ]

    /// The requests that run the interpreter: answered on shell, refused with an error reply on control.
    static let shellOnlyRequestTypes: Set<String> = ["execute_request", "complete_request", "inspect_request", "is_complete_request"]

    /// Creates a core around `interpreter`.
    public init(interpreter: Interpreter, factory: MessageFactory = MessageFactory()) {
        self.interpreter = interpreter
        self.factory = factory
    }

    /// Publishes the `starting` status; only the first call does anything.
    public func publishStarting() {
        state.lock()
        let first = !hasPublishedStarting
        hasPublishedStarting = true
        state.unlock()
        if first { publishStatus("starting", parent: nil) }
    }

    /// Stops the running cell (and any wait for input) at its next check; callable from any thread or a signal handler queue.
    public func interrupt() {
        inputCancellation.raise()
        interpreter.interrupt()
    }

    /// Tells the core that no request is waiting on shell any more, which ends aborting after a failed cell
    /// (like ipykernel's `stop_on_error`: only the requests queued at the time of the error are aborted).
    public func shellQueueDrained() {
        state.lock()
        isAbortingQueuedExecutions = false
        state.unlock()
    }

    /// Handles one decoded request: busy, dispatch, reply through `reply`, idle.
    public func handle(_ message: Message, from channel: Channel, reply: (Message) -> Void) {
        publishStatus("busy", parent: message)
        defer { publishStatus("idle", parent: message) }
        guard let handler = Self.dispatchTable[message.messageType] else {
            Self.log("ignoring unknown message type '\(message.messageType)' on \(channel.rawValue)")
            return
        }
        let replyType = Self.replyType(for: message.messageType)
        do {
            if channel == .control, Self.shellOnlyRequestTypes.contains(message.messageType) {
                throw JupyterProtocolError.shellOnlyRequest(message.messageType)
            }
            if let content = try handler(self, message) {
                reply(factory.reply(to: message, type: replyType, content: content))
            }
        } catch {
            Self.log("handler for '\(message.messageType)' failed: \(error)")
            let content: JSONValue = [
                "status": "error", "ename": .string(String(describing: type(of: error))),
                "evalue": .string(String(describing: error)), "traceback": [],
            ]
            reply(factory.reply(to: message, type: replyType, content: content))
        }
    }

    var isAborting: Bool {
        state.lock()
        defer { state.unlock() }
        return isAbortingQueuedExecutions
    }

    /// `foo_request` → `foo_reply`.
    static func replyType(for requestType: String) -> String {
        requestType.hasSuffix("_request") ? String(requestType.dropLast("_request".count)) + "_reply" : requestType + "_reply"
    }

    /// Publishes a message on IOPub, as caused by `parent`.
    func publish(_ messageType: String, content: JSONValue, parent: Message?, metadata: JSONValue = .emptyObject) {
        transport?.publish(factory.broadcast(type: messageType, content: content, parent: parent, metadata: metadata))
    }

    func publishStatus(_ executionState: String, parent: Message?) {
        publish("status", content: ["execution_state": .string(executionState)], parent: parent)
    }

    /// Writes a diagnostic line to standard error.
    static func log(_ text: String) {
        FileHandle.standardError.write(Data("[swift-experiments] \(text)\n".utf8))
    }
}

/// A thread-safe flag raised by an interrupt and cleared when a new cell starts.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    func clear() {
        lock.lock()
        raised = false
        lock.unlock()
    }

    var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }
}
