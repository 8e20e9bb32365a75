import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct BracketNestingTests {
    let open = { (count: Int) in String(repeating: "[", count: count) }
    let close = { (count: Int) in String(repeating: "]", count: count) }

    @Test func upToTheLimitOpenAtOnceIsAccepted() {
        #expect(BracketNesting.firstExcessiveBracket(in: "let a = " + open(12) + "1" + close(12)) == nil)
        #expect(BracketNesting.firstExcessiveBracket(in: "let a = [[1, 2], [3, 4]]") == nil)
        #expect(BracketNesting.firstExcessiveBracket(in: open(10) + close(10) + "\n" + open(10)) == nil)
    }

    @Test func theFirstBracketPastTheLimitIsFound() {
        #expect(BracketNesting.firstExcessiveBracket(in: "let a = " + open(13)) == 8 + 12)
        #expect(BracketNesting.firstExcessiveBracket(in: "x = [1, " + open(12)) == 8 + 11)
        #expect(BracketNesting.firstExcessiveBracket(in: "let a = " + String(repeating: "[(", count: 13)) == 8 + 24)
        #expect(BracketNesting.firstExcessiveBracket(in: "let a = " + String(repeating: "[a<[", count: 7)) == 8 + 24)
    }

    @Test func commentsAndStringLiteralsDoNotCount() {
        let brackets = open(40)
        #expect(BracketNesting.firstExcessiveBracket(in: "// \(brackets)\nlet a = 1") == nil)
        #expect(BracketNesting.firstExcessiveBracket(in: "/* /* \(brackets) */ \(brackets) */ let a = 1") == nil)
        #expect(BracketNesting.firstExcessiveBracket(in: "let s = \"\(brackets)\\\"\(brackets)\"") == nil)
        #expect(BracketNesting.firstExcessiveBracket(in: "let s = \"\"\"\n\(brackets)\n\"\"\"") == nil)
        #expect(BracketNesting.firstExcessiveBracket(in: "let s = #\"\\\"\(brackets)\"#") == nil)
        #expect(BracketNesting.firstExcessiveBracket(in: "let s = \"\(brackets)\"\n" + open(13)) == 8 + 42 + 1 + 12)
        #expect(BracketNesting.firstExcessiveBracket(in: "#if true\n" + open(13)) == 9 + 12)
    }

    @Test func aCellWithTooManyOpenFailsAtOnceWithItsPositionAndKeepsVariables() throws {
        var runner = CellRunner()
        _ = runner.run("let kept = 42")
        let found = runner.failure("let x = 1\nlet deep = " + String(repeating: "[(", count: 30) + "1")
        let failure = try #require(found)
        #expect(failure.name == "SyntaxError")
        #expect(failure.message.hasPrefix("more than 12 square brackets open at once"))
        #expect(failure.traceback.first == "error: cell 2, line 2, column 36: \(failure.message)")
        #expect(runner.value("kept") == "42")
        #expect(runner.session.completeness(of: "let deep = " + open(40)) == .invalid)
        #expect(runner.value("let ok = " + open(12) + "1" + close(12) + "\nok.count") == "1")
    }
}
