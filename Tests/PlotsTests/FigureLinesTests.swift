import Foundation
import Testing
@testable import Plots

/// A decreasing, noisy-looking but deterministic loss curve.
func syntheticLoss(count: Int, start: Double, floor: Double, phase: Double) -> [Double] {
    (0..<count).map { step in
        let t = Double(step)
        return floor + (start - floor) * exp(-t / Double(count) * 4) + 0.08 * sin(t * 0.37 + phase) * exp(-t / Double(count))
    }
}

func lossFigure() -> Figure {
    var figure = Figure(width: 640, height: 400, title: "Training loss", xLabel: "step", yLabel: "loss")
    figure.plot(syntheticLoss(count: 600, start: 2.3, floor: 0.2, phase: 0), name: "train")
    figure.plot(syntheticLoss(count: 600, start: 2.4, floor: 0.35, phase: 1.3), name: "validation")
    return figure
}

@Suite("Line figures")
struct FigureLinesTests {
    @Test("PNG decodes to twice the logical size")
    func decodesAtDoubleScale() throws {
        let figure = lossFigure()
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.width == 1280)
        #expect(image.height == 800)
        #expect(figure.displaySize == (640, 400))
    }

    @Test("the same figure gives the same bytes")
    func deterministicBytes() throws {
        let first = try lossFigure().pngData()
        let second = try lossFigure().pngData()
        #expect(first == second)
        #expect(first.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    @Test("ink where the title, labels and lines are; white in the corners")
    func inkWhereExpected() throws {
        let figure = lossFigure()
        try saveSampleIfRequested(figure, name: "lines")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        // Title: centred at the top.
        #expect(image.inkCount(x: 500..<800, y: 15..<55) > 200)
        // x label near the bottom centre, y label at the left edge.
        #expect(image.inkCount(x: 560..<760, y: 750..<795) > 50)
        #expect(image.inkCount(x: 15..<50, y: 300..<500) > 50)
        // Both series colours appear inside the plot area.
        #expect(image.count(of: Color.categorical(0), x: 120..<1260, y: 60..<700) > 500)
        #expect(image.count(of: Color.categorical(1), x: 120..<1260, y: 60..<700) > 500)
        // Top-left corner is blank.
        #expect(image.inkCount(x: 0..<15, y: 0..<15, threshold: 250) == 0)
    }

    @Test("log-y, smoothing and epoch markers render and change the picture")
    func logSmoothingEpochs() throws {
        var figure = lossFigure()
        let plain = try figure.pngData()
        figure.logY = true
        figure.smoothingWindow = 25
        figure.markEpochs(stepsPerEpoch: 100)
        try saveSampleIfRequested(figure, name: "lines-log-smoothed")
        #expect(figure.epochMarkers == [100, 200, 300, 400, 500])
        let decorated = try figure.pngData()
        #expect(decorated != plain)
        let image = try #require(DecodedImage(png: decorated))
        // Faint raw series: light blue pixels exist besides the strong smoothed line.
        let faint = Color.categorical(0).mixed(with: .white, fraction: 0.75)
        #expect(image.count(of: faint, x: 120..<1260, y: 60..<700, tolerance: 12) > 200)
    }

    @Test("mismatched x and y lengths throw a named error")
    func lengthMismatch() {
        var figure = Figure()
        figure.plot([1, 2, 3], x: [0, 1], name: "loss")
        #expect(throws: PlotsError.lengthMismatch(what: "line series 'loss' x", expected: 3, actual: 2)) {
            try figure.pngData()
        }
    }

    @Test("an empty figure throws instead of drawing nothing")
    func emptyFigure() {
        #expect(throws: PlotsError.self) { try Figure(title: "nothing").pngData() }
    }

    @Test("moving average is trailing and ignores non-finite values")
    func movingAverageValues() {
        #expect(movingAverage([1, 2, 3, 4], window: 2) == [1, 1.5, 2.5, 3.5])
        #expect(movingAverage([1, .nan, 3], window: 2) == [1, 1, 3])
        #expect(movingAverage([5, 6], window: 1) == [5, 6])
    }

    @Test("save writes the PNG file")
    func saveWritesFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("plots-save-\(getpid()).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let figure = lossFigure()
        try figure.save(path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == figure.pngData())
    }
}
