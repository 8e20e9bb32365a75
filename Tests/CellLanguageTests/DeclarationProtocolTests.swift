import Testing
@testable import CellLanguage

/// Protocols, extensions (of cell, library and standard types, constrained ones) and generic functions.
@Suite struct DeclarationProtocolTests {
    @Test func protocolsAreAdoptedAndUsedAsTypes() {
        let code = """
            protocol Loss {
                var name: String { get }
                func value(_ predicted: Double, _ observed: Double) -> Double
            }
            extension Loss {
                func total(_ pairs: [(Double, Double)]) -> Double { pairs.map { value($0.0, $0.1) }.reduce(0, +) }
            }
            struct Squared: Loss {
                let name = "squared"
                func value(_ predicted: Double, _ observed: Double) -> Double { (predicted - observed) * (predicted - observed) }
            }
            struct Absolute: Loss {
                var name: String { "absolute" }
                func value(_ predicted: Double, _ observed: Double) -> Double { abs(predicted - observed) }
            }
            let losses: [any Loss] = [Squared(), Absolute()]
            losses.map { "\\($0.name): \\($0.total([(1, 3), (2, 2)]))" }
            """
        #expect(evaluate(code) == #"["squared: 4.0", "absolute: 2.0"]"#)
        #expect(evaluate("protocol P {}\nstruct S: P {}\nlet value: Any = S()\n[value is P, 3 is P]") == "[true, false]")
    }

    @Test func extensionsOfCellLibraryAndStandardTypes() {
        var runner = CellRunner()
        _ = runner.run("struct Point { var x = 0.0 }")
        #expect(runner.value("extension Point { var doubled: Double { x * 2 } }\nPoint(x: 2).doubled") == "4.0")
        #expect(runner.value("extension Int { var isEven: Bool { self % 2 == 0 } }\n[4.isEven, 3.isEven]") == "[true, false]")
        #expect(runner.value("extension String { func shout() -> String { uppercased() + \"!\" } }\n\"hi\".shout()") == "\"HI!\"")
        #expect(runner.value("extension Tensor { var total: Float { sum().scalar } }\nTensor(ones: [2, 2]).total") == "4.0")
    }

    @Test func constrainedExtensionsApplyOnlyToTheirElements() {
        var runner = CellRunner()
        _ = runner.run("""
            extension Array where Element == Double { func mean() -> Double { reduce(0, +) / Double(count) } }
            extension Array where Element == String { func mean() -> String { joined(separator: "+") } }
            """)
        #expect(runner.value("[1.0, 2.0].mean()") == "1.5")
        #expect(runner.value("[\"a\", \"b\"].mean()") == "\"a+b\"")
        #expect(runner.value("[1, 2].mean()") == "CompilationError: value of type '[Int]' has no member 'mean'")
    }

    @Test func genericFunctionsWithSimpleConstraints() {
        let code = """
            func largest<T: Comparable>(_ values: [T]) -> T? {
                guard var best = values.first else { return nil }
                for value in values where value > best { best = value }
                return best
            }
            func pair<A, B>(_ a: A, _ b: B) -> (A, B) { (a, b) }
            [String(describing: largest([3, 9, 2])), String(describing: largest(["b", "a"])), "\\(pair(1, "x"))"]
            """
        #expect(evaluate(code) == #"["Optional(9)", "Optional(\"b\")", "(1, \"x\")"]"#)
        #expect(evaluate("struct Box<Value> { var value: Value }\n[Box(value: 3).value, Box(value: 4).value]") == "[3, 4]")
    }

    @Test func errorCases() {
        #expect(evaluate("struct S: Undeclared {}") == "CompilationError: cannot find type 'Undeclared' in scope")
        #expect(evaluate("extension Nowhere { }") == "CompilationError: cannot find type 'Nowhere' in scope")
        #expect(evaluate("extension Int { var stored = 1 }") == "CompilationError: extensions must not contain stored properties")
        #expect(evaluate("func f() { extension Int {} }").hasPrefix("CompilationError: "))
    }
}
