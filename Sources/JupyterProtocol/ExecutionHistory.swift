import Foundation

/// The cells run in this session, answering `history_request` (tail, range, search) from memory.
final class ExecutionHistory: @unchecked Sendable {
    /// One recorded cell.
    struct Entry: Equatable {
        var line: Int
        var input: String
        var output: String?
    }

    /// The session number reported in history tuples; this kernel keeps one in-memory session.
    static let sessionNumber = 1

    private let lock = NSLock()
    private var entries: [Entry] = []

    func record(line: Int, input: String, output: String?) {
        lock.lock()
        entries.append(Entry(line: line, input: input, output: output))
        lock.unlock()
    }

    var all: [Entry] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }

    /// The last `count` entries.
    func tail(_ count: Int) -> [Entry] {
        Array(all.suffix(max(0, count)))
    }

    /// Entries whose line is in `start..<stop`; a stop of 0 or less means "to the end".
    func range(start: Int, stop: Int) -> [Entry] {
        all.filter { $0.line >= start && (stop <= 0 || $0.line < stop) }
    }

    /// Entries whose input matches the glob `pattern` (`*`, `?`), the last `limit` of them, optionally one per input.
    func search(pattern: String, limit: Int?, unique: Bool) -> [Entry] {
        var matches = all.filter { Self.glob(pattern, matches: $0.input) }
        if unique {
            var seen = Set<String>()
            matches = Array(matches.reversed().filter { seen.insert($0.input).inserted }.reversed())
        }
        if let limit, limit > 0 { matches = Array(matches.suffix(limit)) }
        return matches
    }

    /// Whole-string glob match with `*` (any run) and `?` (one character).
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let pattern = Array(pattern), text = Array(text)
        var patternIndex = 0, textIndex = 0
        var starIndex: Int?, starTextIndex = 0
        while textIndex < text.count {
            if patternIndex < pattern.count, pattern[patternIndex] == "?" || pattern[patternIndex] == text[textIndex] {
                patternIndex += 1
                textIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == "*" {
                starIndex = patternIndex
                starTextIndex = textIndex
                patternIndex += 1
            } else if let star = starIndex {
                patternIndex = star + 1
                starTextIndex += 1
                textIndex = starTextIndex
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == "*" { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}
