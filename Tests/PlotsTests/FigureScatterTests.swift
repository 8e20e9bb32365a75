import Foundation
import Testing
@testable import Plots

/// Three deterministic clusters of points, labelled 0, 1 and 2.
func clusteredPoints() -> (x: [Double], y: [Double], labels: [Int]) {
    var x: [Double] = [], y: [Double] = [], labels: [Int] = []
    let centres = [(-2.0, -1.0), (1.5, 2.0), (2.5, -2.0)]
    for (label, centre) in centres.enumerated() {
        for index in 0..<120 {
            let angle = Double(index) * 2.399963, radius = 0.9 * sqrt(Double(index) / 120)
            x.append(centre.0 + radius * cos(angle))
            y.append(centre.1 + radius * sin(angle))
            labels.append(label)
        }
    }
    return (x, y, labels)
}

@Suite("Scatter figures")
struct FigureScatterTests {
    @Test("points take their category's colour and the legend lists the classes")
    func categoryColours() throws {
        let points = clusteredPoints()
        var figure = Figure(width: 480, height: 400, title: "Latent space", xLabel: "z₁", yLabel: "z₂")
        figure.scatter(x: points.x, y: points.y, labels: points.labels, classNames: ["zero", "one", "two"])
        try saveSampleIfRequested(figure, name: "scatter")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.width == 960 && image.height == 800)
        for category in 0..<3 {
            // Points are drawn at 75 % opacity over white.
            let drawn = Color.categorical(category).mixed(with: .white, fraction: 0.25)
            #expect(image.count(of: drawn, x: 0..<960, y: 0..<800, tolerance: 8) > 3000)
        }
        let legend = ChartRenderer.legendNames(of: figure)
        #expect(legend == ["zero", "one", "two"])
    }

    @Test("labels must pair with points")
    func labelCountMismatch() {
        var figure = Figure()
        figure.scatter(x: [1, 2], y: [3, 4], labels: [0])
        #expect(throws: PlotsError.lengthMismatch(what: "scatter series '' labels", expected: 2, actual: 1)) {
            try figure.pngData()
        }
    }
}

extension ChartRenderer {
    /// The legend's names for `figure`, for tests.
    static func legendNames(of figure: Figure) -> [String] {
        guard let canvas = try? Canvas(width: figure.width, height: figure.height, scale: 1),
              let renderer = try? ChartRenderer(figure: figure, canvas: canvas) else { return [] }
        return renderer.legendEntries().map(\.name)
    }
}
