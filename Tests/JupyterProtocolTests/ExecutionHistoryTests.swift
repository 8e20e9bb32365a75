import Testing
@testable import JupyterProtocol

func sampleHistory() -> ExecutionHistory {
    let history = ExecutionHistory()
    for (line, code) in ["let a = 1", "a + 1", "print(a)", "a + 1"].enumerated() {
        history.record(line: line + 1, input: code, output: code.hasPrefix("a") ? "2" : nil)
    }
    return history
}

@Test func tailReturnsTheLastEntries() {
    #expect(sampleHistory().tail(2).map(\.line) == [3, 4])
    #expect(sampleHistory().tail(10).count == 4)
}

@Test func rangeIsHalfOpen() {
    #expect(sampleHistory().range(start: 2, stop: 4).map(\.line) == [2, 3])
    #expect(sampleHistory().range(start: 3, stop: 0).map(\.line) == [3, 4])
}

@Test func searchMatchesGlobsWithUniqueAndLimit() {
    let history = sampleHistory()
    #expect(history.search(pattern: "a + *", limit: nil, unique: false).map(\.line) == [2, 4])
    #expect(history.search(pattern: "a + *", limit: nil, unique: true).map(\.line) == [4])
    #expect(history.search(pattern: "*", limit: 3, unique: false).map(\.line) == [2, 3, 4])
    #expect(history.search(pattern: "print(?)", limit: nil, unique: false).map(\.line) == [3])
}

@Test(arguments: [("*", "", true), ("a*c", "abbbc", true), ("a?c", "abc", true), ("a?c", "ac", false),
                  ("*x", "abc", false), ("a**", "a", true), ("abc", "abcd", false)])
func globMatchesWholeStrings(pattern: String, text: String, expected: Bool) {
    #expect(ExecutionHistory.glob(pattern, matches: text) == expected)
}
