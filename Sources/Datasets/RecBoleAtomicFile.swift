import Foundation

/// The typed header of a RecBole atomic file: tab-separated `name:type` fields, where type is
/// `token`, `token_seq`, `float` or `float_seq` (RecBole docs, "Atomic Files").
struct AtomicFileHeader {
    let names: [String]
    let types: [String]
    let path: String

    /// Reads and checks the first line of `text`.
    init(text: DelimitedText) throws {
        var names = [String]()
        var types = [String]()
        var sawLine = false
        let knownTypes: Set<String> = ["token", "token_seq", "float", "float_seq"]
        do {
            try text.forEachLine(separator: [0x09]) { line, fields in
                for field in fields {
                    let parts = text.string(field).split(separator: ":", maxSplits: 1).map(String.init)
                    guard parts.count == 2, knownTypes.contains(parts[1]) else {
                        throw text.failure(
                            line: line,
                            "header field \(text.quoted(field)) is not name:type with type token, token_seq, float or float_seq")
                    }
                    names.append(parts[0])
                    types.append(parts[1])
                }
                sawLine = true
                throw StopScanning()
            }
        } catch is StopScanning {}
        guard sawLine else { throw DatasetsError.malformedFile(path: text.path, reason: "the file is empty") }
        self.names = names
        self.types = types
        self.path = text.path
    }

    /// The position of the column called `name`, if present.
    func column(_ name: String) -> Int? { names.firstIndex(of: name) }

    /// The position of the column called `name`, or an error naming the file and the missing column.
    func requiredColumn(_ name: String) throws -> Int {
        guard let index = column(name) else {
            throw DatasetsError.malformedLine(
                path: path, line: 1, reason: "missing column \"\(name)\" (header has \(names.joined(separator: ", ")))")
        }
        return index
    }
}

/// Thrown inside a scan to stop it early.
private struct StopScanning: Error {}

/// A RecBole atomic file read as text: its typed columns and its rows, for files such as `.user`
/// whose columns vary between datasets.
///
/// ```swift
/// let users = try AtomicFile(path: ".cache/data/ml-100k/ml-100k.user")
/// users.columnNames      // ["user_id", "age", "gender", "occupation", "zip_code"]
/// ```
public struct AtomicFile: Sendable {
    /// The column names, from the header (`user_id`, `age`, ...).
    public let columnNames: [String]
    /// The column types, from the header (`token`, `token_seq`, `float`, `float_seq`).
    public let columnTypes: [String]
    /// The rows, one string per column.
    public let rows: [[String]]

    /// Reads the atomic file at `path` (gzip allowed); every row must have one field per column.
    ///
    /// - Parameter path: The atomic file (`.inter`, `.item`, `.user`, …; gzip allowed).
    public init(path: String) throws {
        let text = DelimitedText(bytes: try readBytes(of: URL(fileURLWithPath: path)), path: path)
        let header = try AtomicFileHeader(text: text)
        var rows = [[String]]()
        var isHeader = true
        try text.forEachLine(separator: [0x09]) { line, fields in
            if isHeader { isHeader = false; return }
            guard fields.count == header.names.count else {
                throw text.failure(line: line, "expected \(header.names.count) columns, found \(fields.count)")
            }
            for (field, type) in zip(fields, header.types) where type == "float" && text.number(field) == nil && !field.isEmpty {
                throw text.failure(line: line, "value \(text.quoted(field)) of a float column is not a number")
            }
            rows.append(fields.map(text.string))
        }
        columnNames = header.names
        columnTypes = header.types
        self.rows = rows
    }

    /// The values of the column called `name`, or nil when there is no such column.
    ///
    /// - Parameter name: The column name without its type, e.g. "user_id".
    public func column(_ name: String) -> [String]? {
        guard let index = columnNames.firstIndex(of: name) else { return nil }
        return rows.map { $0[index] }
    }
}

/// Loads RecBole atomic files: `<name>.inter` and, when present, `<name>.item` for titles and genres.
public enum RecBoleAtomicFiles {
    /// Reads `<directory>/<name>.inter` (required) and `<directory>/<name>.item` (optional).
    ///
    /// The `.inter` file needs `user_id` and `item_id` columns; `rating` and `timestamp` are used
    /// when present (a missing rating means implicit feedback, rating 1).
    ///
    /// - Parameters:
    ///   - directory: The folder holding the files, e.g. ".cache/data/ml-100k".
    ///   - name: The files' base name, e.g. "ml-100k".
    public static func load(directory: String, name: String) throws -> Interactions {
        let base = URL(fileURLWithPath: directory).appendingPathComponent(name)
        let interPath = base.appendingPathExtension("inter")
        var interactions = try parseRatings(
            try readBytes(of: interPath), path: interPath.path, layout: .recBoleAtomic, name: name)
        let itemPath = base.appendingPathExtension("item")
        if FileManager.default.fileExists(atPath: itemPath.path) {
            let metadata = try parseItems(try readBytes(of: itemPath), path: itemPath.path)
            interactions.attachItemMetadata(titles: metadata.titles, genres: metadata.genres)
        }
        return interactions
    }
}
