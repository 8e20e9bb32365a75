import CellRuntime
import SwiftSyntax

/// A type written in a cell (`Int`, `[Double]`, `Tensor?`, `Point`, `(Int) -> Int`), compiled once: what
/// declared variables, parameters and results convert their values to.
indirect enum TypeExpression: CustomStringConvertible {
    case int, double, float, bool, string, character, void, any
    /// An integer type other than Int (`UInt64`), whose values are Ints in cells.
    case integer(String)
    case array(TypeExpression)
    case dictionary(TypeExpression, TypeExpression)
    case optional(TypeExpression)
    case tuple([String?], [TypeExpression])
    case function([TypeExpression], TypeExpression, isThrowing: Bool)
    /// `Range<Int>` or `ClosedRange<Int>`.
    case range(isClosed: Bool)
    /// A type of the standard library or the model library, from the binding table.
    case library(TypeBinding)
    /// A type a cell declared, by name: the declaration current when the value is checked.
    case declared(String)
    /// A generic parameter and the protocols or classes it must conform to.
    case generic(String, constraints: [TypeExpression])

    var description: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .character: return "Character"
        case .void: return "Void"
        case .any: return "Any"
        case .integer(let name): return name
        case .array(let element): return "[\(element)]"
        case .dictionary(let key, let value): return "[\(key): \(value)]"
        case .optional(let wrapped):
            if case .function = wrapped { return "(\(wrapped))?" }
            return "\(wrapped)?"
        case .tuple(let labels, let types):
            return "(" + zip(labels, types).map { ($0.map { $0 + ": " } ?? "") + $1.description }.joined(separator: ", ") + ")"
        case .function(let parameters, let result, let isThrowing):
            return "(" + parameters.map(\.description).joined(separator: ", ") + ")" + (isThrowing ? " throws" : "") + " -> \(result)"
        case .range(let isClosed): return isClosed ? "ClosedRange<Int>" : "Range<Int>"
        case .library(let binding): return binding.name
        case .declared(let name), .generic(let name, _): return name
        }
    }

    /// The name implicit members (`.linear(...)`) are looked up in, through optionals and arrays.
    var memberLookupName: String? {
        switch self {
        case .library(let binding): return binding.name
        case .declared(let name): return name
        case .optional(let wrapped), .array(let wrapped): return wrapped.memberLookupName
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .string: return "String"
        case .bool: return "Bool"
        default: return nil
        }
    }

    /// The binding type of a standard type expression (for element conversions of standard members).
    var swiftType: SwiftType {
        switch self {
        case .int: return .int
        case .double: return .double
        case .float: return .float
        case .bool: return .bool
        case .string: return .string
        case .integer(let name): return .integer(name)
        case .array(let element): return .array(element.swiftType)
        case .optional(let wrapped): return .optional(wrapped.swiftType)
        case .library(let binding): return .named(binding.name)
        default: return .any
        }
    }

    /// The element type, for arrays.
    var elementType: TypeExpression? {
        if case .array(let element) = self { return element }
        return nil
    }

    /// Whether the type is an optional.
    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }
}

/// What a type name in a cell refers to, for compiling type annotations.
protocol TypeResolver {
    /// The generic parameters in scope, with their constraints' names.
    var genericParameters: [String: [String]] { get }
    /// Whether a cell declared (or this cell is declaring) a type called `name`.
    func isDeclaredType(_ name: String) -> Bool
    /// The library or standard type called `name`.
    func libraryType(_ name: String) -> TypeBinding?
}

extension TypeExpression {
    /// Compiles a type annotation; throws for a name that is not a type.
    init(_ syntax: TypeSyntax, resolver: TypeResolver) throws {
        if let identifier = syntax.as(IdentifierTypeSyntax.self) {
            let arguments = try identifier.genericArgumentClause?.arguments.map { argument -> TypeExpression in
                guard case .type(let type) = argument.argument else {
                    throw LocatedError(error: .unsupported("value generic arguments are not supported"), node: Syntax(argument))
                }
                return try TypeExpression(type, resolver: resolver)
            } ?? []
            self = try TypeExpression.named(identifier.name.text, arguments: arguments, resolver: resolver, node: Syntax(identifier))
        } else if let member = syntax.as(MemberTypeSyntax.self) {
            let name = member.trimmedDescription.replacingOccurrences(of: " ", with: "")
            let stripped = ["Swift.", "Foundation."].reduce(name) { $0.hasPrefix($1) ? String($0.dropFirst($1.count)) : $0 }
            self = try TypeExpression.named(stripped, arguments: [], resolver: resolver, node: Syntax(member))
        } else if let array = syntax.as(ArrayTypeSyntax.self) {
            self = .array(try TypeExpression(array.element, resolver: resolver))
        } else if let dictionary = syntax.as(DictionaryTypeSyntax.self) {
            self = .dictionary(try TypeExpression(dictionary.key, resolver: resolver), try TypeExpression(dictionary.value, resolver: resolver))
        } else if let optional = syntax.as(OptionalTypeSyntax.self) {
            self = .optional(try TypeExpression(optional.wrappedType, resolver: resolver))
        } else if let optional = syntax.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            self = .optional(try TypeExpression(optional.wrappedType, resolver: resolver))
        } else if let tuple = syntax.as(TupleTypeSyntax.self) {
            let types = try tuple.elements.map { try TypeExpression($0.type, resolver: resolver) }
            if types.count == 1, tuple.elements.first?.firstName == nil {
                self = types[0]
            } else if types.isEmpty {
                self = .void
            } else {
                self = .tuple(tuple.elements.map { $0.firstName?.text }, types)
            }
        } else if let function = syntax.as(FunctionTypeSyntax.self) {
            self = .function(try function.parameters.map { try TypeExpression($0.type, resolver: resolver) },
                             try TypeExpression(function.returnClause.type, resolver: resolver),
                             isThrowing: function.effectSpecifiers?.throwsClause != nil)
        } else if let attributed = syntax.as(AttributedTypeSyntax.self) {
            self = try TypeExpression(attributed.baseType, resolver: resolver)
        } else if let someOrAny = syntax.as(SomeOrAnyTypeSyntax.self) {
            self = try TypeExpression(someOrAny.constraint, resolver: resolver)
        } else if syntax.is(CompositionTypeSyntax.self) {
            self = .any
        } else {
            throw LocatedError(error: .unsupported("the type '\(syntax.trimmedDescription)' is not supported in cells"), node: Syntax(syntax))
        }
    }

    private static func named(_ name: String, arguments: [TypeExpression], resolver: TypeResolver, node: Syntax) throws -> TypeExpression {
        switch (name, arguments.count) {
        case ("Int", 0): return .int
        case ("Double", 0), ("Float64", 0): return .double
        case ("Float", 0), ("Float32", 0): return .float
        case ("Bool", 0): return .bool
        case ("String", 0), ("Substring", 0): return .string
        case ("Character", 0): return .character
        case ("Void", 0): return .void
        case ("Any", 0), ("AnyObject", 0), ("AnyHashable", 0): return .any
        case ("Array", 1): return .array(arguments[0])
        case ("ArraySlice", 1): return .array(arguments[0])
        case ("Optional", 1): return .optional(arguments[0])
        case ("Dictionary", 2): return .dictionary(arguments[0], arguments[1])
        case ("Range", 1): return .range(isClosed: false)
        case ("ClosedRange", 1): return .range(isClosed: true)
        case ("UInt64", 0), ("UInt", 0), ("Int64", 0), ("UInt32", 0), ("Int32", 0), ("UInt16", 0), ("Int16", 0), ("UInt8", 0), ("Int8", 0):
            return .integer(name)
        default: break
        }
        if let constraints = resolver.genericParameters[name] {
            return .generic(name, constraints: try constraints.map {
                try TypeExpression.named($0, arguments: [], resolver: resolver, node: node)
            })
        }
        if resolver.isDeclaredType(name) { return .declared(name) }
        if let binding = resolver.libraryType(name) { return .library(binding) }
        if StandardProtocols.names.contains(name) { return .generic(name, constraints: []) }
        throw LocatedError(error: .cannotFindTypeInScope(name), node: node)
    }
}

/// The standard library protocols cells may name as constraints or types; values are checked against them by
/// what the interpreter knows of each value's type.
enum StandardProtocols {
    static let names: Set<String> = [
        "Equatable", "Hashable", "Comparable", "Numeric", "AdditiveArithmetic", "BinaryInteger", "FixedWidthInteger",
        "SignedInteger", "SignedNumeric", "FloatingPoint", "BinaryFloatingPoint", "CustomStringConvertible",
        "CustomDebugStringConvertible", "Sequence", "Collection", "Error", "Sendable", "Codable", "Identifiable",
        "StringProtocol", "CaseIterable", "RawRepresentable", "ExpressibleByIntegerLiteral",
    ]
}
