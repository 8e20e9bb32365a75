/// How the generator writes a declared type in generated code: as a runtime ``SwiftType`` descriptor (what
/// arguments are converted to) and as a Swift spelling (the type of a local), with generic parameters
/// replaced by their constraints.
struct TypeEmission {
    let api: PublicAPI
    /// The generic parameters in scope (of the member and its type).
    let generics: [GenericParameter]

    /// Integer types other than Int, carried as Int in cells.
    static let integerTypes: Set<String> = ["UInt64", "UInt", "Int64", "UInt32", "Int32", "UInt16", "Int16", "UInt8", "Int8"]

    /// Standard or Foundation types cells hold as library-style values.
    static let foreignNamedTypes: Set<String> = ["URL", "Character"]

    private func generic(_ name: String) -> GenericParameter? {
        generics.first { $0.name == name }
    }

    /// Whether `name` is a protocol the library declares.
    func isProtocol(_ name: String) -> Bool {
        api.type(named: name)?.kind == .protocolType
    }

    /// The descriptor expression, e.g. `.array(.float)`, `.named("Tensor")`; throws for what cells cannot pass.
    func descriptor(_ type: TypeReference) throws -> String {
        switch type {
        case .named(let name, let arguments):
            if let parameter = generic(name) {
                let constraint = (try? parameter.constraint.map { try descriptor($0) }).flatMap { $0 } ?? "nil"
                return ".generic(\(literal(name)), constraint: \(constraint))"
            }
            switch (name, arguments.count) {
            case ("Int", 0): return ".int"
            case ("Double", 0): return ".double"
            case ("Float", 0): return ".float"
            case ("Bool", 0): return ".bool"
            case ("String", 0): return ".string"
            case ("Any", 0): return ".any"
            case ("Range", 1) where arguments[0] == .named("Int", arguments: []): return ".range(isClosed: false)"
            case ("ClosedRange", 1) where arguments[0] == .named("Int", arguments: []): return ".range(isClosed: true)"
            case ("ClosedRange", 1) where arguments[0] == .named("Float", arguments: []): return ".named(\"ClosedRange<Float>\")"
            case ("ClosedRange", 1) where arguments[0] == .named("Double", arguments: []): return ".named(\"ClosedRange<Double>\")"
            case (let integer, 0) where TypeEmission.integerTypes.contains(integer): return ".integer(\(literal(integer)))"
            case (let foreign, 0) where TypeEmission.foreignNamedTypes.contains(foreign): return ".named(\(literal(foreign)))"
            default:
                guard arguments.isEmpty, let declared = api.type(named: name), declared.genericParameters.isEmpty else {
                    throw Unsupported("the type '\(type)' is not one cells can hold")
                }
                return ".named(\(literal(name)))"
            }
        case .array(let element): return ".array(\(try descriptor(element)))"
        case .dictionary(let key, let value): return ".dictionary(\(try descriptor(key)), \(try descriptor(value)))"
        case .optional(let wrapped): return ".optional(\(try descriptor(wrapped)))"
        case .tuple(let elements):
            if elements.isEmpty { return ".void" }
            return ".tuple([" + elements.map { $0.label.map(literal) ?? "nil" }.joined(separator: ", ") + "], ["
                + (try elements.map { try descriptor($0.type) }).joined(separator: ", ") + "])"
        case .function(let parameters, let result, let isThrowing, _):
            return ".function([" + (try parameters.map { try descriptor($0) }).joined(separator: ", ") + "], "
                + (try descriptor(result)) + ", isThrowing: \(isThrowing))"
        case .existential(let constraint): return try descriptor(constraint)
        case .metatype: throw Unsupported("metatype parameters ('\(type)') are not values cells hold")
        }
    }

    /// The Swift spelling of a local of this type: generic parameters become their constraint (a class, or
    /// `any` protocol), or `Any`.
    func spelling(_ type: TypeReference) -> String {
        switch type {
        case .named(let name, let arguments):
            if let parameter = generic(name) {
                guard let constraint = parameter.constraint else { return "Any" }
                if case .named(let constraintName, _) = constraint, isProtocol(constraintName) { return "any " + spelling(constraint) }
                return spelling(constraint)
            }
            return arguments.isEmpty ? name : name + "<" + arguments.map(spelling).joined(separator: ", ") + ">"
        case .array(let element): return "[\(spelling(element))]"
        case .dictionary(let key, let value): return "[\(spelling(key)): \(spelling(value))]"
        case .optional(let wrapped):
            switch wrapped {
            case .function, .existential: return "(\(spelling(wrapped)))?"
            case .named(let name, _) where generic(name)?.constraint != nil && spelling(wrapped).hasPrefix("any "):
                return "(\(spelling(wrapped)))?"
            default: return "\(spelling(wrapped))?"
            }
        case .tuple(let elements):
            return "(" + elements.map { ($0.label.map { $0 + ": " } ?? "") + spelling($0.type) }.joined(separator: ", ") + ")"
        case .function(let parameters, let result, let isThrowing, _):
            return "(" + parameters.map(spelling).joined(separator: ", ") + ")" + (isThrowing ? " throws" : "") + " -> " + spelling(result)
        case .existential(let constraint): return "any " + spelling(constraint)
        case .metatype(let instance): return spelling(instance) + ".Type"
        }
    }
}

/// A declaration the generator cannot bind, and why.
struct Unsupported: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A Swift string literal of `text`.
func literal(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\n": escaped += "\\n"
        case "\t": escaped += "\\t"
        case "\r": escaped += "\\r"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return escaped + "\""
}

/// Swift's keywords that need backticks when used as names.
let swiftKeywords: Set<String> = [
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
    "internal", "let", "open", "operator", "private", "protocol", "public", "rethrows", "static", "struct",
    "subscript", "typealias", "var", "break", "case", "continue", "default", "defer", "do", "else", "fallthrough",
    "for", "guard", "if", "in", "repeat", "return", "switch", "where", "while", "as", "catch", "false", "is", "nil",
    "super", "self", "throw", "throws", "true", "try", "Any", "Self", "Type",
]

/// `name`, backticked when it is a keyword.
func identifier(_ name: String) -> String {
    swiftKeywords.contains(name) ? "`\(name)`" : name
}
