import Testing
@testable import CellLanguage

@Suite struct BracketRunTests {
    let open = { (count: Int) in String(repeating: "[", count: count) }

    @Test func runsUpToTheLimitAreAccepted() {
        #expect(BracketRun.firstExcessiveBracket(in: "let a = " + open(16) + "1" + String(repeating: "]", count: 16)) == nil)
        #expect(BracketRun.firstExcessiveBracket(in: "let a = [[1, 2], [3, 4]]") == nil)
    }

    @Test func theFirstBracketPastTheLimitIsFound() {
        #expect(BracketRun.firstExcessiveBracket(in: "let a = " + open(17)) == 8 + 16)
        #expect(BracketRun.firstExcessiveBracket(in: "let a = " + open(10) + " \n\t" + open(7)) == 8 + 10 + 3 + 6)
        #expect(BracketRun.firstExcessiveBracket(in: "x = [1, " + open(17) + "]") == 8 + 16)
    }

    @Test func anyOtherTokenEndsARun() {
        #expect(BracketRun.firstExcessiveBracket(in: open(10) + "1, " + open(10)) == nil)
        #expect(BracketRun.firstExcessiveBracket(in: String(repeating: "[(", count: 20)) == nil)
    }

    @Test func commentsAndStringLiteralsDoNotCount() {
        let run = open(40)
        #expect(BracketRun.firstExcessiveBracket(in: "// \(run)\nlet a = 1") == nil)
        #expect(BracketRun.firstExcessiveBracket(in: "/* /* \(run) */ \(run) */ let a = 1") == nil)
        #expect(BracketRun.firstExcessiveBracket(in: "let s = \"\(run)\\\"\(run)\"") == nil)
        #expect(BracketRun.firstExcessiveBracket(in: "let s = \"\"\"\n\(run)\n\"\"\"") == nil)
        #expect(BracketRun.firstExcessiveBracket(in: "let s = #\"\\\"\(run)\"#") == nil)
        #expect(BracketRun.firstExcessiveBracket(in: "let s = \"\(run)\"\n" + open(17)) == 8 + 42 + 1 + 16)
        #expect(BracketRun.firstExcessiveBracket(in: "#if true\n" + open(17)) == 9 + 16)
    }

    @Test func aCellWithALongRunFailsAtOnceWithItsPositionAndKeepsVariables() throws {
        var runner = CellRunner()
        _ = runner.run("let kept = 42")
        let found = runner.failure("let x = 1\nlet deep = " + open(40) + "1")
        let failure = try #require(found)
        #expect(failure.name == "SyntaxError")
        #expect(failure.message.hasPrefix("more than 16 square brackets nested in a row"))
        #expect(failure.traceback.first == "error: cell 2, line 2, column 28: \(failure.message)")
        #expect(runner.value("kept") == "42")
        #expect(runner.session.completeness(of: "let deep = " + open(40)) == .invalid)
        #expect(runner.value("let ok = " + open(16) + "1" + String(repeating: "]", count: 16) + "\nok.count") == "1")
    }
}
