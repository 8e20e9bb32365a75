import CellRuntime
import SwiftSyntax

extension Compiler {
    /// Compiles the items of a block, in a child block scope, honouring `defer`.
    func compileStatements(_ items: CodeBlockItemListSyntax) throws -> Execution {
        try inChildBlock { try compileItems(Array(items)[...]) }
    }

    /// Compiles items of the current block; a `defer` runs when the rest of the block ends, however it ends.
    private func compileItems(_ items: ArraySlice<CodeBlockItemSyntax>) throws -> Execution {
        var executions: [Execution] = []
        var index = items.startIndex
        while index < items.endIndex {
            let item = items[index]
            if case .stmt(let statement) = item.item, let deferStatement = statement.as(DeferStmtSyntax.self) {
                let deferred = try compileStatements(deferStatement.body.statements)
                let rest = try compileItems(items[(index + 1)...])
                executions.append { frame in
                    defer { _ = try? deferred(frame) }
                    return try rest(frame)
                }
                break
            }
            executions.append(try compileItem(item))
            index += 1
        }
        return Compiler.sequence(executions)
    }

    /// Statements run one after another until one transfers control.
    static func sequence(_ executions: [Execution]) -> Execution {
        switch executions.count {
        case 0: return { _ in .normal }
        case 1: return executions[0]
        case 2:
            let first = executions[0], second = executions[1]
            return { frame in
                let flow = try first(frame)
                guard case .normal = flow else { return flow }
                return try second(frame)
            }
        default:
            return { frame in
                for execute in executions {
                    let flow = try execute(frame)
                    if case .normal = flow { continue }
                    return flow
                }
                return .normal
            }
        }
    }

    /// Compiles one item: a declaration, a statement or an expression.
    func compileItem(_ item: CodeBlockItemSyntax) throws -> Execution {
        switch item.item {
        case .decl(let declaration): return try compileDeclaration(declaration)
        case .stmt(let statement): return try compileStatement(statement)
        case .expr(let expression): return try compileExpressionStatement(expression)
        }
    }

    private func compileExpressionStatement(_ expression: ExprSyntax) throws -> Execution {
        if let conditional = expression.as(IfExprSyntax.self) { return try compileIf(conditional) }
        if let switchExpression = expression.as(SwitchExprSyntax.self) { return try compileSwitch(switchExpression) }
        let evaluate = try compileExpression(expression).evaluate
        return { frame in
            _ = try evaluate(frame)
            return .normal
        }
    }

    /// Compiles one statement.
    func compileStatement(_ statement: StmtSyntax) throws -> Execution {
        let node = Syntax(statement)
        if let expressionStatement = statement.as(ExpressionStmtSyntax.self) {
            return try compileExpressionStatement(expressionStatement.expression)
        }
        if let loop = statement.as(ForStmtSyntax.self) { return try compileFor(loop, label: nil) }
        if let loop = statement.as(WhileStmtSyntax.self) { return try compileWhile(loop, label: nil) }
        if let loop = statement.as(RepeatStmtSyntax.self) { return try compileRepeat(loop, label: nil) }
        if let labeled = statement.as(LabeledStmtSyntax.self) {
            let label = labeled.label.text
            if let loop = labeled.statement.as(ForStmtSyntax.self) { return try compileFor(loop, label: label) }
            if let loop = labeled.statement.as(WhileStmtSyntax.self) { return try compileWhile(loop, label: label) }
            if let loop = labeled.statement.as(RepeatStmtSyntax.self) { return try compileRepeat(loop, label: label) }
            if let inner = labeled.statement.as(ExpressionStmtSyntax.self), let switchExpression = inner.expression.as(SwitchExprSyntax.self) {
                return try compileSwitch(switchExpression, label: label)
            }
            return try compileStatement(labeled.statement)
        }
        if let guardStatement = statement.as(GuardStmtSyntax.self) { return try compileGuard(guardStatement) }
        if let returnStatement = statement.as(ReturnStmtSyntax.self) { return try compileReturn(returnStatement) }
        if let breakStatement = statement.as(BreakStmtSyntax.self) {
            let label = breakStatement.label?.text
            guard let target = breakTargets.last(where: { label == nil || $0.label == label }) else {
                let message = label.map { "cannot find label '\($0)' in scope" } ?? "'break' is only allowed inside a loop, if, do, or switch"
                throw LocatedError(error: .typeMismatch(message), node: node)
            }
            let id = target.id
            return { _ in .breaking(id) }
        }
        if let continueStatement = statement.as(ContinueStmtSyntax.self) {
            let label = continueStatement.label?.text
            guard let target = breakTargets.last(where: { $0.isLoop && (label == nil || $0.label == label) }) else {
                throw LocatedError(error: .typeMismatch("'continue' is only allowed inside a loop"), node: node)
            }
            let id = target.id
            return { _ in .continuing(id) }
        }
        if statement.is(FallThroughStmtSyntax.self) {
            guard breakTargets.last.map({ !$0.isLoop }) ?? false else {
                throw LocatedError(error: .typeMismatch("'fallthrough' is only allowed inside a switch"), node: node)
            }
            return { _ in .fallingThrough }
        }
        if let doStatement = statement.as(DoStmtSyntax.self) { return try compileDo(doStatement) }
        if let throwStatement = statement.as(ThrowStmtSyntax.self) {
            guard function.handlesErrors else {
                throw LocatedError(error: .typeMismatch("error is not handled because the enclosing function is not declared 'throws'"),
                                   node: node)
            }
            let value = try compileExpression(throwStatement.expression).evaluate
            return { frame in throw ThrownError(value: try value(frame), node: node) }
        }
        if let deferStatement = statement.as(DeferStmtSyntax.self) {
            // A `defer` at the end of a block runs at once.
            return try compileStatements(deferStatement.body.statements)
        }
        throw LocatedError(error: .unsupported("'\(statement.trimmedDescription.prefix(20))' statements are not supported in cells"), node: node)
    }

    private func compileReturn(_ returnStatement: ReturnStmtSyntax) throws -> Execution {
        let node = Syntax(returnStatement)
        if function.isTopLevel {
            throw LocatedError(error: .typeMismatch("return invalid outside of a func"), node: node)
        }
        guard let expression = returnStatement.expression else {
            return { frame in
                frame.returnValue = .void
                return .returning
            }
        }
        let returnType = function.returnType
        let compiled = try compileExpression(expression, expecting: returnType)
        let evaluate = compiled.evaluate, literal = compiled.literal
        let valueNode = Syntax(expression)
        let interpreter = self.interpreter
        guard let returnType else {
            return { frame in
                frame.returnValue = try evaluate(frame)
                return .returning
            }
        }
        return { frame in
            let value = try evaluate(frame)
            guard let converted = try interpreter.coerce(value, to: returnType, literal: literal) else {
                throw LocatedError(error: .typeMismatch(
                    "cannot convert return expression of type '\(value.typeName)' to return type '\(returnType)'"), node: valueNode)
            }
            frame.returnValue = converted
            return .returning
        }
    }

    // MARK: - Conditionals

    /// Compiles a condition list (`x > 0, let y = z, case .a = e`) whose bindings go into the current block.
    func compileConditions(_ conditions: ConditionElementListSyntax) throws -> (Frame) throws -> Bool {
        let tests = try conditions.map { element -> (Frame) throws -> Bool in
            switch element.condition {
            case .expression(let expression):
                let compiled = try compileExpression(expression)
                if case .bool(let test)? = compiled.lane { return test.run }
                let evaluate = compiled.evaluate
                let node = Syntax(expression)
                return { frame in
                    let value = try evaluate(frame)
                    guard case .bool(let flag) = value else {
                        throw LocatedError(error: .typeMismatch(
                            "type '\(value.typeName)' cannot be used as a boolean; test for '!= nil' instead"), node: node)
                    }
                    return flag
                }
            case .optionalBinding(let binding):
                return try compileOptionalBinding(binding)
            case .matchingPattern(let matching):
                let subject = try compileExpression(matching.initializer.value).evaluate
                let type = try typeExpression(matching.typeAnnotation?.type)
                let match = try compilePattern(matching.pattern, binding: nil, type: type)
                return { frame in try match(frame, try subject(frame)) }
            case .availability:
                return { _ in true }
            @unknown default:
                throw LocatedError(error: .unsupported("this kind of condition is not supported"), node: Syntax(element))
            }
        }
        if tests.count == 1 { return tests[0] }
        return { frame in
            for test in tests where !(try test(frame)) { return false }
            return true
        }
    }

    /// `let x = optional` (or `let x` for `let x = x`): binds the unwrapped value, or fails.
    private func compileOptionalBinding(_ binding: OptionalBindingConditionSyntax) throws -> (Frame) throws -> Bool {
        let node = Syntax(binding)
        let isMutable = binding.bindingSpecifier.tokenKind == .keyword(.var)
        let type = try typeExpression(binding.typeAnnotation?.type)
        let value: Evaluation
        if let initializer = binding.initializer {
            value = try compileExpression(initializer.value, expecting: type.map { .optional($0) }).evaluate
        } else {
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                throw LocatedError(error: .unsupported("only simple names can be bound by 'if let'"), node: node)
            }
            value = try compileExpression(ExprSyntax(DeclReferenceExprSyntax(baseName: .identifier(name)))).evaluate
        }
        let assign = try compileBindingPattern(binding.pattern, isMutable: isMutable, type: type)
        return { frame in
            let optional = try value(frame)
            guard case .optional(let wrapped) = optional else {
                throw LocatedError(error: .typeMismatch(
                    "initializer for conditional binding must have Optional type, not '\(optional.typeName)'"), node: node)
            }
            guard let wrapped else { return false }
            try assign(frame, wrapped)
            return true
        }
    }

    /// Declares the names of a `let`/`var` pattern in the current block and returns code that stores into them.
    func compileBindingPattern(_ pattern: PatternSyntax, isMutable: Bool, type: TypeExpression?) throws -> (Frame, Value) throws -> Void {
        let node = Syntax(pattern)
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            let name = identifier.identifier.text
            if function.isTopLevel && block.parent == nil {
                let global = declareGlobal(name, isMutable: isMutable, type: type)
                block.record(CompiledVariable(name: name, storage: .global(global), isMutable: isMutable, type: type))
                return { _, value in global.value = value }
            }
            let variable = block.declare(name, isMutable: isMutable, type: type)
            let store = initialize(variable.storage)
            return { frame, value in store(frame, value) }
        }
        if pattern.is(WildcardPatternSyntax.self) { return { _, _ in } }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            return try compileBindingPattern(binding.pattern, isMutable: binding.bindingSpecifier.tokenKind == .keyword(.var), type: type)
        }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            var elementTypes: [TypeExpression?] = Array(repeating: nil, count: tuple.elements.count)
            if case .tuple(_, let types)? = type, types.count == tuple.elements.count { elementTypes = types }
            let parts = try zip(tuple.elements, elementTypes).map { try compileBindingPattern($0.pattern, isMutable: isMutable, type: $1) }
            let count = parts.count
            return { frame, value in
                guard case .tuple(let tupleValue) = value, tupleValue.elements.count == count else {
                    throw LocatedError(error: .typeMismatch(
                        "pattern of \(count) elements cannot match value of type '\(value.typeName)'"), node: node)
                }
                for (store, element) in zip(parts, tupleValue.elements) { try store(frame, element) }
            }
        }
        throw LocatedError(error: .unsupported("this pattern is not supported in a declaration"), node: node)
    }

    func compileIf(_ conditional: IfExprSyntax) throws -> Execution {
        let (test, body) = try inChildBlock { (try compileConditions(conditional.conditions), try compileStatements(conditional.body.statements)) }
        let otherwise: Execution?
        switch conditional.elseBody {
        case .ifExpr(let nested): otherwise = try compileIf(nested)
        case .codeBlock(let block): otherwise = try compileStatements(block.statements)
        case nil: otherwise = nil
        }
        if let otherwise {
            return { frame in try test(frame) ? try body(frame) : try otherwise(frame) }
        }
        return { frame in try test(frame) ? try body(frame) : .normal }
    }

    private func compileGuard(_ guardStatement: GuardStmtSyntax) throws -> Execution {
        // The guard's bindings stay in scope after it.
        let test = try compileConditions(guardStatement.conditions)
        let elseBody = try compileStatements(guardStatement.body.statements)
        let node = Syntax(guardStatement.guardKeyword)
        return { frame in
            if try test(frame) { return .normal }
            let flow = try elseBody(frame)
            if case .normal = flow {
                throw LocatedError(error: .typeMismatch("'guard' body must not fall through, consider using a 'return' or 'throw' to exit the scope"),
                                   node: node)
            }
            return flow
        }
    }

    // MARK: - Expressions that are statements

    /// An `if` whose branches are single expressions, used as a value (`let x = if c { 1 } else { 2 }`).
    func compileIfExpression(_ conditional: IfExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let node = Syntax(conditional)
        let (test, thenValue) = try inChildBlock { () throws -> ((Frame) throws -> Bool, Evaluation) in
            (try compileConditions(conditional.conditions), try compileBranchValue(conditional.body.statements, expecting: expected))
        }
        let elseValue: Evaluation
        switch conditional.elseBody {
        case .ifExpr(let nested): elseValue = try compileIfExpression(nested, expecting: expected).evaluate
        case .codeBlock(let block): elseValue = try compileBranchValue(block.statements, expecting: expected)
        case nil: elseValue = { _ in .void }
        }
        return Compiled(evaluate: { frame in try test(frame) ? try thenValue(frame) : try elseValue(frame) }, node: node)
    }

    /// A branch of an `if` or `switch` expression: its last expression's value.
    func compileBranchValue(_ statements: CodeBlockItemListSyntax, expecting expected: TypeExpression?) throws -> Evaluation {
        try inChildBlock {
            let items = Array(statements)
            guard let last = items.last, let expression = Compiler.valueExpression(of: last) else {
                let execute = try compileItems(items[...])
                return { frame in _ = try execute(frame); return .void }
            }
            let leading = try compileItems(items.dropLast())
            let value = try compileExpression(expression, expecting: expected).evaluate
            return { frame in
                _ = try leading(frame)
                return try value(frame)
            }
        }
    }
}
