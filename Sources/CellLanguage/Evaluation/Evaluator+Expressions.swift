import SwiftSyntax

extension Evaluator {
    /// Evaluates an expression; `expecting` lets literals take the declared type (`let x: [Double] = []`).
    func evaluate(_ expression: ExprSyntax, in scope: Scope, expecting annotation: TypeAnnotation? = nil) throws -> Value {
        switch expression.kind {
        case .integerLiteralExpr:
            return try integerLiteral(expression.cast(IntegerLiteralExprSyntax.self))
        case .floatLiteralExpr:
            let text = expression.cast(FloatLiteralExprSyntax.self).literal.text.filter { $0 != "_" }
            guard let number = Double(text) else {
                throw LocatedError(error: .typeMismatch("invalid floating-point literal '\(text)'"), node: Syntax(expression))
            }
            return .double(number)
        case .booleanLiteralExpr:
            return .bool(expression.cast(BooleanLiteralExprSyntax.self).literal.tokenKind == .keyword(.true))
        case .nilLiteralExpr:
            return .optional(nil)
        case .stringLiteralExpr:
            return try stringLiteral(expression.cast(StringLiteralExprSyntax.self), in: scope)
        case .arrayExpr:
            return try arrayLiteral(expression.cast(ArrayExprSyntax.self), in: scope, expecting: annotation)
        case .dictionaryExpr:
            return try dictionaryLiteral(expression.cast(DictionaryExprSyntax.self), in: scope, expecting: annotation)
        case .declReferenceExpr:
            return try lookup(expression.cast(DeclReferenceExprSyntax.self), in: scope)
        case .sequenceExpr:
            return try evaluate(folded(expression.cast(SequenceExprSyntax.self)), in: scope)
        case .prefixOperatorExpr:
            return try prefixOperation(expression.cast(PrefixOperatorExprSyntax.self), in: scope)
        case .tupleExpr:
            let tuple = expression.cast(TupleExprSyntax.self)
            if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
                return try evaluate(only.expression, in: scope, expecting: annotation)
            }
            if tuple.elements.isEmpty { return .void }
            let values = try tuple.elements.map { try evaluate($0.expression, in: scope) }
            return .tuple(values, labels: tuple.elements.map { $0.label?.text })
        case .functionCallExpr:
            return try call(expression.cast(FunctionCallExprSyntax.self), in: scope)
        case .memberAccessExpr:
            return try memberAccess(expression.cast(MemberAccessExprSyntax.self), in: scope, expecting: annotation)
        case .subscriptCallExpr:
            return try subscriptValue(expression.cast(SubscriptCallExprSyntax.self), in: scope)
        case .closureExpr:
            return .function(.closure(expression.cast(ClosureExprSyntax.self), scope))
        case .forceUnwrapExpr:
            let inner = try evaluate(expression.cast(ForceUnwrapExprSyntax.self).expression, in: scope)
            return try located(expression) { try unwrap(inner) }
        case .optionalChainingExpr:
            return try evaluate(expression.cast(OptionalChainingExprSyntax.self).expression, in: scope)
        case .inOutExpr:
            return try evaluate(expression.cast(InOutExprSyntax.self).expression, in: scope)
        case .ifExpr:
            return try ifValue(expression.cast(IfExprSyntax.self), in: scope)
        case .tryExpr:
            let tryExpression = expression.cast(TryExprSyntax.self)
            guard tryExpression.questionOrExclamationMark?.tokenKind == .postfixQuestionMark else {
                return try evaluate(tryExpression.expression, in: scope, expecting: annotation)
            }
            do {
                let value = try evaluate(tryExpression.expression, in: scope, expecting: annotation)
                if case .optional = value { return value }
                return .optional(value)
            } catch let error as LocatedError where error.error.name == "RuntimeError" {
                return .optional(nil)
            }
        case .awaitExpr:
            return try evaluate(expression.cast(AwaitExprSyntax.self).expression, in: scope, expecting: annotation)
        case .ternaryExpr:
            let ternary = expression.cast(TernaryExprSyntax.self)
            let condition = try booleanCondition(ternary.condition, in: scope)
            return try evaluate(condition ? ternary.thenExpression : ternary.elseExpression, in: scope)
        case .switchExpr:
            _ = try executeSwitch(expression.cast(SwitchExprSyntax.self), in: scope)
            return .void
        case .discardAssignmentExpr:
            return .void
        case .keyPathExpr:
            return try keyPath(expression.cast(KeyPathExprSyntax.self))
        default:
            throw LocatedError(error: .unsupported("'\(expression.trimmedDescription.prefix(30))' is not supported"),
                               node: Syntax(expression))
        }
    }

    /// `\.name.other` as a function value; only property components without a root type are supported.
    private func keyPath(_ keyPath: KeyPathExprSyntax) throws -> Value {
        var names: [String] = []
        for component in keyPath.components {
            guard keyPath.root == nil, case .property(let property) = component.component else {
                throw LocatedError(error: .unsupported("only key paths of properties like '\\.name' are supported"),
                                   node: Syntax(keyPath))
            }
            names.append(property.declName.baseName.text)
        }
        return .function(.keyPath(names))
    }

    /// Evaluates an expression that must give a Bool.
    func booleanCondition(_ expression: ExprSyntax, in scope: Scope) throws -> Bool {
        let value = try evaluate(expression, in: scope)
        guard case .bool(let flag) = value else {
            throw LocatedError(error: .cannotConvertArgument(valueType: value.typeName, expectedType: "Bool"),
                               node: Syntax(expression))
        }
        return flag
    }

    /// The value of a single-expression `if` used as an expression (`let x = if c { 1 } else { 2 }`).
    private func ifValue(_ conditional: IfExprSyntax, in scope: Scope) throws -> Value {
        let branchScope = Scope(parent: scope)
        let block: CodeBlockItemListSyntax?
        if try conditionsHold(conditional.conditions, in: branchScope) {
            block = conditional.body.statements
        } else {
            switch conditional.elseBody {
            case .ifExpr(let nested): return try ifValue(nested, in: scope)
            case .codeBlock(let elseBlock): block = elseBlock.statements
            case nil: block = nil
            }
        }
        guard let block, let last = block.last, let expression = Evaluator.valueExpression(of: last),
              block.count == 1 else {
            if let block { _ = try execute(block, in: branchScope) }
            return .void
        }
        return try evaluate(expression, in: branchScope)
    }

    /// Resolves a name: a variable, a struct, a library function or type, or `$0`.
    func lookup(_ reference: DeclReferenceExprSyntax, in scope: Scope) throws -> Value {
        let name = reference.baseName.text
        if let variable = scope.lookup(name) { return variable.value }
        if case .binaryOperator = reference.baseName.tokenKind { return .function(.operatorFunction(name)) }
        if structures[name] != nil || bindings.types[name] != nil { return .type(name) }
        if let overloads = bindings.functions[name] {
            if overloads.count == 1, overloads[0].kind == .property {
                var invocation = BindingInvocation(receiver: .void, arguments: [], evaluator: self)
                return try located(reference) { try overloads[0].implementation(&invocation) }
            }
            return .function(.binding(name: name, overloads: overloads, receiver: nil))
        }
        throw LocatedError(error: .cannotFindInScope(name), node: Syntax(reference))
    }

    /// `value!`: the wrapped value, or the nil-unwrap trap.
    func unwrap(_ value: Value) throws -> Value {
        guard case .optional(let wrapped) = value else {
            throw CellLanguageError.typeMismatch("cannot force unwrap value of non-optional type '\(value.typeName)'")
        }
        guard let wrapped else { throw CellLanguageError.unwrappedNil }
        return wrapped
    }

    private func integerLiteral(_ literal: IntegerLiteralExprSyntax) throws -> Value {
        var text = literal.literal.text.filter { $0 != "_" }
        var radix = 10
        for (prefix, base) in [("0x", 16), ("0b", 2), ("0o", 8)] where text.hasPrefix(prefix) {
            text.removeFirst(2)
            radix = base
        }
        guard let number = Int(text, radix: radix) else {
            throw LocatedError(error: .typeMismatch("integer literal '\(literal.literal.text)' overflows when stored into 'Int'"),
                               node: Syntax(literal))
        }
        return .int(number)
    }
}
