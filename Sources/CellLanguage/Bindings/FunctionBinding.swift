/// The type a binding parameter accepts, used to check and convert arguments and to print signatures.
indirect enum ParameterType {
    case any(String)
    case int
    case double
    case string
    case bool
    /// Anything `for-in` can walk (arrays, ranges, strings, dictionaries).
    case sequence(String)
    /// A closure or function, with its Swift type for signatures, e.g. "(Element) throws -> Bool".
    case function(String)
    /// An array whose elements convert to `element` (`[Double]` accepts `[1, 2]`).
    case array(ParameterType)
    /// An optional: `nil` or a value converting to the wrapped type.
    case optional(ParameterType)

    /// The Swift spelling used in signatures and diagnostics.
    var displayName: String {
        switch self {
        case .any(let name), .sequence(let name), .function(let name): return name
        case .int: return "Int"
        case .double: return "Double"
        case .string: return "String"
        case .bool: return "Bool"
        case .array(let element): return "[\(element.displayName)]"
        case .optional(let wrapped): return "\(wrapped.displayName)?"
        }
    }

    /// `value` converted to this type (an Int to a Double parameter), or nil when it does not fit.
    func convert(_ value: Value) -> Value? {
        switch (self, value) {
        case (.any, _): return value
        case (.int, .int), (.double, .double), (.string, .string), (.bool, .bool): return value
        case (.double, .int(let number)): return .double(Double(number))
        case (.sequence, _): return value.isSequence ? value : nil
        case (.function, .function): return value
        case (.array(let element), _):
            guard case .array(let elements) = value else { return nil }
            var converted: [Value] = []
            converted.reserveCapacity(elements.count)
            for item in elements {
                guard let fitted = element.convert(item) else { return nil }
                converted.append(fitted)
            }
            return .array(converted)
        case (.optional, .optional(nil)): return value
        case (.optional(let wrapped), .optional(let inner?)): return wrapped.convert(inner).map { .optional($0) }
        case (.optional(let wrapped), _): return wrapped.convert(value).map { .optional($0) }
        default: return nil
        }
    }
}

/// One parameter of a bound function: label, name, type, default and doc.
struct ParameterBinding {
    /// The argument label; nil for `_`.
    let label: String?
    let name: String
    let type: ParameterType
    /// The value used when the argument is left out; nil makes the argument required.
    let defaultValue: Value?
    let isVariadic: Bool
    /// Passed as `&name` (only `print(..., to:)` uses it).
    let isInOut: Bool
    let documentation: String

    /// A parameter whose name differs from its label (`_ items`, `to output`).
    init(_ label: String?, _ name: String, _ type: ParameterType, defaultValue: Value? = nil,
         isVariadic: Bool = false, isInOut: Bool = false, documentation: String = "") {
        self.label = label
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.isVariadic = isVariadic
        self.isInOut = isInOut
        self.documentation = documentation
    }

    /// A parameter whose name is its label (`separator`).
    init(_ label: String, _ type: ParameterType, defaultValue: Value? = nil, documentation: String = "") {
        self.init(label, label, type, defaultValue: defaultValue, documentation: documentation)
    }

    /// The parameter as Swift declares it: `_ items: Any...`, `separator: String = " "`.
    var declaration: String {
        var text = label == name ? name : (label ?? "_") + " " + name
        text += ": " + (isInOut ? "inout " : "") + type.displayName + (isVariadic ? "..." : "")
        if let defaultValue { text += " = " + defaultValue.debugDescription }
        return text
    }
}

/// What an implementation receives: the receiver (for methods), the arguments in parameter order (variadic
/// ones gathered into an array) and the evaluator, to call closures and reach the cell's output.
struct BindingInvocation {
    /// `self` for methods and properties; `.void` for free functions and initialisers.
    var receiver: Value
    let arguments: [Value]
    let evaluator: Evaluator
    /// Per argument, whether it was written as an integer literal (which Swift would type as Double where a
    /// Double is expected, as in `reduce(0, +)` over doubles).
    var isIntegerLiteral: [Bool] = []

    /// The argument at `index`, an integer literal turned into a Double when `other` is a Double.
    func argument(_ index: Int, adaptingTo other: Value?) -> Value {
        if index < isIntegerLiteral.count, isIntegerLiteral[index], case .int(let number) = arguments[index],
           case .double? = other {
            return .double(Double(number))
        }
        return arguments[index]
    }

    /// Calls a closure argument with `arguments`.
    func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try evaluator.callValue(function, arguments: arguments.map { Argument(label: nil, value: $0) }, node: nil)
    }
}

/// One exposed function, method, initialiser or property: declared once, it feeds the evaluator, completion
/// and inspection.
struct FunctionBinding {
    /// Where the binding lives.
    enum Kind {
        case function, method, initializer, property, staticProperty, staticMethod
    }

    let name: String
    let kind: Kind
    let parameters: [ParameterBinding]
    let returnType: String
    /// The first paragraph of the doc comment.
    let summary: String
    /// More documentation shown at detail level 1.
    let discussion: String
    /// Whether the method changes its receiver (`append`), which then must be a `var`.
    let isMutating: Bool
    let implementation: (inout BindingInvocation) throws -> Value

    init(_ name: String, kind: Kind, parameters: [ParameterBinding] = [], returns returnType: String,
         summary: String, discussion: String = "", isMutating: Bool = false,
         implementation: @escaping (inout BindingInvocation) throws -> Value) {
        self.name = name
        self.kind = kind
        self.parameters = parameters
        self.returnType = returnType
        self.summary = summary
        self.discussion = discussion
        self.isMutating = isMutating
        self.implementation = implementation
    }

    /// The declaration as Swift writes it, e.g. `func joined(separator: String = "") -> String`.
    var signature: String {
        let parameterList = "(" + parameters.map(\.declaration).joined(separator: ", ") + ")"
        let result = returnType == "Void" ? "" : " -> " + returnType
        switch kind {
        case .function, .method: return (isMutating ? "mutating " : "") + "func \(name)\(parameterList)\(result)"
        case .staticMethod: return "static func \(name)\(parameterList)\(result)"
        case .initializer: return "init\(parameterList)"
        case .property: return "var \(name): \(returnType) { get }"
        case .staticProperty: return "static var \(name): \(returnType) { get }"
        }
    }

    /// The function type, e.g. `(Int, Int) -> Int`.
    var functionType: String {
        "(" + parameters.map(\.type.displayName).joined(separator: ", ") + ") -> " + returnType
    }

    /// The labels as a call writes them, e.g. `joined(separator:)`.
    var selector: String {
        name + "(" + parameters.map { ($0.label ?? "_") + ":" }.joined() + ")"
    }
}
