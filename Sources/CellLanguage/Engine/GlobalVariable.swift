import CellRuntime

/// A variable, function or constant a cell declared at its top level: it lives for the session, and compiled
/// code refers to it directly. Declaring the name again in a later cell reuses the object, so functions of
/// earlier cells see the new value, as at a REPL.
final class GlobalVariable {
    let name: String
    var value: Value
    var isMutable: Bool
    /// The declared type, when the declaration wrote one.
    var declaredType: TypeExpression?
    /// The cell that declared it last.
    var cellNumber: Int
    /// The `///` comment of a function.
    var documentation: String = ""

    init(name: String, value: Value, isMutable: Bool, declaredType: TypeExpression?, cellNumber: Int) {
        self.name = name
        self.value = value
        self.isMutable = isMutable
        self.declaredType = declaredType
        self.cellNumber = cellNumber
    }
}
