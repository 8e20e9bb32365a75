import Testing
@testable import CellLanguage

/// Classes and structs declared in cells: properties of every kind, initialisers, inheritance, reference and
/// value semantics.
@Suite struct DeclarationClassTests {
    @Test func classesHaveStoredComputedAndStaticProperties() {
        let code = """
            class Account {
                static var opened = 0
                let owner: String
                var balance: Double = 0
                var isEmpty: Bool { balance == 0 }
                var doubled: Double {
                    get { balance * 2 }
                    set { balance = newValue / 2 }
                }
                init(owner: String) {
                    self.owner = owner
                    Account.opened += 1
                }
                func deposit(_ amount: Double) { balance += amount }
            }
            let account = Account(owner: "ada")
            let same = account
            same.deposit(10)
            account.doubled = 50
            [account.balance, Double(Account.opened), account.isEmpty ? 1 : 0]
            """
        #expect(evaluate(code) == "[25.0, 1.0, 0.0]")
    }

    @Test func subclassesOverrideAndCallSuper() {
        let code = """
            class Layer {
                let name: String
                init(name: String) { self.name = name }
                func describe() -> String { "layer \\(name)" }
            }
            final class Dense: Layer {
                let width: Int
                init(width: Int) {
                    self.width = width
                    super.init(name: "dense")
                }
                override func describe() -> String { super.describe() + " × \\(width)" }
            }
            let layers: [Layer] = [Layer(name: "plain"), Dense(width: 4)]
            layers.map { $0.describe() }
            """
        #expect(evaluate(code) == #"["layer plain", "layer dense × 4"]"#)
        #expect(evaluate("class A {}\nclass B: A {}\nlet b: A = B()\n[b is B, b is A]") == "[true, true]")
    }

    @Test func structsHaveMethodsMutatingMethodsAndInitialisers() {
        let code = """
            struct Running {
                private(set) var count = 0
                var total = 0.0
                init() {}
                init(values: [Double]) { for value in values { add(value) } }
                mutating func add(_ value: Double) { count += 1; total += value }
                func mean() -> Double { count == 0 ? 0 : total / Double(count) }
            }
            var running = Running(values: [1, 2])
            let copy = running
            running.add(6)
            [running.mean(), copy.mean()]
            """
        #expect(evaluate(code) == "[3.0, 1.5]")
    }

    @Test func errorCases() {
        #expect(evaluate("final class A {}\nclass B: A {}") == "CompilationError: inheritance from a final class 'A'")
        #expect(evaluate("struct P { let x: Int }\nvar p = P(x: 1)\np.x = 2") == "CompilationError: cannot assign to property: 'x' is a 'let' constant")
        #expect(evaluate("struct C { var n = 0; func bump() { n += 1 } }")
                .hasPrefix("CompilationError: cannot assign to property: 'self' is immutable"))
        #expect(evaluate("struct C { var n = 0; mutating func bump() { n += 1 } }\nlet c = C()\nc.bump()")
                == "CompilationError: cannot use mutating member on immutable value: 'c' is a 'let' constant")
        #expect(evaluate("class Linear2: Linear {}") == "CompilationError: cannot inherit from non-open class 'Linear' outside of its defining module")
        #expect(evaluate("class A { init(x: Int) {} }\nA()") == "CompilationError: missing argument for parameter 'x' in call")
    }
}
