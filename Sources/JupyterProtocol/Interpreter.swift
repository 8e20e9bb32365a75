/// What a language must provide to become a Jupyter kernel.
///
/// The interpreter never sees a socket or a message: the kernel core calls it with plain values and it
/// publishes outputs through an `OutputPublisher`. `execute`, `complete`, `inspect` and `isComplete` are
/// called on one thread at a time; `interrupt` may be called from any thread while `execute` runs.
public protocol Interpreter: AnyObject {
    /// The static description sent in `kernel_info_reply`.
    var kernelInfo: KernelInfo { get }

    /// Runs one cell, streaming outputs through `output`, and returns its result or failure.
    func execute(_ request: ExecuteRequest, output: OutputPublisher) -> ExecutionOutcome

    /// Completion candidates at `cursorPosition` (in Unicode scalars).
    func complete(code: String, cursorPosition: Int) -> CompletionReply

    /// Documentation for the name at `cursorPosition` (in Unicode scalars).
    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> InspectionReply

    /// Whether `code` is ready to run, needs more lines, or can never be valid.
    func isComplete(code: String) -> CompletenessReply

    /// Asks the running cell to stop at its next check; callable from any thread.
    func interrupt()
}

/// The parts of an `execute_request` an interpreter needs.
public struct ExecuteRequest: Equatable, Sendable {
    /// The cell's source.
    public var code: String
    /// The number of this cell (the `execution_count` shown beside it).
    public var executionCount: Int
    /// When true, the frontend wants no result and no history entry.
    public var silent: Bool
    /// Whether this cell is recorded in history.
    public var storeHistory: Bool
    /// Whether `readInput` may ask the frontend.
    public var allowStdin: Bool

    /// Creates a request.
    public init(code: String, executionCount: Int, silent: Bool = false, storeHistory: Bool = true, allowStdin: Bool = false) {
        self.code = code
        self.executionCount = executionCount
        self.silent = silent
        self.storeHistory = storeHistory
        self.allowStdin = allowStdin
    }
}

/// The two output streams of a cell.
public enum StreamName: String, Sendable {
    /// Standard output.
    case standardOutput = "stdout"
    /// Standard error.
    case standardError = "stderr"
}

/// Where a running cell sends what it shows; every call becomes an IOPub (or stdin) message at once.
public protocol OutputPublisher: AnyObject {
    /// Appends `text` to a stream.
    func write(_ text: String, to stream: StreamName)
    /// Shows a rich value, or replaces the one shown under `displayID` when `isUpdate` is true.
    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool)
    /// Clears the cell's output, now or (with `wait`) when the next output arrives.
    func clearOutput(wait: Bool)
    /// Asks the frontend for a line of input.
    ///
    /// - Throws: `JupyterProtocolError.stdinNotAllowed` when the request did not allow stdin,
    ///   `inputCancelled` when interrupted while waiting.
    func readInput(prompt: String, isPassword: Bool) throws -> String
}
