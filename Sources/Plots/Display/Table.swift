import Foundation

/// A table for metrics, dataset summaries or hyperparameters: HTML in the notebook, aligned text elsewhere.
///
/// Cells that read as numbers are right-aligned, as pandas does.
///
/// ```swift
/// Table(columns: ["metric", "value"], rows: [["NDCG@100", "0.4312"], ["Recall@20", "0.3950"]])
/// ```
public struct Table: RichDisplayable, Equatable {
    /// Column headings.
    public var columns: [String]
    /// Rows of cells; short rows are padded with empty cells, extra cells are kept without a heading.
    public var rows: [[String]]
    /// A caption shown above the table; empty for none.
    public var caption: String

    /// A table of text cells.
    ///
    /// - Parameters:
    ///   - columns: Column headings.
    ///   - rows: Rows of cells; short rows are padded with empty cells.
    ///   - caption: A caption above the table; empty for none.
    public init(columns: [String], rows: [[String]], caption: String = "") {
        self.columns = columns
        self.rows = rows
        self.caption = caption
    }

    /// A table of numbers, each printed with `decimals` digits after the point.
    ///
    /// - Parameters:
    ///   - columns: Column headings.
    ///   - rows: Rows of numbers.
    ///   - decimals: Digits after the point for each number.
    ///   - caption: A caption above the table; empty for none.
    public init(columns: [String], rows: [[Double]], decimals: Int = 4, caption: String = "") {
        self.init(columns: columns,
                  rows: rows.map { $0.map { String(format: "%.\(max(0, decimals))f", $0) } },
                  caption: caption)
    }

    /// A two-column name/value table, e.g. hyperparameters, in the given order.
    ///
    /// - Parameters:
    ///   - keyValuePairs: The (name, value) rows, in order.
    ///   - keyHeading: The heading of the name column.
    ///   - valueHeading: The heading of the value column.
    ///   - caption: A caption above the table; empty for none.
    public init(keyValuePairs: [(String, String)], keyHeading: String = "name", valueHeading: String = "value",
                caption: String = "") {
        self.init(columns: [keyHeading, valueHeading], rows: keyValuePairs.map { [$0.0, $0.1] }, caption: caption)
    }

    /// Equal when headings, cells and caption are equal.
    ///
    /// - Parameters:
    ///   - lhs: A table.
    ///   - rhs: Another table.
    public static func == (lhs: Table, rhs: Table) -> Bool {
        lhs.columns == rhs.columns && lhs.rows == rhs.rows && lhs.caption == rhs.caption
    }

    /// The number of columns: the most of the headings and of any row.
    var columnCount: Int {
        max(columns.count, rows.map(\.count).max() ?? 0)
    }

    /// Row `row` padded to `columnCount` cells.
    func cells(ofRow row: Int) -> [String] {
        rows[row] + Array(repeating: "", count: columnCount - rows[row].count)
    }

    /// Whether every non-empty cell in the column reads as a number.
    func isNumericColumn(_ column: Int) -> Bool {
        var sawNumber = false
        for row in rows.indices {
            let cell = cells(ofRow: row)[column].trimmingCharacters(in: .whitespaces)
            if cell.isEmpty { continue }
            guard looksNumeric(cell) else { return false }
            sawNumber = true
        }
        return sawNumber
    }

    /// text/html and text/plain.
    public func mimeBundle() -> [String: String] {
        ["text/html": html(), "text/plain": plainText()]
    }
}

/// Whether `text` is a number, possibly with a sign, exponent, thousands separators or a trailing %.
func looksNumeric(_ text: String) -> Bool {
    var candidate = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "_", with: "")
    if candidate.hasSuffix("%") { candidate.removeLast() }
    candidate = candidate.replacingOccurrences(of: "\u{2212}", with: "-")
    return Double(candidate) != nil || ["nan", "inf", "-inf"].contains(candidate.lowercased())
}
