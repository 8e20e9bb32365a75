import CellRuntime
import SwiftSyntax

/// Compiled pattern: tests a value, binding names into the frame when it matches.
typealias PatternMatch = (Frame, Value) throws -> Bool

extension Compiler {
    /// Compiles a pattern of a `case`, `if case`, `catch` or `for case`. `binding` is the mutability of names
    /// it introduces when inside `let`/`var` (nil outside, where a name is an expression to compare with).
    func compilePattern(_ pattern: PatternSyntax, binding: Bool?, type: TypeExpression?) throws -> PatternMatch {
        let node = Syntax(pattern)
        if pattern.is(WildcardPatternSyntax.self) { return { _, _ in true } }
        if let identifier = pattern.as(IdentifierPatternSyntax.self) {
            let variable = block.declare(identifier.identifier.text, isMutable: binding ?? false, type: type)
            let store = initialize(variable.storage)
            return { frame, value in store(frame, value); return true }
        }
        if let valueBinding = pattern.as(ValueBindingPatternSyntax.self) {
            return try compilePattern(valueBinding.pattern, binding: valueBinding.bindingSpecifier.tokenKind == .keyword(.var), type: type)
        }
        if let tuple = pattern.as(TuplePatternSyntax.self) {
            let parts = try tuple.elements.map { try compilePattern($0.pattern, binding: binding, type: nil) }
            return tupleMatch(parts)
        }
        if let isType = pattern.as(IsTypePatternSyntax.self) {
            let target = try TypeExpression(isType.type, resolver: self)
            let interpreter = self.interpreter
            return { _, value in try interpreter.isInstance(value, of: target) }
        }
        if let expressionPattern = pattern.as(ExpressionPatternSyntax.self) {
            return try compileExpressionPattern(expressionPattern.expression, binding: binding)
        }
        throw LocatedError(error: .unsupported("this pattern is not supported"), node: node)
    }

    private func tupleMatch(_ parts: [PatternMatch]) -> PatternMatch {
        { frame, value in
            guard case .tuple(let tuple) = value, tuple.elements.count == parts.count else { return false }
            for (match, element) in zip(parts, tuple.elements) where !(try match(frame, element)) { return false }
            return true
        }
    }

    /// An expression used as a pattern: an enum case (with sub-patterns), an optional, a tuple, a cast, or a
    /// value compared with `~=` (a range contains it, otherwise `==`).
    private func compileExpressionPattern(_ expression: ExprSyntax, binding: Bool?) throws -> PatternMatch {
        let node = Syntax(expression)
        let interpreter = self.interpreter
        if expression.is(DiscardAssignmentExprSyntax.self) { return { _, _ in true } }
        if let patternExpression = expression.as(PatternExprSyntax.self) {
            return try compilePattern(patternExpression.pattern, binding: binding, type: nil)
        }
        if let binding, let reference = expression.as(DeclReferenceExprSyntax.self) {
            let variable = block.declare(reference.baseName.text, isMutable: binding, type: nil)
            let store = initialize(variable.storage)
            return { frame, value in store(frame, value); return true }
        }
        if let optional = expression.as(OptionalChainingExprSyntax.self) {
            let inner = try compileExpressionPattern(optional.expression, binding: binding)
            return { frame, value in
                guard case .optional(let wrapped?) = value else { return false }
                return try inner(frame, wrapped)
            }
        }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count != 1 {
            return tupleMatch(try tuple.elements.map { try compileExpressionPattern($0.expression, binding: binding) })
        }
        if let tuple = expression.as(TupleExprSyntax.self), let only = tuple.elements.first {
            return try compileExpressionPattern(only.expression, binding: binding)
        }
        // `.name` or `Type.name`: an enum case without payload (or compared by value).
        if let member = expression.as(MemberAccessExprSyntax.self), member.base == nil || Compiler.namesType(member.base!) {
            let name = member.declName.baseName.text
            return { _, value in
                try interpreter.located(node) { try interpreter.matchCase(value, name: name, arity: 0) != nil }
            }
        }
        // `.name(p1, p2)`: an enum case whose associated values match sub-patterns.
        if let call = expression.as(FunctionCallExprSyntax.self), let member = call.calledExpression.as(MemberAccessExprSyntax.self),
           member.base == nil || Compiler.namesType(member.base!) {
            let name = member.declName.baseName.text
            let parts = try call.arguments.map { try compileExpressionPattern($0.expression, binding: binding) }
            return { frame, value in
                guard let payload = try interpreter.located(node, { try interpreter.matchCase(value, name: name, arity: parts.count) }),
                      payload.count == parts.count else { return false }
                for (match, element) in zip(parts, payload) where !(try match(frame, element)) { return false }
                return true
            }
        }
        // `let x as Int`.
        if let sequence = expression.as(SequenceExprSyntax.self), case .cast(let operand, "as", let typeSyntax, _) = FoldedExpression(sequence),
           case .leaf(let inner) = operand {
            let type = try TypeExpression(typeSyntax, resolver: self)
            let bind = try compileExpressionPattern(inner, binding: binding)
            return { frame, value in
                guard try interpreter.isInstance(value, of: type) else { return false }
                return try bind(frame, try interpreter.coerce(value, to: type, literal: .none) ?? value)
            }
        }
        let compiled = try compileExpression(expression)
        let evaluate = compiled.evaluate, literal = compiled.literal
        return { frame, value in
            let expected = try evaluate(frame)
            return try interpreter.located(node) { try interpreter.patternMatches(expected, value, literal: literal) }
        }
    }

    /// Whether an expression names a type (`Color` in `Color.red`).
    static func namesType(_ expression: ExprSyntax) -> Bool {
        if let reference = expression.as(DeclReferenceExprSyntax.self) { return reference.baseName.text.first?.isUppercase == true }
        if let member = expression.as(MemberAccessExprSyntax.self), let base = member.base {
            return namesType(base) && member.declName.baseName.text.first?.isUppercase == true
        }
        return false
    }
}
