import Foundation
import Testing
@testable import Plots

@Suite("Heatmaps")
struct FigureHeatmapTests {
    @Test("attention weights: colours span the map and a colour bar is drawn")
    func attentionHeatmap() throws {
        let size = 12
        let weights: [[Float]] = (0..<size).map { row in
            let raw = (0..<size).map { column in exp(-Float(abs(row - column)) * 0.8) }
            let total = raw.reduce(0, +)
            return raw.map { $0 / total }
        }
        let tokens = (0..<size).map { "t\($0)" }
        let figure = Figure.heatmap(weights, rowLabels: tokens, columnLabels: tokens, title: "Attention",
                                    xLabel: "key", yLabel: "query")
        try saveSampleIfRequested(figure, name: "heatmap")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.width == 1040 && image.height == 880)
        let low = ColorMap.viridis.color(at: 0), high = ColorMap.viridis.color(at: 1)
        #expect(image.count(of: low, x: 0..<1040, y: 0..<880, tolerance: 12) > 2000)
        #expect(image.count(of: high, x: 0..<1040, y: 0..<880, tolerance: 30) > 500)
    }

    @Test("confusion matrix writes counts in the cells")
    func confusionMatrix() throws {
        let counts = [[50, 2, 0], [3, 41, 6], [0, 5, 45]]
        let figure = Figure.confusionMatrix(counts, classNames: ["cat", "dog", "bird"])
        try saveSampleIfRequested(figure, name: "confusion")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.width == 1040 && image.height == 920)
        // The darkest cell (50, top-left) carries white text: light pixels inside a dark-blue cell.
        let darkest = ColorMap.blues.color(at: 1)
        #expect(image.count(of: darkest, x: 0..<1040, y: 0..<920, tolerance: 12) > 5000)
    }

    @Test("ragged rows are rejected with the row number")
    func raggedMatrix() {
        let figure = Figure.heatmap([[1.0, 2.0], [3.0]])
        #expect(throws: PlotsError.raggedMatrix(row: 1, expected: 2, actual: 1)) { try figure.pngData() }
    }

    @Test("colour maps interpolate between their stops")
    func colorMapInterpolation() {
        let map = ColorMap(stops: [.black, .white])
        #expect(map.color(at: 0.5) == Color(red: 0.5, green: 0.5, blue: 0.5))
        #expect(map.color(at: -1) == .black && map.color(at: 2) == .white)
    }
}
