import Foundation
import Testing
@testable import Plots

/// Small reference figures, compared with stored PNGs within a tolerance that absorbs anti-aliasing
/// differences between Cairo/FreeType builds but catches layout, colour and text changes.
///
/// To regenerate after an intended change: `PLOTS_UPDATE_GOLDENS=1 swift test --filter GoldenImageTests`
/// (writes into Tests/PlotsTests/Goldens), then look at the images before committing them.
@Suite("Golden images")
struct GoldenImageTests {
    static func goldenFigures() -> [(name: String, figure: Figure)] {
        var lines = Figure(width: 320, height: 200, title: "Loss", xLabel: "step", yLabel: "loss")
        lines.scale = 1
        lines.plot(syntheticLoss(count: 200, start: 2, floor: 0.3, phase: 0), name: "train")
        lines.plot(syntheticLoss(count: 200, start: 2.2, floor: 0.5, phase: 2), name: "validation")
        lines.markEpochs(stepsPerEpoch: 50)

        var heatmap = Figure.confusionMatrix([[9, 1], [2, 8]], classNames: ["no", "yes"], width: 220, height: 190)
        heatmap.scale = 1

        var grid = Figure.imageGrid(rows: [(0..<4).map(syntheticDigit), (1..<5).map(syntheticDigit)],
                                    rowLabels: ["in", "out"], pixelScale: 1)
        grid.scale = 1
        return [("golden-lines", lines), ("golden-confusion", heatmap), ("golden-grid", grid)]
    }

    @Test("figures match their goldens", arguments: goldenFigures().map(\.name))
    func matchesGolden(name: String) throws {
        let figure = try #require(Self.goldenFigures().first { $0.name == name }?.figure)
        let rendered = try figure.pngData()
        if ProcessInfo.processInfo.environment["PLOTS_UPDATE_GOLDENS"] != nil {
            let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
            try rendered.write(to: directory.appendingPathComponent("\(name).png"))
        }
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "png", subdirectory: "Goldens"),
                               "missing golden \(name).png")
        let expected = try #require(DecodedImage(png: try Data(contentsOf: url)))
        let actual = try #require(DecodedImage(png: rendered))
        #expect(actual.width == expected.width && actual.height == expected.height)
        guard actual.width == expected.width, actual.height == expected.height else { return }
        var differing = 0
        var totalDifference = 0
        for index in stride(from: 0, to: actual.rgba.count, by: 4) {
            var largest = 0
            for channel in 0..<3 {
                let difference = abs(Int(actual.rgba[index + channel]) - Int(expected.rgba[index + channel]))
                largest = max(largest, difference)
                totalDifference += difference
            }
            if largest > 48 { differing += 1 }
        }
        let pixelCount = actual.width * actual.height
        // At most 0.5 % of pixels clearly different, and a small mean difference overall.
        #expect(Double(differing) / Double(pixelCount) < 0.005, "\(differing) of \(pixelCount) pixels differ")
        #expect(Double(totalDifference) / Double(pixelCount * 3) < 2.0)
    }

    @Test("the comparison notices a real change")
    func detectsChange() throws {
        var figure = try #require(Self.goldenFigures().first?.figure)
        let original = try #require(DecodedImage(png: try figure.pngData()))
        figure.title = "Different title"
        let changed = try #require(DecodedImage(png: try figure.pngData()))
        let differing = stride(from: 0, to: original.rgba.count, by: 4).filter { index in
            (0..<3).contains { abs(Int(original.rgba[index + $0]) - Int(changed.rgba[index + $0])) > 48 }
        }.count
        #expect(Double(differing) / Double(original.width * original.height) > 0.005)
    }
}
