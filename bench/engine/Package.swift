// swift-tools-version: 6.1
// Engine benchmarks: builds only Autograd (symlinked from the main package) and one executable,
// so measuring the engine never compiles the kernel's dependencies. Run with ./run.sh.
import PackageDescription

let package = Package(
    name: "engine-benchmark",
    targets: [
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas"),
        .target(name: "Autograd", dependencies: ["COpenBLAS"]),
        .executableTarget(name: "EngineBenchmark", dependencies: ["Autograd", "COpenBLAS"]),
    ],
    swiftLanguageModes: [.v5]
)
