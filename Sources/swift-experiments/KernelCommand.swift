import ArgumentParser
import Foundation
import JupyterProtocol
import JupyterZMQ

/// `swift-experiments kernel --connection-file FILE`: what the kernelspec's argv runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Serve a Jupyter kernel on the sockets named in a connection file."
    )

    /// The stack of the thread that runs cells, unless `--stack-megabytes` says otherwise.
    static let defaultStackMegabytes = 64

    @Option(name: .customLong("connection-file"), help: "The connection file written by the frontend.")
    var connectionFile: String

    @Option(name: .customLong("stack-megabytes"), help: "Stack size of the thread that runs cells.")
    var stackMegabytes = KernelCommand.defaultStackMegabytes

    func run() throws {
        try Self.serve(connectionFile: connectionFile, stackMegabytes: stackMegabytes)
    }

    /// The connection file when `arguments` (without the program name) are exactly the kernelspec's
    /// argv, `kernel --connection-file FILE`; nil for anything else, which goes through the full parser.
    static func connectionFile(inKernelspecArguments arguments: [String]) -> String? {
        guard arguments.count == 3, arguments[0] == configuration.commandName, arguments[1] == "--connection-file",
              !arguments[2].hasPrefix("-") else { return nil }
        return arguments[2]
    }

    /// Binds the sockets first (a frontend connects as soon as it has started the process), then serves
    /// until a `shutdown_request`.
    static func serve(connectionFile: String, stackMegabytes: Int) throws {
        let connection = try ConnectionInfo(contentsOf: connectionFile)
        let interpreter = CellSessionInterpreter(version: SwiftExperimentsCommand.version)
        let server = try KernelServer(connection: connection, interpreter: interpreter,
                                      shellStackSize: stackMegabytes << 20)
        let interruptSignal = InterruptSignal { [core = server.core] in core.interrupt() }
        interpreter.warmUp()
        let restart = server.run()
        interruptSignal.cancel()
        if restart {
            FileHandle.standardError.write(Data("[swift-experiments] shutting down for restart\n".utf8))
        }
    }
}
