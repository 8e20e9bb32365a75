// swift-tools-version: 6.1
// Swift Experiments: a Jupyter kernel whose cells are Swift, and the model library it drives.
// Layers and import rules: see ../shared/DESIGN.md (the ML stack never imports a Jupyter module).
import Foundation
import PackageDescription

let package = Package(
    name: "swift-experiments",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "swift-experiments", targets: ["swift-experiments"]),
        .library(name: "Autograd", targets: ["Autograd"]),
        .library(name: "NeuralNetworks", targets: ["NeuralNetworks"]),
        .library(name: "Datasets", targets: ["Datasets"]),
        .library(name: "Models", targets: ["Models"]),
        .library(name: "Plots", targets: ["Plots"]),
        .library(name: "Notebook", targets: ["Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
    ],
    targets: [
        // C shims: a modulemap and a one-line header each, found through pkg-config.
        .systemLibrary(name: "CZeroMQ", pkgConfig: "libzmq", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenBLAS (libopenblas-dev) and cairo (libcairo2-dev) are loaded on first use, not at start-up:
        // these C targets define the functions we call as forwarders into the library, opened by dlopen.
        .target(name: "CSharedLibrary", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "COpenBLAS", dependencies: ["CSharedLibrary"]),
        .target(name: "CCairo", dependencies: ["CSharedLibrary"]),

        // The model library: no Jupyter module below this line.
        .target(name: "Autograd", dependencies: ["COpenBLAS"]),
        .target(name: "NeuralNetworks", dependencies: ["Autograd"]),
        .target(name: "Datasets", dependencies: ["CZlib"]),
        .target(name: "Models", dependencies: ["NeuralNetworks", "Datasets"]),
        .target(name: "Plots", dependencies: ["CCairo", "CLibPNG"]),
        // What a notebook shows: rich renderings of library values, `display`, plots of histories and tensors.
        .target(name: "Notebook", dependencies: ["Autograd", "NeuralNetworks", "Datasets", "Models", "Plots"]),

        // The kernel.
        .target(name: "JupyterProtocol", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "JupyterZMQ", dependencies: ["JupyterProtocol", "CZeroMQ"]),
        // The cell language: values and the binding runtime; the library's bindings, generated; the interpreter.
        .target(name: "CellRuntime", swiftSettings: interpreterSettings),
        .target(name: "LibraryBindings", dependencies: [
            "CellRuntime", "Autograd", "NeuralNetworks", "Datasets", "Models", "Plots", "Notebook",
        ], exclude: ["Exclusions.txt"]),
        .target(name: "CellLanguage", dependencies: [
            "CellRuntime", "NotebookExport",
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftParserDiagnostics", package: "swift-syntax"),
            .product(name: "SwiftDiagnostics", package: "swift-syntax"),
        ], swiftSettings: interpreterSettings),
        // What `make generate` writes: the cell bindings from the library's public declarations
        // (Sources/LibraryBindings/Generated) and the notebooks as Swift programs (Examples/).
        .target(name: "BindingGenerator", dependencies: [
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
        ]),
        .target(name: "NotebookExport", dependencies: [
            .product(name: "SwiftSyntax", package: "swift-syntax"),
            .product(name: "SwiftParser", package: "swift-syntax"),
        ]),
        .executableTarget(name: "generate", dependencies: ["BindingGenerator", "NotebookExport"]),
        .executableTarget(name: "swift-experiments", dependencies: [
            "JupyterProtocol", "JupyterZMQ", "CellLanguage", "LibraryBindings", "NotebookExport", "Plots",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: staticSwiftRuntime),

        .testTarget(name: "AutogradTests", dependencies: ["Autograd"], resources: [.copy("Fixtures")]),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ModelsTests", dependencies: ["Models"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotsTests", dependencies: ["Plots", "CLibPNG"], resources: [.copy("Goldens")]),
        .testTarget(name: "JupyterProtocolTests", dependencies: ["JupyterProtocol"]),
        .testTarget(name: "JupyterZMQTests", dependencies: ["JupyterZMQ"]),
        .testTarget(name: "CellLanguageTests", dependencies: ["CellLanguage", "LibraryBindings"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "BindingGeneratorTests", dependencies: ["BindingGenerator"]),
        .testTarget(name: "NotebookExportTests", dependencies: ["NotebookExport"]),
    ] + notebookPrograms,
    swiftLanguageModes: [.v5]
)

/// Links the Swift runtime and Foundation into the kernel executable, which then starts in a few
/// milliseconds instead of tens (the dynamic loader no longer resolves thousands of symbols across
/// Foundation and ICU). `-static-stdlib` at link time only: Foundation's own static dependencies are
/// named because the objects were compiled for the shared runtime, and the executable exports no
/// symbols (the static runtime's default `-export-dynamic` makes every lookup slower). Tests keep the
/// shared runtime, which XCTest needs.
var staticSwiftRuntime: [LinkerSetting] {
    let foundationDependencies = ["CoreFoundation", "_FoundationICU", "_FoundationCShims", "_FoundationCollections",
                                  "swiftSynchronization"]
    let group = ["--start-group"] + foundationDependencies.map { "-l" + $0 } + ["--end-group", "--no-export-dynamic"]
    return [.unsafeFlags(["-static-stdlib"] + group.flatMap { ["-Xlinker", $0] }, .when(platforms: [.linux]))]
}

/// The interpreter's hot loops read and write the variables of frames, boxes and globals (class properties)
/// millions of times a second; Swift's run-time exclusivity checks on each access cost a quarter of a simple
/// loop. The engine never holds two accesses to one variable at once (a value being changed is moved out
/// first), so the checks are off in these two modules. (Computed: the manifest runs top to bottom, and a stored
/// global declared below `package` would still be empty when the targets above read it.)
var interpreterSettings: [SwiftSetting] { [.unsafeFlags(["-enforce-exclusivity=unchecked"])] }

/// The shipped notebooks as Swift programs, `Examples/<Name>/main.swift` (written by `make generate`, checked in),
/// each an executable target built with everything else, so the library is compiled once. A program depends on
/// the library's products as an exported notebook's package does.
var notebookPrograms: [Target] {
    let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
    return names.sorted().filter { !$0.hasPrefix(".") }.map { name in
        .executableTarget(name: name, dependencies: ["Autograd", "NeuralNetworks", "Datasets", "Models", "Plots", "Notebook"],
                          path: "Examples/\(name)")
    }
}
