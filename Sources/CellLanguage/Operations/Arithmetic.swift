import CellRuntime
import Foundation
import SwiftSyntax

/// Swift's arithmetic and comparison on cell values: Int overflow and division by zero trap, an integer
/// literal adapts to the other operand's floating-point type, mismatched types are rejected.
enum Arithmetic {
    /// The literal kind of `left op right` (literals combined stay literals: `2 * 3` may still be a Double).
    static func resultLiteral(_ name: String, _ left: LiteralKind, _ right: LiteralKind) -> LiteralKind {
        guard ["+", "-", "*", "/"].contains(name) else { return .none }
        switch (left, right) {
        case (.integer, .integer): return .integer
        case (.integer, .floatingPoint), (.floatingPoint, .integer), (.floatingPoint, .floatingPoint): return .floatingPoint
        default: return .none
        }
    }

    /// Specialised code for the common operators on Int and Double, falling back to the general rules.
    static func fastPath(_ name: String, _ left: @escaping Evaluation, _ right: @escaping Evaluation, leftLiteral: LiteralKind,
                         rightLiteral: LiteralKind, interpreter: Interpreter, node: Syntax,
                         markTry: @escaping (Interpreter) -> Void) -> Evaluation? {
        func general(_ a: Value, _ b: Value) throws -> Value {
            markTry(interpreter)
            defer { interpreter.callSiteWithoutTry = nil }
            return try interpreter.located(node) { try interpreter.binary(name, a, b, leftLiteral: leftLiteral, rightLiteral: rightLiteral) }
        }
        func overflow(_ a: Int, _ b: Int) -> LocatedError {
            LocatedError(error: .arithmeticOverflow(operation: "\(a) \(name) \(b)"), node: node)
        }
        switch name {
        case "+":
            return { frame in
                let a = try left(frame), b = try right(frame)
                if case .int(let x) = a, case .int(let y) = b {
                    let (sum, didOverflow) = x.addingReportingOverflow(y)
                    if didOverflow { throw overflow(x, y) }
                    return .int(sum)
                }
                if case .double(let x) = a, case .double(let y) = b { return .double(x + y) }
                return try general(a, b)
            }
        case "-":
            return { frame in
                let a = try left(frame), b = try right(frame)
                if case .int(let x) = a, case .int(let y) = b {
                    let (difference, didOverflow) = x.subtractingReportingOverflow(y)
                    if didOverflow { throw overflow(x, y) }
                    return .int(difference)
                }
                if case .double(let x) = a, case .double(let y) = b { return .double(x - y) }
                return try general(a, b)
            }
        case "*":
            return { frame in
                let a = try left(frame), b = try right(frame)
                if case .int(let x) = a, case .int(let y) = b {
                    let (product, didOverflow) = x.multipliedReportingOverflow(by: y)
                    if didOverflow { throw overflow(x, y) }
                    return .int(product)
                }
                if case .double(let x) = a, case .double(let y) = b { return .double(x * y) }
                return try general(a, b)
            }
        case "<", "<=", ">", ">=", "==", "!=":
            return { frame in
                let a = try left(frame), b = try right(frame)
                if case .int(let x) = a, case .int(let y) = b { return .bool(compare(name, x, y)) }
                if case .double(let x) = a, case .double(let y) = b { return .bool(compare(name, x, y)) }
                return try general(a, b)
            }
        default:
            return nil
        }
    }

    static func compare<T: Comparable>(_ name: String, _ a: T, _ b: T) -> Bool {
        switch name {
        case "<": return a < b
        case "<=": return a <= b
        case ">": return a > b
        case ">=": return a >= b
        case "==": return a == b
        default: return a != b
        }
    }

    /// `x += 1`-style updates of Ints, Doubles and Floats without the general path.
    static func compoundFastPath(_ operation: String, place: Place, operand: @escaping Evaluation, literal: LiteralKind,
                                 interpreter: Interpreter, node: Syntax) -> Evaluation? {
        let modify = place.modify
        // The operator is decided once, here, not compared as a string on every iteration.
        enum Operator { case add, subtract, multiply, other }
        let kind: Operator = operation == "+" ? .add : operation == "-" ? .subtract : operation == "*" ? .multiply : .other
        return { frame in
            let right = try operand(frame)
            try modify(frame) { current in
                switch (kind, current, right) {
                case (.add, .int(let a), .int(let b)):
                    let (sum, didOverflow) = a.addingReportingOverflow(b)
                    if didOverflow { throw LocatedError(error: .arithmeticOverflow(operation: "\(a) + \(b)"), node: node) }
                    current = .int(sum)
                case (.subtract, .int(let a), .int(let b)):
                    let (difference, didOverflow) = a.subtractingReportingOverflow(b)
                    if didOverflow { throw LocatedError(error: .arithmeticOverflow(operation: "\(a) - \(b)"), node: node) }
                    current = .int(difference)
                case (.add, .double(let a), .double(let b)): current = .double(a + b)
                case (.subtract, .double(let a), .double(let b)): current = .double(a - b)
                case (.multiply, .double(let a), .double(let b)): current = .double(a * b)
                case (.add, .float(let a), .float(let b)): current = .float(a + b)
                case (.subtract, .float(let a), .float(let b)): current = .float(a - b)
                case (.multiply, .float(let a), .float(let b)): current = .float(a * b)
                default:
                    try interpreter.located(node) { try interpreter.compoundAssign(operation, &current, right, rightLiteral: literal) }
                }
            }
            return .void
        }
    }
}

extension Interpreter {
    /// Runs `body`, giving errors without a place the node `node`.
    @inline(__always)
    func located<T>(_ node: Syntax, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CellLanguageError {
            throw LocatedError(error: error, node: node)
        }
    }

    /// `left name right`.
    func binary(_ name: String, _ left: Value, _ right: Value, leftLiteral: LiteralKind, rightLiteral: LiteralKind) throws -> Value {
        // An implicit member on one side takes the other side's type (`orientation == .itemBased`).
        if case .implicitMember = right, let typeName = typeName(ofValue: left) {
            return try binary(name, left, try resolveImplicitMember(right, in: typeName), leftLiteral: leftLiteral, rightLiteral: rightLiteral)
        }
        if case .implicitMember = left, let typeName = typeName(ofValue: right) {
            return try binary(name, try resolveImplicitMember(left, in: typeName), right, leftLiteral: leftLiteral, rightLiteral: rightLiteral)
        }
        switch (left, right) {
        case (.int(let a), .int(let b)): return try integerOperation(name, a, b)
        case (.double(let a), .double(let b)): return try floatingOperation(name, a, b)
        case (.float(let a), .float(let b)): return try floatingOperation(name, a, b)
        case (.double(let a), .int(let b)) where rightLiteral == .integer: return try floatingOperation(name, a, Double(b))
        case (.int(let a), .double(let b)) where leftLiteral == .integer: return try floatingOperation(name, Double(a), b)
        case (.float(let a), .int(let b)) where rightLiteral == .integer: return try floatingOperation(name, a, Float(b))
        case (.int(let a), .float(let b)) where leftLiteral == .integer: return try floatingOperation(name, Float(a), b)
        case (.float(let a), .double(let b)) where rightLiteral == .floatingPoint: return try floatingOperation(name, a, Float(b))
        case (.double(let a), .float(let b)) where leftLiteral == .floatingPoint: return try floatingOperation(name, Float(a), b)
        case (.string(let a), .string(let b)):
            switch name {
            case "+": return .string(a + b)
            case "<", "<=", ">", ">=": return .bool(Arithmetic.compare(name, a, b))
            default: break
            }
        case (.array(let a), .array(let b)) where name == "+": return .array(a + b)
        case (.int(let a), .int(let b)) where name == "..<" || name == "...": return try range(a, b, isClosed: name == "...")
        default: break
        }
        if let result = try libraryOperator(name, left, right, leftLiteral: leftLiteral, rightLiteral: rightLiteral) { return result }
        if let result = try cellOperator(name, left, right) { return result }
        switch name {
        case "==": return .bool(try valuesEqual(left, right))
        case "!=": return .bool(!(try valuesEqual(left, right)))
        case "<": return .bool(try lessThan(left, right))
        case ">": return .bool(try lessThan(right, left))
        case "<=": return .bool(!(try lessThan(right, left)))
        case ">=": return .bool(!(try lessThan(left, right)))
        case "===": return .bool(identical(left, right))
        case "!==": return .bool(!identical(left, right))
        case "~=": return .bool(try patternMatches(left, right, literal: leftLiteral))
        default:
            throw CellLanguageError.typeMismatch(
                "binary operator '\(name)' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
        }
    }

    private func range(_ lower: Int, _ upper: Int, isClosed: Bool) throws -> Value {
        guard lower <= upper else { throw CellLanguageError.runtimeFault("Range requires lowerBound <= upperBound") }
        return .range(lower: lower, upper: upper, isClosed: isClosed)
    }

    private func identical(_ left: Value, _ right: Value) -> Bool {
        if case .object(let a) = left, case .object(let b) = right { return a === b }
        return false
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
        case "==", "!=", "<", "<=", ">", ">=": return .bool(Arithmetic.compare(name, a, b))
        case "..<", "...": return try range(a, b, isClosed: name == "...")
        default:
            throw CellLanguageError.typeMismatch("binary operator '\(name)' cannot be applied to two 'Int' operands")
        }
        if result.overflow { throw CellLanguageError.arithmeticOverflow(operation: "\(a) \(name) \(b)") }
        return .int(result.partialValue)
    }

    private func floatingOperation<T: BinaryFloatingPoint>(_ name: String, _ a: T, _ b: T) throws -> Value {
        func wrap(_ value: T) -> Value {
            if let number = value as? Double { return .double(number) }
            return .float(value as! Float)
        }
        switch name {
        case "+": return wrap(a + b)
        case "-": return wrap(a - b)
        case "*": return wrap(a * b)
        case "/": return wrap(a / b)
        case "==", "!=", "<", "<=", ">", ">=": return .bool(Arithmetic.compare(name, a, b))
        case "%":
            throw CellLanguageError.typeMismatch("'%' is unavailable: For floating point numbers use truncatingRemainder instead")
        default:
            throw CellLanguageError.typeMismatch("binary operator '\(name)' cannot be applied to two '\(T.self)' operands")
        }
    }

    /// `current op= right`, in place where Swift would (strings and arrays append without copying).
    func compoundAssign(_ operation: String, _ current: inout Value, _ right: Value, rightLiteral: LiteralKind) throws {
        if operation == "+" {
            switch (current, right) {
            case (.string(var text), .string(let suffix)):
                current = .void
                text += suffix
                current = .string(text)
                return
            case (.array(var elements), .array(let more)):
                current = .void
                elements += more
                current = .array(elements)
                return
            default: break
            }
        }
        let result = try binary(operation, current, right, leftLiteral: .none, rightLiteral: rightLiteral)
        current = result
    }

    /// `-x`, `!x`, `+x`, `~x`.
    func prefix(_ name: String, _ operand: Value) throws -> Value {
        switch (name, operand) {
        case ("-", .int(let number)):
            guard number != .min else { throw CellLanguageError.arithmeticOverflow(operation: "-(\(number))") }
            return .int(-number)
        case ("-", .double(let number)): return .double(-number)
        case ("-", .float(let number)): return .float(-number)
        case ("+", .int), ("+", .double), ("+", .float): return operand
        case ("!", .bool(let flag)): return .bool(!flag)
        case ("~", .int(let number)): return .int(~number)
        default:
            if let result = try libraryPrefixOperator(name, operand) { return result }
            throw CellLanguageError.typeMismatch(
                "unary operator '\(name)' cannot be applied to an operand of type '\(operand.typeName)'")
        }
    }
}
