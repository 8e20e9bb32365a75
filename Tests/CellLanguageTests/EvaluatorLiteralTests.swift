import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct EvaluatorLiteralTests {
    @Test func integersAndDoublesPrintLikeTheREPL() {
        #expect(evaluate("1 + 2") == "3")
        #expect(evaluate("2.5") == "2.5")
        #expect(evaluate("1.0") == "1.0")
        #expect(evaluate("1_000_000") == "1000000")
        #expect(evaluate("0xff") == "255")
        #expect(evaluate("7 / 2") == "3")
        #expect(evaluate("7 % 3") == "1")
        #expect(evaluate("2.5 * 2") == "5.0")
        #expect(evaluate("-3") == "-3")
    }

    @Test func repeatedLiteralsTakeTheirElementTypeFromTheContext() {
        #expect(evaluate("let xs: [Double] = Array(repeating: 0, count: 3)\nxs") == "[0.0, 0.0, 0.0]")
        #expect(evaluate("struct P { var xs: [Float] = Array(repeating: -1, count: 2) }\nP().xs") == "[-1.0, -1.0]")
        #expect(evaluate("func total(_ xs: [Double]) -> Double { xs.reduce(0, +) }\ntotal(Array(repeating: 2, count: 3))") == "6.0")
        #expect(evaluate("Array(repeating: 1, count: 2)") == "[1, 1]")
        // A variable keeps its type: only the call written with a literal converts.
        #expect(evaluate("let ones = Array(repeating: 1, count: 2)\nlet xs: [Double] = ones").hasPrefix("CompilationError"))
    }

    @Test func stringsAreQuotedAsValuesAndInterpolated() {
        #expect(evaluate("\"ab\"") == "\"ab\"")
        #expect(evaluate("let n = 3\n\"n is \\(n + 1)\"") == "\"n is 4\"")
        #expect(evaluate("\"a\\tb\"") == "\"a\\tb\"")
        #expect(evaluate("\"ab\" + \"cd\"") == "\"abcd\"")
        #expect(evaluate("let s = \"\"\"\n    one\n    two\n    \"\"\"\ns") == "\"one\\ntwo\"")
    }

    @Test func collectionsPrintLikeTheREPL() {
        #expect(evaluate("[1, 2, 3]") == "[1, 2, 3]")
        #expect(evaluate("[\"a\", \"b\"]") == "[\"a\", \"b\"]")
        #expect(evaluate("[\"a\": 1]") == "[\"a\": 1]")
        #expect(evaluate("[1, 2.5]") == "[1.0, 2.5]")
        #expect(evaluate("[1, 2] + [3]") == "[1, 2, 3]")
        #expect(evaluate("0..<3") == "0..<3")
        #expect(evaluate("let d: [String: Int] = [:]\nd") == "[:]")
    }

    @Test func optionalsPrintWrapped() {
        #expect(evaluate("let d = [\"a\": 1]\nd[\"a\"]") == "Optional(1)")
        #expect(evaluate("let d = [\"a\": 1]\nd[\"b\"]") == "nil")
        #expect(evaluate("let x: Int? = nil\nx ?? 4") == "4")
    }

    @Test func statementsGiveNoValue() {
        #expect(evaluate("let x = 1") == "")
        #expect(evaluate("print(1)") == "")
    }
}

@Suite struct ArrayElementTypeTests {
    @Test func appendingAnIntToADoubleArrayStoresADouble() {
        #expect(evaluate("var xs = [Double]()\nxs.append(1)\nxs") == "[1.0]")
        #expect(evaluate("var xs: [Double] = []\nxs.append(contentsOf: [1, 2])\nxs") == "[1.0, 2.0]")
        #expect(evaluate("var xs = [1.5]\nxs.insert(2, at: 0)\nxs") == "[2.0, 1.5]")
    }

    @Test func appendingTheWrongTypeIsACompilationError() {
        #expect(evaluate("var xs = [1]\nxs.append(\"a\")")
                == "CompilationError: cannot convert value of type 'String' to expected argument type 'Int'")
    }
}
