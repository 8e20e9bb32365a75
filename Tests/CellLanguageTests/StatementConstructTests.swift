import Testing
@testable import CellLanguage

/// `inout`, `defer`, tuples, `for … where`, closures that capture and mutate, optional chaining, `String(format:)`.
@Suite struct StatementConstructTests {
    @Test func inoutParametersWriteBack() {
        #expect(evaluate("func swapped(_ a: inout Int, _ b: inout Int) { (a, b) = (b, a) }\nvar x = 1, y = 2\nswapped(&x, &y)\n[x, y]")
                == "[2, 1]")
        #expect(evaluate("func append(_ values: inout [Double], _ value: Double) { values.append(value) }\nvar xs = [1.0]\nappend(&xs, 2)\nxs")
                == "[1.0, 2.0]")
        #expect(evaluate("func bump(_ n: inout Int) { n += 1 }\nlet fixed = 1\nbump(&fixed)")
                == "CompilationError: cannot pass immutable value as inout argument: 'fixed' is a 'let' constant")
        #expect(evaluate("func bump(_ n: inout Int) { n += 1 }\nvar n = 1\nbump(n)").hasPrefix("CompilationError: passing value of type 'Int' to an inout parameter requires explicit '&'"))
    }

    @Test func deferRunsAtScopeExitInReverseOrder() {
        let code = """
            var log: [String] = []
            func work(fail: Bool) throws {
                defer { log.append("first") }
                defer { log.append("second") }
                if fail { throw CancellationError() }
                log.append("body")
            }
            try work(fail: false)
            _ = try? work(fail: true)
            log
            """
        #expect(evaluate(code) == #"["body", "second", "first", "second", "first"]"#)
    }

    @Test func tuplesWithLabelsAndDestructuring() {
        #expect(evaluate("let pair = (loss: 0.5, step: 3)\nlet (loss, step) = pair\n[pair.loss, loss, Double(step), Double(pair.1)]")
                == "[0.5, 0.5, 3.0, 3.0]")
        #expect(evaluate("func minMax(_ xs: [Int]) -> (min: Int, max: Int) { (xs.min()!, xs.max()!) }\nminMax([3, 1, 4]).max") == "4")
        #expect(evaluate("for (index, name) in [\"a\", \"b\"].enumerated() where index > 0 { print(index, name) }") == "")
    }

    @Test func forWhereFilters() {
        var runner = CellRunner()
        _ = runner.run("var kept: [Int] = []\nfor value in 0..<10 where value % 3 == 0 { kept.append(value) }")
        #expect(runner.value("kept") == "[0, 3, 6, 9]")
    }

    @Test func closuresCaptureAndMutate() {
        let code = """
            func makeCounter() -> () -> Int {
                var count = 0
                return { count += 1; return count }
            }
            let counter = makeCounter()
            let other = makeCounter()
            _ = counter(); _ = counter()
            var total = 0
            [1, 2, 3].forEach { total += $0 }
            [counter(), other(), total]
            """
        #expect(evaluate(code) == "[3, 1, 6]")
    }

    @Test func optionalChaining() {
        let code = """
            struct Node { var value: Int; var next: [Node] }
            let leaf = Node(value: 2, next: [])
            let root: Node? = Node(value: 1, next: [leaf])
            let missing: Node? = nil
            [root?.next.first?.value, missing?.next.first?.value, root?.next.count]
            """
        #expect(evaluate(code) == "[Optional(2), nil, Optional(1)]")
        #expect(evaluate("let name: String? = \"ab\"\nname?.uppercased().count") == "Optional(2)")
    }

    @Test func stringFormat() {
        #expect(evaluate("String(format: \"%.3f|%5.1f%%|%d|%03d|%@|%e\", 3.14159, 99.5, 42, 7, \"x\", 12345.678)")
                == #""3.142| 99.5%|42|007|x|1.234568e+04""#)
        #expect(evaluate("String(format: \"%s\", \"x\")") == "RuntimeError: unsupported format conversion '%s'; use %@ for strings")
    }
}
