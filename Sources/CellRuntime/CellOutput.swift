/// Which stream a cell wrote to.
public enum CellStream: Sendable {
    /// The cell's standard output (`print`).
    case standardOutput
    /// The cell's standard error (`print(..., to: &standardError)`).
    case standardError
}

/// A value rendered in several MIME types; "text/plain" is always present. Binary types (image/png) are base64.
public struct RichOutput: Sendable, Equatable {
    /// The rendering per MIME type, e.g. `["text/plain": "3"]`.
    public var data: [String: String]
    /// Per-MIME metadata, e.g. ["image/png": ["width": 400, "height": 250]].
    public var metadata: [String: [String: Int]]

    /// Creates an output from its renderings and their metadata.
    public init(data: [String: String], metadata: [String: [String: Int]] = [:]) {
        self.data = data
        self.metadata = metadata
    }

    /// Creates a plain-text output.
    public init(plainText: String) {
        self.init(data: ["text/plain": plainText])
    }

    /// The "text/plain" rendering.
    public var plainText: String { data["text/plain"] ?? "" }
}

/// Where a running cell's output goes (the kernel publishes it on IOPub as it arrives; tests record it).
///
/// The session calls these methods from the thread that evaluates the cell, which is not the thread that
/// called ``CellSession/execute(_:cellNumber:output:)``.
public protocol CellOutput: AnyObject {
    /// Writes `text` to `stream` as it is produced.
    func write(_ text: String, to stream: CellStream)
    /// Shows `output`; with `displayID`, later calls with `isUpdate: true` replace it in place.
    func display(_ output: RichOutput, displayID: String?, isUpdate: Bool)
    /// Clears the cell's output, or with `wait` clears it when the next output arrives.
    func clearOutput(wait: Bool)
    /// Asks the user for a line; throws when the frontend does not allow input.
    func readLine(prompt: String, isPassword: Bool) throws -> String
}
