import ArgumentParser
import Plots

/// `swift-experiments bench-plots`: times our side of bench/plots_bench.py (an 800×500 two-series loss plot
/// of 2,000 points and a grid of 32 28×28 digits, rendered to PNG) and prints the timings as one JSON line.
struct BenchPlotsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-plots",
        abstract: "Time the plotting benchmark workloads and print them as JSON (used by bench/plots_bench.py)."
    )

    @Option(help: "How many times to render each workload; the median is reported.")
    var repetitions = 20

    func run() throws {
        print(try PlotsBenchmark.run(repetitions: repetitions).json)
    }
}
