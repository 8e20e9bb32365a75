import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct CompletenessTests {
    let session = CellSession(host: LibraryBindings.makeHost())

    @Test func completeCode() {
        #expect(session.completeness(of: "let x = 1") == .complete)
        #expect(session.completeness(of: "for i in 0..<3 {\n    print(i)\n}") == .complete)
        #expect(session.completeness(of: "%who") == .complete)
    }

    @Test func openBracketsAskForMoreWithIndent() {
        #expect(session.completeness(of: "for i in 0..<3 {") == .incomplete(indent: "    "))
        #expect(session.completeness(of: "func f() {\n    if true {") == .incomplete(indent: "        "))
        #expect(session.completeness(of: "let a = [1,") == .incomplete(indent: "    "))
        #expect(session.completeness(of: "print(1,") == .incomplete(indent: "    "))
        #expect(session.completeness(of: "let s = \"\"\"\nabc") == .incomplete(indent: ""))
        #expect(session.completeness(of: "let x = 1 +") == .incomplete(indent: ""))
    }

    @Test func strayClosersAreInvalid() {
        #expect(session.completeness(of: "}") == .invalid)
        #expect(session.completeness(of: "let x = 1)") == .invalid)
        #expect(session.completeness(of: "let s = \"abc") == .invalid)
    }
}
