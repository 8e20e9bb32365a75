import Testing
@testable import CellLanguage

/// Enums declared in cells: raw values, associated values, `switch` with patterns and `where`.
@Suite struct DeclarationEnumTests {
    @Test func rawValuesAndCaseIterable() {
        #expect(evaluate("""
            enum Metric: String, CaseIterable { case ndcg = "NDCG", recall = "Recall", precision }
            Metric.allCases.map(\\.rawValue)
            """) == #"["NDCG", "Recall", "precision"]"#)
        #expect(evaluate("enum Level: Int { case low = 1, middle, high }\n[Level.middle.rawValue, Level.high.rawValue]") == "[2, 3]")
        #expect(evaluate("enum Level: Int { case low = 1, middle }\n[Level(rawValue: 2) == .middle, Level(rawValue: 9) == nil]")
                == "[true, true]")
    }

    @Test func associatedValuesMatchWithBindingsAndWhere() {
        let code = """
            enum Schedule {
                case constant
                case linear(cap: Double, steps: Int)
                case cyclical(period: Int)
            }
            func describe(_ schedule: Schedule) -> String {
                switch schedule {
                case .constant: return "constant"
                case .linear(let cap, let steps) where steps > 1000: return "slow to \\(cap)"
                case .linear(cap: let cap, _): return "fast to \\(cap)"
                case let .cyclical(period): return "every \\(period)"
                }
            }
            [describe(.constant), describe(.linear(cap: 0.2, steps: 20_000)), describe(.linear(cap: 1, steps: 10)), describe(.cyclical(period: 5))]
            """
        #expect(evaluate(code) == #"["constant", "slow to 0.2", "fast to 1.0", "every 5"]"#)
    }

    @Test func casesCompareAndPrintLikeSwift() {
        #expect(evaluate("enum Phase { case train, test }\nlet phase = Phase.train\n[phase == .train, phase == .test]") == "[true, false]")
        #expect(evaluate("enum Phase { case train, test }\nPhase.test") == "Phase.test")
        #expect(evaluate("enum Shape { case circle(radius: Double) }\nShape.circle(radius: 2)") == "Shape.circle(radius: 2.0)")
    }

    @Test func enumsHaveMethodsComputedPropertiesAndMutatingMethods() {
        let code = """
            enum Light {
                case red, green
                var canGo: Bool { self == .green }
                mutating func toggle() { self = self == .red ? .green : .red }
            }
            var light = Light.red
            light.toggle()
            light.canGo
            """
        #expect(evaluate(code) == "true")
    }

    @Test func errorCases() {
        #expect(evaluate("enum Phase { case train }\nPhase.validate").hasPrefix("CompilationError: type 'Phase' has no member 'validate'"))
        #expect(evaluate("enum Level: Int { case low = 1, high = 1 }").hasPrefix("CompilationError: raw value for enum case is not unique"))
        #expect(evaluate("enum Shape { case circle(radius: Double) }\nShape.circle(r: 2)").hasPrefix("CompilationError:"))
    }
}
