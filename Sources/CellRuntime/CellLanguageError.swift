/// Everything that stops a cell. Each case knows its Swift-like error type name (``CellFailure/name``) and
/// its message, worded like the Swift compiler's or runtime's.
public enum CellLanguageError: Error, Equatable {
    /// SwiftParser rejected the cell: its diagnostic message.
    case syntax(String)
    /// A name that is neither a variable, a function nor a type: `cannot find 'modle' in scope`.
    case cannotFindInScope(String)
    /// A type name that is not a type: `cannot find type 'Pont' in scope`.
    case cannotFindTypeInScope(String)
    /// `value of type 'Int' has no member 'foo'`.
    case noMember(typeName: String, member: String)
    /// `cannot convert value of type 'String' to expected argument type 'Int'`.
    case cannotConvertArgument(valueType: String, expectedType: String)
    /// `cannot convert value of type 'String' to specified type 'Int'`.
    case cannotConvertToSpecified(valueType: String, specifiedType: String)
    /// `missing argument for parameter 'x' in call`.
    case missingArgument(parameter: String)
    /// `extraneous argument label 'x:' in call`.
    case extraneousLabel(String)
    /// `incorrect argument label in call (have 'y:', expected 'x:')`.
    case incorrectLabel(have: String, expected: String)
    /// `extra argument in call` or `extra argument 'x' in call`.
    case extraArgument(label: String?)
    /// `no exact matches in call to 'name'` when several overloads exist and none fits.
    case noMatchingOverload(String)
    /// `cannot assign to value: 'x' is a 'let' constant`.
    case assignmentToConstant(String)
    /// `cannot use mutating member on immutable value: 'x' is a 'let' constant`.
    case mutatingMemberOnConstant(String)
    /// `invalid redeclaration of 'x'` within one scope of a cell.
    case redeclaration(String)
    /// Any other type error, with its full message (e.g. a binary operator on mismatched types).
    case typeMismatch(String)
    /// A language construct the interpreter does not support yet.
    case unsupported(String)
    /// `Index out of range`.
    case indexOutOfRange
    /// `Unexpectedly found nil while unwrapping an Optional value`.
    case unwrappedNil
    /// `Division by zero` (integer division or remainder).
    case divisionByZero
    /// `arithmetic overflow in 'a * b'` for Int operations that would trap in Swift.
    case arithmeticOverflow(operation: String)
    /// Recursion deeper than the interpreter's call depth limit.
    case callDepthExceeded(limit: Int)
    /// `readLine()` could not get input from the frontend.
    case inputUnavailable(String)
    /// Any other run-time trap, with its message (e.g. `Range requires lowerBound <= upperBound`).
    case runtimeFault(String)
    /// The kernel asked the running cell to stop.
    case interrupted

    /// The Swift-like error type name reported to the frontend as `ename`.
    public var name: String {
        switch self {
        case .syntax: return "SyntaxError"
        case .cannotFindInScope, .cannotFindTypeInScope, .noMember, .cannotConvertArgument, .cannotConvertToSpecified, .missingArgument,
             .extraneousLabel, .incorrectLabel, .extraArgument, .noMatchingOverload, .assignmentToConstant,
             .mutatingMemberOnConstant, .redeclaration, .typeMismatch, .unsupported:
            return "CompilationError"
        case .indexOutOfRange, .unwrappedNil, .divisionByZero, .arithmeticOverflow, .callDepthExceeded,
             .inputUnavailable, .runtimeFault:
            return "RuntimeError"
        case .interrupted: return "CancellationError"
        }
    }

    /// The message, without location.
    public var message: String {
        switch self {
        case .syntax(let message): return message
        case .cannotFindInScope(let name): return "cannot find '\(name)' in scope"
        case .cannotFindTypeInScope(let name): return "cannot find type '\(name)' in scope"
        case .noMember(let typeName, let member): return "value of type '\(typeName)' has no member '\(member)'"
        case .cannotConvertArgument(let valueType, let expectedType):
            return "cannot convert value of type '\(valueType)' to expected argument type '\(expectedType)'"
        case .cannotConvertToSpecified(let valueType, let specifiedType):
            return "cannot convert value of type '\(valueType)' to specified type '\(specifiedType)'"
        case .missingArgument(let parameter): return "missing argument for parameter '\(parameter)' in call"
        case .extraneousLabel(let label): return "extraneous argument label '\(label):' in call"
        case .incorrectLabel(let have, let expected):
            return "incorrect argument label in call (have '\(have)', expected '\(expected)')"
        case .extraArgument(let label):
            return label.map { "extra argument '\($0)' in call" } ?? "extra argument in call"
        case .noMatchingOverload(let name): return "no exact matches in call to '\(name)'"
        case .assignmentToConstant(let name): return "cannot assign to value: '\(name)' is a 'let' constant"
        case .mutatingMemberOnConstant(let name):
            return "cannot use mutating member on immutable value: '\(name)' is a 'let' constant"
        case .redeclaration(let name): return "invalid redeclaration of '\(name)'"
        case .typeMismatch(let message), .unsupported(let message), .runtimeFault(let message),
             .inputUnavailable(let message):
            return message
        case .indexOutOfRange: return "Index out of range"
        case .unwrappedNil: return "Unexpectedly found nil while unwrapping an Optional value"
        case .divisionByZero: return "Division by zero"
        case .arithmeticOverflow(let operation): return "arithmetic overflow in '\(operation)'"
        case .callDepthExceeded(let limit): return "call depth exceeded \(limit) nested calls (infinite recursion?)"
        case .interrupted: return "execution interrupted"
        }
    }
}
