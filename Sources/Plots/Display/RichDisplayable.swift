/// A value a notebook can show richly: figures, tables, Markdown and progress bars.
///
/// The kernel puts ``mimeBundle()`` in the `data` of a display_data or execute_result message and
/// ``mimeMetadata()`` in its `metadata`. Every bundle has a text/plain entry for front ends that show
/// nothing richer.
public protocol RichDisplayable {
    /// Representations keyed by MIME type: always "text/plain", plus "image/png" (base64),
    /// "text/html" or "text/markdown".
    func mimeBundle() -> [String: String]

    /// Per-MIME-type display metadata, e.g. `["image/png": ["width": 640, "height": 400]]` so a 2× PNG
    /// is shown at its logical size. Empty when there is none.
    func mimeMetadata() -> [String: [String: Int]]
}

extension RichDisplayable {
    /// No metadata by default.
    public func mimeMetadata() -> [String: [String: Int]] { [:] }
}

/// Escapes text for HTML element content and attribute values.
func escapeHTML(_ text: String) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        case "'": escaped += "&#39;"
        default: escaped.append(character)
        }
    }
    return escaped
}
