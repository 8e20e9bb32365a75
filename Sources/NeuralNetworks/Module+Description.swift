/// A text summary of a module for notebooks: its type, parameter count and each parameter's shape.
extension Module {
    /// `Sequential: 26 parameters` followed by one `name [shape]` line per parameter.
    public var parameterSummary: String {
        let boxes = namedParameterBoxes()
        let lines = boxes.map { "  \($0.name) \($0.box.tensor?.shape ?? [])" }
        return (["\(typeName): \(parameterCount) parameters"] + lines).joined(separator: "\n")
    }
}
