import Foundation

extension MNIST {
    /// Loads a CSV of square grey-scale images (gzip allowed): one image per line, its pixels
    /// (0–255) then its label, or the label first with `labelFirst: true`; a non-numeric first
    /// line is taken as a header and skipped.
    ///
    /// - Parameters:
    ///   - path: The CSV file (gzip allowed).
    ///   - labelFirst: Whether the label is the first column rather than the last.
    ///   - scaling: How bytes become floats: `.unitInterval` (0...1) or `.centered` (−0.5...0.5).
    ///   - name: The dataset's display name; nil for the file's name.
    public static func loadCSV(
        path: String, labelFirst: Bool = false, scaling: PixelScaling = .unitInterval, name: String? = nil
    ) throws -> ImageDataset {
        var reader = ImageCSVReader(
            text: DelimitedText(bytes: try readBytes(of: URL(fileURLWithPath: path)), path: path),
            labelFirst: labelFirst, lookup: (0...255).map { scaling.scale(UInt8($0)) })
        try reader.read()
        guard let columnCount = reader.columnCount else {
            throw DatasetsError.malformedFile(path: path, reason: "the file has no images (it is empty)")
        }
        let side = Int(Double(columnCount - 1).squareRoot())
        return ImageDataset(unchecked: name ?? URL(fileURLWithPath: path).lastPathComponent, pixels: reader.pixels,
                            labels: reader.labels, height: side, width: side)
    }
}

/// Reads image rows from CSV bytes: a tight loop for plain `digits,digits,...` lines, and a
/// careful per-field path for the first line and for any line the loop does not accept, which
/// either reads it (spaces, a header) or throws an error naming the line and the field.
private struct ImageCSVReader {
    let text: DelimitedText
    let labelFirst: Bool
    let lookup: [Float]
    var columnCount: Int?
    var pixels = [Float]()
    var labels = [Int]()

    init(text: DelimitedText, labelFirst: Bool, lookup: [Float]) {
        self.text = text
        self.labelFirst = labelFirst
        self.lookup = lookup
    }

    mutating func read() throws {
        let bytes = text.bytes
        var values = [Int]()
        values.reserveCapacity(1_024)
        var lineStart = 0
        var lineNumber = 0
        while lineStart < bytes.count {
            lineNumber += 1
            values.removeAll(keepingCapacity: true)
            var end = lineStart
            var current = 0
            var digits = 0
            var isPlain = true
            bytes.withUnsafeBufferPointer { buffer in
                while end < buffer.count && buffer[end] != 0x0a {
                    let byte = buffer[end]
                    if byte >= 0x30 && byte <= 0x39 {
                        current = current * 10 + Int(byte &- 0x30)
                        digits += 1
                    } else if byte == 0x2c {
                        if digits == 0 || digits > 6 { isPlain = false }
                        values.append(current)
                        current = 0
                        digits = 0
                    } else if byte != 0x0d {
                        isPlain = false
                    }
                    end += 1
                }
            }
            if digits == 0 || digits > 6 { isPlain = false } else { values.append(current) }
            if isPlain, let columnCount, values.count == columnCount, appendPlain(values) {
                // Read by the tight loop.
            } else if !isBlank(lineStart..<end) {
                try readCarefully(lineStart..<end, lineNumber: lineNumber)
            }
            lineStart = end + 1
        }
    }

    /// Appends a plain line's label and pixels; false (appending nothing) when a pixel exceeds 255.
    private mutating func appendPlain(_ values: [Int]) -> Bool {
        let labelIndex = labelFirst ? 0 : values.count - 1
        let pixelRange = labelFirst ? 1..<values.count : 0..<(values.count - 1)
        return values.withUnsafeBufferPointer { row in
            for index in pixelRange where row[index] > 255 { return false }
            labels.append(row[labelIndex])
            lookup.withUnsafeBufferPointer { table in
                for index in pixelRange { pixels.append(table[row[index]]) }
            }
            return true
        }
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        range.allSatisfy { text.bytes[$0] == 0x0d || text.bytes[$0] == 0x20 }
    }

    private mutating func readCarefully(_ range: Range<Int>, lineNumber line: Int) throws {
        var fields = [Range<Int>]()
        var fieldStart = range.lowerBound
        let end = text.bytes[range.upperBound - 1] == 0x0d ? range.upperBound - 1 : range.upperBound
        for position in range.lowerBound..<end where text.bytes[position] == 0x2c {
            fields.append(fieldStart..<position)
            fieldStart = position + 1
        }
        fields.append(fieldStart..<end)
        if columnCount == nil {
            if line == 1 && text.integer(fields[0]) == nil && text.integer(fields[fields.count - 1]) == nil { return }
            let side = Int(Double(fields.count - 1).squareRoot())
            guard fields.count >= 2, side * side == fields.count - 1 else {
                throw text.failure(line: line, "expected a square image's pixels and a label, found \(fields.count) columns")
            }
            columnCount = fields.count
            pixels.reserveCapacity(text.bytes.count / 2)
        }
        guard fields.count == columnCount else {
            throw text.failure(line: line, "expected \(columnCount!) columns, found \(fields.count)")
        }
        let labelIndex = labelFirst ? 0 : fields.count - 1
        guard let label = text.integer(fields[labelIndex]), label >= 0 else {
            throw text.failure(line: line, "label \(text.quoted(fields[labelIndex])) is not a non-negative integer")
        }
        labels.append(label)
        for (index, field) in fields.enumerated() where index != labelIndex {
            guard let value = text.integer(field), value >= 0, value <= 255 else {
                throw text.failure(line: line, "pixel \(text.quoted(field)) in column \(index + 1) is not an integer in 0...255")
            }
            pixels.append(lookup[value])
        }
    }
}
