import Foundation
import Testing
@testable import Plots

@Suite("Panels")
struct FigurePanelsTests {
    func panel(_ name: String, color: Color, phase: Double) -> Figure {
        var figure = Figure(width: 300, height: 220, title: name, xLabel: "step")
        figure.plot(syntheticLoss(count: 300, start: 2, floor: 0.2, phase: phase), name: name, color: color)
        return figure
    }

    @Test("panels sit side by side, each drawing its own chart")
    func sideBySide() throws {
        let figure = Figure.panels([panel("loss", color: Color.categorical(0), phase: 0),
                                    panel("kl", color: Color.categorical(3), phase: 1),
                                    panel("beta", color: Color.categorical(2), phase: 2)],
                                   title: "Multi-VAE training")
        try saveSampleIfRequested(figure, name: "panels")
        #expect(figure.width == 900)
        #expect(figure.height > 220 && figure.height < 260)
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.width == 1800)
        // Each third holds its own colour and not the others'.
        for (index, category) in [0, 3, 2].enumerated() {
            let columns = (index * 600)..<((index + 1) * 600)
            #expect(image.count(of: Color.categorical(category), x: columns, y: 0..<image.height) > 300)
            let other = [0, 3, 2][(index + 1) % 3]
            #expect(image.count(of: Color.categorical(other), x: columns, y: 0..<image.height, tolerance: 10) < 20)
        }
        #expect(figure.summary == "Figure(900×\(figure.height), \"Multi-VAE training\", 3 panels)")
    }

    @Test("columns wrap panels onto rows")
    func wrapping() {
        let figure = Figure.panels((0..<4).map { panel("p\($0)", color: Color.categorical($0), phase: Double($0)) },
                                   columns: 2)
        #expect(figure.width == 600 && figure.height == 440)
    }

    @Test("nested panels are rejected")
    func nested() {
        let inner = Figure.panels([panel("a", color: .black, phase: 0)])
        #expect(throws: PlotsError.self) { try Figure.panels([inner]).pngData() }
    }
}
