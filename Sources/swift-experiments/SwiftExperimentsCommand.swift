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
        subcommands: [KernelCommand.self, InstallCommand.self, BenchPlotsCommand.self]
    )
}
