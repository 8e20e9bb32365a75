import Testing
@testable import CellLanguage

/// `throws`, `throw`, `try` and `do`/`catch` with patterns; library errors caught by their type.
@Suite struct ErrorHandlingTests {
    let declarations = """
        enum Problem: Error { case tooLarge(Int), negative }
        func check(_ value: Int) throws -> Int {
            if value < 0 { throw Problem.negative }
            if value > 10 { throw Problem.tooLarge(value) }
            return value
        }
        """

    @Test func catchClausesMatchPatternsInOrder() {
        var runner = CellRunner()
        _ = runner.run(declarations)
        let code = """
            func outcome(_ value: Int) -> String {
                do {
                    return "ok \\(try check(value))"
                } catch Problem.tooLarge(let size) where size > 100 {
                    return "far too large: \\(size)"
                } catch Problem.tooLarge {
                    return "too large"
                } catch let problem as Problem {
                    return "other: \\(problem)"
                } catch {
                    return "unknown"
                }
            }
            [outcome(3), outcome(500), outcome(20), outcome(-1)]
            """
        #expect(runner.value(code) == #"["ok 3", "far too large: 500", "too large", "other: negative"]"#)
    }

    @Test func tryQuestionAndTryBang() {
        var runner = CellRunner()
        _ = runner.run(declarations)
        #expect(runner.value("[try? check(2), try? check(-2)]") == "[Optional(2), nil]")
        #expect(runner.value("try! check(4)") == "4")
        #expect(runner.value("try! check(40)").hasPrefix("RuntimeError: 'try!' expression unexpectedly raised an error"))
        #expect(runner.value("try check(40)").hasPrefix("Problem: tooLarge(40)") || runner.value("try check(40)").contains("tooLarge(40)"))
    }

    @Test func libraryErrorsAreCaughtByTheirType() {
        let code = """
            var caught: [String] = []
            do { _ = try MultiVAE(items: -1) } catch let error as ModelsError { caught.append("models") }
            do { _ = try MultiVAE(items: -1) } catch ModelsError.invalidConfiguration(let component, _) { caught.append(component) }
            do { _ = try Tensor(shape: [2], scalars: [1]) } catch is ModelsError { caught.append("wrong") } catch { caught.append("autograd") }
            caught
            """
        #expect(evaluate(code) == #"["models", "MultiVAE", "autograd"]"#)
    }

    @Test func errorCases() {
        var runner = CellRunner()
        _ = runner.run(declarations)
        #expect(runner.value("check(1)") == "CompilationError: call can throw but is not marked with 'try'")
        #expect(runner.value("func f() { _ = try check(1) }") == "CompilationError: errors thrown from here are not handled")
        #expect(runner.value("func g() { throw Problem.negative }")
                == "CompilationError: error is not handled because the enclosing function is not declared 'throws'")
        #expect(runner.value("func h() { do { _ = try check(1) } catch Problem.negative {} }")
                == "CompilationError: errors thrown from here are not handled")
        #expect(runner.value("func k() -> Int { do { return try check(1) } catch { return 0 } }\nk()") == "1")
    }
}
