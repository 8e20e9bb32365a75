import CellRuntime
import SwiftSyntax

extension Compiler {
    /// Compiles a folded operator tree.
    func compileFolded(_ tree: FoldedExpression, expecting expected: TypeExpression? = nil) throws -> Compiled {
        switch tree {
        case .leaf(let expression):
            return try compileExpression(expression, expecting: expected)
        case .ternary(let condition, let then, let otherwise, let node):
            let test = try compileFolded(condition)
            guard case .leaf(let elseExpression) = otherwise else {
                return try compileTernaryTree(test, then: then, otherwise: otherwise, expecting: expected, node: node)
            }
            return try compileTernary(condition: test, then: then, otherwise: elseExpression, expecting: expected, node: node)
        case .cast(let operand, let name, let type, let node):
            return try compileCast(try compileFolded(operand), name: name, type: type, node: node)
        case .binary(let name, let node, let left, let right):
            return try compileBinary(name, node: node, left, right, expecting: expected)
        }
    }

    private func compileTernaryTree(_ test: Compiled, then: ExprSyntax, otherwise: FoldedExpression, expecting expected: TypeExpression?,
                                    node: Syntax) throws -> Compiled {
        let condition = test.evaluate
        let thenCompiled = try compileExpression(then, expecting: expected), elseCompiled = try compileFolded(otherwise, expecting: expected)
        if let lane = ScalarLane.conditional(test, thenCompiled, elseCompiled) { return Compiled(lane: lane, node: node) }
        let thenValue = thenCompiled.evaluate, elseValue = elseCompiled.evaluate
        return Compiled(evaluate: { frame in
            let flag = try condition(frame)
            guard case .bool(let isTrue) = flag else {
                throw LocatedError(error: .cannotConvertArgument(valueType: flag.typeName, expectedType: "Bool"), node: node)
            }
            return isTrue ? try thenValue(frame) : try elseValue(frame)
        }, node: node)
    }

    private func compileBinary(_ name: String, node: Syntax, _ left: FoldedExpression, _ right: FoldedExpression,
                               expecting expected: TypeExpression?) throws -> Compiled {
        let interpreter = self.interpreter
        switch name {
        case "=":
            return try compileAssignment(target: left, value: right, node: node)
        case "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "&+=", "&-=", "&*=":
            return try compileCompoundAssignment(String(name.dropLast()), target: left, value: right, node: node)
        case "&&", "||":
            let firstCompiled = try compileFolded(left), secondCompiled = try compileFolded(right)
            if let lane = ScalarLane.binary(name, firstCompiled, secondCompiled, node: node) { return Compiled(lane: lane, node: node) }
            let first = firstCompiled.evaluate, second = secondCompiled.evaluate
            let leftNode = left.node, rightNode = right.node
            let isOr = name == "||"
            return Compiled(evaluate: { frame in
                guard case .bool(let flag) = try first(frame) else {
                    throw LocatedError(error: .cannotConvertArgument(valueType: try first(frame).typeName, expectedType: "Bool"), node: leftNode)
                }
                if flag == isOr { return .bool(flag) }
                let next = try second(frame)
                guard case .bool = next else {
                    throw LocatedError(error: .cannotConvertArgument(valueType: next.typeName, expectedType: "Bool"), node: rightNode)
                }
                return next
            }, node: node)
        case "??":
            let first = try compileFolded(left).evaluate
            let second = try compileFolded(right, expecting: expected)
            let fallback = second.evaluate
            return Compiled(evaluate: { frame in
                let value = try first(frame)
                guard case .optional(let wrapped) = value else { return value }
                if let wrapped { return wrapped }
                let other = try fallback(frame)
                return other
            }, node: node)
        default:
            // An implicit member on either side (`mode == .itemBased`) takes the other side's type.
            let first = try compileFolded(left), second = try compileFolded(right)
            let leftValue = first.evaluate, rightValue = second.evaluate
            let leftLiteral = first.literal, rightLiteral = second.literal
            if let lane = ScalarLane.binary(name, first, second, node: node) {
                return Compiled(lane: lane, literal: Arithmetic.resultLiteral(name, leftLiteral, rightLiteral), node: node)
            }
            if let fast = Arithmetic.fastPath(name, leftValue, rightValue, leftLiteral: leftLiteral, rightLiteral: rightLiteral,
                                              interpreter: interpreter, node: node, markTry: tryMarker(node)) {
                return Compiled(evaluate: fast, literal: Arithmetic.resultLiteral(name, leftLiteral, rightLiteral), node: node)
            }
            let markTry = tryMarker(node)
            return Compiled(evaluate: { frame in
                let a = try leftValue(frame), b = try rightValue(frame)
                markTry(interpreter)
                defer { interpreter.callSiteWithoutTry = nil }
                return try interpreter.located(node) {
                    try interpreter.binary(name, a, b, leftLiteral: leftLiteral, rightLiteral: rightLiteral)
                }
            }, literal: Arithmetic.resultLiteral(name, leftLiteral, rightLiteral), node: node)
        }
    }

    private func compileCast(_ operand: Compiled, name: String, type syntax: TypeSyntax, node: Syntax) throws -> Compiled {
        let type = try TypeExpression(syntax, resolver: self)
        let evaluate = operand.evaluate, literal = operand.literal
        let interpreter = self.interpreter
        switch name {
        case "is":
            return Compiled(evaluate: { frame in
                .bool(try interpreter.isInstance(try evaluate(frame), of: type))
            }, node: node)
        case "as?":
            return Compiled(evaluate: { frame in
                let value = try evaluate(frame)
                guard try interpreter.isInstance(value, of: type) else { return .optional(nil) }
                return .optional(try interpreter.coerce(value, to: type, literal: literal) ?? value)
            }, node: node)
        case "as!":
            return Compiled(evaluate: { frame in
                let value = try evaluate(frame)
                guard try interpreter.isInstance(value, of: type), let converted = try interpreter.coerce(value, to: type, literal: literal) else {
                    throw LocatedError(error: .runtimeFault("Could not cast value of type '\(value.typeName)' to '\(type)'"), node: node)
                }
                return converted
            }, node: node)
        default:
            return Compiled(evaluate: { frame in
                let value = try evaluate(frame)
                guard let converted = try interpreter.coerce(value, to: type, literal: literal) else {
                    throw LocatedError(error: .cannotConvertToSpecified(valueType: value.typeName, specifiedType: type.description), node: node)
                }
                return converted
            }, literal: literal, node: node)
        }
    }

    // MARK: - Prefix and postfix operators

    func compilePrefix(_ expression: PrefixOperatorExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let name = expression.operator.text
        let node = Syntax(expression)
        let operand = try compileExpression(expression.expression, expecting: expected)
        let evaluate = operand.evaluate
        let interpreter = self.interpreter
        if name == "-", operand.literal == .integer || operand.literal == .floatingPoint {
            // A negative literal stays a literal (`-1` may become a Double).
            let value = try interpreter.located(node) { try interpreter.prefix("-", try evaluate(Frame.make(slotCount: 0, boxCount: 0, captures: []))) }
            return constant(value, literal: operand.literal, node: node)
        }
        if name == "..<" || name == "..." {
            return Compiled(evaluate: { frame in
                let bound = try evaluate(frame)
                guard case .int(let upper) = bound else {
                    throw LocatedError(error: .cannotConvertArgument(valueType: bound.typeName, expectedType: "Int"), node: node)
                }
                // A partial range `..<upper`: a range with reversed bounds, which subscripts read as from the start.
                return .range(lower: Int.max, upper: upper, isClosed: name == "...")
            }, node: node)
        }
        if let lane = operand.lane.flatMap({ ScalarLane.prefix(name, $0, node: node) }) { return Compiled(lane: lane, node: node) }
        let markTry = tryMarker(node)
        return Compiled(evaluate: { frame in
            let value = try evaluate(frame)
            markTry(interpreter)
            defer { interpreter.callSiteWithoutTry = nil }
            return try interpreter.located(node) { try interpreter.prefix(name, value) }
        }, node: node)
    }

    func compilePostfixOperator(_ expression: PostfixOperatorExprSyntax) throws -> Compiled {
        let node = Syntax(expression)
        guard expression.operator.text == "..." else {
            throw LocatedError(error: .unsupported("the postfix operator '\(expression.operator.text)' is not supported"), node: node)
        }
        let operand = try compileExpression(expression.expression).evaluate
        return Compiled(evaluate: { frame in
            let bound = try operand(frame)
            guard case .int(let lower) = bound else {
                throw LocatedError(error: .cannotConvertArgument(valueType: bound.typeName, expectedType: "Int"), node: node)
            }
            // A partial range `lower...`: a range with reversed bounds, which subscripts read as to the end.
            return .range(lower: lower, upper: Int.min, isClosed: true)
        }, node: node)
    }
}
