/// A value in several representations keyed by MIME type, with per-type metadata.
public struct MimeBundle: Equatable, Sendable {
    /// MIME type to representation, e.g. `text/plain` to a string, `image/png` to base64.
    public var data: [String: JSONValue]
    /// MIME type to metadata, e.g. `image/png` to `{"width": 640}`.
    public var metadata: [String: JSONValue]

    /// Creates a bundle.
    public init(data: [String: JSONValue], metadata: [String: JSONValue] = [:]) {
        self.data = data
        self.metadata = metadata
    }

    /// A bundle holding only `text/plain`.
    public static func plainText(_ text: String) -> MimeBundle {
        MimeBundle(data: ["text/plain": .string(text)])
    }
}

/// Why a cell failed, in the shape of an `error` message.
public struct ExecutionFailure: Error, Equatable, Sendable {
    /// A type-like name, such as `KeyboardInterrupt` or `RuntimeError`.
    public var name: String
    /// The message.
    public var value: String
    /// Lines shown to the user (may contain ANSI colours).
    public var traceback: [String]

    /// Creates a failure.
    public init(name: String, value: String, traceback: [String]) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }
}

/// How a cell ended.
public enum ExecutionOutcome: Equatable, Sendable {
    /// The cell ran; `result` is the value of its last expression, `payloads` are `execute_reply` payloads (e.g. a page).
    case success(result: MimeBundle?, payloads: [JSONValue] = [])
    /// The cell raised an error or was interrupted.
    case failure(ExecutionFailure)
}

/// Completion candidates and the range of the code they replace (in Unicode scalars).
public struct CompletionReply: Equatable, Sendable {
    /// The candidate texts.
    public var matches: [String]
    /// Start of the replaced range.
    public var cursorStart: Int
    /// End of the replaced range.
    public var cursorEnd: Int
    /// Extra information, e.g. `_jupyter_types_experimental`.
    public var metadata: [String: JSONValue]

    /// Creates a reply.
    public init(matches: [String], cursorStart: Int, cursorEnd: Int, metadata: [String: JSONValue] = [:]) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
        self.metadata = metadata
    }
}

/// What is known about the name under the cursor.
public struct InspectionReply: Equatable, Sendable {
    /// Whether anything was found.
    public var found: Bool
    /// The documentation to show.
    public var bundle: MimeBundle

    /// Creates a reply.
    public init(found: Bool, bundle: MimeBundle = MimeBundle(data: [:])) {
        self.found = found
        self.bundle = bundle
    }
}

/// The answer to `is_complete_request`.
public enum CompletenessReply: Equatable, Sendable {
    /// Ready to run.
    case complete
    /// Needs more lines; the next one should start with `indent`.
    case incomplete(indent: String)
    /// Can never become valid by adding lines.
    case invalid
    /// Cannot tell.
    case unknown
}
