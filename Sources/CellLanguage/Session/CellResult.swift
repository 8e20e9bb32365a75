/// A failed cell: a Swift-like error type name, the message, and traceback lines (the Swift-style diagnostic:
/// "error: cell 4, line 2, column 9: cannot find 'modle' in scope", the source line, a caret line).
///
/// Names in use:
/// - `SyntaxError`: SwiftParser's diagnostics (the cell did not parse; nothing ran).
/// - `CompilationError`: what the Swift compiler would reject — unknown names, wrong types, wrong labels,
///   assignment to a `let`.
/// - `RuntimeError`: what would trap at run time in Swift — index out of range, arithmetic overflow, division
///   by zero, unwrapping `nil`, too deep recursion, `readLine()` without input.
/// - `CancellationError`: the cell was interrupted.
public struct CellFailure: Error, Sendable, Equatable {
    /// The Swift-like error type name (see the list above).
    public var name: String
    /// The message without location, e.g. "cannot find 'modle' in scope".
    public var message: String
    /// The diagnostic line, the source line and a caret line.
    public var traceback: [String]

    /// Creates a failure.
    public init(name: String, message: String, traceback: [String]) {
        self.name = name
        self.message = message
        self.traceback = traceback
    }
}

/// How a cell ended: its last expression's value (nil when the cell ends in a statement / Void), or a failure.
public enum CellResult: Sendable {
    /// The cell ran to its end; the value of its last expression, if any.
    case success(RichOutput?)
    /// The cell stopped at an error; assignments made before the error stay.
    case failure(CellFailure)
}

/// Whether code typed so far is ready to run (for is_complete_request).
public enum Completeness: Sendable, Equatable {
    /// The code can run as it is.
    case complete
    /// More lines are expected; `indent` is the suggested indentation of the next line.
    case incomplete(indent: String)
    /// No continuation can make the code valid.
    case invalid
}
