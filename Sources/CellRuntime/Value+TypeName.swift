extension Value {
    /// The Swift type name, as diagnostics print it (`Int`, `[String]`, `[String: Int]`, `Int?`, `Tensor`).
    public var typeName: String {
        switch self {
        case .void: return "()"
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .array(let elements): return "[" + (elements.first?.typeName ?? "Any") + "]"
        case .dictionary(let dictionary):
            guard let first = dictionary.entries.first else { return "[AnyHashable: Any]" }
            return "[" + first.key.value.typeName + ": " + first.value.typeName + "]"
        case .optional(let wrapped): return (wrapped?.typeName ?? "Any") + "?"
        case .range(_, _, let isClosed): return isClosed ? "ClosedRange<Int>" : "Range<Int>"
        case .tuple(let tuple):
            return "(" + zip(tuple.labels, tuple.elements).map { ($0.map { $0 + ": " } ?? "") + $1.typeName }
                .joined(separator: ", ") + ")"
        case .function(let function): return function.typeDescription
        case .object(let object):
            if let instance = object as? CellInstance { return instance.cellType.name }
            return Value.swiftTypeName(Swift.type(of: object))
        case .opaque(let box): return Value.swiftTypeName(Swift.type(of: box.value))
        case .structure(let structure): return structure.type.name
        case .enumeration(let enumeration): return enumeration.type.name
        case .type(let type):
            switch type {
            case .named(let name), .collection(let name): return name + ".Type"
            case .declared(let declared): return declared.name + ".Type"
            }
        case .implicitMember(let member): return "." + member.name
        }
    }

    /// The modules whose names are dropped from Swift type names (`Autograd.Tensor` reads `Tensor`).
    public static let moduleNames: Set<String> = [
        "Swift", "Foundation", "CellRuntime", "Autograd", "NeuralNetworks", "Datasets", "Models", "Plots", "Notebook",
    ]

    /// A Swift type's name without module prefixes: `MovieLens.Variant`, `Parameter<Tensor>`, `[Float]`.
    public static func swiftTypeName(_ type: Any.Type) -> String {
        let full = String(reflecting: type)
        var result = ""
        var word = ""
        for character in full {
            if character.isLetter || character.isNumber || character == "_" {
                word.append(character)
                continue
            }
            if character == ".", moduleNames.contains(word), result.last.map({ !$0.isLetter && $0 != "." }) ?? true {
                word = ""
                continue
            }
            result += word
            word = ""
            result.append(character)
        }
        result += word
        switch result {
        case let name where name.hasPrefix("Array<") && name.hasSuffix(">"): return "[" + name.dropFirst(6).dropLast() + "]"
        case let name where name.hasPrefix("Optional<") && name.hasSuffix(">"): return name.dropFirst(9).dropLast() + "?"
        default: return result
        }
    }

    /// A number converted to the numeric type `type` expects (an Int closure result where a Float is
    /// declared), as a literal would have been typed; anything else unchanged.
    public static func coercingNumber(_ value: Value, to type: SwiftType) -> Value {
        switch (type, value) {
        case (.float, .int(let number)): return .float(Float(number))
        case (.float, .double(let number)): return .float(Float(number))
        case (.double, .int(let number)): return .double(Double(number))
        case (.optional(let wrapped), _):
            if case .optional = value { return value }
            return coercingNumber(value, to: wrapped)
        default: return value
        }
    }
}
