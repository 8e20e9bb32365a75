import Testing
@testable import CellLanguage
import CellRuntime

/// Expressions of static type Int, Double or Bool run unboxed (``ScalarLane``) and give what the boxed path gives,
/// with Swift's traps and errors in the same places; calls between functions of such types pass numbers directly.
@Suite struct ScalarLaneTests {
    @Test func recursiveFunctionsOfIntsGiveSwiftsResults() {
        var runner = CellRunner()
        _ = runner.run("func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }")
        #expect(runner.value("fib(20)") == "6765")
        _ = runner.run("func isEven(_ n: Int) -> Bool { n == 0 ? true : isOdd(n - 1) }\nfunc isOdd(_ n: Int) -> Bool { n == 0 ? false : isEven(n - 1) }")
        #expect(runner.value("isEven(10)") == "true")
        #expect(runner.value("isOdd(7) && !isEven(7)") == "true")
    }

    @Test func aFinishedCallsFrameServesTheNextCall() throws {
        var runner = CellRunner()
        _ = runner.run("func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }")
        #expect(runner.value("fib(15)") == "610")
        guard case .function(let value)? = runner.session.interpreter.globals["fib"]?.value,
              let closure = value as? CompiledClosure else {
            Issue.record("fib is not a cell function")
            return
        }
        #expect(closure.function.reusesFrames)
        // At most one frame per level of recursion is kept.
        #expect((1...15).contains(closure.function.spareFrames.count))
    }

    @Test func doublesAndIntegerLiteralsMixAsInSwift() {
        var runner = CellRunner()
        _ = runner.run("func scaled(_ x: Double, by factor: Double) -> Double { x * factor + 1 }")
        #expect(runner.value("scaled(2, by: 0.5)") == "2.0")
        #expect(runner.value("let x: Double = 3\nx > 2 ? x / 2 : 0") == "1.5")
        #expect(runner.value("let k: Int = 7\nk % 3 == 1 && -k < 0") == "true")
    }

    @Test func overflowAndDivisionByZeroAreErrorsAtTheOperator() {
        var runner = CellRunner()
        _ = runner.run("func grow(_ n: Int) -> Int { n * 1_000_000_000_000 }\nfunc split(_ n: Int, _ d: Int) -> Int { n / d }")
        let overflow = runner.failure("grow(grow(3))")
        #expect(overflow?.message == "arithmetic overflow in '3000000000000 * 1000000000000'")
        #expect(runner.failure("split(1, 0)")?.message == "Division by zero")
        #expect(runner.value("split(7, 2)") == "3")
    }

    @Test func runawayRecursionReportsTheCallDepth() {
        var runner = CellRunner()
        _ = runner.run("func down(_ n: Int) -> Int { down(n + 1) }")
        #expect(runner.failure("down(0)")?.message.contains("call depth exceeded") == true)
        // The session keeps working.
        #expect(runner.value("1 + 1") == "2")
    }

    @Test func aRedefinedFunctionIsCalledWithItsNewSignature() {
        var runner = CellRunner()
        _ = runner.run("func step(_ n: Int) -> Int { n + 1 }\nfunc twice(_ n: Int) -> Int { step(step(n)) }")
        #expect(runner.value("twice(1)") == "3")
        _ = runner.run("func step(_ n: Int) -> Int { n * 10 }")
        #expect(runner.value("twice(1)") == "100")
        // A new signature: the old call site takes the general path and says what it got.
        _ = runner.run("func step(_ n: Int) -> String { \"s\\(n)\" }")
        #expect(runner.failure("twice(1)")?.message == "expected a value of type 'Int', found 'String'")
        _ = runner.run("func step(_ n: Int) -> Int { n + 2 }")
        #expect(runner.value("twice(1)") == "5")
        // Swift does not convert an Int argument to a Double parameter, and neither does a call site compiled for Ints.
        _ = runner.run("func step(_ n: Double) -> Int { Int(n) + 2 }")
        #expect(runner.failure("twice(1)")?.message == "cannot convert value of type 'Int' to expected argument type 'Double'")
    }

    @Test func aVariableReadBeforeItIsSetIsAnError() {
        var runner = CellRunner()
        let failure = runner.failure("func f(_ flag: Bool) -> Int {\n    var x: Int\n    if flag { x = 1 }\n    return x + 1\n}\nf(false)")
        #expect(failure != nil)
        #expect(runner.value("f(true)") == "2")
    }
}
