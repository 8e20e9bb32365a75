import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct ElementMemoryTests {
    @Test func smallCollectionsPassAndHugeOnesAreFaults() throws {
        let interpreter = CellRunner().session.interpreter
        try interpreter.checkMemory(count: 1000, bytesEach: 40, what: "small")
        #expect(throws: CellLanguageError.runtimeFault("huge has more bytes than an Int can count")) {
            try interpreter.checkMemory(count: Int.max, bytesEach: 40, what: "huge")
        }
        do {
            try interpreter.checkMemory(count: 1 << 40, bytesEach: 40, what: "big")
            Issue.record("44 TB passed")
        } catch {
            #expect("\(error)".contains("big: it needs 43980.5 GB of memory and "))
        }
    }

    @Test func cellsAskingForCollectionsLargerThanMemoryFailAndTheSessionLives() {
        var runner = CellRunner()
        _ = runner.run("let kept = 7")
        #expect(runner.value("let a = Array(repeating: 0, count: 1 << 40)")
            .hasPrefix("RuntimeError: Array(repeating:count: 1099511627776): it needs "))
        #expect(runner.value("let s = String(repeating: \"ab\", count: 1 << 40)")
            .hasPrefix("RuntimeError: String(repeating:count: 1099511627776): it needs "))
        #expect(runner.value("let b = Array(0..<(1 << 40))").hasPrefix("RuntimeError: the range 0..<1099511627776 as an array: it needs "))
        #expect(runner.value("(0...Int.max).map { $0 }") == "RuntimeError: the range 0...9223372036854775807 as an array has more bytes than an Int can count")
        #expect(runner.value("var seen = 0\nfor i in 0..<(1 << 40) { if i == 3 { break }; seen += 1 }\nseen") == "3")
        #expect(runner.value("(0..<Int.max).count") == "9223372036854775807")
        #expect(runner.value("let r = 5...(1 << 40)\n[r.first!, r.last!, r.count]") == "[5, 1099511627776, 1099511627772]")
        #expect(runner.value("[(3..<3).isEmpty, (3...3).isEmpty]") == "[true, false]")
        #expect(runner.value("(3..<3).first == nil && (3..<3).last == nil") == "true")
        #expect(runner.value("(Int.min...Int.max).count") == "RuntimeError: arithmetic overflow in '(-9223372036854775808...9223372036854775807).count'")
        #expect(runner.value("kept") == "7")
    }
}
