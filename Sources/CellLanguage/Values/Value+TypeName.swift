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

    /// Whether the value is a sequence (array, range, string, dictionary); nothing is built to tell.
    var isSequence: Bool {
        switch self {
        case .array, .range, .string, .dictionary: return true
        default: return false
        }
    }

    /// The elements when the value is a sequence (`map`, `zip`, `Array(_:)`), or nil. A range is built into an
    /// array, so one whose elements would not fit in memory is a run-time fault rather than a kernel that dies
    /// allocating them (`for-in` walks ranges without building them).
    var sequenceElements: [Value]? {
        get throws {
            switch self {
            case .array(let elements): return elements
            case .range(let lower, let upper, let isClosed):
                let count = (try? rangeSummary)?.count ?? Int.max   // more than an Int counts: refused below
                try ElementMemory.check(count: count, bytesEach: MemoryLayout<Value>.stride,
                                        what: "the range \(lower)\(isClosed ? "..." : "..<")\(upper) as an array")
                if isClosed { return (lower...upper).map(Value.int) }
                return (lower..<upper).map(Value.int)
            case .string(let text): return text.map { .string(String($0)) }
            case .dictionary(let dictionary):
                return dictionary.entries.map { .tuple([$0.key.value, $0.value], labels: ["key", "value"]) }
            default: return nil
            }
        }
    }

    /// A range's element count and its first and last elements, computed from its bounds rather than by building
    /// it (`(0..<Int.max).count` is `Int.max`, as in Swift), or nil for any other value. A closed range with more
    /// elements than an `Int` can count (`Int.min...Int.max`) is an arithmetic overflow, where Swift would trap.
    var rangeSummary: (count: Int, first: Int?, last: Int?)? {
        get throws {
            guard case .range(let lower, let upper, let isClosed) = self else { return nil }
            let (span, overflow) = upper.subtractingReportingOverflow(lower)
            let (count, closedOverflow) = span.addingReportingOverflow(isClosed ? 1 : 0)
            guard !overflow, !closedOverflow else {
                throw CellLanguageError.arithmeticOverflow(operation: "(\(lower)\(isClosed ? "..." : "..<")\(upper)).count")
            }
            return count == 0 ? (0, nil, nil) : (count, lower, isClosed ? upper : upper - 1)
        }
    }
}
