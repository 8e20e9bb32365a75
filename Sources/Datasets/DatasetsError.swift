import Foundation

/// Everything that can go wrong while reading, transforming, splitting or scoring data.
///
/// Every message names the file (and, for text files, the line) and the reason, so a notebook
/// user can open the file and see what is wrong.
public enum DatasetsError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened or read at all.
    case unreadableFile(path: String, reason: String)
    /// One line of a text file is malformed: a missing column, a non-numeric id or value.
    case malformedLine(path: String, line: Int, reason: String)
    /// The file as a whole is malformed: empty, a bad magic number, a truncated archive.
    case malformedFile(path: String, reason: String)
    /// A named dataset was not found in any of the searched places.
    case dataNotFound(dataset: String, searched: [String], hint: String)
    /// An argument is outside what the function accepts (a fraction outside 0...1, k < 1, ...).
    case invalidArgument(String)

    /// A one-paragraph message naming the file, the line and the reason.
    public var description: String {
        switch self {
        case let .unreadableFile(path, reason):
            return "\(path): cannot read the file: \(reason)"
        case let .malformedLine(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .malformedFile(path, reason):
            return "\(path): \(reason)"
        case let .dataNotFound(dataset, searched, hint):
            let places = searched.map { "  " + $0 }.joined(separator: "\n")
            return "\(dataset) not found; looked in:\n\(places)\n\(hint)"
        case let .invalidArgument(reason):
            return "invalid argument: \(reason)"
        }
    }
}

extension DatasetsError: LocalizedError {
    /// The same text as `description`, so `error.localizedDescription` reads well too.
    public var errorDescription: String? { description }
}
