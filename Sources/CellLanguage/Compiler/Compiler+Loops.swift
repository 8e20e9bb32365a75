import CellRuntime
import SwiftSyntax

extension Compiler {
    /// Runs `body` with a loop target on the stack.
    private func inLoop<T>(label: String?, _ body: (Int) throws -> T) rethrows -> T {
        let id = makeTargetID()
        breakTargets.append(BreakTarget(id: id, label: label, isLoop: true))
        defer { breakTargets.removeLast() }
        return try body(id)
    }

    /// What a loop does after its body ran.
    enum LoopStep { case proceed, stop, propagate(Flow) }

    static func loopStep(_ flow: Flow, id: Int) -> LoopStep {
        switch flow {
        case .normal: return .proceed
        case .breaking(let target): return target == id ? .stop : .propagate(flow)
        case .continuing(let target): return target == id ? .proceed : .propagate(flow)
        case .returning, .fallingThrough: return .propagate(flow)
        }
    }

    func compileFor(_ loop: ForStmtSyntax, label: String?) throws -> Execution {
        let node = Syntax(loop.sequence)
        if loop.tryKeyword != nil || loop.awaitKeyword != nil {
            throw LocatedError(error: .unsupported("'for try await' loops are not supported"), node: Syntax(loop))
        }
        // `for beta: Float in [0.05, 0.25]`: the annotation types the elements of a literal.
        let elementType = try typeExpression(loop.typeAnnotation?.type)
        let sequence = try compileExpression(loop.sequence, expecting: elementType.map { .array($0) }).evaluate
        let interpreter = self.interpreter
        return try inChildBlock {
            let pattern = loop.pattern
            let type = elementType
            // `for x in`: store straight into the variable; other patterns match (and may skip: `for case let x?`).
            var bind: (Frame, Value) throws -> Bool
            if loop.caseKeyword == nil {
                let store = try compileBindingPattern(pattern, isMutable: false, type: type)
                bind = { frame, value in try store(frame, value); return true }
            } else {
                bind = try compilePattern(pattern, binding: nil, type: type)
            }
            let whereTest = try loop.whereClause.map { try compileExpression($0.condition).evaluate }
            return try inLoop(label: label) { id -> Execution in
                let body = try compileStatements(loop.body.statements)
                let runBody: (Frame, Value) throws -> LoopStep = { frame, element in
                    guard try bind(frame, element) else { return .proceed }
                    if let whereTest, case .bool(false) = try whereTest(frame) { return .proceed }
                    return Compiler.loopStep(try body(frame), id: id)
                }
                return { frame in
                    let collection = try sequence(frame)
                    if case .range(let lower, let upper, let isClosed) = collection {
                        guard isClosed ? lower <= upper : lower < upper else { return .normal }
                        var index = lower
                        while true {
                            if interpreter.interruption.isRequested { throw LocatedError(error: .interrupted, node: node) }
                            switch try runBody(frame, .int(index)) {
                            case .proceed: break
                            case .stop: return .normal
                            case .propagate(let flow): return flow
                            }
                            if isClosed ? index >= upper : index >= upper - 1 { return .normal }
                            index += 1
                        }
                    }
                    guard let elements = try interpreter.located(node, { try interpreter.iterationElements(collection) }) else {
                        throw LocatedError(error: .typeMismatch("for-in loop requires '\(collection.typeName)' to conform to 'Sequence'"),
                                           node: node)
                    }
                    for element in elements {
                        if interpreter.interruption.isRequested { throw LocatedError(error: .interrupted, node: node) }
                        switch try runBody(frame, element) {
                        case .proceed: continue
                        case .stop: return .normal
                        case .propagate(let flow): return flow
                        }
                    }
                    return .normal
                }
            }
        }
    }

    func compileWhile(_ loop: WhileStmtSyntax, label: String?) throws -> Execution {
        let node = Syntax(loop.whileKeyword)
        let interpreter = self.interpreter
        return try inLoop(label: label) { id -> Execution in
            let (test, body) = try inChildBlock { (try compileConditions(loop.conditions), try compileStatements(loop.body.statements)) }
            return { frame in
                while true {
                    if interpreter.interruption.isRequested { throw LocatedError(error: .interrupted, node: node) }
                    guard try test(frame) else { return .normal }
                    switch Compiler.loopStep(try body(frame), id: id) {
                    case .proceed: continue
                    case .stop: return .normal
                    case .propagate(let flow): return flow
                    }
                }
            }
        }
    }

    func compileRepeat(_ loop: RepeatStmtSyntax, label: String?) throws -> Execution {
        let node = Syntax(loop.repeatKeyword)
        let conditionNode = Syntax(loop.condition)
        let interpreter = self.interpreter
        return try inLoop(label: label) { id -> Execution in
            let body = try compileStatements(loop.body.statements)
            let condition = try compileExpression(loop.condition).evaluate
            return { frame in
                while true {
                    if interpreter.interruption.isRequested { throw LocatedError(error: .interrupted, node: node) }
                    switch Compiler.loopStep(try body(frame), id: id) {
                    case .proceed: break
                    case .stop: return .normal
                    case .propagate(let flow): return flow
                    }
                    let flag = try condition(frame)
                    guard case .bool(let isTrue) = flag else {
                        throw LocatedError(error: .cannotConvertArgument(valueType: flag.typeName, expectedType: "Bool"), node: conditionNode)
                    }
                    if !isTrue { return .normal }
                }
            }
        }
    }

    // MARK: - switch

    func compileSwitch(_ switchExpression: SwitchExprSyntax, label: String? = nil) throws -> Execution {
        let subject = try compileExpression(switchExpression.subject).evaluate
        let temporary = function.allocateTemporary()
        let id = makeTargetID()
        breakTargets.append(BreakTarget(id: id, label: label, isLoop: false))
        defer { breakTargets.removeLast() }
        struct Case {
            let test: (Frame, Value) throws -> Bool
            let body: Execution
        }
        var cases: [Case] = []
        for element in switchExpression.cases {
            guard case .switchCase(let switchCase) = element else {
                throw LocatedError(error: .unsupported("'#if' inside 'switch' is not supported"), node: Syntax(element))
            }
            let compiled = try inChildBlock { () throws -> Case in
                let test: (Frame, Value) throws -> Bool
                switch switchCase.label {
                case .default:
                    test = { _, _ in true }
                case .case(let caseLabel):
                    let items = try caseLabel.caseItems.map { item -> (Frame, Value) throws -> Bool in
                        let match = try compilePattern(item.pattern, binding: nil, type: nil)
                        guard let whereClause = item.whereClause else { return match }
                        let condition = try compileExpression(whereClause.condition).evaluate
                        return { frame, value in
                            guard try match(frame, value) else { return false }
                            if case .bool(true) = try condition(frame) { return true }
                            return false
                        }
                    }
                    test = items.count == 1 ? items[0] : { frame, value in
                        for item in items where try item(frame, value) { return true }
                        return false
                    }
                }
                return Case(test: test, body: try compileStatements(switchCase.statements))
            }
            cases.append(compiled)
        }
        let node = Syntax(switchExpression.switchKeyword)
        return { frame in
            let value = try subject(frame)
            frame.slots[temporary] = value
            var index = 0
            while index < cases.count {
                if try cases[index].test(frame, value) {
                    var flow = try cases[index].body(frame)
                    while case .fallingThrough = flow, index + 1 < cases.count {
                        index += 1
                        flow = try cases[index].body(frame)
                    }
                    switch flow {
                    case .breaking(id), .fallingThrough: return .normal
                    default: return flow
                    }
                }
                index += 1
            }
            throw LocatedError(error: .runtimeFault("switch must be exhaustive: no case matched '\(value.typeName)' value"), node: node)
        }
    }

    /// A `switch` used as a value: each case's last expression.
    func compileSwitchExpression(_ switchExpression: SwitchExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let subject = try compileExpression(switchExpression.subject).evaluate
        var cases: [(test: (Frame, Value) throws -> Bool, value: Evaluation)] = []
        for element in switchExpression.cases {
            guard case .switchCase(let switchCase) = element else { continue }
            let compiled = try inChildBlock { () throws -> ((Frame, Value) throws -> Bool, Evaluation) in
                var test: (Frame, Value) throws -> Bool = { _, _ in true }
                if case .case(let caseLabel) = switchCase.label {
                    let items = try caseLabel.caseItems.map { try compilePattern($0.pattern, binding: nil, type: nil) }
                    test = { frame, value in
                        for item in items where try item(frame, value) { return true }
                        return false
                    }
                }
                return (test, try compileBranchValue(switchCase.statements, expecting: expected))
            }
            cases.append(compiled)
        }
        let node = Syntax(switchExpression)
        return Compiled(evaluate: { frame in
            let value = try subject(frame)
            for item in cases where try item.test(frame, value) { return try item.value(frame) }
            throw LocatedError(error: .runtimeFault("switch must be exhaustive: no case matched"), node: node)
        }, node: node)
    }

    // MARK: - do / catch

    func compileDo(_ doStatement: DoStmtSyntax) throws -> Execution {
        // A last clause without a pattern (or `let error`, `_`) and without `where` catches everything.
        let catchesAll = doStatement.catchClauses.last.map { clause in
            guard let item = clause.catchItems.first else { return true }
            guard clause.catchItems.count == 1, item.whereClause == nil, let pattern = item.pattern else { return item.pattern == nil }
            if pattern.is(WildcardPatternSyntax.self) { return true }
            if let binding = pattern.as(ValueBindingPatternSyntax.self), binding.pattern.is(IdentifierPatternSyntax.self) { return true }
            return false
        } ?? false
        if catchesAll { function.catchAllDepth += 1 }
        let body: Execution
        do {
            defer { if catchesAll { function.catchAllDepth -= 1 } }
            body = try compileStatements(doStatement.body.statements)
        }
        guard !doStatement.catchClauses.isEmpty else { return body }
        let clauses = try doStatement.catchClauses.map { clause -> (test: (Frame, Value) throws -> Bool, body: Execution) in
            try inChildBlock {
                var test: (Frame, Value) throws -> Bool
                if let items = clause.catchItems.first?.pattern, clause.catchItems.count == 1 {
                    let match = try compilePattern(items, binding: nil, type: nil)
                    if let whereClause = clause.catchItems.first?.whereClause {
                        let condition = try compileExpression(whereClause.condition).evaluate
                        test = { frame, value in
                            guard try match(frame, value) else { return false }
                            if case .bool(true) = try condition(frame) { return true }
                            return false
                        }
                    } else {
                        test = match
                    }
                } else {
                    let store = initialize(block.declare("error", isMutable: false, type: nil).storage)
                    test = { frame, value in store(frame, value); return true }
                }
                return (test, try compileStatements(clause.body.statements))
            }
        }
        return { frame in
            do {
                return try body(frame)
            } catch let error as ThrownError {
                for clause in clauses where try clause.test(frame, error.value) {
                    return try clause.body(frame)
                }
                throw error
            }
        }
    }
}
