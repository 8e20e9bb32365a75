// swift-tools-version: 6.1
// Model benchmarks: builds only the ML library (Autograd, NeuralNetworks, Datasets, Models,
// symlinked from the main package) and one executable that times training epochs through the
// models' own `fit`, as a notebook calls it. Driven by bench/run.py (`make bench`).
import PackageDescription

let package = Package(
    name: "model-benchmark",
    targets: [
        .target(name: "CSharedLibrary", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "COpenBLAS", dependencies: ["CSharedLibrary"]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib"),
        .target(name: "Autograd", dependencies: ["COpenBLAS"]),
        .target(name: "NeuralNetworks", dependencies: ["Autograd"]),
        .target(name: "Datasets", dependencies: ["CZlib"]),
        .target(name: "Models", dependencies: ["NeuralNetworks", "Datasets"]),
        .executableTarget(name: "ModelBenchmark", dependencies: ["Models", "COpenBLAS"]),
    ],
    swiftLanguageModes: [.v5]
)
