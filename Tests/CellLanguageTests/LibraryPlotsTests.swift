import Foundation
import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct LibraryPlotsTests {
    @Test func aFigureAsTheLastValueShowsAsPNGWithItsSize() {
        var runner = LibraryRunner()
        let output = runner.value("""
            var figure = Figure(title: "Training", xLabel: "step", yLabel: "loss")
            figure.plot([3, 2, 1.5, 1.2], name: "train")
            figure.logY = true
            figure.smoothingWindow = 2
            figure.markEpochs(stepsPerEpoch: 2)
            figure
            """)
        #expect(isPNG(output?.data["image/png"]))
        #expect(output?.metadata["image/png"] == ["width": 640, "height": 400])
        #expect(output?.plainText.hasPrefix("Figure(640×400") == true)
        #expect(runner.text("figure.logY") == "true")
    }

    @Test func mutatingAFigureCopyLeavesTheOriginal() {
        var runner = LibraryRunner()
        _ = runner.run("let first = Figure()\nvar second = first\nsecond.bar([1, 2], labels: [\"a\", \"b\"])")
        #expect(runner.text("first").hasPrefix("Figure(640×400)"))
        #expect(!runner.text("first").contains("bar"))
        #expect(runner.text("second").contains("1 bar series"))
        #expect(runner.text("first.plot([1])").contains("cannot use mutating member on immutable value"))
    }

    @Test func displayShowsAFigureNowAndStaticMakersWork() {
        var runner = LibraryRunner()
        _ = runner.run("""
            let grid = Figure.imageGrid([PlotImage(pixels: [0, 0.5, 1, 0.25], width: 2, height: 2)], columns: 1)
            display(grid)
            let lines = Figure.lines([LineSeries(name: "a", y: [1, 2, 3])], title: "t")
            display(Figure.panels([lines, Figure.heatmap([[1, 2], [3, 4]])]))
            display(Figure.confusionMatrix([[5, 1], [2, 7]], classNames: ["no", "yes"]))
            """)
        #expect(runner.output.displays.count == 3)
        #expect(runner.output.displays.allSatisfy { isPNG($0.output.data["image/png"]) && $0.displayID == nil })
    }

    @Test func tablesAndMarkdownShowAsHTMLAndMarkdown() {
        var runner = LibraryRunner()
        let table = runner.value("Table(columns: [\"metric\", \"value\"], rows: [[\"NDCG@100\", \"0.4312\"]])")
        #expect(table?.data["text/html"]?.contains("<table") == true)
        #expect(table?.plainText.contains("NDCG@100") == true)
        let markdown = runner.value("Markdown(\"**bold**\")")
        #expect(markdown?.data["text/markdown"] == "**bold**")
        #expect(markdown?.plainText == "**bold**")
    }

    @Test func completionAndInspectionSeeFigureMembers() {
        let session = CellSession(host: LibraryBindings.makeHost())
        _ = session.execute("var figure = Figure()", cellNumber: 1, output: LibraryRecordingOutput())
        let names = session.completions(in: "figure.", cursor: 7).items.map(\.text)
        #expect(names.contains("plot"))
        #expect(names.contains("markEpochs"))
        let inspection = session.inspection(in: "figure.markEpochs", cursor: 17, detailLevel: 0)
        #expect(inspection?.plainText.contains("stepsPerEpoch") == true)
    }

    @Test func aProgressBarUpdatesOneDisplayInPlace() {
        var runner = LibraryRunner()
        _ = runner.run("var bar = ProgressBar(total: 3, label: \"work\")\nfor step in 1...3 { bar.update(completed: step, loss: 0.5) }")
        let displays = runner.output.displays
        #expect(displays.count >= 2)
        #expect(Set(displays.map(\.displayID)).count == 1)
        #expect(displays.first?.isUpdate == false)
        #expect(displays.dropFirst().allSatisfy { $0.isUpdate } == true)
        #expect(displays.last?.output.plainText.contains("3/3") == true)
    }
}
