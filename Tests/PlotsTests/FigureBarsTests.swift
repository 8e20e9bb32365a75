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

    @Test("histograms of extreme values, a single huge value or a huge bin count are counted and drawn")
    func histogramExtremes() throws {
        let wide = histogramCounts([1e308, -1e308, 0], bins: 4)
        #expect(wide.height == [1, 0, 1, 1])
        #expect((wide.left + wide.right).allSatisfy(\.isFinite) && wide.left.first == -1e308 && wide.right.last == 1e308)
        let single = histogramCounts([1e300, 1e300], bins: 3)
        #expect(single.height == [0, 2, 0] && single.left.first! < 1e300 && single.right.last! > 1e300)
        var figure = Figure(width: 320, height: 200, title: "extremes")
        figure.histogram([1e308, -1e308, 0], bins: .max)
        figure.histogram([1e300, 1e300], bins: 3)
        if case .bars(let series) = figure.marks.first { #expect(series.height.count == Figure.maximumHistogramBins) }
        #expect(DecodedImage(png: try figure.pngData()) != nil)
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
