import SwiftSyntax

extension Evaluator {
    /// Why a storage place is being changed, which decides the wording of the `let` error.
    enum MutationPurpose {
        case assignment
        case mutatingMember
    }

    /// The declared type of an assignment target, so `x = 1` stores a Double into a Double variable.
    func assignmentAnnotation(of target: ExprSyntax, in scope: Scope) throws -> TypeAnnotation? {
        guard let reference = target.as(DeclReferenceExprSyntax.self) else { return nil }
        return scope.lookup(reference.baseName.text)?.annotation
    }

    /// `target = value` for a variable, a subscript, a struct property, a tuple of those, or `_`.
    func assign(_ value: Value, to target: ExprSyntax, in scope: Scope) throws {
        if target.is(DiscardAssignmentExprSyntax.self) { return }
        if let tuple = target.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            guard case .tuple(let parts, _) = value, parts.count == tuple.elements.count else {
                throw LocatedError(error: .typeMismatch("cannot assign value of type '\(value.typeName)' to a tuple"),
                                   node: Syntax(target))
            }
            for (element, part) in zip(tuple.elements, parts) { try assign(part, to: element.expression, in: scope) }
            return
        }
        var stored = value
        if let reference = target.as(DeclReferenceExprSyntax.self),
           let annotation = scope.lookup(reference.baseName.text)?.annotation {
            guard let converted = annotation.convert(value) else {
                throw LocatedError(error: .typeMismatch(
                    "cannot assign value of type '\(value.typeName)' to type '\(annotation.description)'"), node: Syntax(target))
            }
            stored = converted
        }
        try modify(target, in: scope) { $0 = stored }
    }

    /// Changes the storage `target` names in place (no copy of the array or struct it lives in).
    func modify(_ target: ExprSyntax, in scope: Scope, purpose: MutationPurpose = .assignment,
                _ body: (inout Value) throws -> Void) throws {
        if let reference = target.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            guard let variable = scope.lookup(name) else {
                throw LocatedError(error: .cannotFindInScope(name), node: Syntax(reference))
            }
            guard variable.isMutable else {
                let error: CellLanguageError = purpose == .assignment ? .assignmentToConstant(name)
                    : .mutatingMemberOnConstant(name)
                throw LocatedError(error: error, node: Syntax(reference))
            }
            var value = variable.value
            variable.value = .void
            defer { variable.value = value }
            try body(&value)
            return
        }
        if let tuple = target.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            try modify(only.expression, in: scope, purpose: purpose, body)
            return
        }
        if let member = target.as(MemberAccessExprSyntax.self), let base = member.base {
            let name = member.declName.baseName.text
            if let reference = base.as(DeclReferenceExprSyntax.self), reference.baseName.text == "self",
               scope.lookup(name) != nil {
                try modify(ExprSyntax(DeclReferenceExprSyntax(baseName: .identifier(name))), in: scope, purpose: purpose, body)
                return
            }
            try modify(base, in: scope, purpose: purpose) { container in
                try self.located(member) { try self.modifyProperty(name, of: &container, body) }
            }
            return
        }
        if let subscriptCall = target.as(SubscriptCallExprSyntax.self) {
            let arguments = try subscriptCall.arguments.map {
                Argument(label: $0.label?.text, value: try evaluate($0.expression, in: scope))
            }
            try modify(subscriptCall.calledExpression, in: scope, purpose: purpose) { container in
                try self.located(subscriptCall) { try self.modifyElement(of: &container, arguments, body) }
            }
            return
        }
        throw LocatedError(error: .typeMismatch("cannot assign to value: '\(target.trimmedDescription)' is not a variable"),
                           node: Syntax(target))
    }

    private func modifyProperty(_ name: String, of container: inout Value, _ body: (inout Value) throws -> Void) throws {
        if try modifyHostProperty(name, of: &container, body) { return }
        guard case .structure(var instance) = container, let index = instance.declaration.propertyIndex(name) else {
            throw CellLanguageError.noMember(typeName: container.typeName, member: name)
        }
        guard instance.declaration.properties[index].isMutable else {
            throw CellLanguageError.typeMismatch("cannot assign to property: '\(name)' is a 'let' constant")
        }
        container = .void
        defer { container = .structure(instance) }
        try body(&instance.properties[index])
        if let annotation = instance.declaration.properties[index].annotation {
            let value = instance.properties[index]
            guard let converted = annotation.convert(value) else {
                throw CellLanguageError.typeMismatch(
                    "cannot assign value of type '\(value.typeName)' to type '\(annotation.description)'")
            }
            instance.properties[index] = converted
        }
    }

    private func modifyElement(of container: inout Value, _ arguments: [Argument],
                               _ body: (inout Value) throws -> Void) throws {
        switch container {
        case .array(var elements):
            guard arguments.count == 1, arguments[0].label == nil, case .int(let index) = arguments[0].value else {
                throw CellLanguageError.cannotConvertArgument(valueType: arguments.first?.value.typeName ?? "()",
                                                              expectedType: "Int")
            }
            guard elements.indices.contains(index) else { throw CellLanguageError.indexOutOfRange }
            container = .void
            defer { container = .array(elements) }
            try body(&elements[index])
        case .dictionary(var dictionary):
            guard let keyArgument = arguments.first, keyArgument.label == nil,
                  let key = DictionaryKey(keyArgument.value) else {
                throw CellLanguageError.typeMismatch("dictionary subscript needs a key")
            }
            container = .void
            defer { container = .dictionary(dictionary) }
            if arguments.count == 2, arguments[1].label == "default" {
                var element = dictionary[key] ?? arguments[1].value
                try body(&element)
                dictionary[key] = element
                return
            }
            var element: Value = .optional(dictionary[key])
            try body(&element)
            switch element {
            case .optional(let wrapped): dictionary[key] = wrapped
            default: dictionary[key] = element
            }
        default:
            throw CellLanguageError.typeMismatch("value of type '\(container.typeName)' has no subscripts")
        }
    }

    /// `base[arguments]` read: array elements and slices, dictionary lookups (Optional, or with `default:`).
    func subscriptValue(_ subscriptCall: SubscriptCallExprSyntax, in scope: Scope) throws -> Value {
        let container = try evaluate(subscriptCall.calledExpression, in: scope)
        let arguments = try subscriptCall.arguments.map {
            Argument(label: $0.label?.text, value: try evaluateArgument($0.expression, in: scope), syntax: $0.expression)
        }
        return try located(subscriptCall) { try element(of: container, arguments) }
    }

    /// The element of `container` at `arguments`.
    func element(of container: Value, _ arguments: [Argument]) throws -> Value {
        switch (container, arguments.first?.value) {
        case (.array(let elements), .int(let index)?):
            guard elements.indices.contains(index) else { throw CellLanguageError.indexOutOfRange }
            return elements[index]
        case (.array(let elements), .range(let lower, let upper, let isClosed)?):
            guard lower >= 0, isClosed ? upper < elements.count : upper <= elements.count else {
                throw CellLanguageError.indexOutOfRange
            }
            let end = isClosed ? upper + 1 : upper
            return .array(Array(elements[lower..<end]))
        case (.dictionary(let dictionary), let keyValue?):
            guard let key = DictionaryKey(keyValue) else {
                throw CellLanguageError.cannotConvertArgument(valueType: keyValue.typeName, expectedType: "Hashable")
            }
            if arguments.count == 2, arguments[1].label == "default" { return dictionary[key] ?? arguments[1].value }
            return .optional(dictionary[key])
        case (.string, _):
            throw CellLanguageError.typeMismatch("'subscript(_:)' is unavailable: cannot subscript String with an Int")
        case (.array, let index?):
            throw CellLanguageError.cannotConvertArgument(valueType: index.typeName, expectedType: "Int")
        case (.host, _):
            return try hostSubscript(of: container, arguments)
        default:
            throw CellLanguageError.typeMismatch("value of type '\(container.typeName)' has no subscripts")
        }
    }
}
