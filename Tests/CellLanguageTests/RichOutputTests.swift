import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct RichOutputTests {
    private let picture = "let picture = PlotImage(pixels: [0.0, 1.0], width: 2, height: 1)\n"

    @Test func libraryValueResultCarriesItsMimeTypesAndPlainText() {
        var runner = CellRunner()
        guard case .success(let output?) = runner.run(picture + "picture") else {
            Issue.record("expected a value")
            return
        }
        #expect(isPNG(output.data["image/png"]))
        #expect(output.plainText == "PlotImage(2×1, grey)")
        #expect(output.metadata["image/png"]?["width"] != nil)
    }

    @Test func displayShowsTheRichForm() {
        var runner = CellRunner()
        _ = runner.run(picture + "display(picture)")
        #expect(isPNG(runner.output.displays.first?.data["image/png"]))
    }

    @Test func libraryValuesInCollectionsPrintTheirDescription() {
        var runner = CellRunner()
        _ = runner.run(picture)
        #expect(runner.value("[picture]") == "[PlotImage(2×1, grey)]")
        #expect(runner.value("picture.depth") == "CompilationError: value of type 'PlotImage' has no member 'depth'")
    }
}
