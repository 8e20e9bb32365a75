extension Figure: RichDisplayable {
    /// image/png (base64 of ``pngData()``) with a text/plain description; if the figure cannot be drawn,
    /// only text/plain, carrying the error.
    public func mimeBundle() -> [String: String] {
        do {
            return ["image/png": try pngData().base64EncodedString(), "text/plain": summary]
        } catch {
            return ["text/plain": "\(summary): \(error)"]
        }
    }

    /// The logical size to show the 2× PNG at: `["image/png": ["width": w, "height": h]]`.
    public func mimeMetadata() -> [String: [String: Int]] {
        let size = displaySize
        return ["image/png": ["width": size.width, "height": size.height]]
    }

    /// A one-line text description, e.g. `Figure(640×400, "Training loss", 2 lines)`.
    public var summary: String {
        let kind: String
        switch content {
        case .chart(let marks):
            var lines = 0, scatters = 0, bars = 0
            for mark in marks {
                switch mark {
                case .line: lines += 1
                case .scatter: scatters += 1
                case .bars: bars += 1
                }
            }
            kind = [(lines, "line", "lines"), (scatters, "scatter", "scatters"), (bars, "bar series", "bar series")]
                .filter { $0.0 > 0 }
                .map { count, singular, plural in "\(count) \(count == 1 ? singular : plural)" }
                .joined(separator: ", ")
        case .heatmap(let heatmap):
            kind = "heatmap \(heatmap.values.count)×\(heatmap.values.first?.count ?? 0)"
        case .imageGrid(let grid):
            kind = "\(grid.rows.joined().count) images in \(grid.rows.count) rows"
        case .panels(let figures, _):
            kind = "\(figures.count) panels"
        }
        let titlePart = title.isEmpty ? "" : ", \"\(title)\""
        return "Figure(\(width)×\(height)\(titlePart)\(kind.isEmpty ? "" : ", " + kind))"
    }
}

extension Figure: CustomStringConvertible {
    /// The same one-line text as ``summary``.
    public var description: String { summary }
}
