import Foundation
import Testing
@testable import Plots

@Suite("Edge cases render without crashing")
struct FigureEdgeCaseTests {
    static let awkwardSeries: [(name: String, values: [Double])] = [
        ("single point", [3]),
        ("constant", [2, 2, 2, 2]),
        ("all NaN", [.nan, .nan, .nan]),
        ("with gaps", [1, .nan, 3, .infinity, 5]),
        ("huge", [1e9, 3e9, 2e9]),
        ("tiny", [1e-9, 3e-9, 2e-9]),
        ("negative", [-5, -1, -3]),
    ]

    @Test("awkward values on linear and log axes", arguments: awkwardSeries.map(\.name))
    func awkwardValues(name: String) throws {
        let values = try #require(Self.awkwardSeries.first { $0.name == name }?.values)
        for logY in [false, true] {
            var figure = Figure(width: 300, height: 200, title: name)
            figure.plot(values, name: name)
            figure.logY = logY
            let image = try #require(DecodedImage(png: try figure.pngData()))
            #expect(image.width == 600 && image.height == 400)
        }
    }

    @Test("a tiny figure still renders")
    func tinyFigure() throws {
        var figure = Figure(width: 40, height: 30, title: "a long title that does not fit", xLabel: "x", yLabel: "y")
        figure.plot([1, 2, 3], name: "a legend entry wider than the plot")
        #expect(DecodedImage(png: try figure.pngData())?.width == 80)
    }

    @Test("invalid sizes throw with the values")
    func invalidSize() {
        var figure = Figure(width: 0, height: 100)
        figure.plot([1, 2])
        #expect(throws: PlotsError.invalidSize(width: 0, height: 100, scale: 2)) { try figure.pngData() }
    }

    @Test("ten classes of a latent space get ten legend entries")
    func tenClasses() throws {
        var x: [Double] = [], y: [Double] = [], labels: [Int] = []
        for index in 0..<5000 {
            let label = index % 10, angle = Double(label) / 10 * 2 * Double.pi
            let spread = Double((index * 7919) % 1000) / 1000
            x.append(cos(angle) * 3 + cos(Double(index)) * spread)
            y.append(sin(angle) * 3 + sin(Double(index)) * spread)
            labels.append(label)
        }
        var figure = Figure(width: 560, height: 460, title: "Latent space by digit", xLabel: "z₁", yLabel: "z₂")
        figure.scatter(x: x, y: y, labels: labels, pointRadius: 1.5)
        try saveSampleIfRequested(figure, name: "scatter-digits")
        #expect(ChartRenderer.legendNames(of: figure) == (0..<10).map(String.init))
        #expect(DecodedImage(png: try figure.pngData()) != nil)
    }

    @Test("vertical grid lines are drawn for negative ticks too")
    func verticalGridWithNegativeTicks() throws {
        var figure = Figure(width: 300, height: 200)
        figure.plot([0, 0], x: [-3, 3])
        let image = try #require(DecodedImage(png: try figure.pngData()))
        // Columns that are grid-coloured over most of the plot's height are vertical grid lines.
        let gridColumns = (0..<image.width).filter { column in
            image.count(of: Color(hex: 0xDDDDDD), x: column..<(column + 1), y: 0..<image.height, tolerance: 6)
                > image.height / 2
        }
        #expect(gridColumns.count >= 4) // ticks at −2, 0 and 2: lines two device pixels wide
    }
}
