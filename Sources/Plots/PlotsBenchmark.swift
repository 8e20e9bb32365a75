import Foundation

/// Times the two workloads that `bench/plots_bench.py` runs in matplotlib (Agg) for comparison:
/// an 800×500 two-series loss plot of 2,000 points, and a grid of 32 28×28 grey images. Each timing
/// covers building the figure, rendering it and encoding the PNG in memory — what a notebook cell does.
///
/// ```swift
/// let result = try PlotsBenchmark.run(repetitions: 20)
/// print(result.json)   // one line; bench/plots_bench.py parses it
/// ```
public enum PlotsBenchmark {
    /// Timings of one workload at one device scale.
    public struct Measurement: Sendable {
        /// "loss_plot" or "image_grid".
        public var workload: String
        /// Device pixels per point the PNG was rendered at.
        public var scale: Double
        /// Median wall-clock seconds per figure.
        public var medianSeconds: Double
        /// Fastest wall-clock seconds per figure.
        public var bestSeconds: Double
        /// Median CPU seconds of the rendering thread per figure (robust when other processes share the cores).
        public var medianCPUSeconds: Double
        /// PNG size in bytes.
        public var pngBytes: Int
        /// PNG width in pixels.
        public var pixelWidth: Int
        /// PNG height in pixels.
        public var pixelHeight: Int
    }

    /// Every workload at 2× (the default) and 1×, so each can be compared with matplotlib at the same pixels.
    public struct Result: Sendable {
        /// One entry per workload and scale.
        public var measurements: [Measurement]
        /// Timed repetitions per entry.
        public var repetitions: Int

        /// The result as one JSON object on one line, the format `bench/plots_bench.py` reads.
        public var json: String {
            let entries = measurements.map { entry in
                "{\"workload\": \"\(entry.workload)\", \"scale\": \(entry.scale), \"median_s\": \(entry.medianSeconds), "
                    + "\"best_s\": \(entry.bestSeconds), \"median_cpu_s\": \(entry.medianCPUSeconds), \"png_bytes\": \(entry.pngBytes), "
                    + "\"width_px\": \(entry.pixelWidth), \"height_px\": \(entry.pixelHeight)}"
            }
            return "{\"plots_benchmark\": [\(entries.joined(separator: ", "))], \"repetitions\": \(repetitions)}"
        }
    }

    /// The loss plot workload: two 2,000-point series on an 800×500-point figure rendered at 2×.
    public static func lossPlot() -> Figure {
        var figure = Figure(width: 800, height: 500, title: "Training loss", xLabel: "step", yLabel: "loss")
        figure.plot(benchmarkLoss(floor: 0.2, phase: 0), name: "train")
        figure.plot(benchmarkLoss(floor: 0.35, phase: 1.3), name: "validation")
        return figure
    }

    /// The image grid workload: 32 synthetic 28×28 grey digits, 8 to a row, each pixel drawn 2×2 points.
    public static func imageGrid() -> Figure {
        let images = (0..<32).map { index in
            PlotImage(pixels: benchmarkDigit(index), width: 28, height: 28)
        }
        return Figure.imageGrid(images, columns: 8, pixelScale: 2)
    }

    /// Runs each workload once untimed (to warm font caches), then `repetitions` timed times, at 2× and 1×.
    ///
    /// - Parameter repetitions: Timed runs of each workload at each scale (at least 1).
    public static func run(repetitions: Int = 20) throws -> Result {
        let count = max(1, repetitions)
        var measurements: [Measurement] = []
        for (name, make) in [("loss_plot", lossPlot), ("image_grid", imageGrid)] {
            for scale in [2.0, 1.0] {
                func build() -> Figure {
                    var figure = make()
                    figure.scale = scale
                    return figure
                }
                let figure = build()
                let timing = try time(count) { try build().pngData() }
                measurements.append(Measurement(
                    workload: name, scale: scale, medianSeconds: timing.median, bestSeconds: timing.best,
                    medianCPUSeconds: timing.medianCPU,
                    pngBytes: timing.bytes, pixelWidth: Int((Double(figure.width) * scale).rounded()),
                    pixelHeight: Int((Double(figure.height) * scale).rounded())))
            }
        }
        return Result(measurements: measurements, repetitions: count)
    }

    /// Median and fastest wall-clock seconds and median thread CPU seconds of `work`, after one untimed run
    /// that also gives the byte count.
    private static func time(_ repetitions: Int, _ work: () throws -> Data) throws
        -> (median: Double, best: Double, medianCPU: Double, bytes: Int) {
        let bytes = try work().count
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds, cpuStart = threadCPUSeconds()
            _ = try work()
            cpu.append(threadCPUSeconds() - cpuStart)
            wall.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        wall.sort()
        cpu.sort()
        return (wall[wall.count / 2], wall[0], cpu[cpu.count / 2], bytes)
    }
}

/// CPU seconds used so far by the calling thread.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The benchmark's loss curve: the same formula `bench/plots_bench.py` uses.
func benchmarkLoss(floor: Double, phase: Double, count: Int = 2000) -> [Double] {
    (0..<count).map { step in
        let t = Double(step)
        return floor + 2 * exp(-t / 400) + 0.05 * sin(t * 0.37 + phase) + 0.03 * sin(t * 2.1 + phase * 3)
    }
}

/// The benchmark's 28×28 image number `index`: a ring whose radius and centre depend on the index.
func benchmarkDigit(_ index: Int) -> [Float] {
    let radius = 5 + Double(index % 7), centreX = 13.5 + Double(index % 3) - 1, centreY = 13.5 + Double(index % 5) - 2
    return (0..<(28 * 28)).map { pixel in
        let x = Double(pixel % 28) - centreX, y = Double(pixel / 28) - centreY
        return Float(max(0, 1 - abs((x * x + y * y).squareRoot() - radius) / 2))
    }
}
