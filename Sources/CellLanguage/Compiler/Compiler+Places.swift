import CellRuntime
import SwiftSyntax

/// A storage location an assignment, a compound assignment, an `inout` argument or a mutating method changes.
struct Place {
    /// Reads the current value.
    let read: Evaluation
    /// Changes the value in place.
    let modify: (Frame, (inout Value) throws -> Void) throws -> Void
    /// The declared type of the location, when known (a variable's annotation, an array element's).
    let type: TypeExpression?
    /// Where the location is written.
    let node: Syntax
}

extension Compiler {
    /// Why a place is being changed, which decides the wording of the `let` error.
    enum MutationPurpose {
        case assignment
        case mutatingMember
        case inOutArgument
    }

    /// Compiles an expression as a storage location: a variable, a property, an element, or a chain of them.
    func compilePlace(_ expression: ExprSyntax, purpose: MutationPurpose) throws -> Place {
        let node = Syntax(expression)
        let interpreter = self.interpreter
        if let reference = expression.as(DeclReferenceExprSyntax.self) {
            let name = reference.baseName.text
            switch try resolve(name, node: node) {
            case .variable(let variable):
                if !variable.isMutable && !(name == "self" && function.selfOwner?.ownerType?.kind == .classType) {
                    throw LocatedError(error: constantError(name, purpose: purpose), node: node)
                }
                return Place(read: load(variable.storage), modify: modify(variable.storage), type: variable.type, node: node)
            case .selfMember(let member):
                return try memberPlace(member, base: selfPlace(node: node, purpose: purpose), node: node,
                                       initializing: function.isInitializer)
            default:
                throw LocatedError(error: .typeMismatch("cannot assign to value: '\(name)' is not a variable"), node: node)
            }
        }
        if let tuple = expression.as(TupleExprSyntax.self), tuple.elements.count == 1, let only = tuple.elements.first {
            return try compilePlace(only.expression, purpose: purpose)
        }
        if let member = expression.as(MemberAccessExprSyntax.self), let base = member.base {
            let name = member.declName.baseName.text
            if base.is(DeclReferenceExprSyntax.self), base.cast(DeclReferenceExprSyntax.self).baseName.text == "self" {
                return try memberPlace(name, base: selfPlace(node: Syntax(base), purpose: purpose), node: node,
                                       initializing: function.isInitializer)
            }
            return try memberPlace(name, base: basePlace(base, purpose: purpose), node: node)
        }
        if let subscriptCall = expression.as(SubscriptCallExprSyntax.self) {
            let base = try basePlace(subscriptCall.calledExpression, purpose: purpose)
            if let place = try elementPlace(subscriptCall, base: base) { return place }
            let arguments = try compileArguments(subscriptCall.arguments, trailingClosure: nil, additional: [])
            let elementType = base.place.type?.elementType
            return Place(read: { frame in
                try interpreter.located(node) {
                    try interpreter.subscriptGet(try base.place.read(frame), arguments: try arguments(frame))
                }
            }, modify: { frame, body in
                let values = try arguments(frame)
                try base.change(frame, node) { container in
                    try interpreter.located(node) { try interpreter.subscriptModify(&container, arguments: values, body) }
                }
            }, type: elementType, node: node)
        }
        if let unwrap = expression.as(ForceUnwrapExprSyntax.self) {
            let base = try compilePlace(unwrap.expression, purpose: purpose)
            return Place(read: { frame in
                guard case .optional(let wrapped?) = try base.read(frame) else { throw LocatedError(error: .unwrappedNil, node: node) }
                return wrapped
            }, modify: { frame, body in
                try base.modify(frame) { value in
                    guard case .optional(var wrapped?) = value else { throw LocatedError(error: .unwrappedNil, node: node) }
                    value = .void
                    defer { value = .optional(wrapped) }
                    try body(&wrapped)
                }
            }, type: nil, node: node)
        }
        throw LocatedError(error: .typeMismatch("cannot assign to value: '\(expression.trimmedDescription)' is not a variable"), node: node)
    }

    /// `xs[i]` and `counts[key, default: 0]` as places, without building an argument list each time: an array
    /// element or a dictionary entry is changed in place, anything else goes through `subscriptModify`. Nil for
    /// other subscripts.
    private func elementPlace(_ subscriptCall: SubscriptCallExprSyntax, base: BasePlace) throws -> Place? {
        let written = Array(subscriptCall.arguments)
        guard subscriptCall.trailingClosure == nil, subscriptCall.additionalTrailingClosures.isEmpty, written.first?.label == nil,
              written.count == 1 || (written.count == 2 && written[1].label?.text == "default") else { return nil }
        let node = Syntax(subscriptCall)
        let interpreter = self.interpreter
        let index = try compileExpression(written[0].expression).evaluate
        let elementType = base.place.type?.elementType
        if written.count == 1 {
            return Place(read: { frame in
                try interpreter.located(node) {
                    try interpreter.subscriptGet(try base.place.read(frame), arguments: [Argument(label: nil, value: try index(frame))])
                }
            }, modify: { frame, body in
                let position = try index(frame)
                try base.change(frame, node) { container in
                    try interpreter.located(node) {
                        if case .int(let offset) = position, try interpreter.modifyElement(of: &container, at: offset, body) { return }
                        try interpreter.subscriptModify(&container, arguments: [Argument(label: nil, value: position)], body)
                    }
                }
            }, type: elementType, node: node)
        }
        let fallback = try compileExpression(written[1].expression)
        let evaluateDefault = fallback.evaluate, defaultLiteral = fallback.literal
        return Place(read: { frame in
            try interpreter.located(node) {
                try interpreter.subscriptGet(try base.place.read(frame), arguments: [
                    Argument(label: nil, value: try index(frame)),
                    Argument(label: "default", value: try evaluateDefault(frame), literal: defaultLiteral),
                ])
            }
        }, modify: { frame, body in
            let key = try index(frame), defaultValue = try evaluateDefault(frame)
            try base.change(frame, node) { container in
                try interpreter.located(node) {
                    if let hashable = DictionaryKey(key),
                       try interpreter.modifyEntry(of: &container, key: hashable, default: defaultValue, body) { return }
                    try interpreter.subscriptModify(&container, arguments: [
                        Argument(label: nil, value: key), Argument(label: "default", value: defaultValue, literal: defaultLiteral),
                    ], body)
                }
            }
        }, type: elementType, node: node)
    }

    private func constantError(_ name: String, purpose: MutationPurpose) -> CellLanguageError {
        switch purpose {
        case .assignment: return .assignmentToConstant(name)
        case .mutatingMember: return .mutatingMemberOnConstant(name)
        case .inOutArgument: return .typeMismatch("cannot pass immutable value as inout argument: '\(name)' is a 'let' constant")
        }
    }

    /// The base of a property or element: a place whose change runs through it, or, when the base is a class
    /// instance, the instance itself (a `let` holding an object still lets its properties change).
    struct BasePlace {
        let place: Place
        /// Changes the base: in place for values, through the reference for objects.
        let change: (Frame, Syntax, (inout Value) throws -> Void) throws -> Void
    }

    private func basePlace(_ expression: ExprSyntax, purpose: MutationPurpose) throws -> BasePlace {
        let interpreter = self.interpreter
        if let place = try? compilePlace(expression, purpose: purpose) {
            return BasePlace(place: place) { frame, _, body in
                if interpreter.isReference(try place.read(frame)) {
                    var object = try place.read(frame)
                    try body(&object)
                } else {
                    try place.modify(frame, body)
                }
            }
        }
        // Not assignable (a `let`, a call's result): only objects can change through it.
        let value = try compileExpression(expression)
        let evaluate = value.evaluate
        let isConstantVariable = expression.is(DeclReferenceExprSyntax.self) || expression.is(MemberAccessExprSyntax.self)
        let name = expression.trimmedDescription
        return BasePlace(place: Place(read: evaluate, modify: { frame, body in
            var object = try evaluate(frame)
            try body(&object)
        }, type: nil, node: Syntax(expression))) { frame, node, body in
            var object = try evaluate(frame)
            // A type's static properties change through the type (`Account.opened += 1`).
            if case .type = object {
                try body(&object)
                return
            }
            guard interpreter.isReference(object) else {
                if isConstantVariable { throw LocatedError(error: self.constantError(name, purpose: purpose), node: Syntax(expression)) }
                throw LocatedError(error: .typeMismatch("cannot assign to immutable expression of type '\(object.typeName)'"), node: node)
            }
            try body(&object)
        }
    }

    /// `self` as a place inside a method: assignable in mutating methods and initialisers, and always through
    /// the reference for classes.
    private func selfPlace(node: Syntax, purpose: MutationPurpose) throws -> BasePlace {
        guard let variable = lookupLocal("self", in: block) else { throw LocatedError(error: .cannotFindInScope("self"), node: node) }
        let read = load(variable.storage), change = modify(variable.storage)
        let isMutable = variable.isMutable
        let interpreter = self.interpreter
        // In a non-mutating method of a struct or enum, `self` is a constant: known when the method is compiled.
        if !isMutable, let kind = function.selfOwner?.ownerType?.kind, kind == .structure || kind == .enumeration {
            switch purpose {
            case .mutatingMember:
                throw LocatedError(error: .typeMismatch("cannot use mutating member on immutable value: 'self' is immutable"), node: node)
            case .assignment, .inOutArgument:
                throw LocatedError(error: .typeMismatch("cannot assign to property: 'self' is immutable; mark the method 'mutating'"),
                                   node: node)
            }
        }
        return BasePlace(place: Place(read: read, modify: change, type: nil, node: node)) { frame, memberNode, body in
            if interpreter.isReference(try read(frame)) {
                var object = try read(frame)
                try body(&object)
                return
            }
            guard isMutable else {
                throw LocatedError(error: .typeMismatch("cannot assign to property: 'self' is immutable; mark the method 'mutating'"),
                                   node: memberNode)
            }
            try change(frame, body)
        }
    }

    private func memberPlace(_ name: String, base: BasePlace, node: Syntax, initializing: Bool = false) throws -> Place {
        let interpreter = self.interpreter
        let read = base.place.read
        return Place(read: { frame in
            try interpreter.member(name, of: try read(frame), node: node)
        }, modify: { frame, body in
            try base.change(frame, node) { container in
                try interpreter.located(node) {
                    try interpreter.modifyMember(name, of: &container, node: node, initializing: initializing, body)
                }
            }
        }, type: nil, node: node)
    }

    // MARK: - Assignment

    /// `target = value` for a variable, a property, an element, a tuple of those, or `_`.
    func compileAssignment(target: FoldedExpression, value: FoldedExpression, node: Syntax) throws -> Compiled {
        guard case .leaf(let targetExpression) = target else {
            throw LocatedError(error: .typeMismatch("cannot assign to this expression"), node: target.node)
        }
        if targetExpression.is(DiscardAssignmentExprSyntax.self) {
            let evaluate = try compileFolded(value).evaluate
            return Compiled(evaluate: { frame in _ = try evaluate(frame); return .void }, node: node)
        }
        if let tuple = targetExpression.as(TupleExprSyntax.self), tuple.elements.count > 1 {
            let places = try tuple.elements.map { element -> Place? in
                element.expression.is(DiscardAssignmentExprSyntax.self) ? nil : try compilePlace(element.expression, purpose: .assignment)
            }
            let evaluate = try compileFolded(value).evaluate
            let interpreter = self.interpreter
            return Compiled(evaluate: { frame in
                let result = try evaluate(frame)
                guard case .tuple(let parts) = result, parts.elements.count == places.count else {
                    throw LocatedError(error: .typeMismatch("cannot assign value of type '\(result.typeName)' to a tuple of \(places.count) elements"),
                                       node: node)
                }
                for (place, part) in zip(places, parts.elements) {
                    guard let place else { continue }
                    try place.modify(frame) { current in
                        current = try interpreter.assignmentValue(part, replacing: current, declared: place.type, literal: .none, node: place.node)
                    }
                }
                return .void
            }, node: node)
        }
        let place = try compilePlace(targetExpression, purpose: .assignment)
        let compiled = try compileFolded(value, expecting: place.type)
        let evaluate = compiled.evaluate, literal = compiled.literal, type = place.type
        let interpreter = self.interpreter
        let targetNode = Syntax(targetExpression)
        return Compiled(evaluate: { frame in
            let newValue = try evaluate(frame)
            try place.modify(frame) { current in
                current = try interpreter.assignmentValue(newValue, replacing: current, declared: type, literal: literal, node: targetNode)
            }
            return .void
        }, node: node)
    }

    /// `target op= value`, changing the target in place (`s += "x"` appends without copying the string).
    func compileCompoundAssignment(_ operation: String, target: FoldedExpression, value: FoldedExpression, node: Syntax) throws -> Compiled {
        guard case .leaf(let targetExpression) = target else {
            throw LocatedError(error: .typeMismatch("cannot assign to this expression"), node: target.node)
        }
        let place = try compilePlace(targetExpression, purpose: .assignment)
        let operand = try compileFolded(value, expecting: place.type)
        let evaluate = operand.evaluate, literal = operand.literal
        let interpreter = self.interpreter
        if let fast = Arithmetic.compoundFastPath(operation, place: place, operand: evaluate, literal: literal, interpreter: interpreter,
                                                   node: node) {
            return Compiled(evaluate: fast, node: node)
        }
        return Compiled(evaluate: { frame in
            let right = try evaluate(frame)
            try place.modify(frame) { current in
                try interpreter.located(node) {
                    try interpreter.compoundAssign(operation, &current, right, rightLiteral: literal)
                }
            }
            return .void
        }, node: node)
    }
}
