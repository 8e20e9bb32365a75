import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct CompletionTests {
    @Test func namesInScopeAndKeywords() {
        var runner = CellRunner()
        _ = runner.run("let modelName = \"a\"\nfunc train(epochs: Int, rate: Double = 0.1) {}")
        let result = runner.session.completions(in: "mod", cursor: 3)
        #expect(result.items.first == CompletionItem(text: "modelName", type: "variable", signature: "let modelName: String"))
        #expect(result.cursorStart == 0 && result.cursorEnd == 3)
        #expect(runner.session.completions(in: "tra", cursor: 3).items.map(\.type) == ["function"])
        #expect(runner.session.completions(in: "gua", cursor: 3).items == [CompletionItem(text: "guard", type: "keyword")])
        #expect(runner.session.completions(in: "pri", cursor: 3).items.first?.text == "print")
    }

    @Test func membersOfValuesAndTypes() {
        var runner = CellRunner()
        _ = runner.run("let numbers = [1, 2]")
        let members = runner.session.completions(in: "numbers.ap", cursor: 10)
        #expect(members.items.map(\.text) == ["append"])
        #expect(members.items.first?.type == "method")
        #expect(members.cursorStart == 8)
        #expect(runner.session.completions(in: "numbers.", cursor: 8).items.contains { $0.text == "count" && $0.type == "property" })
        #expect(runner.session.completions(in: "Double.p", cursor: 8).items.map(\.text) == ["pi"])
    }

    @Test func argumentLabelsInsideACall() {
        var runner = CellRunner()
        _ = runner.run("func train(epochs: Int, rate: Double = 0.1) {}")
        let labels = runner.session.completions(in: "train(", cursor: 6).items.filter { $0.type == "parameter" }
        #expect(labels.map(\.text) == ["epochs:", "rate:"])
        let separator = runner.session.completions(in: "print(1, sep", cursor: 12).items
        #expect(separator.first?.text == "separator:")
    }

    @Test func cursorIsCountedInUnicodeScalars() {
        var runner = CellRunner()
        _ = runner.run("let épsilon = 1")
        let code = "let s = \"😀\"; ép"
        let result = runner.session.completions(in: code, cursor: code.unicodeScalars.count)
        #expect(result.items.first?.text == "épsilon")
        #expect(result.cursorStart == code.unicodeScalars.count - 2)
    }
}

@Suite struct MagicCompletionTests {
    @Test func magicsCompleteAfterPercent() {
        let result = CellSession(host: LibraryBindings.makeHost()).completions(in: "%ti", cursor: 3)
        #expect(result.items == [CompletionItem(text: "time", type: "keyword", signature: "%time")])
        #expect(result.cursorStart == 1)
    }
}
