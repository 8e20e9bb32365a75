import Testing
@testable import Notebook
import Plots

@Suite struct NotebookRenderingTests {
    @Test func plainTextIsWhatTheREPLShowsWithoutModuleNames() {
        #expect(NotebookRendering.plainText(of: 3) == "3")
        #expect(NotebookRendering.plainText(of: "ab") == "\"ab\"")
        #expect(NotebookRendering.plainText(of: [1, 2]) == "[1, 2]")
        #expect(NotebookRendering.plainText(of: Optional(4.5) as Any) == "Optional(4.5)")
        #expect(NotebookRendering.droppingModuleNames("[Models.Likelihood.multinomial, main.Point(x: 1)]", modules: ["Models", "main"])
                == "[Likelihood.multinomial, Point(x: 1)]")
        #expect(NotebookRendering.droppingModuleNames("\"Models.x\" MyModels.y", modules: ["Models"]) == "\"Models.x\" MyModels.y")
    }

    @Test func richValuesKeepTheirTextAndAddTheirPicture() {
        let table = Table(columns: ["a"], rows: [["1"]])
        let bundle = NotebookRendering.mimeBundle(of: table)
        #expect(bundle["text/html"] != nil)
        #expect(bundle["text/plain"] == table.mimeBundle()["text/plain"])
    }
}
