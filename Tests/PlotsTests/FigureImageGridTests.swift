import Foundation
import Testing
@testable import Plots

/// A 28×28 grey "digit": a ring whose radius depends on `seed`.
func syntheticDigit(_ seed: Int) -> PlotImage {
    let radius = 6.0 + Double(seed % 5)
    let pixels: [Float] = (0..<(28 * 28)).map { index in
        let x = Double(index % 28) - 13.5, y = Double(index / 28) - 13.5
        let distance = abs((x * x + y * y).squareRoot() - radius)
        return Float(max(0, 1 - distance / 2))
    }
    return PlotImage(pixels: pixels, width: 28, height: 28)
}

@Suite("Image grids")
struct FigureImageGridTests {
    @Test("labelled rows with captions size the figure from the images")
    func labelledRows() throws {
        let inputs = (0..<6).map(syntheticDigit)
        let outputs = (0..<6).map { syntheticDigit($0 + 1) }
        let figure = Figure.imageGrid(rows: [inputs, outputs], rowLabels: ["input", "reconstruction"],
                                      captions: [(0..<6).map { "digit \($0)" }, []], title: "Autoencoder",
                                      pixelScale: 2)
        try saveSampleIfRequested(figure, name: "image-grid")
        let image = try #require(DecodedImage(png: try figure.pngData()))
        #expect(image.width == figure.width * 2 && image.height == figure.height * 2)
        // Six 56-point images plus gaps and the label column fit the width.
        #expect(figure.width > 6 * 56 + 5 * 4 && figure.width < 6 * 56 + 5 * 4 + 160)
    }

    @Test("nearest-neighbour upscaling turns each source pixel into a solid block")
    func nearestNeighbourBlocks() throws {
        // A 2×2 checkerboard at 10 points per pixel, 2 device pixels per point: 20×20-pixel blocks.
        let checker = PlotImage(bytes: [0, 255, 255, 0], width: 2, height: 2)
        let figure = Figure.imageGrid(rows: [[checker]], pixelScale: 10)
        let image = try #require(DecodedImage(png: try figure.pngData()))
        let origin = 8 * 2 // padding in points × scale
        #expect(image.pixel(x: origin + 1, y: origin + 1).red == 0)
        #expect(image.pixel(x: origin + 18, y: origin + 18).red == 0)
        #expect(image.pixel(x: origin + 21, y: origin + 1).red == 255)
        #expect(image.pixel(x: origin + 1, y: origin + 21).red == 255)
        #expect(image.pixel(x: origin + 21, y: origin + 21).red == 0)
    }

    @Test("RGB images keep their colours, planar or interleaved")
    func rgbImages() throws {
        let interleaved = PlotImage(pixels: [Float]([1, 0, 0, 0, 0, 1]), width: 2, height: 1, channels: 3)
        let planar = PlotImage(pixels: [Float]([1, 0, 0, 0, 0, 1]), width: 2, height: 1, channels: 3, planar: true)
        #expect(interleaved.color(column: 0, row: 0) == (255, 0, 0))
        #expect(interleaved.color(column: 1, row: 0) == (0, 0, 255))
        #expect(planar.color(column: 0, row: 0) == (255, 0, 0))
        #expect(planar.color(column: 1, row: 0) == (0, 0, 255))
    }

    @Test("a wrong pixel count names the shape")
    func pixelCountMismatch() {
        let figure = Figure.imageGrid([PlotImage(pixels: [Float](repeating: 0, count: 10), width: 28, height: 28)])
        #expect(throws: PlotsError.pixelCountMismatch(width: 28, height: 28, channels: 1, count: 10)) {
            try figure.pngData()
        }
    }

    @Test("normalizing stretches any range to black...white")
    func normalizing() {
        let image = PlotImage(pixels: [Float]([-2, 0, 2]), width: 3, height: 1).normalized()
        #expect(image.color(column: 0, row: 0) == (0, 0, 0))
        #expect(image.color(column: 1, row: 0) == (128, 128, 128))
        #expect(image.color(column: 2, row: 0) == (255, 255, 255))
    }
}
