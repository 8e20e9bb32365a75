extension Value {
    /// The Swift type name, as diagnostics print it (`Int`, `[String]`, `[String: Int]`, `Int?`).
    var typeName: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .array(let elements):
            return "[" + (elements.first?.typeName ?? "Any") + "]"
        case .dictionary(let dictionary):
            guard let first = dictionary.entries.first else { return "[AnyHashable: Any]" }
            return "[" + first.key.value.typeName + ": " + first.value.typeName + "]"
        case .optional(let wrapped): return (wrapped?.typeName ?? "Any") + "?"
        case .range(_, _, let isClosed): return isClosed ? "ClosedRange<Int>" : "Range<Int>"
        case .tuple(let elements, _): return "(" + elements.map(\.typeName).joined(separator: ", ") + ")"
        case .function(let callable): return callable.typeDescription
        case .structure(let instance): return instance.declaration.name
        case .type(let name): return name + ".Type"
        case .host(let object): return object.typeName
        case .void: return "()"
        }
    }

    /// The name under which the value's members are found in the binding table.
    var bindingTypeName: String {
        switch self {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .array: return "Array"
        case .dictionary: return "Dictionary"
        case .optional: return "Optional"
        case .range: return "Range"
        case .tuple: return "Tuple"
        case .function: return "Function"
        case .structure(let instance): return instance.declaration.name
        case .type(let name): return name
        case .host(let object): return object.typeName
        case .void: return "Void"
        }
    }

    /// The elements when the value is a sequence (`for-in`, `map`, `zip`), or nil.
    var sequenceElements: [Value]? {
        switch self {
        case .array(let elements): return elements
        case .range(let lower, let upper, let isClosed):
            if isClosed { return (lower...upper).map(Value.int) }
            return (lower..<upper).map(Value.int)
        case .string(let text): return text.map { .string(String($0)) }
        case .dictionary(let dictionary):
            return dictionary.entries.map { .tuple([$0.key.value, $0.value], labels: ["key", "value"]) }
        default: return nil
        }
    }
}
