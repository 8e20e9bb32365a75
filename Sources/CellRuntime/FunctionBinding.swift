/// One parameter of a bound function: its label, name, type, default and documentation.
public struct ParameterBinding: Sendable {
    /// The argument label; nil for `_`.
    public let label: String?
    public let name: String
    public let type: SwiftType
    /// The default as the declaration writes it (`.multinomial`, `Adam(learningRate: 1e-3)`); the generated
    /// call evaluates it in Swift when the argument is left out. Nil makes the argument required.
    public let defaultText: String?
    public let isVariadic: Bool
    /// Passed as `&name`; the callee's changes are written back.
    public let isInOut: Bool
    /// The `- Parameter` documentation.
    public let documentation: String

    public init(_ label: String?, _ name: String, _ type: SwiftType, default defaultText: String? = nil,
                isVariadic: Bool = false, isInOut: Bool = false, documentation: String = "") {
        self.label = label
        self.name = name
        self.type = type
        self.defaultText = defaultText
        self.isVariadic = isVariadic
        self.isInOut = isInOut
        self.documentation = documentation
    }

    /// Whether the argument may be left out.
    public var hasDefault: Bool { defaultText != nil }

    /// The parameter as Swift declares it: `_ items: Int`, `hidden: Int = 600`, `generator: inout RandomGenerator`.
    public var declaration: String {
        var text = label == name ? name : (label ?? "_") + " " + name
        text += ": " + (isInOut ? "inout " : "") + type.description + (isVariadic ? "..." : "")
        if let defaultText { text += " = " + defaultText }
        return text
    }
}

/// Documentation of a binding, from the declaration's doc comment.
public struct BindingDocumentation: Sendable {
    /// The first paragraph.
    public let summary: String
    /// The rest.
    public let discussion: String
    /// `- Returns:`.
    public let returns: String

    public init(_ summary: String, discussion: String = "", returns: String = "") {
        self.summary = summary
        self.discussion = discussion
        self.returns = returns
    }
}

/// One function, method, initialiser, property, subscript or enum case that cells can use: declared once, it
/// feeds the evaluator, completion and inspection. A class: the interpreter passes bindings around on every
/// call, and a reference is one retain where a copy of this many fields was a dozen.
public final class FunctionBinding {
    /// What the binding is.
    public enum Kind: Sendable {
        case initializer, method, property, `subscript`, function, staticMethod, staticProperty
        /// An enum case with associated values, called like a static method (`.focal(alpha:gamma:)`).
        case enumCase
    }

    public let name: String
    public let kind: Kind
    public let parameters: [ParameterBinding]
    /// The result type (a property's type; the type itself for initialisers).
    public let returnType: SwiftType
    public let isThrowing: Bool
    /// `init?`: the result is optional.
    public let isFailable: Bool
    /// A mutating method or a setter of a value type: the receiver is written back.
    public let isMutating: Bool
    public let documentation: BindingDocumentation
    /// Calls the library: the receiver and matched arguments are in the call.
    public let implementation: @Sendable (inout BindingCall) throws -> Value
    /// For a settable property or subscript: assigns the call's last argument.
    public let setter: (@Sendable (inout BindingCall) throws -> Void)?

    public init(_ name: String, _ kind: Kind, parameters: [ParameterBinding] = [], returns returnType: SwiftType = .void,
                throws isThrowing: Bool = false, failable isFailable: Bool = false, mutating isMutating: Bool = false,
                documentation: BindingDocumentation = BindingDocumentation(""),
                setter: (@Sendable (inout BindingCall) throws -> Void)? = nil,
                implementation: @escaping @Sendable (inout BindingCall) throws -> Value) {
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.returnType = returnType
        self.isThrowing = isThrowing
        self.isFailable = isFailable
        self.isMutating = isMutating
        self.documentation = documentation
        self.setter = setter
        self.implementation = implementation
    }

    /// Whether assigning to the property or subscript is allowed.
    public var isSettable: Bool { setter != nil }

    /// The declaration as Swift writes it, e.g. `func fit(_ data: UserItemMatrix, epochs: Int = 50) throws -> TrainingHistory`.
    public var signature: String {
        let parameterList = "(" + parameters.map(\.declaration).joined(separator: ", ") + ")"
        let effects = isThrowing ? " throws" : ""
        let result = returnType == .void ? "" : " -> " + returnType.description
        switch kind {
        case .function, .method: return (isMutating ? "mutating " : "") + "func \(name)\(parameterList)\(effects)\(result)"
        case .staticMethod: return "static func \(name)\(parameterList)\(effects)\(result)"
        case .initializer: return "init\(isFailable ? "?" : "")\(parameterList)\(effects)"
        case .property: return "var \(name): \(returnType) { get\(isSettable ? " set" : "") }"
        case .staticProperty: return "static var \(name): \(returnType) { get }"
        case .subscript: return "subscript\(parameterList) -> \(returnType) { get\(isSettable ? " set" : "") }"
        case .enumCase: return "case \(name)" + (parameters.isEmpty ? "" : parameterList)
        }
    }

    /// The function type, e.g. `(Int, Int) -> Int`.
    public var functionType: String {
        "(" + parameters.map(\.type.description).joined(separator: ", ") + ")" + (isThrowing ? " throws" : "")
            + " -> " + returnType.description
    }

    /// The labels as a call writes them, e.g. `fit(_:validation:)`.
    public var selector: String {
        switch kind {
        case .property, .staticProperty: return name
        default: return name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
        }
    }
}
