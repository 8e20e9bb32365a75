/// Markdown text for a notebook output; front ends render it, plain-text consumers see the source.
///
/// ```swift
/// Markdown("**NDCG@100** improved to `0.43`")
/// ```
public struct Markdown: RichDisplayable, Equatable {
    /// The Markdown source.
    public var text: String

    /// Wraps Markdown source text.
    ///
    /// - Parameter text: The Markdown source.
    public init(_ text: String) {
        self.text = text
    }

    /// text/markdown with the source as the text/plain fallback.
    public func mimeBundle() -> [String: String] {
        ["text/markdown": text, "text/plain": text]
    }
}

extension Markdown: CustomStringConvertible {
    /// The Markdown source.
    public var description: String { text }
}
