import ArgumentParser
import NotebookExport
import Foundation

/// `swift-experiments export NOTEBOOK.ipynb --package DIR`: writes the notebook as a SwiftPM package — a
/// `Package.swift` depending on this package's library products by path and a `main.swift` with the code cells
/// in order — that builds with `swift build` and prints the notebook's text outputs when run.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a notebook as a SwiftPM package whose program runs its cells."
    )

    @ArgumentParser.Argument(help: "The notebook (.ipynb) to export.")
    var notebook: String

    @Option(help: "The package directory to write (created if needed).")
    var package: String

    @Option(help: "The root of the swift-experiments package the program depends on (default: found from this binary).")
    var libraryPath: String?

    func run() throws {
        let (moduleName, mainSwift) = try NotebookExport.program(ofNotebookAt: URL(fileURLWithPath: notebook))
        let root = URL(fileURLWithPath: package)
        let sources = root.appendingPathComponent("Sources").appendingPathComponent(moduleName)
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        try mainSwift.write(to: sources.appendingPathComponent("main.swift"), atomically: true, encoding: .utf8)
        try NotebookExport.packageManifest(moduleName: moduleName, libraryPath: try resolvedLibraryPath())
            .write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        print("wrote \(root.path) (target \(moduleName))")
    }

    /// This package's root: the one given, else the directory above `.build` that holds this binary.
    private func resolvedLibraryPath() throws -> String {
        if let libraryPath { return URL(fileURLWithPath: libraryPath).standardizedFileURL.path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: directory.appendingPathComponent("Sources/Models").path) {
                return directory.path
            }
            directory.deleteLastPathComponent()
        }
        throw ValidationError("cannot find the swift-experiments package from this binary; pass --library-path")
    }
}
