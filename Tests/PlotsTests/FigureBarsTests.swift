import Foundation
import Testing
@testable import Plots

@Suite("Bar charts and histograms")
struct FigureBarsTests {
    @Test("bars stand on zero with category labels")
    func categoricalBars() throws {
        var figure = Figure(width: 480, height: 320, title: "Codebook usage", xLabel: "code", yLabel: "count")
        figure.bar([12, 40, 3, 25, 0, 18], labels: ["a", "b", "c", "d", "e", "f"])
        try saveSampleIfRequested(figure, name: "bars")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.width == 960 && image.height == 640)
        #expect(image.count(of: Color.categorical(0), x: 0..<960, y: 0..<640, tolerance: 10) > 5000)
        let ticks = try ChartRenderer(figure: figure, canvas: Canvas(width: 480, height: 320, scale: 1))
        #expect(ticks.horizontalTicks(scale: ticks.scales().x).map(\.label) == ["a", "b", "c", "d", "e", "f"])
        #expect(ticks.scales().y.lower == 0)
    }

    @Test("histogram counts every finite value once; the last bin includes its right edge")
    func histogramCounting() {
        let counts = histogramCounts([0, 0.5, 1, 1.5, 2, .nan, 2], bins: 4)
        #expect(counts.height == [1, 1, 1, 3])
        #expect(counts.left.first == 0 && counts.right.last == 2)
    }

    @Test("histogram renders with a numeric axis")
    func histogramRenders() throws {
        var figure = Figure(width: 480, height: 320, title: "Weights", xLabel: "value", yLabel: "count")
        figure.histogram((0..<2000).map { sin(Double($0) * 0.731) * cos(Double($0) * 0.177) }, bins: 30, name: "layer 1")
        try saveSampleIfRequested(figure, name: "histogram")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.count(of: Color.categorical(0), x: 0..<960, y: 0..<640, tolerance: 10) > 5000)
    }
}
