import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct DiagnosticTests {
    @Test func unknownNameHasSwiftStyleTraceback() throws {
        var runner = CellRunner()
        _ = runner.run("let model = 1")
        let found = runner.failure("let x = 1\nprint(modle)")
        let failure = try #require(found)
        #expect(failure.name == "CompilationError")
        #expect(failure.message == "cannot find 'modle' in scope")
        #expect(failure.traceback == ["error: cell 2, line 2, column 7: cannot find 'modle' in scope",
                                      "print(modle)", "      ^"])
    }

    @Test func compileTimeMessagesReadLikeSwift() {
        #expect(evaluate("let x = 5\nx.foo") == "CompilationError: value of type 'Int' has no member 'foo'")
        #expect(evaluate("func f(x: Int) -> Int { x }\nf(x: \"a\")")
                == "CompilationError: cannot convert value of type 'String' to expected argument type 'Int'")
        #expect(evaluate("func f(x: Int) -> Int { x }\nf()") == "CompilationError: missing argument for parameter 'x' in call")
        #expect(evaluate("func f(_ x: Int) -> Int { x }\nf(x: 1)") == "CompilationError: extraneous argument label 'x:' in call")
        #expect(evaluate("let x = 1\nx = 2") == "CompilationError: cannot assign to value: 'x' is a 'let' constant")
        #expect(evaluate("[\"a\"].joined(with: \",\")")
                == "CompilationError: incorrect argument label in call (have 'with:', expected 'separator:')")
        #expect(evaluate("func f(x: Int) -> Int { x }\nf(1)") == "CompilationError: missing argument label 'x:' in call")
        #expect(evaluate("func f(x: Int) -> Int { x }\nf(x: 1, y: 2)") == "CompilationError: extra argument 'y' in call")
        #expect(evaluate("let a = [1]\na.append(2)")
                == "CompilationError: cannot use mutating member on immutable value: 'a' is a 'let' constant")
        #expect(evaluate("1 + \"a\"")
                == "CompilationError: binary operator '+' cannot be applied to operands of type 'Int' and 'String'")
        #expect(evaluate("let x: Int = \"a\"") == "CompilationError: cannot convert value of type 'String' to specified type 'Int'")
    }

    @Test func unsupportedConstructsAreNamed() {
        #expect(evaluate("actor Counter {}") == "CompilationError: 'actor' declarations are not supported in cells")
        #expect(evaluate("func load() async {}") == "CompilationError: 'async' functions are not supported in cells")
        #expect(evaluate("class Handle { deinit { print(1) } }").hasPrefix("CompilationError: 'deinit' is not supported in cells"))
        #expect(evaluate("struct S { var x = 0 { didSet { print(x) } } }")
                == "CompilationError: property observers (willSet, didSet) are not supported in cells")
    }

    @Test func runtimeFaultsAreErrorsNotCrashes() {
        #expect(evaluate("[1, 2][5]") == "RuntimeError: Index out of range")
        #expect(evaluate("[1, 2][0...Int.max]") == "RuntimeError: Index out of range")
        #expect(evaluate("[1, 2, 3][1...2]") == "[2, 3]")
        #expect(evaluate("let d = 0\n1 / d") == "RuntimeError: Division by zero")
        #expect(evaluate("Int.max + 1") == "RuntimeError: arithmetic overflow in '9223372036854775807 + 1'")
        #expect(evaluate("let x: Int? = nil\nx!") == "RuntimeError: Unexpectedly found nil while unwrapping an Optional value")
    }

    @Test func runawayRecursionStopsAtTheCallDepthLimit() {
        var runner = CellRunner()
        runner.session.interpreter.maximumCallDepth = 200
        #expect(runner.value("func f(_ n: Int) -> Int { f(n + 1) }\nf(0)")
                == "RuntimeError: call depth exceeded 200 nested calls (infinite recursion?)")
        #expect(runner.value("1 + 1") == "2")
    }

    @Test func syntaxErrorsComeFromTheParser() throws {
        var runner = CellRunner()
        let found = runner.failure("let x = (1 +")
        let failure = try #require(found)
        #expect(failure.name == "SyntaxError")
        #expect(failure.traceback.first?.hasPrefix("error: cell 1, line 1, column") == true)
    }

    @Test func errorInAFunctionFromAnEarlierCellPointsIntoThatCell() throws {
        var runner = CellRunner()
        _ = runner.run("func third(_ xs: [Int]) -> Int {\n    return xs[2]\n}")
        let found = runner.failure("let a = 1\nthird([1])")
        let failure = try #require(found)
        #expect(failure.traceback == ["error: cell 1, line 2, column 12: Index out of range", "    return xs[2]", "           ^"])
    }

    @Test func aCellThatFailsAtRunTimeKeepsWhatItAssignedBeforeTheFault() {
        var runner = CellRunner()
        _ = runner.run("var a = 1")
        _ = runner.run("a = 2\nlet b = 3\n[1][5]")
        #expect(runner.value("a + b") == "5")
    }

    @Test func aCellThatDoesNotCompileRunsNothing() {
        var runner = CellRunner()
        _ = runner.run("var a = 1")
        #expect(runner.value("a = 2\nlet b = 3\nprint(nope)") == "CompilationError: cannot find 'nope' in scope")
        #expect(runner.value("a") == "1")
        #expect(runner.value("b") == "CompilationError: cannot find 'b' in scope")
    }
}

@Suite struct UnsupportedConstructTests {
    @Test func unsupportedDeclarationsSayWhich() {
        #expect(evaluate("actor A {}") == "CompilationError: 'actor' declarations are not supported in cells")
    }

    @Test func tryQuestionCatchesErrorsButNotTraps() {
        #expect(evaluate("func f() -> Int { [1][3] }\ntry? f()") == "RuntimeError: Index out of range")
        #expect(evaluate("try? Int(\"4\")") == "Optional(4)")
        #expect(evaluate("try? Tensor(shape: [3], scalars: [1])") == "nil")
    }
}
