import Foundation

/// Where a notebook's displays go. A kernel installs one on the thread that runs a cell; a compiled program
/// (an exported notebook) has none: `Notebook`'s `display(_:)` then prints the value's text, and a
/// ``ProgressBar`` shows nothing.
public protocol DisplaySink: AnyObject {
    /// Shows `value` in its richest form (a figure as PNG, a table as HTML). With `id`, a later call with the
    /// same id and `isUpdate` replaces that output in place (a live progress bar).
    ///
    /// - Parameters:
    ///   - value: The value to show.
    ///   - id: The output's display id, or nil for a new output that is never replaced.
    ///   - isUpdate: Whether to replace the earlier output with the same `id` rather than add one.
    func display(_ value: Any, id: String?, isUpdate: Bool)
    /// Clears the cell's output; with `wait`, when the next output arrives.
    ///
    /// - Parameter wait: Whether to clear only when the next output arrives (no flicker).
    func clearOutput(wait: Bool)
}

/// The display sink of the current thread.
public enum Displays {
    private static let key = "swift-experiments.display-sink"

    /// The sink `display(_:)` uses on this thread; nil in a compiled program.
    public static var sink: DisplaySink? {
        get { Thread.current.threadDictionary[key] as? DisplaySink }
        set { Thread.current.threadDictionary[key] = newValue }
    }
}
