import Plots

/// Shows a value in the cell's output now, in its richest form (a figure as PNG, a table as HTML). In a
/// compiled program, prints its text.
///
/// - Parameter value: Any value; a figure, table, Markdown or other rich value shows in its richest form.
public func display(_ value: Any) {
    if let sink = Displays.sink {
        sink.display(value, id: nil, isUpdate: false)
    } else {
        print(NotebookRendering.plainText(of: value))
    }
}

/// Clears the cell's output; with `wait`, when the next output arrives (for animations). Does nothing in a
/// compiled program.
///
/// - Parameter wait: Whether to clear only when the next output arrives (no flicker between frames).
public func clearOutput(wait: Bool = false) {
    Displays.sink?.clearOutput(wait: wait)
}
