import SwiftSyntax

extension Evaluator {
    /// A call expression: a function, a method (mutating ones change their receiver in place), an
    /// initialiser or a closure value.
    func call(_ call: FunctionCallExprSyntax, in scope: Scope) throws -> Value {
        var arguments: [Argument] = try call.arguments.map {
            Argument(label: $0.label?.text, value: try evaluateArgument($0.expression, in: scope), syntax: $0.expression)
        }
        if let trailing = call.trailingClosure {
            arguments.append(Argument(label: nil, value: .function(.closure(trailing, scope)), isTrailingClosure: true))
        }
        for extra in call.additionalTrailingClosures {
            arguments.append(Argument(label: extra.label.text, value: .function(.closure(extra.closure, scope))))
        }
        let node = Syntax(call.calledExpression)
        if let empty = try emptyCollection(call.calledExpression, arguments: arguments) { return empty }
        if let member = call.calledExpression.as(MemberAccessExprSyntax.self), let base = member.base,
           !base.is(OptionalChainingExprSyntax.self) {
            return try callMethod(member, base: base, arguments: arguments, in: scope)
        }
        if let member = call.calledExpression.as(MemberAccessExprSyntax.self),
           let chained = member.base?.as(OptionalChainingExprSyntax.self) {
            // `value?.method(...)`: nil when the value is nil, else the method's result as an Optional.
            let wrapped = try evaluate(chained.expression, in: scope)
            guard case .optional(let inner) = wrapped else {
                throw LocatedError(error: .typeMismatch(
                    "cannot use optional chaining on non-optional value of type '\(wrapped.typeName)'"), node: Syntax(chained))
            }
            guard let inner else { return .optional(nil) }
            let name = member.declName.baseName.text
            let callee = try located(member.declName) { try self.member(name, of: inner) }
            let result = try callValue(callee, arguments: arguments, node: node)
            if case .optional = result { return result }
            return .optional(result)
        }
        let callee = try evaluate(call.calledExpression, in: scope)
        return try callValue(callee, arguments: arguments, node: node)
    }

    private func callMethod(_ member: MemberAccessExprSyntax, base: ExprSyntax, arguments: [Argument],
                            in scope: Scope) throws -> Value {
        let name = member.declName.baseName.text
        let isMutating: Bool
        do {
            let receiver = try evaluate(base, in: scope)
            switch receiver {
            case .structure(let instance):
                isMutating = instance.declaration.methods[name]?.first?.isMutating ?? false
            case .type:
                isMutating = false
            default:
                isMutating = bindings.members(named: name, of: receiver.bindingTypeName).first?.isMutating ?? false
            }
            if !isMutating {
                let callee = try located(member.declName) { try self.member(name, of: receiver) }
                return try callValue(callee, arguments: arguments, node: Syntax(member.declName))
            }
        }
        let typedArguments = try located(member.declName) { try elementTypedArguments(arguments, base: base, in: scope) }
        var result: Value = .void
        try modify(base, in: scope, purpose: .mutatingMember) { receiver in
            result = try self.located(member.declName) {
                try self.callMutating(name, on: &receiver, arguments: typedArguments)
            }
        }
        return result
    }

    /// Arguments of a mutating call on an array variable converted to its element type, so that
    /// `xs.append(1)` on a `[Double]` stores `1.0` as Swift would.
    private func elementTypedArguments(_ arguments: [Argument], base: ExprSyntax, in scope: Scope) throws -> [Argument] {
        guard let reference = base.as(DeclReferenceExprSyntax.self),
              case .array(let element)? = scope.lookup(reference.baseName.text)?.annotation else { return arguments }
        return try arguments.map { argument in
            let target: TypeAnnotation
            switch (argument.label, argument.value) {
            case (nil, _): target = element
            case ("contentsOf", .array): target = .array(element)
            default: return argument
            }
            guard let converted = target.convert(argument.value) else {
                throw CellLanguageError.cannotConvertArgument(valueType: argument.value.typeName, expectedType: target.description)
            }
            var typed = argument
            typed.value = converted
            return typed
        }
    }

    private func callMutating(_ name: String, on receiver: inout Value, arguments: [Argument]) throws -> Value {
        if case .structure(let instance) = receiver, let methods = instance.declaration.methods[name],
           let method = methods.first {
            var selfValue: Value? = receiver
            let result = try invoke(method, receiver: &selfValue, arguments: arguments)
            receiver = selfValue ?? receiver
            return result
        }
        let overloads = bindings.members(named: name, of: receiver.bindingTypeName)
        return try invokeBinding(name, overloads, receiver: &receiver, arguments: arguments)
    }

    /// Calls a callable value with arguments.
    func callValue(_ callee: Value, arguments: [Argument], node: Syntax?) throws -> Value {
        do {
            switch callee {
            case .function(.user(let function, let receiver)):
                var selfValue = receiver
                return try invoke(function, receiver: &selfValue, arguments: arguments)
            case .function(.closure(let closure, let captured)):
                return try invokeClosure(closure, captured: captured, arguments: arguments)
            case .function(.binding(let name, let overloads, let receiver)):
                var receiverValue = receiver ?? .void
                return try invokeBinding(name, overloads, receiver: &receiverValue, arguments: arguments)
            case .function(.memberwiseInitializer(let declaration)):
                return try construct(declaration, arguments: arguments)
            case .function(.keyPath(let names)):
                guard arguments.count == 1 else {
                    throw CellLanguageError.typeMismatch("a key path takes 1 argument, not \(arguments.count)")
                }
                return try names.reduce(arguments[0].value) { value, name in try member(name, of: value) }
            case .function(.operatorFunction(let name)):
                guard arguments.count == 2 else {
                    throw CellLanguageError.typeMismatch("operator function '\(name)' takes 2 arguments, not \(arguments.count)")
                }
                return try arithmetic(name, arguments[0].value, arguments[1].value, leftIsLiteral: false, rightIsLiteral: false)
            case .type(let name):
                if let declaration = structures[name] { return try construct(declaration, arguments: arguments) }
                if let initializers = bindings.types[name]?.initializers, !initializers.isEmpty {
                    var receiver = Value.void
                    return try invokeBinding(name, initializers, receiver: &receiver, arguments: arguments)
                }
                throw CellLanguageError.typeMismatch("'\(name)' cannot be constructed because it has no accessible initializers")
            default:
                throw CellLanguageError.typeMismatch("cannot call value of non-function type '\(callee.typeName)'")
            }
        } catch let error as CellLanguageError {
            throw LocatedError(error: error, node: node)
        }
    }

    /// `[Int]()` and `[String: Double]()`: an empty array or dictionary.
    private func emptyCollection(_ callee: ExprSyntax, arguments: [Argument]) throws -> Value? {
        let isArrayType = callee.as(ArrayExprSyntax.self).map { $0.elements.count == 1 } ?? false
        let isDictionaryType = callee.as(DictionaryExprSyntax.self).map {
            if case .elements(let elements) = $0.content { return elements.count == 1 }
            return false
        } ?? false
        guard isArrayType || isDictionaryType else { return nil }
        if arguments.isEmpty { return isArrayType ? .array([]) : .dictionary(ValueDictionary()) }
        guard isArrayType, let initializers = bindings.types["Array"]?.initializers else {
            throw LocatedError(error: .extraArgument(label: arguments[0].label), node: Syntax(callee))
        }
        var receiver = Value.void
        var result = try located(callee) { try invokeBinding("Array", initializers, receiver: &receiver, arguments: arguments) }
        if let element = callee.as(ArrayExprSyntax.self)?.elements.first?.expression,
           let elementType = Evaluator.typeAnnotation(named: element), let converted = TypeAnnotation.array(elementType).convert(result) {
            result = converted
        }
        return result
    }

    /// The type an element expression of `[Double](...)` names, when it is a plain type name.
    static func typeAnnotation(named expression: ExprSyntax) -> TypeAnnotation? {
        guard let reference = expression.as(DeclReferenceExprSyntax.self) else { return nil }
        return .named(reference.baseName.text)
    }

    /// Calls the first overload of a binding whose labels and types fit the arguments.
    func invokeBinding(_ name: String, _ overloads: [FunctionBinding], receiver: inout Value,
                       arguments: [Argument]) throws -> Value {
        var firstError: Error?
        for binding in overloads {
            do {
                let (values, literals) = try convertedArguments(arguments, for: binding)
                var invocation = BindingInvocation(receiver: receiver, arguments: values, evaluator: self,
                                                   isIntegerLiteral: literals)
                guard binding.isMutating else { return try binding.implementation(&invocation) }
                receiver = .void  // the invocation holds the only reference, so arrays change in place
                defer { receiver = invocation.receiver }
                return try binding.implementation(&invocation)
            } catch let error as CellLanguageError where overloads.count > 1 && error.name == "CompilationError" {
                if firstError == nil { firstError = error }
            }
        }
        if firstError != nil, overloads.count > 1 {
            let sameCount = overloads.filter { $0.parameters.count == arguments.count }
            if sameCount.count == 1, let only = sameCount.first {
                _ = try convertedArguments(arguments, for: only)  // throws the specific error
            }
            throw CellLanguageError.noMatchingOverload(name)
        }
        throw firstError ?? CellLanguageError.noMatchingOverload(name)
    }

    /// The arguments converted to the binding's parameter types, and which of them are integer literals.
    private func convertedArguments(_ arguments: [Argument], for binding: FunctionBinding) throws -> ([Value], [Bool]) {
        let matched = try matchArguments(arguments, to: binding.parameters.map(\.shape))
        let literals = matched.map { match -> Bool in
            guard case .value(let argument) = match, let syntax = argument.syntax else { return false }
            return FoldedExpression.isIntegerLiteral(syntax)
        }
        let values = try zip(binding.parameters, matched).map { parameter, match in
            func converted(_ value: Value) throws -> Value {
                let value = try resolvingImplicitMembers(value, as: parameter.type)
                guard let fitted = parameter.type.convert(value) else {
                    throw CellLanguageError.cannotConvertArgument(valueType: value.typeName,
                                                                  expectedType: parameter.type.displayName)
                }
                return fitted
            }
            switch match {
            case .value(let argument): return try converted(argument.value)
            case .variadic(let gathered): return .array(try gathered.map { try converted($0.value) })
            case .defaulted: return parameter.defaultValue ?? .void
            }
        }
        return (values, literals)
    }
}
