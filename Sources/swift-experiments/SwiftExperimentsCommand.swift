import ArgumentParser

/// The `swift-experiments` command: a Jupyter kernel whose cells are Swift.
@main
struct SwiftExperimentsCommand: ParsableCommand {
    /// The version printed by `--version` and reported in `kernel_info_reply`.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "swift-experiments",
        abstract: "A Jupyter kernel whose cells are Swift, driving a from-scratch ML library.",
        version: version,
        subcommands: [KernelCommand.self, InstallCommand.self, ExportCommand.self, BenchPlotsCommand.self]
    )

    /// Serves the kernelspec's exact argv (`kernel --connection-file FILE`) straight away and parses
    /// everything else with ArgumentParser. A frontend connects to the kernel's sockets right after
    /// starting it and, finding no listener, retries only 100–200 ms later; the parser's first runtime
    /// protocol-conformance lookups scan every conformance in this large binary (several milliseconds),
    /// enough to lose that race.
    static func main() {
        guard let connectionFile = KernelCommand.connectionFile(inKernelspecArguments: Array(CommandLine.arguments.dropFirst())) else {
            return main(nil)
        }
        do {
            try KernelCommand.serve(connectionFile: connectionFile, stackMegabytes: KernelCommand.defaultStackMegabytes)
        } catch {
            exit(withError: error)
        }
    }
}
