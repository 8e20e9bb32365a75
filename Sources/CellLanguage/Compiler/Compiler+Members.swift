import CellRuntime
import SwiftSyntax

extension Compiler {
    /// `base.name`, `.name` (an implicit member), `Type.name`, `tuple.0`.
    func compileMemberAccess(_ access: MemberAccessExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let name = access.declName.baseName.text
        let node = Syntax(access.declName)
        let interpreter = self.interpreter
        guard let base = access.base else {
            let make: Evaluation = { _ in .implicitMember(ImplicitMember(name: name, arguments: nil)) }
            return resolvingImplicitMember(make, expecting: expected, node: Syntax(access))
        }
        if base.is(SuperExprSyntax.self) {
            let selfValue = try compileSelf(node: Syntax(base))
            guard let owner = function.selfOwner?.ownerType else {
                throw LocatedError(error: .typeMismatch("'super' cannot be used outside of class members"), node: Syntax(base))
            }
            return Compiled(evaluate: { frame in
                try interpreter.superMember(name, of: try selfValue(frame), below: owner, node: node)
            }, node: node)
        }
        let receiver = try compilePostfix(base).evaluate
        let cache = MemberCache()
        return Compiled(evaluate: { frame in
            try interpreter.member(name, of: try receiver(frame), node: node, cache: cache)
        }, node: Syntax(access))
    }

    /// `base[arguments]`.
    func compileSubscript(_ subscriptCall: SubscriptCallExprSyntax) throws -> Compiled {
        let node = Syntax(subscriptCall)
        let container = try compilePostfix(subscriptCall.calledExpression).evaluate
        let arguments = try compileArguments(subscriptCall.arguments, trailingClosure: subscriptCall.trailingClosure,
                                             additional: subscriptCall.additionalTrailingClosures)
        let interpreter = self.interpreter
        // `xs[i]` with one unlabeled argument: the array fast path.
        if subscriptCall.arguments.count == 1, subscriptCall.arguments.first?.label == nil, subscriptCall.trailingClosure == nil,
           let only = subscriptCall.arguments.first {
            let index = try compileExpression(only.expression).evaluate
            return Compiled(evaluate: { frame in
                let value = try container(frame)
                let position = try index(frame)
                if case .array(let elements) = value, case .int(let offset) = position {
                    guard offset >= 0, offset < elements.count else { throw LocatedError(error: .indexOutOfRange, node: node) }
                    return elements[offset]
                }
                return try interpreter.located(node) {
                    try interpreter.subscriptGet(value, arguments: [Argument(label: nil, value: position)])
                }
            }, node: node)
        }
        return Compiled(evaluate: { frame in
            let value = try container(frame)
            let values = try arguments(frame)
            return try interpreter.located(node) { try interpreter.subscriptGet(value, arguments: values) }
        }, node: node)
    }

    /// `super.name(arguments)` and `super.init(arguments)` inside a class's methods and initialisers.
    func compileSuperCall(_ name: String, arguments: CompiledArguments, node: Syntax) throws -> Compiled {
        guard let owner = function.selfOwner?.ownerType, owner.kind == .classType else {
            throw LocatedError(error: .typeMismatch("'super' cannot be used outside of class members"), node: node)
        }
        let selfValue = try compileSelf(node: node)
        let interpreter = self.interpreter
        if name == "init" {
            guard function.isInitializer else {
                throw LocatedError(error: .typeMismatch("'super.init' cannot be called outside of an initializer"), node: node)
            }
            return Compiled(evaluate: withInOut(arguments) { frame, values, written in
                try interpreter.located(node) {
                    try interpreter.superInitialize(try selfValue(frame), below: owner, arguments: values, written: &written, node: node)
                }
                return .void
            }, node: node)
        }
        return Compiled(evaluate: withInOut(arguments) { frame, values, written in
            let method = try interpreter.located(node) { try interpreter.superMember(name, of: try selfValue(frame), below: owner, node: node) }
            return try interpreter.located(node) { try interpreter.call(method, arguments: values, written: &written, node: node) }
        }, node: node)
    }

    /// `self.init(arguments)` in an initialiser: runs another initialiser of the type on `self`.
    func compileSelfInitializerCall(arguments: CompiledArguments, node: Syntax) throws -> Compiled {
        guard let owner = function.selfOwner?.ownerType, function.isInitializer,
              let variable = lookupLocal("self", in: block) else {
            throw LocatedError(error: .typeMismatch("'self.init' can only be called in an initializer"), node: node)
        }
        let read = load(variable.storage), write = store(variable.storage)
        let interpreter = self.interpreter
        // In an extension of a standard or library type, `self.init` is one of that type's initialisers.
        if let extendedTypeName = function.selfOwner?.extendedTypeName {
            return Compiled(evaluate: withInOut(arguments) { frame, values, written in
                let result = try interpreter.located(node) {
                    try interpreter.construct(.named(extendedTypeName), arguments: values, written: &written, node: node)
                }
                write(frame, result)
                return .void
            }, node: node)
        }
        return Compiled(evaluate: withInOut(arguments) { frame, values, written in
            let result = try interpreter.located(node) {
                try interpreter.construct(owner, arguments: values, existing: try read(frame), written: &written, node: node)
            }
            write(frame, result)
            return .void
        }, node: node)
    }
}

/// A member access site's memory of how it last resolved a member, keyed by the receiver's type: the next
/// access with the same type skips the lookup.
final class MemberCache {
    var typeKey: ObjectIdentifier?
    /// The Swift type of the library value (`.opaque`) the entry was made for, which identifies its binding.
    var swiftType: ObjectIdentifier?
    var resolution: MemberResolution?
    /// What a method call resolves to for a library value of ``swiftType`` (a call site's repeated calls skip the
    /// lookup).
    var methodTarget: MethodTarget?
    /// The interpreter's cache generation when the entry was made (extensions added later invalidate it).
    var generation = 0
}
