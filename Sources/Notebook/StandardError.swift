import Foundation

/// The standard error stream, for `print(..., to: &standardError)`. In a notebook it is the cell's stderr.
public struct StandardError: TextOutputStream {
    /// Creates the stream.
    public init() {}

    /// Writes `text` to the process's standard error.
    ///
    /// - Parameter text: The text to write, as is (no newline is added).
    public mutating func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// The standard error stream: `print("warning", to: &standardError)`.
nonisolated(unsafe) public var standardError: StandardError = StandardError()
