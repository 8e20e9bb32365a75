import Foundation
import JupyterProtocol

/// Serves a `KernelCore` on the five ZeroMQ sockets a connection file describes.
///
/// Threads: shell (large stack; runs cells and owns stdin), control, IOPub, heartbeat. Outputs reach IOPub
/// through a queue, so a cell's prints stream while it runs. `run()` blocks until a `shutdown_request`.
public final class KernelServer: KernelTransport, @unchecked Sendable {
    /// The protocol logic being served.
    public let core: KernelCore
    let context: ZMQContext
    let shell: RequestChannel
    let control: RequestChannel
    let stdin: StdinChannel
    let iopub: IOPubChannel
    let heartbeat: HeartbeatChannel
    let shellStackSize: Int
    private let shutdownSignal = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var restartRequested = false

    /// Binds all sockets.
    ///
    /// - Parameters:
    ///   - connection: ports, transport and key from the connection file.
    ///   - interpreter: the language to serve.
    ///   - shellStackSize: stack bytes for the thread that runs cells (a tree-walking interpreter recurses deeply).
    /// - Throws: `JupyterProtocolError` for a bad scheme, `JupyterZMQError` when a socket cannot be bound.
    public init(connection: ConnectionInfo, interpreter: Interpreter, shellStackSize: Int = 512 << 20) throws {
        let codec = WireCodec(signer: try connection.makeSigner())
        let factory = MessageFactory()
        context = try ZMQContext()
        core = KernelCore(interpreter: interpreter, factory: factory)
        shell = try RequestChannel(context: context, endpoint: connection.endpoint(of: .shell), channel: .shell, codec: codec)
        control = try RequestChannel(context: context, endpoint: connection.endpoint(of: .control), channel: .control, codec: codec)
        stdin = try StdinChannel(context: context, endpoint: connection.endpoint(of: .stdin), codec: codec)
        iopub = try IOPubChannel(context: context, endpoint: connection.endpoint(of: .iopub), codec: codec, factory: factory)
        heartbeat = try HeartbeatChannel(context: context, endpoint: connection.endpoint(of: .heartbeat))
        self.shellStackSize = shellStackSize
        core.transport = self
    }

    /// Serves until a `shutdown_request`, then closes the sockets; returns the request's `restart` flag.
    public func run() -> Bool {
        iopub.start()
        heartbeat.start()
        core.publishStarting()
        control.start(core: core, stackSize: 0)
        shell.start(core: core, stackSize: shellStackSize, onExit: { [stdin] in stdin.socket.close() })
        shutdownSignal.wait()
        control.requestStop()
        shell.requestStop()
        let controlFinished = control.waitUntilFinished(timeoutSeconds: 2)
        let shellFinished = shell.waitUntilFinished(timeoutSeconds: 2)
        iopub.stop(timeoutSeconds: 2)
        heartbeat.stop(timeoutSeconds: 1)
        if controlFinished && shellFinished {
            context.terminate()
        } else {
            Self.log("a channel thread is still busy at shutdown; exiting without closing it")
        }
        lock.lock()
        defer { lock.unlock() }
        return restartRequested
    }

    /// Queues `message` for IOPub.
    public func publish(_ message: Message) {
        iopub.enqueue(message)
    }

    /// Sends an `input_request` on stdin and waits for the reply; called on the shell thread.
    public func requestInput(_ request: Message, isCancelled: @escaping () -> Bool) throws -> Message {
        try stdin.roundTrip(request) { [shell] in isCancelled() || shell.isStopRequested }
    }

    /// Ends `run()` after the current request.
    public func shutdown(restart: Bool) {
        lock.lock()
        restartRequested = restart
        lock.unlock()
        shutdownSignal.signal()
    }

    /// Writes a diagnostic line to standard error.
    static func log(_ text: String) {
        FileHandle.standardError.write(Data("[swift-experiments] \(text)\n".utf8))
    }
}
