/// A named storage cell: a `let` or `var`.
final class Variable {
    var value: Value
    let isMutable: Bool
    /// The declared or inferred type, used to convert later assignments (`var x: Double = 1; x = 2`).
    let annotation: TypeAnnotation?

    init(value: Value, isMutable: Bool, annotation: TypeAnnotation?) {
        self.value = value
        self.isMutable = isMutable
        self.annotation = annotation
    }
}

/// A lexical scope: the session's globals, a function body, a block. Closures keep their scope alive.
final class Scope {
    private(set) var variables: [String: Variable] = [:]
    /// Names in the order they were first defined (for `%who`).
    private(set) var order: [String] = []
    let parent: Scope?

    init(parent: Scope?) {
        self.parent = parent
    }

    /// The variable called `name` here or in an enclosing scope.
    func lookup(_ name: String) -> Variable? {
        var scope: Scope? = self
        while let current = scope {
            if let variable = current.variables[name] { return variable }
            scope = current.parent
        }
        return nil
    }

    /// Defines (or, at the top level, redefines as the REPL allows) `name`.
    func define(_ name: String, _ variable: Variable) {
        if variables[name] == nil { order.append(name) }
        variables[name] = variable
    }

    /// Forgets every name.
    func removeAll() {
        variables = [:]
        order = []
    }

    /// Every visible name, innermost first.
    var visibleNames: [String] {
        var names: [String] = []
        var seen = Set<String>()
        var scope: Scope? = self
        while let current = scope {
            for name in current.order where seen.insert(name).inserted { names.append(name) }
            scope = current.parent
        }
        return names
    }
}
