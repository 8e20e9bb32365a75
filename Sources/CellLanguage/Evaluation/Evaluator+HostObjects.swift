/// Operators and settable properties of library values, declared in the binding table like any other member:
/// an operator is a static method named by its symbol (`static func + (lhs: Tensor, rhs: Tensor)`), a settable
/// property is a property binding marked `isMutating`, whose implementation gets the new value as its only
/// argument when set and no arguments when read.
extension Evaluator {
    /// `left name right` when either side is a library value whose type declares the operator, or nil.
    func hostOperation(_ name: String, _ left: Value, _ right: Value) throws -> Value? {
        for operand in [left, right] {
            guard case .host = operand, let overloads = bindings.types[operand.bindingTypeName]?.staticMembers[name],
                  !overloads.isEmpty else { continue }
            var receiver = Value.void
            return try invokeBinding(name, overloads, receiver: &receiver,
                                     arguments: [Argument(label: nil, value: left), Argument(label: nil, value: right)])
        }
        return nil
    }

    /// Changes the settable property `name` of a library value in place (`figure.logY = true`); false when
    /// `container` is not a library value.
    func modifyHostProperty(_ name: String, of container: inout Value, _ body: (inout Value) throws -> Void) throws -> Bool {
        guard case .host = container else { return false }
        guard let binding = bindings.members(named: name, of: container.bindingTypeName).first(where: { $0.kind == .property }) else {
            throw CellLanguageError.noMember(typeName: container.typeName, member: name)
        }
        guard binding.isMutating else {
            throw CellLanguageError.typeMismatch("cannot assign to property: '\(name)' is a get-only property")
        }
        var getter = BindingInvocation(receiver: container, arguments: [], evaluator: self)
        var value = try binding.implementation(&getter)
        try body(&value)
        var setter = BindingInvocation(receiver: container, arguments: [value], evaluator: self)
        _ = try binding.implementation(&setter)
        container = setter.receiver
        return true
    }
}

extension Evaluator {
    /// `value[arguments]` for a library value whose type declares a method binding named `subscript`
    /// (`report["NDCG@100"]`, `report[.ndcg(100)]`).
    func hostSubscript(of container: Value, _ arguments: [Argument]) throws -> Value {
        let overloads = bindings.members(named: "subscript", of: container.bindingTypeName)
        guard !overloads.isEmpty else {
            throw CellLanguageError.typeMismatch("value of type '\(container.typeName)' has no subscripts")
        }
        var receiver = container
        return try invokeBinding("subscript", overloads, receiver: &receiver, arguments: arguments)
    }
}
