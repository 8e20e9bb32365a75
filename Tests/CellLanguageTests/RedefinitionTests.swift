import Testing
@testable import CellLanguage

/// Re-running a cell that declares a type or a function replaces the declaration, as a notebook user expects;
/// values made from the old declaration keep it and say so when they meet the new one.
@Suite struct RedefinitionTests {
    @Test func aFunctionDeclaredAgainReplacesTheOld() {
        var runner = CellRunner()
        _ = runner.run("func scale(_ x: Double) -> Double { x * 2 }")
        #expect(runner.value("scale(3)") == "6.0")
        _ = runner.run("func scale(_ x: Double) -> Double { x * 10 }")
        #expect(runner.value("scale(3)") == "30.0")
        _ = runner.run("func caller() -> Double { scale(1) }")
        _ = runner.run("func scale(_ x: Double) -> Double { x * 100 }")
        #expect(runner.value("caller()") == "100.0")
    }

    @Test func aTypeDeclaredAgainReplacesTheOldAndOldValuesSaySo() {
        var runner = CellRunner()
        _ = runner.run("struct Point { var x: Int }\nlet old = Point(x: 1)")
        _ = runner.run("struct Point { var x: Double; var y = 0.0 }\nlet new = Point(x: 1)")
        #expect(runner.value("new") == "Point(x: 1.0, y: 0.0)")
        #expect(runner.value("old") == "Point(x: 1)")
        #expect(runner.value("old.x") == "1")
        let message = runner.value("func norm(_ point: Point) -> Double { point.x }\nnorm(old)")
        #expect(message == "CompilationError: this 'Point' was made from its declaration in cell 1, which cell 2 replaced; make the value again from the new declaration")
        #expect(runner.value("norm(new)") == "1.0")
    }

    @Test func aClassDeclaredAgainKeepsItsOldObjectsWorking() {
        var runner = CellRunner()
        _ = runner.run("final class Greeter { func greet() -> String { \"hello\" } }\nlet first = Greeter()")
        _ = runner.run("final class Greeter { func greet() -> String { \"bonjour\" } }\nlet second = Greeter()")
        #expect(runner.value("[first.greet(), second.greet()]") == #"["hello", "bonjour"]"#)
        #expect(runner.value("let greeters: [Greeter] = [second]\ngreeters.count") == "1")
        #expect(runner.value("let mixed: [Greeter] = [first]").hasPrefix("CompilationError: this 'Greeter' was made from its declaration in cell 1"))
    }

    @Test func aFailedRedeclarationKeepsTheWorkingOne() {
        var runner = CellRunner()
        _ = runner.run("func rate() -> Double { 0.1 }")
        #expect(runner.value("func rate() -> Double { undefinedName }").hasPrefix("CompilationError: cannot find 'undefinedName' in scope"))
        #expect(runner.value("rate()") == "0.1")
    }

    /// papermill's injected cell re-declares a notebook's parameters with bare literals.
    @Test func aLiteralRedeclarationKeepsTheParametersDeclaredType() {
        var runner = CellRunner()
        _ = runner.run("let learningRate: Float = 0.001\nlet limit: Int? = nil\nlet epochs = 30\nlet sizes: [Double] = [1, 2]")
        _ = runner.run("// Parameters\nlet learningRate = 0.0005\nlet limit = 100\nlet epochs = 2\nlet sizes = [3, 4]")
        #expect(runner.value("learningRate") == "0.0005")
        #expect(runner.value("type(of: learningRate)") == "Float")
        #expect(runner.value("limit! + 1") == "101")
        #expect(runner.value("sizes") == "[3.0, 4.0]")
        #expect(runner.value("type(of: epochs)") == "Int")
        // A literal that does not fit the old type, or any other expression, declares the variable afresh.
        _ = runner.run("let learningRate = \"fast\"\nlet limit = Double(3)")
        #expect(runner.value("type(of: learningRate)") == "String")
        #expect(runner.value("type(of: limit)") == "Double")
    }

    @Test func twoDeclarationsOfOneNameInOneCellAreAnError() {
        #expect(evaluate("struct A {}\nstruct A {}") == "CompilationError: invalid redeclaration of 'A'")
    }
}
