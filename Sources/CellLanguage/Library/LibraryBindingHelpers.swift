/// Short forms for the bindings of library types: read-only and settable properties of boxed values.
enum LibraryBinding {
    /// A read-only property of a boxed `Wrapped`.
    static func property<Wrapped: CellExposed>(
        _ name: String, of type: Wrapped.Type, returns returnType: String, summary: String,
        _ get: @escaping (Wrapped) throws -> Value
    ) -> FunctionBinding {
        FunctionBinding(name, kind: .property, returns: returnType, summary: summary) { call in
            try call.library { try get(try call.receiver(as: type)) }
        }
    }

    /// A settable property of a boxed value type: reading gives `get`, assigning (`figure.logY = true`) runs
    /// `set` on a copy that replaces the variable's value.
    static func settableProperty<Wrapped: CellExposed>(
        _ name: String, of type: Wrapped.Type, returns returnType: String, summary: String,
        get: @escaping (Wrapped) -> Value, set: @escaping (inout Wrapped, Value) throws -> Void
    ) -> FunctionBinding {
        FunctionBinding(name, kind: .property, returns: returnType, summary: summary,
                        discussion: "Settable: `\(name) = newValue` on a `var`.", isMutating: true) { call in
            guard let newValue = call.arguments.first else { return get(try call.receiver(as: type)) }
            try call.mutateReceiver(as: type) { try set(&$0, newValue) }
            return .void
        }
    }

    /// A static property whose value is a case of an enumeration (`.ml100k`, `.areaUnderCurve`).
    static func enumerationCase<Wrapped: CellExposed>(_ name: String, _ value: Wrapped, summary: String) -> FunctionBinding {
        FunctionBinding(name, kind: .staticProperty, returns: Wrapped.cellTypeName, summary: summary) { _ in .library(value) }
    }
}
