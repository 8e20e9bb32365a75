/// One completion candidate with protocol metadata.
public struct CompletionItem: Sendable, Equatable {
    /// The text that replaces the typed prefix.
    public var text: String
    /// "variable", "function", "keyword", "type", "property", "method" or "parameter".
    public var type: String
    /// The declaration, e.g. "func min(_ values: Int...) -> Int", when known.
    public var signature: String?

    /// Creates a candidate.
    public init(text: String, type: String, signature: String? = nil) {
        self.text = text
        self.type = type
        self.signature = signature
    }
}

/// Completion answer; offsets are in Unicode scalars (code points), as Jupyter's cursor_pos.
public struct CompletionResult: Sendable, Equatable {
    /// The candidates, best first.
    public var items: [CompletionItem]
    /// Where the replaced text starts.
    public var cursorStart: Int
    /// Where the replaced text ends.
    public var cursorEnd: Int

    /// Creates an answer.
    public init(items: [CompletionItem], cursorStart: Int, cursorEnd: Int) {
        self.items = items
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
    }
}
