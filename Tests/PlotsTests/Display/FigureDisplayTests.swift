import Foundation
import Testing
@testable import Plots

@Suite("Figure display")
struct FigureDisplayTests {
    @Test("image/png is the base64 PNG, with the logical size in the metadata")
    func pngBundle() throws {
        let figure = lossFigure()
        let bundle = figure.mimeBundle()
        let png = try #require(bundle["image/png"].flatMap { Data(base64Encoded: $0) })
        #expect(png == (try figure.pngData()))
        #expect(bundle["text/plain"] == "Figure(640×400, \"Training loss\", 2 lines)")
        #expect(figure.mimeMetadata() == ["image/png": ["width": 640, "height": 400]])
    }

    @Test("a figure that cannot be drawn shows its error as text")
    func errorBundle() {
        var figure = Figure()
        figure.plot([1, 2], x: [1])
        let bundle = figure.mimeBundle()
        #expect(bundle["image/png"] == nil)
        #expect(bundle["text/plain"]?.contains("expected 2 values, got 1") == true)
    }
}
