import CellRuntime
import SwiftSyntax

/// `Int`, `Double` or `Bool`: the types whose values the compiler can pass unboxed.
enum ScalarKind: Equatable {
    case int, double, bool

    /// The kind of a declared type, nil for every other type.
    init?(_ type: TypeExpression?) {
        switch type {
        case .int?: self = .int
        case .double?: self = .double
        case .bool?: self = .bool
        default: return nil
        }
    }

    var typeName: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        }
    }
}

/// An expression the compiler knows to be an `Int`, `Double` or `Bool`, compiled a second time to give that
/// type unboxed. Arithmetic, comparisons, conditions and calls between such expressions (`fib(n - 1) + fib(n - 2)`
/// in `func fib(_ n: Int) -> Int`) then pass plain numbers instead of ``Value``s. The boxed ``Compiled/evaluate``
/// of the same expression gives the same result, so code that does not know lanes works unchanged.
enum ScalarLane {
    case int(IntCode)
    case double(DoubleCode)
    case bool(BoolCode)

    static func int(_ run: @escaping (Frame) throws -> Int) -> ScalarLane { .int(IntCode(run)) }
    static func double(_ run: @escaping (Frame) throws -> Double) -> ScalarLane { .double(DoubleCode(run)) }
    static func bool(_ run: @escaping (Frame) throws -> Bool) -> ScalarLane { .bool(BoolCode(run)) }

    var kind: ScalarKind {
        switch self {
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        }
    }

    /// The same code giving a boxed value.
    var evaluation: Evaluation {
        switch self {
        case .int(let code): return { [run = code.run] in .int(try run($0)) }
        case .double(let code): return { [run = code.run] in .double(try run($0)) }
        case .bool(let code): return { [run = code.run] in .bool(try run($0)) }
        }
    }

    /// A constant's lane.
    init?(constant value: Value) {
        switch value {
        case .int(let number): self = .int { _ in number }
        case .double(let number): self = .double { _ in number }
        case .bool(let flag): self = .bool { _ in flag }
        default: return nil
        }
    }

    /// Boxed code whose values are statically of `kind`, unboxed; a value of another type (a variable read before
    /// it is set) is an error at `node`.
    init(unboxing evaluate: @escaping Evaluation, as kind: ScalarKind, node: Syntax) {
        func mismatch(_ value: Value) -> LocatedError {
            LocatedError(error: .typeMismatch("expected a value of type '\(kind.typeName)', found '\(value.typeName)'"), node: node)
        }
        switch kind {
        case .int: self = .int { frame in
            let value = try evaluate(frame)
            if case .int(let number) = value { return number }
            throw mismatch(value)
        }
        case .double: self = .double { frame in
            let value = try evaluate(frame)
            if case .double(let number) = value { return number }
            throw mismatch(value)
        }
        case .bool: self = .bool { frame in
            let value = try evaluate(frame)
            if case .bool(let flag) = value { return flag }
            throw mismatch(value)
        }
        }
    }

    /// A variable of a declared scalar type; a frame slot is read without copying a ``Value``.
    init?(reading variable: CompiledVariable, load: @escaping Evaluation, node: Syntax) {
        guard let kind = ScalarKind(variable.type) else { return nil }
        guard case .slot(let index) = variable.storage else {
            self.init(unboxing: load, as: kind, node: node)
            return
        }
        let name = variable.name
        func unset() -> LocatedError {
            LocatedError(error: .typeMismatch("variable '\(name)' used before being initialized"), node: node)
        }
        switch kind {
        case .int: self = .int { frame in
            if case .int(let number) = frame.slots[index] { return number }
            throw unset()
        }
        case .double: self = .double { frame in
            if case .double(let number) = frame.slots[index] { return number }
            throw unset()
        }
        case .bool: self = .bool { frame in
            if case .bool(let flag) = frame.slots[index] { return flag }
            throw unset()
        }
        }
    }

    /// This lane as `kind`: an integer literal (`2` in `x * 2` with `x: Double`) becomes a Double, as Swift types it.
    func adapted(to kind: ScalarKind, literal: LiteralKind) -> ScalarLane? {
        if self.kind == kind { return self }
        if case .int(let code) = self, kind == .double, literal == .integer { return .double { [run = code.run] in Double(try run($0)) } }
        return nil
    }
}

extension Compiled {
    /// An expression compiled into a lane; its boxed evaluation comes from the lane.
    init(lane: ScalarLane, literal: LiteralKind = .none, node: Syntax) {
        self.init(evaluate: lane.evaluation, literal: literal, node: node, lane: lane)
    }
}

/// The scalar kinds of a function's parameters and result, when every one is an `Int`, `Double` or `Bool`: calls
/// between such functions pass their arguments and results unboxed.
struct ScalarSignature: Equatable {
    let parameters: [ScalarKind]
    let result: ScalarKind
}

extension ScalarLane {
    /// `left name right` on two lanes of one kind (an integer literal adapting to a Double), with Swift's traps:
    /// Int overflow and division by zero are errors at `node`. Nil for other operators and kinds.
    static func binary(_ name: String, _ left: Compiled, _ right: Compiled, node: Syntax) -> ScalarLane? {
        guard let leftLane = left.lane, let rightLane = right.lane else { return nil }
        var kind = leftLane.kind
        if leftLane.kind == .int, rightLane.kind == .double, left.literal == .integer { kind = .double }
        guard let first = leftLane.adapted(to: kind, literal: left.literal),
              let second = rightLane.adapted(to: kind, literal: right.literal) else { return nil }
        switch (first, second) {
        case (.int(let a), .int(let b)): return integer(name, a, b, node: node)
        case (.double(let a), .double(let b)): return floatingPoint(name, a, b)
        case (.bool(let first), .bool(let second)):
            let a = first.run, b = second.run
            switch name {
            case "&&": return .bool { try a($0) && b($0) }
            case "||": return .bool { try a($0) || b($0) }
            case "==": return .bool { try a($0) == b($0) }
            case "!=": return .bool { try a($0) != b($0) }
            default: return nil
            }
        default: return nil
        }
    }

    private static func integer(_ name: String, _ a: IntCode, _ b: IntCode, node: Syntax) -> ScalarLane? {
        let a = a.run, b = b.run
        func overflow(_ x: Int, _ y: Int) -> LocatedError {
            LocatedError(error: .arithmeticOverflow(operation: "\(x) \(name) \(y)"), node: node)
        }
        switch name {
        case "+": return .int { frame in
            let x = try a(frame), y = try b(frame)
            let (sum, didOverflow) = x.addingReportingOverflow(y)
            if didOverflow { throw overflow(x, y) }
            return sum
        }
        case "-": return .int { frame in
            let x = try a(frame), y = try b(frame)
            let (difference, didOverflow) = x.subtractingReportingOverflow(y)
            if didOverflow { throw overflow(x, y) }
            return difference
        }
        case "*": return .int { frame in
            let x = try a(frame), y = try b(frame)
            let (product, didOverflow) = x.multipliedReportingOverflow(by: y)
            if didOverflow { throw overflow(x, y) }
            return product
        }
        case "/", "%":
            let isDivision = name == "/"
            return .int { frame in
                let x = try a(frame), y = try b(frame)
                if y == 0 { throw LocatedError(error: .divisionByZero, node: node) }
                let (result, didOverflow) = isDivision ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
                if didOverflow { throw overflow(x, y) }
                return result
            }
        case "<": return .bool { try a($0) < b($0) }
        case "<=": return .bool { try a($0) <= b($0) }
        case ">": return .bool { try a($0) > b($0) }
        case ">=": return .bool { try a($0) >= b($0) }
        case "==": return .bool { try a($0) == b($0) }
        case "!=": return .bool { try a($0) != b($0) }
        default: return nil
        }
    }

    /// The Double operators. The comparisons repeat the Int ones on purpose: a generic version would take its
    /// operands as generic closures, which costs a conversion thunk on every comparison.
    private static func floatingPoint(_ name: String, _ a: DoubleCode, _ b: DoubleCode) -> ScalarLane? {
        let a = a.run, b = b.run
        switch name {
        case "+": return .double { try a($0) + b($0) }
        case "-": return .double { try a($0) - b($0) }
        case "*": return .double { try a($0) * b($0) }
        case "/": return .double { try a($0) / b($0) }
        case "<": return .bool { try a($0) < b($0) }
        case "<=": return .bool { try a($0) <= b($0) }
        case ">": return .bool { try a($0) > b($0) }
        case ">=": return .bool { try a($0) >= b($0) }
        case "==": return .bool { try a($0) == b($0) }
        case "!=": return .bool { try a($0) != b($0) }
        default: return nil
        }
    }

    /// `-x` and `!x`.
    static func prefix(_ name: String, _ operand: ScalarLane, node: Syntax) -> ScalarLane? {
        switch (name, operand) {
        case ("-", .int(let code)):
            let a = code.run
            return .int { frame in
            let x = try a(frame)
            guard x != .min else { throw LocatedError(error: .arithmeticOverflow(operation: "-(\(x))"), node: node) }
            return -x
        }
        case ("-", .double(let code)):
            let a = code.run
            return .double { -(try a($0)) }
        case ("!", .bool(let code)):
            let a = code.run
            return .bool { !(try a($0)) }
        default: return nil
        }
    }

    /// `condition ? then : otherwise` when both branches are lanes of one kind.
    static func conditional(_ condition: Compiled, _ then: Compiled, _ otherwise: Compiled) -> ScalarLane? {
        guard case .bool(let testCode)? = condition.lane, let thenLane = then.lane, let elseLane = otherwise.lane else { return nil }
        var kind = thenLane.kind
        if thenLane.kind == .int, elseLane.kind == .double, then.literal == .integer { kind = .double }
        guard let first = thenLane.adapted(to: kind, literal: then.literal),
              let second = elseLane.adapted(to: kind, literal: otherwise.literal) else { return nil }
        let test = testCode.run
        switch (first, second) {
        case (.int(let a), .int(let b)): return .int { [a = a.run, b = b.run] in try test($0) ? a($0) : b($0) }
        case (.double(let a), .double(let b)): return .double { [a = a.run, b = b.run] in try test($0) ? a($0) : b($0) }
        case (.bool(let a), .bool(let b)): return .bool { [a = a.run, b = b.run] in try test($0) ? a($0) : b($0) }
        default: return nil
        }
    }
}

// Lanes hold their code in classes: a closure stored as an enum's payload is kept at the most general abstraction,
// so taking it out and calling it would go through a conversion thunk (allocated per extraction).

/// Code giving an `Int`.
final class IntCode {
    let run: (Frame) throws -> Int
    init(_ run: @escaping (Frame) throws -> Int) { self.run = run }
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Int { try run(frame) }
}

/// Code giving a `Double`.
final class DoubleCode {
    let run: (Frame) throws -> Double
    init(_ run: @escaping (Frame) throws -> Double) { self.run = run }
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Double { try run(frame) }
}

/// Code giving a `Bool`.
final class BoolCode {
    let run: (Frame) throws -> Bool
    init(_ run: @escaping (Frame) throws -> Bool) { self.run = run }
    @inline(__always) func callAsFunction(_ frame: Frame) throws -> Bool { try run(frame) }
}
