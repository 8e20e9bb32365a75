import SwiftSyntax

extension Evaluator {
    /// `base.name`, `base?.name`, or an implicit member `.name` resolved against the expected type.
    func memberAccess(_ access: MemberAccessExprSyntax, in scope: Scope, expecting annotation: TypeAnnotation?) throws -> Value {
        let name = access.declName.baseName.text
        guard let base = access.base else {
            if case .named(let typeName)? = annotation, bindings.types[typeName] != nil || structures[typeName] != nil {
                return try located(access.declName) { try member(name, of: .type(typeName)) }
            }
            throw LocatedError(error: .typeMismatch("cannot infer contextual base in reference to member '\(name)'"),
                               node: Syntax(access))
        }
        if let chained = base.as(OptionalChainingExprSyntax.self) {
            let wrapped = try evaluate(chained.expression, in: scope)
            guard case .optional(let inner) = wrapped else {
                throw LocatedError(error: .typeMismatch(
                    "cannot use optional chaining on non-optional value of type '\(wrapped.typeName)'"), node: Syntax(chained))
            }
            guard let inner else { return .optional(nil) }
            let result = try located(access.declName) { try member(name, of: inner) }
            if case .optional = result { return result }
            return .optional(result)
        }
        if let reference = base.as(DeclReferenceExprSyntax.self), reference.baseName.text == "self",
           let variable = scope.lookup(name), scope.lookup("self") != nil {
            return variable.value
        }
        let receiver = try evaluate(base, in: scope)
        return try located(access.declName) { try member(name, of: receiver) }
    }

    /// The member `name` of `receiver`: a property's value, or a method bound to the receiver.
    func member(_ name: String, of receiver: Value) throws -> Value {
        switch receiver {
        case .type(let typeName):
            if let declaration = structures[typeName] {
                if name == "init" { return .function(.memberwiseInitializer(declaration)) }
                throw CellLanguageError.typeMismatch("type '\(typeName)' has no member '\(name)'")
            }
            guard let type = bindings.types[typeName] else { break }
            if name == "init", !type.initializers.isEmpty {
                return .function(.binding(name: typeName, overloads: type.initializers, receiver: nil))
            }
            guard let overloads = type.staticMembers[name], let first = overloads.first else {
                throw CellLanguageError.typeMismatch("type '\(typeName)' has no member '\(name)'")
            }
            if first.kind == .staticProperty {
                var invocation = BindingInvocation(receiver: receiver, arguments: [], evaluator: self)
                return try first.implementation(&invocation)
            }
            return .function(.binding(name: name, overloads: overloads, receiver: receiver))
        case .structure(let instance):
            if let index = instance.declaration.propertyIndex(name) { return instance.properties[index] }
            if let method = instance.declaration.methods[name]?.first {
                return .function(.user(method, receiver: receiver))
            }
        case .tuple(let elements, let labels):
            if let index = Int(name), elements.indices.contains(index) { return elements[index] }
            if let index = labels.firstIndex(of: name) { return elements[index] }
        default:
            break
        }
        let overloads = bindings.members(named: name, of: receiver.bindingTypeName)
        guard let first = overloads.first else {
            throw CellLanguageError.noMember(typeName: receiver.typeName, member: name)
        }
        if first.kind == .property {
            var invocation = BindingInvocation(receiver: receiver, arguments: [], evaluator: self)
            return try first.implementation(&invocation)
        }
        return .function(.binding(name: name, overloads: overloads, receiver: receiver))
    }
}
