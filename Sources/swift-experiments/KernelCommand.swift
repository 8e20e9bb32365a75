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

    @Option(name: .customLong("connection-file"), help: "The connection file written by the frontend.")
    var connectionFile: String

    @Option(name: .customLong("stack-megabytes"), help: "Stack size of the thread that runs cells.")
    var stackMegabytes = 64

    func run() throws {
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
