import Foundation

extension PlotsBenchmark {
    /// The fastest of `repetitions` timings, in milliseconds, of each stage of the loss plot — building and
    /// drawing the figure, converting its pixels, encoding the PNG — for finding where time goes.
    ///
    /// - Parameter repetitions: Timed runs of each stage (at least 1); the fastest counts.
    public static func stageTimings(repetitions: Int = 10) throws -> (render: Double, pixels: Double, encode: Double) {
        func now() -> Double { threadCPUSeconds() * 1e3 }
        var best = (render: Double.infinity, pixels: Double.infinity, encode: Double.infinity)
        for _ in 0..<max(1, repetitions) {
            let start = now()
            let canvas = try lossPlot().render()
            let rendered = now()
            canvas.flush()
            let converted = now()
            _ = try PNGEncoder.encode(canvas)
            let encoded = now()
            best = (min(best.render, rendered - start), min(best.pixels, converted - rendered),
                    min(best.encode, encoded - converted))
        }
        return best
    }
}
