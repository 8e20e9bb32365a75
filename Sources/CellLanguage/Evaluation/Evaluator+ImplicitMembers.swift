import SwiftSyntax

/// An implicit member written as an argument (`.ml100k`, `.linear(cap: 0.2, steps: 20_000)`,
/// `[.ndcg(100), .recall(20)]`), kept until the parameter it fills names the type to look it up in.
final class ImplicitMemberReference: HostObject {
    /// The member's name, e.g. "linear".
    let name: String
    /// The call's arguments, or nil when the member is not called (`.ml100k`).
    let arguments: [Argument]?
    /// Where it was written, for diagnostics.
    let node: Syntax

    init(name: String, arguments: [Argument]?, node: Syntax) {
        self.name = name
        self.arguments = arguments
        self.node = node
    }

    var typeName: String { "_" }
    var plainDescription: String { "." + name }
}

extension Evaluator {
    /// Evaluates a call argument; implicit members (alone, called, or as array elements) wait for the
    /// parameter's type.
    func evaluateArgument(_ expression: ExprSyntax, in scope: Scope) throws -> Value {
        if let access = expression.as(MemberAccessExprSyntax.self), access.base == nil {
            return .host(ImplicitMemberReference(name: access.declName.baseName.text, arguments: nil, node: Syntax(access)))
        }
        if let call = expression.as(FunctionCallExprSyntax.self),
           let access = call.calledExpression.as(MemberAccessExprSyntax.self), access.base == nil {
            let arguments = try call.arguments.map {
                Argument(label: $0.label?.text, value: try evaluateArgument($0.expression, in: scope), syntax: $0.expression)
            }
            return .host(ImplicitMemberReference(name: access.declName.baseName.text, arguments: arguments, node: Syntax(call)))
        }
        if let array = expression.as(ArrayExprSyntax.self), array.elements.contains(where: { Evaluator.isImplicitMember($0.expression) }) {
            return .array(try array.elements.map { try evaluateArgument($0.expression, in: scope) })
        }
        return try evaluate(expression, in: scope)
    }

    /// Whether `expression` is `.name` or `.name(...)`.
    static func isImplicitMember(_ expression: ExprSyntax) -> Bool {
        if let access = expression.as(MemberAccessExprSyntax.self) { return access.base == nil }
        if let call = expression.as(FunctionCallExprSyntax.self),
           let access = call.calledExpression.as(MemberAccessExprSyntax.self) {
            return access.base == nil
        }
        return false
    }

    /// `value` with implicit members looked up in the parameter's type: `Annealing` for `.linear(...)`,
    /// the element type for arrays (`[RankingMetric]`), the wrapped type for optionals (`Annealing?`).
    func resolvingImplicitMembers(_ value: Value, as type: ParameterType) throws -> Value {
        try resolvingImplicitMembers(value, typeName: type.displayName)
    }

    private func resolvingImplicitMembers(_ value: Value, typeName: String) throws -> Value {
        switch value {
        case .host(let object as ImplicitMemberReference):
            var name = typeName
            if name.hasSuffix("?") { name.removeLast() }
            guard bindings.types[name]?.staticMembers[object.name] != nil else {
                if bindings.types[name] != nil {
                    throw CellLanguageError.typeMismatch("type '\(name)' has no member '\(object.name)'")
                }
                throw CellLanguageError.typeMismatch("cannot infer contextual base in reference to member '\(object.name)'")
            }
            let member = try self.member(object.name, of: .type(name))
            guard let arguments = object.arguments else { return member }
            let resolved = try resolvingArguments(arguments, callee: member)
            return try callValue(member, arguments: resolved, node: object.node)
        case .array(let elements):
            guard typeName.hasPrefix("["), typeName.hasSuffix("]"), !typeName.contains(":") else { return value }
            let elementType = String(typeName.dropFirst().dropLast())
            return .array(try elements.map { try resolvingImplicitMembers($0, typeName: elementType) })
        default:
            return value
        }
    }

    /// Nested implicit members in the arguments of an implicit member call, resolved against the parameters of
    /// its only binding (e.g. `.gaussian(standardDeviation: .init(...))` rarely; mostly a no-op).
    private func resolvingArguments(_ arguments: [Argument], callee: Value) throws -> [Argument] {
        guard arguments.contains(where: { if case .host(is ImplicitMemberReference) = $0.value { return true }; return false }),
              case .function(.binding(_, let overloads, _)) = callee, overloads.count == 1 else {
            return arguments
        }
        let parameters = overloads[0].parameters
        return try arguments.map { argument in
            guard let parameter = parameters.first(where: { $0.label == argument.label }) else { return argument }
            return Argument(label: argument.label, value: try resolvingImplicitMembers(argument.value, as: parameter.type),
                            isTrailingClosure: argument.isTrailingClosure, syntax: argument.syntax)
        }
    }
}
