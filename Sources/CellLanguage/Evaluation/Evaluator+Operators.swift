import SwiftSyntax

extension Evaluator {
    /// The folded tree of a sequence, cached per node for loops.
    func folded(_ sequence: SequenceExprSyntax) -> FoldedExpression {
        if let cached = foldedSequences[sequence.id] { return cached }
        let tree = FoldedExpression(sequence)
        foldedSequences[sequence.id] = tree
        return tree
    }

    /// Evaluates a folded operator tree.
    func evaluate(_ tree: FoldedExpression, in scope: Scope) throws -> Value {
        switch tree {
        case .leaf(let expression):
            return try evaluate(expression, in: scope)
        case .ternary(let condition, let then, let otherwise, let node):
            let test = try evaluate(condition, in: scope)
            guard case .bool(let flag) = test else {
                throw LocatedError(error: .cannotConvertArgument(valueType: test.typeName, expectedType: "Bool"), node: node)
            }
            return flag ? try evaluate(then, in: scope) : try evaluate(otherwise, in: scope)
        case .cast(let operand, let name, let type, let node):
            let value = try evaluate(operand, in: scope)
            let annotation = TypeAnnotation(type)
            let converted = annotation.convert(value)
            switch name {
            case "is": return .bool(converted != nil)
            case "as?": return .optional(converted)
            case "as!": return try located(node) { try unwrap(.optional(converted)) }
            default:
                guard let converted else {
                    throw LocatedError(error: .cannotConvertToSpecified(valueType: value.typeName,
                                                                        specifiedType: annotation.description), node: node)
                }
                return converted
            }
        case .binary(let name, let node, let left, let right):
            return try binary(name, node: node, left, right, in: scope)
        }
    }

    private func binary(_ name: String, node: Syntax, _ left: FoldedExpression, _ right: FoldedExpression,
                        in scope: Scope) throws -> Value {
        switch name {
        case "=":
            guard case .leaf(let target) = left else {
                throw LocatedError(error: .typeMismatch("cannot assign to this expression"), node: left.node)
            }
            let targetAnnotation = try assignmentAnnotation(of: target, in: scope)
            let value: Value
            if case .leaf(let expression) = right {
                value = try evaluate(expression, in: scope, expecting: targetAnnotation)
            } else {
                value = try evaluate(right, in: scope)
            }
            try assign(value, to: target, in: scope)
            return .void
        case "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=":
            guard case .leaf(let target) = left else {
                throw LocatedError(error: .typeMismatch("cannot assign to this expression"), node: left.node)
            }
            let operand = try evaluate(right, in: scope)
            let isLiteral = right.isIntegerLiteral
            try modify(target, in: scope) { current in
                current = try self.located(node) {
                    try self.arithmetic(String(name.dropLast()), current, operand, leftIsLiteral: false, rightIsLiteral: isLiteral)
                }
            }
            return .void
        case "&&", "||":
            let first = try evaluate(left, in: scope)
            guard case .bool(let flag) = first else {
                throw LocatedError(error: .cannotConvertArgument(valueType: first.typeName, expectedType: "Bool"), node: left.node)
            }
            if flag == (name == "||") { return .bool(flag) }
            let second = try evaluate(right, in: scope)
            guard case .bool = second else {
                throw LocatedError(error: .cannotConvertArgument(valueType: second.typeName, expectedType: "Bool"), node: right.node)
            }
            return second
        case "??":
            let first = try evaluate(left, in: scope)
            guard case .optional(let wrapped) = first else { return first }
            if let wrapped { return wrapped }
            return try evaluate(right, in: scope)
        default:
            let first = try evaluate(left, in: scope)
            let second = try evaluate(right, in: scope)
            return try located(node) {
                try arithmetic(name, first, second, leftIsLiteral: left.isIntegerLiteral, rightIsLiteral: right.isIntegerLiteral)
            }
        }
    }

    /// A binary operator on two values, with Swift's rules: Int literals adapt to Double, Int overflow and
    /// division by zero trap, mismatched types are rejected.
    func arithmetic(_ name: String, _ left: Value, _ right: Value, leftIsLiteral: Bool, rightIsLiteral: Bool) throws -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)): return try integerOperation(name, a, b)
        case (.double(let a), .double(let b)): return try doubleOperation(name, a, b)
        case (.double(let a), .int(let b)) where rightIsLiteral: return try doubleOperation(name, a, Double(b))
        case (.int(let a), .double(let b)) where leftIsLiteral: return try doubleOperation(name, Double(a), b)
        case (.string(let a), .string(let b)):
            switch name {
            case "+": return .string(a + b)
            case "<": return .bool(a < b)
            case "<=": return .bool(a <= b)
            case ">": return .bool(a > b)
            case ">=": return .bool(a >= b)
            default: break
            }
        case (.array(let a), .array(let b)) where name == "+": return .array(a + b)
        default: break
        }
        if let result = try hostOperation(name, left, right) { return result }
        switch name {
        case "==": return .bool(try valuesEqual(left, right))
        case "!=": return .bool(!(try valuesEqual(left, right)))
        default:
            throw CellLanguageError.typeMismatch(
                "binary operator '\(name)' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
        }
    }

    private func integerOperation(_ name: String, _ a: Int, _ b: Int) throws -> Value {
        let result: (partialValue: Int, overflow: Bool)
        switch name {
        case "+": result = a.addingReportingOverflow(b)
        case "-": result = a.subtractingReportingOverflow(b)
        case "*": result = a.multipliedReportingOverflow(by: b)
        case "/", "%":
            if b == 0 { throw CellLanguageError.divisionByZero }
            result = name == "/" ? a.dividedReportingOverflow(by: b) : a.remainderReportingOverflow(dividingBy: b)
        case "&+": return .int(a &+ b)
        case "&-": return .int(a &- b)
        case "&*": return .int(a &* b)
        case "&": return .int(a & b)
        case "|": return .int(a | b)
        case "^": return .int(a ^ b)
        case "<<": return .int(a << b)
        case ">>": return .int(a >> b)
        case "==": return .bool(a == b)
        case "!=": return .bool(a != b)
        case "<": return .bool(a < b)
        case "<=": return .bool(a <= b)
        case ">": return .bool(a > b)
        case ">=": return .bool(a >= b)
        case "..<", "...":
            let isClosed = name == "..."
            guard isClosed ? a <= b : a <= b else {
                throw CellLanguageError.runtimeFault("Range requires lowerBound <= upperBound")
            }
            return .range(lower: a, upper: b, isClosed: isClosed)
        default:
            throw CellLanguageError.typeMismatch("binary operator '\(name)' cannot be applied to two 'Int' operands")
        }
        if result.overflow { throw CellLanguageError.arithmeticOverflow(operation: "\(a) \(name) \(b)") }
        return .int(result.partialValue)
    }

    private func doubleOperation(_ name: String, _ a: Double, _ b: Double) throws -> Value {
        switch name {
        case "+": return .double(a + b)
        case "-": return .double(a - b)
        case "*": return .double(a * b)
        case "/": return .double(a / b)
        case "==": return .bool(a == b)
        case "!=": return .bool(a != b)
        case "<": return .bool(a < b)
        case "<=": return .bool(a <= b)
        case ">": return .bool(a > b)
        case ">=": return .bool(a >= b)
        case "%":
            throw CellLanguageError.typeMismatch(
                "'%' is unavailable: For floating point numbers use truncatingRemainder instead")
        default:
            throw CellLanguageError.typeMismatch("binary operator '\(name)' cannot be applied to two 'Double' operands")
        }
    }

    /// Swift's `==` for the equatable values.
    func valuesEqual(_ left: Value, _ right: Value) throws -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.optional(nil), .optional(nil)): return true
        case (.optional(nil), _), (_, .optional(nil)): return false
        case (.optional(let a?), .optional(let b?)): return try valuesEqual(a, b)
        case (.optional(let a?), _): return try valuesEqual(a, right)
        case (_, .optional(let b?)): return try valuesEqual(left, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !(try valuesEqual(x, y)) { return false }
            return true
        case (.tuple(let a, _), .tuple(let b, _)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !(try valuesEqual(x, y)) { return false }
            return true
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let other = b[key], try valuesEqual(value, other) else { return false }
            }
            return true
        case (.range(let a, let b, let c), .range(let d, let e, let f)): return a == d && b == e && c == f
        case (.structure(let a), .structure(let b)) where a.declaration === b.declaration:
            for (x, y) in zip(a.properties, b.properties) where !(try valuesEqual(x, y)) { return false }
            return true
        default:
            throw CellLanguageError.typeMismatch(
                "binary operator '==' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
        }
    }

    /// Swift's `<` for the comparable values (Int, Double, String).
    func lessThan(_ left: Value, _ right: Value) throws -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)): return a < b
        case (.int(let a), .double(let b)): return Double(a) < b
        case (.double(let a), .int(let b)): return a < Double(b)
        case (.string(let a), .string(let b)): return a < b
        default:
            throw CellLanguageError.typeMismatch(
                "binary operator '<' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
        }
    }

    /// `-x`, `!x`, `+x`, and prefix ranges.
    func prefixOperation(_ expression: PrefixOperatorExprSyntax, in scope: Scope) throws -> Value {
        let operand = try evaluate(expression.expression, in: scope)
        switch (expression.operator.text, operand) {
        case ("-", .int(let number)):
            guard number != .min else {
                throw LocatedError(error: .arithmeticOverflow(operation: "-(\(number))"), node: Syntax(expression))
            }
            return .int(-number)
        case ("-", .double(let number)): return .double(-number)
        case ("+", .int), ("+", .double): return operand
        case ("!", .bool(let flag)): return .bool(!flag)
        case ("~", .int(let number)): return .int(~number)
        default:
            throw LocatedError(error: .typeMismatch(
                "unary operator '\(expression.operator.text)' cannot be applied to an operand of type '\(operand.typeName)'"),
                               node: Syntax(expression))
        }
    }
}
