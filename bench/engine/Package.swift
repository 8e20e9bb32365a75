// swift-tools-version: 6.1
// Engine benchmarks and tests: builds only Autograd and AutogradTests (symlinked from the main
// package) and one executable, so working on the engine never compiles the kernel's dependencies.
// Benchmarks: bench/engine/run.sh.  Tests: swift test --package-path bench/engine
import PackageDescription

let package = Package(
    name: "engine-benchmark",
    targets: [
        .target(name: "CSharedLibrary", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "COpenBLAS", dependencies: ["CSharedLibrary"]),
        .target(name: "Autograd", dependencies: ["COpenBLAS"]),
        .executableTarget(name: "EngineBenchmark", dependencies: ["Autograd", "COpenBLAS"]),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd"], resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v5]
)
