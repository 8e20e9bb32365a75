import CellRuntime

/// How library code calls back into cells: closures passed to the library, and methods a cell class overrides.
extension Interpreter: CellCallbacks {
    func call(_ function: Value, arguments: [Value]) throws -> Value {
        try call(function, arguments: arguments.map { Argument(label: nil, value: $0) }, node: nil)
    }

    func callMethod(_ name: String, of instance: CellInstance, arguments: [Argument]) throws -> Value? {
        guard let type = instance.cellType as? CellNominalType,
              let functions = type.classChain.lazy.compactMap({ $0.methods[name] }).first else { return nil }
        var receiver: Value? = .object(instance)
        var written: [Int: Value] = [:]
        return try invokeCompiled(try chooseFunction(functions, for: arguments), captures: [], receiver: &receiver,
                                  owner: type, arguments: arguments, written: &written, node: nil)
    }

    func record(_ error: Error) {
        if pendingCallbackError == nil { pendingCallbackError = error }
    }
}

extension Interpreter {
    /// Installs members a cell added to a standard or library type.
    func addExtension(_ extended: TypeExtension, to typeName: String, conformances: [String]) {
        if !extended.elementConstraints.isEmpty {
            constrainedExtensions[typeName, default: []].insert(extended, at: 0)
        } else if let existing = extensions[typeName] {
            existing.methods.merge(extended.methods) { $0 + $1 }
            existing.computedProperties.merge(extended.computedProperties) { $1 }
            existing.staticMethods.merge(extended.staticMethods) { $0 + $1 }
            existing.staticComputedProperties.merge(extended.staticComputedProperties) { $1 }
            existing.initializers += extended.initializers
        } else {
            extensions[typeName] = extended
        }
        extensionConformances[typeName, default: []].formUnion(conformances)
        memberCache = [:]
    }
}
