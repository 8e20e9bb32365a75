import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct MagicTests {
    @Test func helpListsTheMagics() {
        var runner = CellRunner()
        _ = runner.run("%help")
        #expect(runner.output.standardOutput.contains("%who"))
        #expect(runner.output.standardOutput.contains("%time"))
    }

    @Test func whoListsVariablesWithTypes() {
        var runner = CellRunner()
        _ = runner.run("let n = 3\nvar names = [\"a\"]")
        _ = runner.run("%who")
        #expect(runner.output.standardOutput == "n: Int\nnames: [String]\n")
    }

    @Test func resetForgetsDefinitions() {
        var runner = CellRunner()
        _ = runner.run("let n = 3")
        _ = runner.run("%reset")
        #expect(runner.value("n") == "CompilationError: cannot find 'n' in scope")
    }

    @Test func timeRunsTheStatementAndReturnsItsValue() {
        var runner = CellRunner()
        #expect(runner.value("%time 1 + 2") == "3")
        #expect(runner.output.standardOutput.hasPrefix("Wall time: "))
    }

    @Test func cellTimeRunsTheRestOfTheCellAndKeepsItsVariables() {
        var runner = CellRunner()
        #expect(runner.value("%%time\nvar total = 0\nfor i in 1...4 { total += i }\ntotal") == "10")
        #expect(runner.output.standardOutput.hasPrefix("Wall time: "))
        #expect(runner.value("total") == "10")
    }

    @Test func unknownMagicFails() {
        #expect(evaluate("%nope") == "CompilationError: unknown magic '%nope'; %help lists the magics")
    }
}
