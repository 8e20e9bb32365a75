import Foundation

/// Reads a whole file into memory, transparently decompressing gzip (detected by magic bytes).
func readBytes(of url: URL) throws -> [UInt8] {
    let data: Data
    do {
        data = try Data(contentsOf: url)
    } catch {
        let reason = FileManager.default.fileExists(atPath: url.path) ? "\(error.localizedDescription)" : "no such file"
        throw DatasetsError.unreadableFile(path: url.path, reason: reason)
    }
    let bytes = [UInt8](data)
    return Inflate.isGzip(bytes) ? try Inflate.gunzip(bytes, path: url.path) : bytes
}

/// A fast line-and-field scanner over the bytes of a delimited text file.
///
/// Lines end at `\n` (a trailing `\r` is dropped); blank lines are skipped; fields are byte ranges
/// into `bytes`, so nothing is copied until a caller parses a field. The separator may be several
/// bytes long (MovieLens 1M uses `::`).
struct DelimitedText {
    let bytes: [UInt8]
    let path: String

    /// Calls `body` with each non-blank line's 1-based number and its fields' byte ranges.
    func forEachLine(
        separator: [UInt8], _ body: (_ lineNumber: Int, _ fields: [Range<Int>]) throws -> Void
    ) throws {
        precondition(!separator.isEmpty)
        var fields = [Range<Int>]()
        fields.reserveCapacity(32)
        var lineStart = 0
        var lineNumber = 0
        let count = bytes.count
        let first = separator[0]
        while lineStart < count {
            lineNumber += 1
            var lineEnd = lineStart
            fields.removeAll(keepingCapacity: true)
            // Find the line's end and its separators in one pass over raw bytes.
            bytes.withUnsafeBufferPointer { buffer in
                var fieldStart = lineStart
                while lineEnd < count {
                    let byte = buffer[lineEnd]
                    if byte == 0x0a { break }
                    if byte == first && Self.matches(separator, in: buffer, at: lineEnd) {
                        fields.append(fieldStart..<lineEnd)
                        lineEnd += separator.count
                        fieldStart = lineEnd
                    } else {
                        lineEnd += 1
                    }
                }
                let next = min(lineEnd, count)
                var contentEnd = next
                if contentEnd > fieldStart && buffer[contentEnd - 1] == 0x0d { contentEnd -= 1 }
                fields.append(fieldStart..<max(fieldStart, contentEnd))
                lineEnd = next
            }
            let isBlank = fields.count == 1 && fields[0].isEmpty
            if !isBlank { try body(lineNumber, fields) }
            lineStart = lineEnd + 1
        }
    }

    private static func matches(_ separator: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        if separator.count == 1 { return true }
        guard position + separator.count <= buffer.count else { return false }
        for offset in 1..<separator.count where buffer[position + offset] != separator[offset] { return false }
        return true
    }

    /// The field's text, decoded as UTF-8 (or Latin-1 when it is not valid UTF-8, as in MovieLens `u.item`).
    func string(_ range: Range<Int>) -> String {
        let slice = bytes[range]
        if let text = String(validating: slice, as: UTF8.self) { return text }
        return String(slice.map { Character(Unicode.Scalar($0)) })
    }

    /// The field as an integer, or nil when it is not one (surrounding spaces allowed).
    func integer(_ range: Range<Int>) -> Int? {
        var position = range.lowerBound
        var end = range.upperBound
        while position < end && bytes[position] == 0x20 { position += 1 }
        while end > position && bytes[end - 1] == 0x20 { end -= 1 }
        guard position < end else { return nil }
        var negative = false
        if bytes[position] == 0x2d { negative = true; position += 1 } else if bytes[position] == 0x2b { position += 1 }
        guard position < end, end - position <= 18 else { return nil }
        var value = 0
        while position < end {
            let digit = Int(bytes[position]) - 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
            position += 1
        }
        return negative ? -value : value
    }

    /// The field as a number: a fast path for plain decimals like `4`, `3.5`, `881250949.0`,
    /// and the standard library's parser for anything else (exponents); `nan` and `inf` are rejected.
    func number(_ range: Range<Int>) -> Double? {
        if let value = plainDecimal(range) { return value }
        let text = String(decoding: bytes[range], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// `[-]digits[.digits]` with at most 15 significant digits, parsed exactly enough for ratings and timestamps.
    private func plainDecimal(_ range: Range<Int>) -> Double? {
        var position = range.lowerBound
        let end = range.upperBound
        guard position < end else { return nil }
        var negative = false
        if bytes[position] == 0x2d { negative = true; position += 1 }
        var mantissa = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        while position < end {
            let byte = bytes[position]
            if byte == 0x2e && !seenPoint {
                seenPoint = true
            } else if byte >= 0x30 && byte <= 0x39 {
                mantissa = mantissa * 10 + Int(byte - 0x30)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else {
                return nil
            }
            position += 1
        }
        guard digits > 0, digits <= 15 else { return nil }
        var value = Double(mantissa)
        if fractionDigits > 0 { value /= Self.powersOfTen[fractionDigits] }
        return negative ? -value : value
    }

    private static let powersOfTen: [Double] = (0...15).map { exponent in
        (0..<exponent).reduce(1.0) { product, _ in product * 10 }
    }

    /// Throws a `malformedLine` error for this file.
    func failure(line: Int, _ reason: String) -> DatasetsError {
        .malformedLine(path: path, line: line, reason: reason)
    }

    /// A short quotation of a field for error messages.
    func quoted(_ range: Range<Int>) -> String {
        let text = string(range)
        return "\"" + (text.count > 40 ? String(text.prefix(40)) + "..." : text) + "\""
    }
}
