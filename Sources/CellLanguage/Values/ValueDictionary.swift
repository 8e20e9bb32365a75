/// A dictionary key: the hashable subset of values.
enum DictionaryKey: Hashable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)

    /// The key for `value`, or nil when the value cannot be a key.
    init?(_ value: Value) {
        switch value {
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        default: return nil
        }
    }

    /// The key as a value.
    var value: Value {
        switch self {
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        }
    }
}

/// An insertion-ordered dictionary of values (Swift's order is unspecified; insertion order is deterministic).
struct ValueDictionary {
    private(set) var keys: [DictionaryKey] = []
    private(set) var values: [Value] = []
    private var positions: [DictionaryKey: Int] = [:]

    /// The number of entries.
    var count: Int { keys.count }

    /// The value for `key`, or nil.
    subscript(key: DictionaryKey) -> Value? {
        get { positions[key].map { values[$0] } }
        set {
            if let newValue {
                if let position = positions[key] {
                    values[position] = newValue
                } else {
                    positions[key] = keys.count
                    keys.append(key)
                    values.append(newValue)
                }
            } else if let position = positions[key] {
                keys.remove(at: position)
                values.remove(at: position)
                positions = [:]
                for (index, existing) in keys.enumerated() { positions[existing] = index }
            }
        }
    }

    /// The entries in insertion order.
    var entries: [(key: DictionaryKey, value: Value)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }
}
