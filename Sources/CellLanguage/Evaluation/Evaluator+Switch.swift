import SwiftSyntax

extension Evaluator {
    /// Runs the first case whose pattern matches the subject (values, ranges, `let` bindings, `_`, `default`).
    func executeSwitch(_ switchExpression: SwitchExprSyntax, in scope: Scope) throws -> Flow {
        let subject = try evaluate(switchExpression.subject, in: scope)
        for element in switchExpression.cases {
            guard case .switchCase(let switchCase) = element else { continue }
            let caseScope = Scope(parent: scope)
            var isMatch = false
            switch switchCase.label {
            case .default: isMatch = true
            case .case(let label):
                for item in label.caseItems {
                    let itemScope = Scope(parent: scope)
                    guard try matches(item.pattern, subject, in: itemScope) else { continue }
                    if let whereClause = item.whereClause,
                       case .bool(false) = try evaluate(whereClause.condition, in: itemScope) {
                        continue
                    }
                    for name in itemScope.visibleNames where itemScope.variables[name] != nil {
                        caseScope.define(name, itemScope.variables[name]!)
                    }
                    isMatch = true
                    break
                }
            }
            guard isMatch else { continue }
            switch try execute(switchCase.statements, in: caseScope) {
            case .breakLoop(nil): return .normal
            case let flow: return flow
            }
        }
        return .normal
    }

    /// Whether `pattern` matches `value`; binds the pattern's names into `scope`.
    private func matches(_ pattern: PatternSyntax, _ value: Value, in scope: Scope) throws -> Bool {
        if pattern.is(WildcardPatternSyntax.self) { return true }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) {
            try bind(binding.pattern, to: value, in: scope, isMutable: binding.bindingSpecifier.tokenKind == .keyword(.var))
            return true
        }
        if let expressionPattern = pattern.as(ExpressionPatternSyntax.self) {
            let expected = try evaluate(expressionPattern.expression, in: scope)
            if case .range(let lower, let upper, let isClosed) = expected, case .int(let number) = value {
                return number >= lower && (isClosed ? number <= upper : number < upper)
            }
            return try located(expressionPattern) { try valuesEqual(expected, value) }
        }
        throw LocatedError(error: .unsupported("this pattern is not supported in 'case'"), node: Syntax(pattern))
    }
}
