/// The public API of the library modules as the generator reads it from their sources: types with their
/// members, and free functions. Everything here is plain data, in declaration order, so the generated
/// bindings are stable from run to run.
public struct PublicAPI: Sendable {
    /// The modules read, in dependency order (what a generated file imports).
    public var modules: [String]
    /// Every public type, nested types by their qualified name (`MovieLens.Variant`).
    public var types: [DeclaredType]
    /// Public free functions and operators, in source order.
    public var functions: [DeclaredMember]

    /// The type called `name` (qualified), if the library declares it.
    public func type(named name: String) -> DeclaredType? {
        types.first { $0.name == name }
    }
}

/// What kind of type a declaration introduces.
public enum TypeKind: String, Sendable {
    case structure = "struct"
    case classType = "class"
    case enumeration = "enum"
    case protocolType = "protocol"
}

/// A public type: its kind, inheritance, generic parameters, documentation and public members.
public struct DeclaredType: Sendable {
    /// The module that declares it.
    public var module: String
    /// The qualified name inside its module: `Tensor`, `MovieLens.Variant`.
    public var name: String
    /// struct, class, enum or protocol.
    public var kind: TypeKind
    /// `open class` (cells may subclass it).
    public var isOpen: Bool
    /// `final class`.
    public var isFinal: Bool
    /// Generic parameters with their constraints (`Value: ParameterValue`).
    public var genericParameters: [GenericParameter]
    /// Superclass and protocols, as written (resolved to qualified names where the library declares them),
    /// including conformances added by extensions anywhere in the library.
    public var inheritance: [String]
    /// The doc comment.
    public var documentation: Documentation
    /// Public members, including those of extensions, in source order.
    public var members: [DeclaredMember]
    /// For enums: the cases.
    public var cases: [EnumCase]
    /// Where it is declared, `Module/File.swift:line`.
    public var location: String

    /// The name without its enclosing types: `Variant` for `MovieLens.Variant`.
    public var simpleName: String { String(name.split(separator: ".").last ?? Substring(name)) }

    /// The enum's raw type (`String`, `Int`), when it has one.
    public var rawType: String? {
        guard kind == .enumeration else { return nil }
        return inheritance.first { ["String", "Int", "Double", "Float", "Character", "UInt8"].contains($0) }
    }
}

/// A generic parameter and its constraint, `Model: Module`.
public struct GenericParameter: Sendable, Equatable {
    /// The parameter's name.
    public var name: String
    /// The protocol or class it must conform to or inherit from, if any (resolved).
    public var constraint: TypeReference?
}

/// One case of a public enum.
public struct EnumCase: Sendable {
    /// The case name.
    public var name: String
    /// Associated values: label (nil for none) and type.
    public var associatedValues: [DeclaredParameter]
    /// The doc comment.
    public var documentation: Documentation
}

/// The kind of a member.
public enum MemberKind: String, Sendable {
    case initializer
    case method
    case property
    case `subscript`
    /// A free function or a global operator.
    case function
}

/// A public initialiser, method, property, subscript or free function.
public struct DeclaredMember: Sendable {
    /// The module whose source declares it (an extension may live in another module than its type).
    public var module: String
    public var kind: MemberKind
    /// The base name: `fit`, `init`, `subscript`, `+`.
    public var name: String
    /// `static` or `class`.
    public var isStatic: Bool
    /// A `mutating` method or a settable property of a value type.
    public var isMutating: Bool
    public var isThrowing: Bool
    /// `init?`.
    public var isFailable: Bool
    /// An operator function (its name is the operator).
    public var isOperator: Bool
    /// `@discardableResult`.
    public var isDiscardableResult: Bool
    /// For properties and subscripts: whether a cell may assign to it (a public setter).
    public var isSettable: Bool
    /// An `open` or overridable class member (`open func`, `open var`).
    public var isOpen: Bool
    public var parameters: [DeclaredParameter]
    /// The result type (a property's type); nil for Void and initialisers.
    public var returnType: TypeReference?
    public var genericParameters: [GenericParameter]
    public var documentation: Documentation
    /// `Module/File.swift:line`.
    public var location: String

    /// The Swift selector, `fit(_:validation:epochs:)`, `itemCount`, `init(items:hidden:)`.
    public var selector: String {
        switch kind {
        case .property: return name
        default: return name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
        }
    }
}

/// One parameter: its label, name, type, default and attributes.
public struct DeclaredParameter: Sendable {
    /// The argument label; nil for `_` (and for enum associated values without one).
    public var label: String?
    /// The internal name, used by the generated code and in signatures.
    public var name: String
    public var type: TypeReference
    /// The default expression as written, e.g. `.multinomial`, `Adam(learningRate: 1e-3)`.
    public var defaultValue: String?
    public var isInOut: Bool
    public var isVariadic: Bool
}

/// A type as written in a declaration, with the library's nested type names qualified.
public indirect enum TypeReference: Sendable, Equatable, CustomStringConvertible {
    /// A nominal type: `Int`, `Tensor`, `MovieLens.Variant`, `Parameter<Tensor>`.
    case named(String, arguments: [TypeReference])
    case array(TypeReference)
    case dictionary(key: TypeReference, value: TypeReference)
    case optional(TypeReference)
    /// Labels (nil for none) and element types.
    case tuple([TupleElement])
    case function(parameters: [TypeReference], result: TypeReference, isThrowing: Bool, isEscaping: Bool)
    /// `any P` or a protocol composition.
    case existential(TypeReference)
    /// `T.Type`.
    case metatype(TypeReference)

    /// One element of a tuple type.
    public struct TupleElement: Sendable, Equatable {
        public var label: String?
        public var type: TypeReference
    }

    /// `Void` or `()`.
    public static let void = TypeReference.tuple([])

    /// Whether this is `Void`.
    public var isVoid: Bool {
        if case .tuple(let elements) = self { return elements.isEmpty }
        if case .named("Void", let arguments) = self { return arguments.isEmpty }
        return false
    }

    /// The Swift spelling, with qualified names.
    public var description: String {
        switch self {
        case .named(let name, let arguments):
            return arguments.isEmpty ? name : name + "<" + arguments.map(\.description).joined(separator: ", ") + ">"
        case .array(let element): return "[\(element)]"
        case .dictionary(let key, let value): return "[\(key): \(value)]"
        case .optional(let wrapped):
            if case .function = wrapped { return "(\(wrapped))?" }
            if case .existential = wrapped { return "(\(wrapped))?" }
            return "\(wrapped)?"
        case .tuple(let elements):
            return "(" + elements.map { ($0.label.map { $0 + ": " } ?? "") + $0.type.description }.joined(separator: ", ") + ")"
        case .function(let parameters, let result, let isThrowing, let isEscaping):
            return (isEscaping ? "@escaping " : "") + "(" + parameters.map(\.description).joined(separator: ", ") + ")"
                + (isThrowing ? " throws" : "") + " -> " + result.description
        case .existential(let constraint): return "any \(constraint)"
        case .metatype(let instance): return "\(instance).Type"
        }
    }

    /// The spelling without `@escaping`, as a local's type annotation needs it.
    public var withoutEscaping: TypeReference {
        switch self {
        case .function(let parameters, let result, let isThrowing, _):
            return .function(parameters: parameters, result: result, isThrowing: isThrowing, isEscaping: false)
        case .optional(let wrapped): return .optional(wrapped.withoutEscaping)
        default: return self
        }
    }
}

/// A doc comment split the way inspection shows it.
public struct Documentation: Sendable, Equatable {
    /// The first paragraph.
    public var summary: String = ""
    /// The rest, without the parameter and returns sections.
    public var discussion: String = ""
    /// `- Parameter name:` and `- Parameters:` entries, by parameter name.
    public var parameters: [String: String] = [:]
    /// `- Returns:`.
    public var returns: String = ""

    public init(summary: String = "", discussion: String = "", parameters: [String: String] = [:], returns: String = "") {
        self.summary = summary
        self.discussion = discussion
        self.parameters = parameters
        self.returns = returns
    }
}
