import Foundation

extension Table {
    /// An HTML table with escaped text; numeric columns are right-aligned.
    public func html() -> String {
        let numeric = (0..<columnCount).map(isNumericColumn)
        func alignment(_ column: Int) -> String {
            numeric[column] ? " style=\"text-align: right\"" : " style=\"text-align: left\""
        }
        var html = "<table class=\"swift-experiments-table\">\n"
        if !caption.isEmpty { html += "<caption>\(escapeHTML(caption))</caption>\n" }
        if !columns.isEmpty {
            html += "<thead><tr>"
            for column in 0..<columnCount {
                let heading = column < columns.count ? columns[column] : ""
                html += "<th\(alignment(column))>\(escapeHTML(heading))</th>"
            }
            html += "</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in rows.indices {
            html += "<tr>"
            for (column, cell) in cells(ofRow: row).enumerated() {
                html += "<td\(alignment(column))>\(escapeHTML(cell))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>"
        return html
    }

    /// Columns padded to a common width and separated by two spaces, with a rule under the headings.
    public func plainText() -> String {
        let count = columnCount
        guard count > 0 else { return caption }
        let numeric = (0..<count).map(isNumericColumn)
        let headings = (0..<count).map { $0 < columns.count ? columns[$0] : "" }
        let body = rows.indices.map(cells(ofRow:))
        let widths = (0..<count).map { column in
            ([headings[column]] + body.map { $0[column] }).map { $0.count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return numeric[column] ? padding + cell : cell + padding
            }
            .joined(separator: "  ")
            .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var lines: [String] = []
        if !caption.isEmpty { lines.append(caption) }
        if !columns.isEmpty {
            lines.append(line(headings))
            lines.append(widths.map { String(repeating: "-", count: max(1, $0)) }.joined(separator: "  "))
        }
        lines += body.map(line)
        return lines.joined(separator: "\n")
    }
}

extension Table: CustomStringConvertible {
    /// The aligned text of ``plainText()``, so `print(table)` shows the table.
    public var description: String { plainText() }
}
