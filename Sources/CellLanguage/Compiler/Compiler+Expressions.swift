@_spi(Compiler) import SwiftParser
import CellRuntime
import SwiftSyntax

/// Thrown inside an optional chain when a link is nil; the chain's outermost expression turns it into `nil`.
struct OptionalChainNil: Error {}

extension Compiler {
    /// Compiles an expression. `expected` is the type the context gives (an annotated `let`, a parameter of a
    /// cell function), which literals and implicit members take.
    func compileExpression(_ expression: ExprSyntax, expecting expected: TypeExpression? = nil) throws -> Compiled {
        if Compiler.startsOptionalChain(expression) {
            let inner = try compilePostfix(expression, expecting: expected)
            let evaluate = inner.evaluate
            return Compiled(evaluate: { frame in
                do {
                    let value = try evaluate(frame)
                    if case .optional = value { return value }
                    return .optional(value)
                } catch is OptionalChainNil {
                    return .optional(nil)
                }
            }, node: Syntax(expression))
        }
        return try compilePostfix(expression, expecting: expected)
    }

    /// Whether `expression` is the outermost link of an optional chain (`a?.b.c()`).
    static func startsOptionalChain(_ expression: ExprSyntax) -> Bool {
        var current: ExprSyntax? = expression
        while let node = current {
            if node.is(OptionalChainingExprSyntax.self) { return node.id != expression.id }
            if let member = node.as(MemberAccessExprSyntax.self) {
                current = member.base
            } else if let call = node.as(FunctionCallExprSyntax.self) {
                current = call.calledExpression
            } else if let subscriptCall = node.as(SubscriptCallExprSyntax.self) {
                current = subscriptCall.calledExpression
            } else if let unwrap = node.as(ForceUnwrapExprSyntax.self) {
                current = unwrap.expression
            } else {
                return false
            }
        }
        return false
    }

    /// Compiles one link of an expression (inside an optional chain, a nil link ends the chain).
    func compilePostfix(_ expression: ExprSyntax, expecting expected: TypeExpression? = nil) throws -> Compiled {
        let node = Syntax(expression)
        switch expression.kind {
        case .integerLiteralExpr:
            let value = try integerLiteral(expression.cast(IntegerLiteralExprSyntax.self))
            return constant(Compiler.typedLiteral(value, expected: expected), literal: .integer, node: node)
        case .floatLiteralExpr:
            let text = expression.cast(FloatLiteralExprSyntax.self).literal.text.filter { $0 != "_" }
            guard let number = Double(text) else {
                throw LocatedError(error: .typeMismatch("invalid floating-point literal '\(text)'"), node: node)
            }
            return constant(Compiler.typedLiteral(.double(number), expected: expected), literal: .floatingPoint, node: node)
        case .booleanLiteralExpr:
            return constant(.bool(expression.cast(BooleanLiteralExprSyntax.self).literal.tokenKind == .keyword(.true)), node: node)
        case .nilLiteralExpr:
            return constant(.optional(nil), literal: .nil, node: node)
        case .stringLiteralExpr:
            return try compileStringLiteral(expression.cast(StringLiteralExprSyntax.self))
        case .arrayExpr:
            return try compileArrayLiteral(expression.cast(ArrayExprSyntax.self), expecting: expected)
        case .dictionaryExpr:
            return try compileDictionaryLiteral(expression.cast(DictionaryExprSyntax.self), expecting: expected)
        case .declReferenceExpr:
            return try compileReference(expression.cast(DeclReferenceExprSyntax.self))
        case .sequenceExpr:
            let sequence = expression.cast(SequenceExprSyntax.self)
            // `try a + b`: the parser puts `try` on the first operand, but it covers the whole expression.
            if let first = sequence.elements.first, let tryExpression = first.as(TryExprSyntax.self) {
                let tree = FoldedExpression(sequence, firstOperand: tryExpression.expression)
                return try compileTry(tryExpression, expecting: expected) { try self.compileFolded(tree, expecting: expected) }
            }
            return try compileFolded(FoldedExpression(sequence), expecting: expected)
        case .prefixOperatorExpr:
            return try compilePrefix(expression.cast(PrefixOperatorExprSyntax.self), expecting: expected)
        case .postfixOperatorExpr:
            return try compilePostfixOperator(expression.cast(PostfixOperatorExprSyntax.self))
        case .tupleExpr:
            return try compileTuple(expression.cast(TupleExprSyntax.self), expecting: expected)
        case .functionCallExpr:
            return try compileCall(expression.cast(FunctionCallExprSyntax.self), expecting: expected)
        case .memberAccessExpr:
            return try compileMemberAccess(expression.cast(MemberAccessExprSyntax.self), expecting: expected)
        case .subscriptCallExpr:
            return try compileSubscript(expression.cast(SubscriptCallExprSyntax.self))
        case .closureExpr:
            return try compileClosure(expression.cast(ClosureExprSyntax.self), expecting: expected)
        case .forceUnwrapExpr:
            let inner = try compilePostfix(expression.cast(ForceUnwrapExprSyntax.self).expression).evaluate
            return Compiled(evaluate: { frame in
                let value = try inner(frame)
                guard case .optional(let wrapped) = value else {
                    throw LocatedError(error: .typeMismatch("cannot force unwrap value of non-optional type '\(value.typeName)'"), node: node)
                }
                guard let wrapped else { throw LocatedError(error: .unwrappedNil, node: node) }
                return wrapped
            }, node: node)
        case .optionalChainingExpr:
            let inner = try compilePostfix(expression.cast(OptionalChainingExprSyntax.self).expression).evaluate
            return Compiled(evaluate: { frame in
                let value = try inner(frame)
                guard case .optional(let wrapped) = value else {
                    throw LocatedError(error: .typeMismatch(
                        "cannot use optional chaining on non-optional value of type '\(value.typeName)'"), node: node)
                }
                guard let wrapped else { throw OptionalChainNil() }
                return wrapped
            }, node: node)
        case .ifExpr:
            return try compileIfExpression(expression.cast(IfExprSyntax.self), expecting: expected)
        case .switchExpr:
            return try compileSwitchExpression(expression.cast(SwitchExprSyntax.self), expecting: expected)
        case .tryExpr:
            return try compileTry(expression.cast(TryExprSyntax.self), expecting: expected)
        case .awaitExpr:
            return try compileExpression(expression.cast(AwaitExprSyntax.self).expression, expecting: expected)
        case .ternaryExpr:
            let ternary = expression.cast(TernaryExprSyntax.self)
            return try compileTernary(condition: compileExpression(ternary.condition), then: ternary.thenExpression,
                                      otherwise: ternary.elseExpression, expecting: expected, node: node)
        case .discardAssignmentExpr:
            return constant(.void, node: node)
        case .keyPathExpr:
            return try compileKeyPath(expression.cast(KeyPathExprSyntax.self))
        case .typeExpr:
            let type = try TypeExpression(expression.cast(TypeExprSyntax.self).type, resolver: self)
            return constant(.type(typeValue(of: type)), node: node)
        case .superExpr:
            throw LocatedError(error: .typeMismatch("'super' cannot be used outside of class members"), node: node)
        case .inOutExpr:
            throw LocatedError(error: .typeMismatch("'&' may only be used to pass an argument to an inout parameter"), node: node)
        case .macroExpansionExpr:
            throw LocatedError(error: .unsupported("macros ('\(expression.trimmedDescription.prefix(20))') are not supported in cells"),
                               node: node)
        default:
            throw LocatedError(error: .unsupported("'\(expression.trimmedDescription.prefix(30))' is not supported in cells"), node: node)
        }
    }

    /// A compiled constant.
    func constant(_ value: Value, literal: LiteralKind = .none, node: Syntax) -> Compiled {
        Compiled(evaluate: { _ in value }, literal: literal, node: node, lane: ScalarLane(constant: value))
    }

    /// A numeric literal as the type the context expects (`let x: Float = 1`).
    static func typedLiteral(_ value: Value, expected: TypeExpression?) -> Value {
        switch (expected, value) {
        case (.double?, .int(let number)), (.optional(.double)?, .int(let number)): return .double(Double(number))
        case (.float?, .int(let number)), (.optional(.float)?, .int(let number)): return .float(Float(number))
        case (.float?, .double(let number)), (.optional(.float)?, .double(let number)): return .float(Float(number))
        default: return value
        }
    }

    /// The type value a type expression names.
    func typeValue(of type: TypeExpression) -> TypeValue {
        switch type {
        case .declared(let name): return declaredType(name).map(TypeValue.declared) ?? .named(name)
        case .library(let binding): return .named(binding.name)
        case .array, .dictionary: return .collection(type.description)
        default: return .named(type.description)
        }
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

    // MARK: - Names

    private func compileReference(_ reference: DeclReferenceExprSyntax) throws -> Compiled {
        let name = reference.baseName.text
        let node = Syntax(reference)
        if case .binaryOperator = reference.baseName.tokenKind { return constant(.function(OperatorFunctionValue(name: name)), node: node) }
        switch try resolve(name, node: node) {
        case .variable(let variable):
            let read = load(variable.storage)
            return Compiled(evaluate: read, node: node, lane: ScalarLane(reading: variable, load: read, node: node))
        case .selfMember(let member):
            let selfValue = try compileSelf(node: node)
            let interpreter = self.interpreter
            return Compiled(evaluate: { frame in
                try interpreter.member(member, of: try selfValue(frame), node: node)
            }, node: node)
        case .type(let type):
            return constant(.type(type), node: node)
        case .functions(let name, let overloads):
            return constant(.function(BindingFunctionValue(name: name, overloads: overloads, receiver: nil)), node: node)
        case .libraryGlobal(let binding):
            let interpreter = self.interpreter
            return Compiled(evaluate: { _ in try interpreter.readProperty(binding, of: .void, node: node) }, node: node)
        case .operatorFunction(let name):
            return constant(.function(OperatorFunctionValue(name: name)), node: node)
        }
    }

    /// Code that reads `self` inside a method.
    func compileSelf(node: Syntax) throws -> Evaluation {
        guard let variable = lookupLocal("self", in: block) else {
            throw LocatedError(error: .cannotFindInScope("self"), node: node)
        }
        return load(variable.storage)
    }

    // MARK: - Literals

    private func compileStringLiteral(_ literal: StringLiteralExprSyntax) throws -> Compiled {
        let node = Syntax(literal)
        if let plain = literal.representedLiteralValue { return constant(.string(plain), node: node) }
        guard let kind = literal.stringLiteralKind else {
            throw LocatedError(error: .unsupported("this string literal is not supported"), node: node)
        }
        enum Part { case text(String), value(Evaluation) }
        var parts: [Part] = []
        for segment in literal.segments {
            switch segment {
            case .stringSegment(let piece):
                var text = ""
                piece.appendUnescapedLiteralValue(stringLiteralKind: kind, delimiterLength: literal.delimiterLength, to: &text)
                parts.append(.text(text))
            case .expressionSegment(let interpolation):
                for element in interpolation.expressions {
                    parts.append(.value(try compileExpression(element.expression).evaluate))
                }
            }
        }
        let interpreter = self.interpreter
        return Compiled(evaluate: { frame in
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .value(let evaluate): text += interpreter.description(of: try evaluate(frame))
                }
            }
            return .string(text)
        }, node: node)
    }

    private func compileArrayLiteral(_ literal: ArrayExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let node = Syntax(literal)
        let elementType = expected.flatMap { type -> TypeExpression? in
            if case .array(let element) = type { return element }
            if case .optional(.array(let element)) = type { return element }
            return nil
        }
        var elements = try literal.elements.map { try compileExpression($0.expression, expecting: elementType) }
        // `[1, 2.5]` is an array of Double in Swift: integer literals among floating-point ones become Double.
        let hasFloatingPoint = elements.contains { $0.literal == .floatingPoint }
        if hasFloatingPoint && elementType == nil {
            elements = elements.map { element in
                guard element.literal == .integer else { return element }
                let evaluate = element.evaluate
                return Compiled(evaluate: { frame in
                    if case .int(let number) = try evaluate(frame) { return .double(Double(number)) }
                    return try evaluate(frame)
                }, literal: .floatingPoint, node: element.node)
            }
        }
        let literalKind = LiteralKind.array(elements.isEmpty ? .none : Compiler.commonLiteral(elements.map(\.literal)))
        let evaluations = elements.map(\.evaluate)
        if let elementType {
            let interpreter = self.interpreter
            let literals = elements.map(\.literal)
            return Compiled(evaluate: { frame in
                var values: [Value] = []
                values.reserveCapacity(evaluations.count)
                for (index, evaluate) in evaluations.enumerated() {
                    let value = try evaluate(frame)
                    guard let converted = try interpreter.coerce(value, to: elementType, literal: literals[index]) else {
                        throw LocatedError(error: .cannotConvertToSpecified(valueType: value.typeName, specifiedType: elementType.description),
                                           node: elements[index].node)
                    }
                    values.append(converted)
                }
                return .array(values)
            }, literal: literalKind, node: node)
        }
        // `[Double(n), 1]` is an array of Double too: integer literals take the floating-point type of the
        // other elements' values.
        let integerLiterals = elements.indices.filter { elements[$0].literal == .integer }
        if !integerLiterals.isEmpty && integerLiterals.count < elements.count {
            return Compiled(evaluate: { frame in
                var values: [Value] = []
                values.reserveCapacity(evaluations.count)
                for evaluate in evaluations { values.append(try evaluate(frame)) }
                let others = values.indices.lazy.filter { !integerLiterals.contains($0) }.map { values[$0] }
                if let floating = others.first(where: { if case .double = $0 { true } else if case .float = $0 { true } else { false } }) {
                    for index in integerLiterals {
                        guard case .int(let number) = values[index] else { continue }
                        if case .float = floating { values[index] = .float(Float(number)) } else { values[index] = .double(Double(number)) }
                    }
                }
                return .array(values)
            }, literal: literalKind, node: node)
        }
        return Compiled(evaluate: { frame in
            var values: [Value] = []
            values.reserveCapacity(evaluations.count)
            for evaluate in evaluations { values.append(try evaluate(frame)) }
            return .array(values)
        }, literal: literalKind, node: node)
    }

    /// The literal kind an array literal's elements share: integers, floating point (integers mixed in), nested
    /// literal arrays of such, or none.
    static func commonLiteral(_ kinds: [LiteralKind]) -> LiteralKind {
        guard let first = kinds.first else { return .none }
        return kinds.dropFirst().reduce(first) { common, kind in
            switch (common, kind) {
            case (.integer, .integer): return .integer
            case (.integer, .floatingPoint), (.floatingPoint, .integer), (.floatingPoint, .floatingPoint): return .floatingPoint
            case (.array(let a), .array(let b)): return .array(commonLiteral([a, b]))
            default: return .none
            }
        }
    }

    private func compileDictionaryLiteral(_ literal: DictionaryExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let node = Syntax(literal)
        guard case .elements(let elements) = literal.content else { return constant(.dictionary(ValueDictionary()), node: node) }
        var keyType: TypeExpression?, valueType: TypeExpression?
        if case .dictionary(let key, let value)? = expected { (keyType, valueType) = (key, value) }
        let keys = try elements.map { try compileExpression($0.key, expecting: keyType) }
        var values = try elements.map { try compileExpression($0.value, expecting: valueType) }
        if valueType == nil, values.contains(where: { $0.literal == .floatingPoint }) {
            values = values.map { element in
                guard element.literal == .integer else { return element }
                let evaluate = element.evaluate
                return Compiled(evaluate: { frame in
                    if case .int(let number) = try evaluate(frame) { return .double(Double(number)) }
                    return try evaluate(frame)
                }, literal: .floatingPoint, node: element.node)
            }
        }
        let pairs = zip(keys, values).map { ($0.evaluate, $1.evaluate, $0.node) }
        let interpreter = self.interpreter
        return Compiled(evaluate: { frame in
            var dictionary = ValueDictionary()
            for (key, value, keyNode) in pairs {
                let keyValue = try key(frame)
                guard let hashable = interpreter.dictionaryKey(keyValue) else {
                    throw LocatedError(error: .typeMismatch("type '\(keyValue.typeName)' does not conform to protocol 'Hashable'"),
                                       node: keyNode)
                }
                dictionary[hashable] = try value(frame)
            }
            return .dictionary(dictionary)
        }, node: node)
    }

    private func compileTuple(_ tuple: TupleExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let node = Syntax(tuple)
        if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
            return try compileExpression(only.expression, expecting: expected)
        }
        if tuple.elements.isEmpty { return constant(.void, node: node) }
        var elementTypes: [TypeExpression?] = Array(repeating: nil, count: tuple.elements.count)
        if case .tuple(_, let types)? = expected, types.count == tuple.elements.count { elementTypes = types }
        let compiled = try zip(tuple.elements, elementTypes).map { try compileExpression($0.expression, expecting: $1) }
        let elements = compiled.map(\.evaluate)
        let labels = tuple.elements.map { $0.label?.text }
        // A tuple of number literals (`(1, 2.5)`) converts like one: each number to the type the context asks for.
        let common = Compiler.commonLiteral(compiled.map(\.literal))
        let literal: LiteralKind = common == .integer || common == .floatingPoint ? common : .none
        return Compiled(evaluate: { frame in
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for evaluate in elements { values.append(try evaluate(frame)) }
            return .tuple(TupleValue(values, labels: labels))
        }, literal: literal, node: node)
    }

    private func compileKeyPath(_ keyPath: KeyPathExprSyntax) throws -> Compiled {
        var names: [String] = []
        for component in keyPath.components {
            guard keyPath.root == nil, case .property(let property) = component.component else {
                throw LocatedError(error: .unsupported("only key paths of properties like '\\.name' are supported"), node: Syntax(keyPath))
            }
            names.append(property.declName.baseName.text)
        }
        return constant(.function(KeyPathFunctionValue(names: names)), node: Syntax(keyPath))
    }

    // MARK: - Control expressions

    /// `condition ? then : otherwise`.
    func compileTernary(condition: Compiled, then: ExprSyntax, otherwise: ExprSyntax, expecting expected: TypeExpression?,
                        node: Syntax) throws -> Compiled {
        let test = condition.evaluate, conditionNode = condition.node
        let first = try compileExpression(then, expecting: expected), second = try compileExpression(otherwise, expecting: expected)
        if let lane = ScalarLane.conditional(condition, first, second) {
            return Compiled(lane: lane, literal: first.literal == second.literal ? first.literal : .none, node: node)
        }
        let thenValue = first.evaluate, elseValue = second.evaluate
        // `c ? 1 : 2.5` is a Double: an integer literal branch takes the other branch's floating-point type.
        let adaptsThen = first.literal == .integer && second.literal == .floatingPoint
        let adaptsElse = second.literal == .integer && first.literal == .floatingPoint
        return Compiled(evaluate: { frame in
            let flag = try test(frame)
            guard case .bool(let isTrue) = flag else {
                throw LocatedError(error: .cannotConvertArgument(valueType: flag.typeName, expectedType: "Bool"), node: conditionNode)
            }
            let value = isTrue ? try thenValue(frame) : try elseValue(frame)
            if (isTrue ? adaptsThen : adaptsElse), case .int(let number) = value { return .double(Double(number)) }
            return value
        }, literal: first.literal == second.literal ? first.literal : .none, node: node)
    }

    /// `try`, `try?` or `try!` around an expression (by default the one written after it; for `try a + b`, the
    /// whole operator sequence).
    func compileTry(_ tryExpression: TryExprSyntax, expecting expected: TypeExpression?,
                    operand: (() throws -> Compiled)? = nil) throws -> Compiled {
        let node = Syntax(tryExpression)
        if tryExpression.questionOrExclamationMark == nil, !function.handlesErrors {
            throw LocatedError(error: .typeMismatch("errors thrown from here are not handled"), node: node)
        }
        tryDepth += 1
        let inner = try operand?() ?? compileExpression(tryExpression.expression, expecting: expected)
        tryDepth -= 1
        let evaluate = inner.evaluate
        switch tryExpression.questionOrExclamationMark?.tokenKind {
        case .postfixQuestionMark?:
            return Compiled(evaluate: { frame in
                do {
                    let value = try evaluate(frame)
                    if case .optional = value { return value }
                    return .optional(value)
                } catch is ThrownError {
                    return .optional(nil)
                }
            }, node: node)
        case .exclamationMark?:
            return Compiled(evaluate: { frame in
                do {
                    return try evaluate(frame)
                } catch let error as ThrownError {
                    throw LocatedError(error: .runtimeFault("'try!' expression unexpectedly raised an error: \(error.message)"), node: node)
                }
            }, node: node)
        default:
            return Compiled(evaluate: evaluate, literal: inner.literal, node: node)
        }
    }
}
