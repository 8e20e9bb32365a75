/// Prints a value as a notebook shows a cell's result: what an exported notebook calls for each cell's last
/// expression. A value with a picture prints its text fallback.
///
/// - Parameters:
///   - value: The cell's last value.
///   - fileID: The caller's `#fileID`, whose module name is dropped from the text like the library's.
public func show(_ value: Any, fileID: String = #fileID) {
    let module = fileID.split(separator: "/").first.map(String.init)
    print(NotebookRendering.plainText(of: value, programModule: module))
}

/// `Void` results (a call made for its effect) show nothing, as in the kernel.
///
/// - Parameters:
///   - value: The empty result of a call made for its effect.
///   - fileID: The caller's `#fileID` (unused).
public func show(_ value: Void, fileID: String = #fileID) {}
