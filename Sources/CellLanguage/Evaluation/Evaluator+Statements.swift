import SwiftSyntax

extension Evaluator {
    /// Runs the items of a block in a new child scope.
    func execute(_ items: CodeBlockItemListSyntax, in scope: Scope) throws -> Flow {
        for item in items {
            try checkInterruption(at: Syntax(item))
            let flow = try execute(item, in: scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    /// Runs one item: a declaration, a statement or an expression.
    func execute(_ item: CodeBlockItemSyntax, in scope: Scope) throws -> Flow {
        switch item.item {
        case .decl(let declaration):
            try declare(declaration, in: scope)
            return .normal
        case .stmt(let statement):
            return try execute(statement, in: scope)
        case .expr(let expression):
            return try executeExpression(expression, in: scope)
        }
    }

    private func executeExpression(_ expression: ExprSyntax, in scope: Scope) throws -> Flow {
        if let conditional = expression.as(IfExprSyntax.self) { return try executeIf(conditional, in: scope) }
        if let switchExpression = expression.as(SwitchExprSyntax.self) {
            return try executeSwitch(switchExpression, in: scope)
        }
        _ = try evaluate(expression, in: scope)
        return .normal
    }

    /// Runs one statement.
    func execute(_ statement: StmtSyntax, in scope: Scope) throws -> Flow {
        if let expressionStatement = statement.as(ExpressionStmtSyntax.self) {
            return try executeExpression(expressionStatement.expression, in: scope)
        }
        if let loop = statement.as(ForStmtSyntax.self) { return try executeFor(loop, label: nil, in: scope) }
        if let loop = statement.as(WhileStmtSyntax.self) { return try executeWhile(loop, label: nil, in: scope) }
        if let loop = statement.as(RepeatStmtSyntax.self) { return try executeRepeat(loop, label: nil, in: scope) }
        if let labeled = statement.as(LabeledStmtSyntax.self) {
            let label = labeled.label.text
            if let loop = labeled.statement.as(ForStmtSyntax.self) { return try executeFor(loop, label: label, in: scope) }
            if let loop = labeled.statement.as(WhileStmtSyntax.self) {
                return try executeWhile(loop, label: label, in: scope)
            }
            if let loop = labeled.statement.as(RepeatStmtSyntax.self) {
                return try executeRepeat(loop, label: label, in: scope)
            }
            return try execute(labeled.statement, in: scope)
        }
        if let guardStatement = statement.as(GuardStmtSyntax.self) { return try executeGuard(guardStatement, in: scope) }
        if let returnStatement = statement.as(ReturnStmtSyntax.self) {
            let value = try returnStatement.expression.map { try evaluate($0, in: scope) } ?? .void
            return .returned(value)
        }
        if let breakStatement = statement.as(BreakStmtSyntax.self) {
            return .breakLoop(label: breakStatement.label?.text)
        }
        if let continueStatement = statement.as(ContinueStmtSyntax.self) {
            return .continueLoop(label: continueStatement.label?.text)
        }
        if let doStatement = statement.as(DoStmtSyntax.self) {
            return try execute(doStatement.body.statements, in: Scope(parent: scope))
        }
        throw LocatedError(error: .unsupported("'\(statement.trimmedDescription.prefix(20))' statements are not supported"),
                           node: Syntax(statement))
    }

    // MARK: - Conditionals

    /// Evaluates a condition list (`x > 0, let y = z`), binding names into `scope`.
    func conditionsHold(_ conditions: ConditionElementListSyntax, in scope: Scope) throws -> Bool {
        for element in conditions {
            switch element.condition {
            case .expression(let expression):
                let value = try evaluate(expression, in: scope)
                guard case .bool(let flag) = value else {
                    throw LocatedError(error: .typeMismatch(
                        "type '\(value.typeName)' cannot be used as a boolean; test for '!= nil' instead"),
                                       node: Syntax(expression))
                }
                if !flag { return false }
            case .optionalBinding(let binding):
                guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                    throw LocatedError(error: .unsupported("only simple names can be bound by 'if let'"),
                                       node: Syntax(binding.pattern))
                }
                let value: Value
                if let initializer = binding.initializer {
                    value = try evaluate(initializer.value, in: scope)
                } else {
                    guard let variable = scope.lookup(name) else {
                        throw LocatedError(error: .cannotFindInScope(name), node: Syntax(binding.pattern))
                    }
                    value = variable.value
                }
                guard case .optional(let wrapped) = value else {
                    throw LocatedError(error: .typeMismatch(
                        "initializer for conditional binding must have Optional type, not '\(value.typeName)'"),
                                       node: Syntax(binding))
                }
                guard let wrapped else { return false }
                let annotation = binding.typeAnnotation.map { TypeAnnotation($0.type) }
                scope.define(name, Variable(value: wrapped, isMutable: binding.bindingSpecifier.tokenKind == .keyword(.var),
                                            annotation: annotation))
            default:
                throw LocatedError(error: .unsupported("this kind of condition is not supported"), node: Syntax(element))
            }
        }
        return true
    }

    func executeIf(_ conditional: IfExprSyntax, in scope: Scope) throws -> Flow {
        let branchScope = Scope(parent: scope)
        if try conditionsHold(conditional.conditions, in: branchScope) {
            return try execute(conditional.body.statements, in: branchScope)
        }
        switch conditional.elseBody {
        case .ifExpr(let nested): return try executeIf(nested, in: scope)
        case .codeBlock(let block): return try execute(block.statements, in: Scope(parent: scope))
        case nil: return .normal
        }
    }

    private func executeGuard(_ guardStatement: GuardStmtSyntax, in scope: Scope) throws -> Flow {
        if try conditionsHold(guardStatement.conditions, in: scope) { return .normal }
        let flow = try execute(guardStatement.body.statements, in: Scope(parent: scope))
        if case .normal = flow {
            throw LocatedError(error: .typeMismatch("'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope"),
                               node: Syntax(guardStatement.guardKeyword))
        }
        return flow
    }

    // MARK: - Loops

    /// What a loop does after its body ran: go on, stop, or pass a transfer outward.
    private enum LoopStep { case proceed, stop, propagate(Flow) }

    private func loopStep(after flow: Flow, label: String?) -> LoopStep {
        switch flow {
        case .normal: return .proceed
        case .breakLoop(let target): return target == nil || target == label ? .stop : .propagate(flow)
        case .continueLoop(let target): return target == nil || target == label ? .proceed : .propagate(flow)
        case .returned: return .propagate(flow)
        }
    }

    private func executeFor(_ loop: ForStmtSyntax, label: String?, in scope: Scope) throws -> Flow {
        let sequence = try evaluate(loop.sequence, in: scope)
        // Syntax is read once per loop, not once per iteration.
        let keyword = Syntax(loop.forKeyword)
        let pattern = loop.pattern
        let simpleName = pattern.as(IdentifierPatternSyntax.self)?.identifier.text
        let whereCondition = loop.whereClause?.condition
        let statements = loop.body.statements
        let runBody: (Value) throws -> LoopStep = { element in
            try self.checkInterruption(at: keyword)
            let bodyScope = Scope(parent: scope)
            if let simpleName {
                bodyScope.define(simpleName, Variable(value: element, isMutable: false, annotation: nil))
            } else {
                try self.bind(pattern, to: element, in: bodyScope, isMutable: false)
            }
            if let whereCondition {
                let condition = try self.evaluate(whereCondition, in: bodyScope)
                if case .bool(false) = condition { return .proceed }
            }
            return self.loopStep(after: try self.execute(statements, in: bodyScope), label: label)
        }
        if case .range(let lower, let upper, let isClosed) = sequence {
            var index = lower
            while isClosed ? index <= upper : index < upper {
                switch try runBody(.int(index)) {
                case .proceed: break
                case .stop: return .normal
                case .propagate(let flow): return flow
                }
                if index == Int.max { break }
                index += 1
            }
            return .normal
        }
        guard let elements = try sequence.sequenceElements else {
            throw LocatedError(error: .typeMismatch("for-in loop requires '\(sequence.typeName)' to conform to 'Sequence'"),
                               node: Syntax(loop.sequence))
        }
        for element in elements {
            switch try runBody(element) {
            case .proceed: continue
            case .stop: return .normal
            case .propagate(let flow): return flow
            }
        }
        return .normal
    }

    private func executeWhile(_ loop: WhileStmtSyntax, label: String?, in scope: Scope) throws -> Flow {
        let keyword = Syntax(loop.whileKeyword)
        let conditions = loop.conditions
        let statements = loop.body.statements
        while true {
            try checkInterruption(at: keyword)
            let bodyScope = Scope(parent: scope)
            guard try conditionsHold(conditions, in: bodyScope) else { return .normal }
            switch loopStep(after: try execute(statements, in: bodyScope), label: label) {
            case .proceed: continue
            case .stop: return .normal
            case .propagate(let flow): return flow
            }
        }
    }

    private func executeRepeat(_ loop: RepeatStmtSyntax, label: String?, in scope: Scope) throws -> Flow {
        while true {
            try checkInterruption(at: Syntax(loop.repeatKeyword))
            switch loopStep(after: try execute(loop.body.statements, in: Scope(parent: scope)), label: label) {
            case .proceed: break
            case .stop: return .normal
            case .propagate(let flow): return flow
            }
            let condition = try evaluate(loop.condition, in: scope)
            guard case .bool(let flag) = condition else {
                throw LocatedError(error: .cannotConvertArgument(valueType: condition.typeName, expectedType: "Bool"),
                                   node: Syntax(loop.condition))
            }
            if !flag { return .normal }
        }
    }

    // MARK: - Patterns

    /// Binds the names of `pattern` (`x`, `(i, x)`, `_`) to the parts of `value`.
    func bind(_ pattern: PatternSyntax, to value: Value, in scope: Scope, isMutable: Bool,
              annotation: TypeAnnotation? = nil) throws {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            scope.define(identifier.identifier.text, Variable(value: value, isMutable: isMutable, annotation: annotation))
        } else if pattern.is(WildcardPatternSyntax.self) {
            return
        } else if let tuple = pattern.as(TuplePatternSyntax.self) {
            guard case .tuple(let parts, _) = value, parts.count == tuple.elements.count else {
                throw LocatedError(error: .typeMismatch(
                    "pattern of \(tuple.elements.count) elements cannot match value of type '\(value.typeName)'"),
                                   node: Syntax(pattern))
            }
            for (element, part) in zip(tuple.elements, parts) {
                try bind(element.pattern, to: part, in: scope, isMutable: isMutable)
            }
        } else if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            try bind(binding.pattern, to: value, in: scope,
                     isMutable: binding.bindingSpecifier.tokenKind == .keyword(.var), annotation: annotation)
        } else {
            throw LocatedError(error: .unsupported("this pattern is not supported"), node: Syntax(pattern))
        }
    }
}
