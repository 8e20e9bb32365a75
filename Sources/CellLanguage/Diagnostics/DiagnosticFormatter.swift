import SwiftSyntax

/// Turns errors into Swift-style tracebacks: `error: cell N, line L, column C: message`, the source line and a
/// caret line under the column.
struct DiagnosticFormatter {
    let cellNumber: Int
    let tree: SourceFileSyntax
    let converter: SourceLocationConverter
    let lines: [Substring]

    init(cellNumber: Int, tree: SourceFileSyntax, source: String) {
        self.cellNumber = cellNumber
        self.tree = tree
        self.converter = SourceLocationConverter(fileName: "cell \(cellNumber)", tree: tree)
        self.lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The failure for `error` at `position` (nil: no location line).
    func failure(_ error: CellLanguageError, at position: AbsolutePosition?) -> CellFailure {
        guard let position else {
            return CellFailure(name: error.name, message: error.message,
                               traceback: ["error: cell \(cellNumber): \(error.message)"])
        }
        let location = converter.location(for: position)
        var traceback = ["error: cell \(cellNumber), line \(location.line), column \(location.column): \(error.message)"]
        if location.line >= 1, location.line <= lines.count {
            let line = lines[location.line - 1]
            traceback.append(String(line))
            let prefix = line.utf8.prefix(max(0, location.column - 1))
            let caretColumn = String(decoding: prefix, as: UTF8.self).count
            traceback.append(String(repeating: " ", count: caretColumn) + "^")
        }
        return CellFailure(name: error.name, message: error.message, traceback: traceback)
    }

    /// The failure for a located error.
    func failure(_ located: LocatedError) -> CellFailure {
        failure(located.error, at: located.node?.positionAfterSkippingLeadingTrivia)
    }
}
