import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct EvaluatorControlFlowTests {
    @Test func ifElseAndTernary() {
        #expect(evaluate("let x = 5\nvar s = \"\"\nif x > 3 { s = \"big\" } else { s = \"small\" }\ns") == "\"big\"")
        #expect(evaluate("let x = 2\nx > 3 ? \"big\" : \"small\"") == "\"small\"")
        #expect(evaluate("var r = 0\nif 1 > 2 { r = 1 } else if 2 > 1 { r = 2 } else { r = 3 }\nr") == "2")
    }

    @Test func forInOverRangesArraysDictionariesAndStride() {
        #expect(evaluate("var t = 0\nfor i in 1...4 { t += i }\nt") == "10")
        #expect(evaluate("var t = 0\nfor i in 0..<4 where i % 2 == 0 { t += i }\nt") == "2")
        #expect(evaluate("var s = \"\"\nfor w in [\"a\", \"b\"] { s += w }\ns") == "\"ab\"")
        #expect(evaluate("var t = 0\nfor (k, v) in [\"a\": 1, \"b\": 2] { t += v }\nt") == "3")
        #expect(evaluate("var r: [Int] = []\nfor i in stride(from: 0, to: 10, by: 3) { r.append(i) }\nr") == "[0, 3, 6, 9]")
        #expect(evaluate("var r: [String] = []\nfor (i, x) in [\"a\", \"b\"].enumerated() { r.append(\"\\(i)\\(x)\") }\nr")
                == "[\"0a\", \"1b\"]")
        #expect(evaluate("var r: [Int] = []\nfor (a, b) in zip([1, 2], [10, 20]) { r.append(a * b) }\nr") == "[10, 40]")
    }

    @Test func whileRepeatBreakContinue() {
        #expect(evaluate("var n = 0\nwhile n < 5 { n += 1 }\nn") == "5")
        #expect(evaluate("var n = 0\nrepeat { n += 2 } while n < 5\nn") == "6")
        #expect(evaluate("var t = 0\nfor i in 0..<10 { if i == 5 { break }; if i % 2 == 1 { continue }; t += i }\nt") == "6")
        #expect(evaluate("var c = 0\nouter: for i in 0..<3 { for j in 0..<3 { if j == 1 { continue outer }; c += 1 } }\nc") == "3")
    }

    @Test func optionalBindingAndGuard() {
        #expect(evaluate("let d = [\"a\": 1]\nvar r = 0\nif let v = d[\"a\"] { r = v }\nr") == "1")
        #expect(evaluate("let x: Int? = 3\nvar r = 0\nif let x { r = x * 2 }\nr") == "6")
        #expect(evaluate("func f(_ x: Int?) -> Int {\n    guard let x else { return -1 }\n    return x\n}\nf(nil) + f(5)") == "4")
        #expect(evaluate("let x: Int? = 4\nx!") == "4")
    }

    @Test func switchMatchesValuesRangesAndBindings() {
        let code = """
        func kind(_ n: Int) -> String {
            switch n {
            case 0: return "zero"
            case 1...9: return "small"
            case let m where m < 0: return "negative"
            default: return "large"
            }
        }
        [kind(0), kind(5), kind(-2), kind(50)]
        """
        #expect(evaluate(code) == "[\"zero\", \"small\", \"negative\", \"large\"]")
    }
}
