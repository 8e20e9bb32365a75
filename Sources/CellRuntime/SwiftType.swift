/// A Swift type as a binding declares it: what an argument is converted to and a result converted from,
/// and how signatures print. The generator writes one for every parameter and result of the library.
public indirect enum SwiftType: Sendable, Equatable, CustomStringConvertible {
    case void
    case int
    case double
    case float
    case bool
    case string
    /// An integer type other than `Int` (`UInt64`, `Int32`, `UInt8`), carried as `Int`.
    case integer(String)
    /// A library type, by its qualified name: a class, struct, enum or protocol (`Tensor`, `UnaryLayer`).
    case named(String)
    /// A generic parameter and what it must be (`Model: Module`); nil accepts anything.
    case generic(String, constraint: SwiftType?)
    case array(SwiftType)
    case dictionary(SwiftType, SwiftType)
    case optional(SwiftType)
    /// Element labels (nil for none) and types.
    case tuple([String?], [SwiftType])
    case function([SwiftType], SwiftType, isThrowing: Bool)
    /// `Range<Int>` or `ClosedRange<Int>`.
    case range(isClosed: Bool)
    /// `Any`.
    case any

    public var description: String {
        switch self {
        case .void: return "Void"
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .integer(let name), .named(let name), .generic(let name, _): return name
        case .array(let element): return "[\(element)]"
        case .dictionary(let key, let value): return "[\(key): \(value)]"
        case .optional(let wrapped):
            if case .function = wrapped { return "(\(wrapped))?" }
            return "\(wrapped)?"
        case .tuple(let labels, let types):
            return "(" + zip(labels, types).map { ($0.map { $0 + ": " } ?? "") + $1.description }.joined(separator: ", ") + ")"
        case .function(let parameters, let result, let isThrowing):
            return "(" + parameters.map(\.description).joined(separator: ", ") + ")" + (isThrowing ? " throws" : "")
                + " -> " + result.description
        case .range(let isClosed): return isClosed ? "ClosedRange<Int>" : "Range<Int>"
        case .any: return "Any"
        }
    }

    /// The type an implicit member (`.linear(...)`) is looked up in: the named type, through optionals and
    /// arrays (`[RankingMetric]` looks up `RankingMetric`).
    public var memberLookupType: String? {
        switch self {
        case .named(let name): return name
        case .optional(let wrapped), .array(let wrapped): return wrapped.memberLookupType
        case .generic(_, let constraint?): return constraint.memberLookupType
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .string: return "String"
        case .bool: return "Bool"
        default: return nil
        }
    }

    /// Whether a trailing closure may fill a parameter of this type.
    public var acceptsClosure: Bool {
        switch self {
        case .function, .any, .generic: return true
        case .optional(let wrapped): return wrapped.acceptsClosure
        default: return false
        }
    }
}
