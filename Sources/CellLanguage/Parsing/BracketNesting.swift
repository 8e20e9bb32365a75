/// Finds square brackets nested too deep for SwiftParser, which takes exponential time over them.
///
/// SwiftParser (swift-syntax 603) looks ahead at each `[` as an inline-array type (`[3 of Int]`) and again as an
/// array type, and the lookahead goes on through `(`, labels, `any`, `<` and further `[`: so `[[[[`, `[([(`,
/// `[(a: [(a:` or `[a<[[a<[` cost about twice as much with each bracket. Twenty take half a second, thirty would
/// take minutes, and a parse cannot be interrupted. A cell that has more than `limit` square brackets open at once
/// gets a syntax error instead of a stuck kernel. Brackets inside comments and string literals do not count.
enum BracketNesting {
    /// The most square brackets open at once that a cell may have: their worst case parses in tens of milliseconds.
    static let limit = 12

    /// The UTF-8 offset of the first `[` that makes more than `limit` open at once, or nil when there is none.
    static func firstExcessiveBracket(in source: String) -> Int? {
        let bytes = Array(source.utf8)
        var index = 0
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["):
                depth += 1
                if depth > limit { return index }
                index += 1
            case UInt8(ascii: "]"):
                depth = max(0, depth - 1)
                index += 1
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                index = endOfLine(in: bytes, from: index)
            case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
                index = endOfBlockComment(in: bytes, from: index)
            case UInt8(ascii: "\""), UInt8(ascii: "#"):
                index = endOfStringLiteral(in: bytes, from: index) ?? index + 1
            default:
                index += 1
            }
        }
        return nil
    }

    /// The offset of the newline that ends the line comment starting at `start` (or the end).
    private static func endOfLine(in bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
    }

    /// The offset just past the (possibly nested) block comment starting at `start`.
    private static func endOfBlockComment(in bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return index }
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// The offset just past the string literal (`"…"`, `"""…"""`, raw `#"…"#`) starting at `start`; nil when `start`
    /// is a `#` that opens no string (`#if`, `#selector`). An unterminated literal runs to the end of its line
    /// (single-line) or of the source (multi-line).
    private static func endOfStringLiteral(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        var hashes = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            hashes += 1
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        let quote = UInt8(ascii: "\"")
        let isMultiline = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
        let quotes = isMultiline ? 3 : 1
        index += quotes
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), hashes == 0 {
                index += 2
            } else if byte == UInt8(ascii: "\n"), !isMultiline {
                return index
            } else if byte == quote, closes(bytes, at: index, quotes: quotes, hashes: hashes) {
                return index + quotes + hashes
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    /// Whether `quotes` quotation marks followed by `hashes` number signs start at `index`.
    private static func closes(_ bytes: [UInt8], at index: Int, quotes: Int, hashes: Int) -> Bool {
        let end = index + quotes + hashes
        guard end <= bytes.count else { return false }
        return bytes[index..<index + quotes].allSatisfy { $0 == UInt8(ascii: "\"") }
            && bytes[index + quotes..<end].allSatisfy { $0 == UInt8(ascii: "#") }
    }
}
