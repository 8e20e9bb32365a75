import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct EvaluatorFunctionTests {
    @Test func functionsWithLabelsDefaultsAndRecursion() {
        #expect(evaluate("func add(_ a: Int, to b: Int = 10) -> Int { a + b }\nadd(1) + add(2, to: 3)") == "16")
        #expect(evaluate("func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }\nfib(15)") == "610")
        #expect(evaluate("func half(_ x: Double) -> Double { return x / 2 }\nhalf(3)") == "1.5")
        #expect(evaluate("func greet(name: String) { print(\"hi \\(name)\") }\ngreet(name: \"a\")") == "")
    }

    @Test func closuresWithShorthandAndTrailingSyntax() {
        #expect(evaluate("[1, 2, 3].map { $0 * 2 }") == "[2, 4, 6]")
        #expect(evaluate("[1, 2, 3, 4].filter { x in x % 2 == 0 }") == "[2, 4]")
        #expect(evaluate("[1, 2, 3].reduce(0, +)") == "6")
        #expect(evaluate("[1.5, 2.5].reduce(0, +)") == "4.0")
        #expect(evaluate("[1, 2, 3].reduce(0) { $0 + $1 }") == "6")
        #expect(evaluate("[3, 1, 2].sorted()") == "[1, 2, 3]")
        #expect(evaluate("[3, 1, 2].sorted(by: >)") == "[3, 2, 1]")
        #expect(evaluate("[3, 1, 2].sorted { $0 > $1 }") == "[3, 2, 1]")
        #expect(evaluate("[\"1\", \"x\", \"3\"].compactMap { Int($0) }") == "[1, 3]")
        #expect(evaluate("let f = { (a: Int, b: Int) -> Int in a * b }\nf(3, 4)") == "12")
        #expect(evaluate("var total = 0\n[1, 2].forEach { total += $0 }\ntotal") == "3")
        #expect(evaluate("func apply(_ f: (Int) -> Int, to x: Int) -> Int { f(x) }\napply({ $0 + 1 }, to: 4)") == "5")
    }

    @Test func closuresCaptureVariables() {
        #expect(evaluate("var count = 0\nlet bump = { count += 1 }\nbump()\nbump()\ncount") == "2")
    }

    @Test func standardMembersAndFunctions() {
        #expect(evaluate("[1, 2, 3].count") == "3")
        #expect(evaluate("[Int]().isEmpty") == "true")
        #expect(evaluate("[4, 5].first") == "Optional(4)")
        #expect(evaluate("[4, 5].last!") == "5")
        #expect(evaluate("var a = [1]\na.append(2)\na.insert(0, at: 0)\na") == "[0, 1, 2]")
        #expect(evaluate("var a = [1, 2, 3]\nlet r = a.remove(at: 1)\n[r] + a") == "[2, 1, 3]")
        #expect(evaluate("[1, 2].contains(2)") == "true")
        #expect(evaluate("[1, 2].reversed()") == "[2, 1]")
        #expect(evaluate("[3, 9, 2].max()") == "Optional(9)")
        #expect(evaluate("min(3, 1, 2)") == "1")
        #expect(evaluate("max(2.5, 1)") == "2.5")
        #expect(evaluate("abs(-4)") == "4")
        #expect(evaluate("[\"a\", \"b\"].joined(separator: \", \")") == "\"a, b\"")
        #expect(evaluate("\"a b c\".split(separator: \" \")") == "[\"a\", \"b\", \"c\"]")
        #expect(evaluate("\"Ab\".uppercased() + \"Ab\".lowercased()") == "\"ABab\"")
        #expect(evaluate("\"swift\".hasPrefix(\"sw\") && \"swift\".hasSuffix(\"ft\")") == "true")
        #expect(evaluate("[\"b\": 2, \"a\": 1].keys.sorted()") == "[\"a\", \"b\"]")
        #expect(evaluate("[\"b\": 2].values") == "[2]")
        #expect(evaluate("Double(3) / 2") == "1.5")
        #expect(evaluate("Int(3.9)") == "3")
        #expect(evaluate("Int(\"42\")") == "Optional(42)")
        #expect(evaluate("String(42) + \"!\"") == "\"42!\"")
        #expect(evaluate("Double.pi > 3") == "true")
        #expect(evaluate("Double.nan.isNaN && !Double.nan.isFinite && !Double.infinity.isFinite && 2.5.isFinite") == "true")
        #expect(evaluate("Double.nan == Double.nan") == "false")
        #expect(evaluate("var d = [\"a\": 1]\nd[\"a\", default: 0] += 5\nd[\"b\"] = 2\nd") == "[\"a\": 6, \"b\": 2]")
    }

    @Test func structsWithMemberwiseInitAndMethods() {
        let code = """
        struct Point {
            var x: Double
            var y: Double = 0
            func length() -> Double { (x * x + y * y).squareRoot() }
            mutating func moveRight(by amount: Double) { x += amount }
        }
        var p = Point(x: 3, y: 4)
        p.moveRight(by: 1)
        p.y = 3
        [p.length(), p.x]
        """
        #expect(evaluate(code) == "[5.0, 4.0]")
        #expect(evaluate("struct P { let a: Int }\nP(a: 1)") == "P(a: 1)")
        #expect(evaluate("struct C { var r: Double\n    func area() -> Double { 3 * r * r }\n    func twice() -> Double { 2 * area() }\n}\nC(r: 1).twice()")
                == "6.0")
        #expect(evaluate("let p = [1]\nstruct Q { var n = 0\n    mutating func bump() { n += 1 } }\nlet q = Q()\nq.bump()")
                == "CompilationError: cannot use mutating member on immutable value: 'q' is a 'let' constant")
    }
}

@Suite struct FoundationBindingTests {
    @Test func mathFunctions() {
        #expect(evaluate("sqrt(16)") == "4.0")
        #expect(evaluate("pow(2, 10)") == "1024.0")
        #expect(evaluate("exp(0) + log(1)") == "1.0")
        #expect(evaluate("floor(2.7) + ceil(0.2)") == "3.0")
    }

    @Test func arrayInitialisers() {
        #expect(evaluate("[Double](repeating: 0, count: 2)") == "[0.0, 0.0]")
        #expect(evaluate("Array(1...3)") == "[1, 2, 3]")
    }

    @Test func stringFormat() {
        #expect(evaluate("String(format: \"%.2f and %d %@\", 3.14159, 7, \"x\")") == "\"3.14 and 7 x\"")
        #expect(evaluate("String(format: \"%5.1f%%\", 12)") == "\" 12.0%\"")
        #expect(evaluate("String(format: \"%d %d\", 1)")
                == "RuntimeError: format \"%d %d\" takes 2 arguments, but 1 were given")
        #expect(evaluate("String(format: \"%s\", \"a\")")
                == "RuntimeError: unsupported format conversion '%s'; use %@ for strings")
        #expect(evaluate("String(format: \"%d\", 1.5)")
                == "RuntimeError: format conversion '%d' needs an Int, not 'Double'")
    }

    @Test func deepButFiniteRecursionWorks() {
        #expect(evaluate("func depth(_ n: Int) -> Int { n == 0 ? 0 : 1 + depth(n - 1) }\ndepth(2000)") == "2000")
    }
}

@Suite struct CollectionExtrasTests {
    @Test func optionalChainingCalls() {
        #expect(evaluate("let words: [String]? = [\"a\"]\nwords?.contains(\"a\")") == "Optional(true)")
        #expect(evaluate("let words: [String]? = nil\nwords?.contains(\"a\")") == "nil")
    }

    @Test func stackStyleRemoval() {
        #expect(evaluate("var stack = [1, 2, 3]\nvar total = 0\nwhile let top = stack.popLast() { total += top }\n[total, stack.count]")
                == "[6, 0]")
        #expect(evaluate("var queue = [1, 2]\nqueue.removeFirst()") == "1")
    }

    @Test func dictionaryFilterKeepsADictionary() {
        #expect(evaluate("[\"a\": 1, \"b\": 5].filter { $0.value > 2 }") == "[\"b\": 5]")
    }

    @Test func stringFromCharacters() {
        #expect(evaluate("String(\"abc\".reversed())") == "\"cba\"")
    }
}

@Suite struct KeyPathAndComparatorTests {
    @Test func keyPathsWorkAsFunctions() {
        #expect(evaluate("struct R { let v: Double }\n[R(v: 1), R(v: 2)].map(\\.v)") == "[1.0, 2.0]")
        #expect(evaluate("[\"ab\", \"c\"].map(\\.count)") == "[2, 1]")
    }

    @Test func minAndMaxByAComparator() {
        #expect(evaluate("[\"ccc\", \"a\", \"bb\"].max { $0.count < $1.count }") == "Optional(\"ccc\")")
        #expect(evaluate("[\"ccc\", \"a\", \"bb\"].min(by: { $0.count < $1.count })") == "Optional(\"a\")")
    }
}
