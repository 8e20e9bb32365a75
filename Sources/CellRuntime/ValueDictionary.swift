/// A dictionary key: the hashable subset of values.
public enum DictionaryKey: Hashable {
    case int(Int)
    case double(Double)
    case bool(Bool)
    case string(String)
    case float(Float)
    /// Any other hashable value (an enum case, a library value such as a metric), with its hash and equality.
    case other(OpaqueKey)

    /// The key for `value`, or nil when the value cannot be a key.
    public init?(_ value: Value) {
        switch value {
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .string(text)
        case .float(let number): self = .float(number)
        default: return nil
        }
    }

    /// The key as a value.
    public var value: Value {
        switch self {
        case .int(let number): return .int(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .float(let number): return .float(number)
        case .other(let key): return key.value
        }
    }
}

/// A dictionary key for a value that is not a number, Boolean or string: its hash and equality come from
/// whoever made it (the interpreter knows how to compare enum cases and library values).
public final class OpaqueKey: Hashable {
    public let value: Value
    private let hash: Int
    private let equals: (Value, Value) -> Bool
    /// Orders keys of this kind when dictionaries from Swift are sorted.
    public let sortText: String

    public init(value: Value, hash: Int, sortText: String, equals: @escaping (Value, Value) -> Bool) {
        self.value = value
        self.hash = hash
        self.sortText = sortText
        self.equals = equals
    }

    public static func == (left: OpaqueKey, right: OpaqueKey) -> Bool {
        left.hash == right.hash && left.equals(left.value, right.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }
}

/// An insertion-ordered dictionary of values (Swift's order is unspecified; insertion order is deterministic).
public struct ValueDictionary {
    public private(set) var keys: [DictionaryKey] = []
    public private(set) var values: [Value] = []
    private var positions: [DictionaryKey: Int] = [:]

    /// An empty dictionary.
    public init() {}

    /// The number of entries.
    public var count: Int { keys.count }

    /// The value for `key`, or nil.
    public subscript(key: DictionaryKey) -> Value? {
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

    /// Changes the value for `key` in place, starting from `defaultValue` when the key is absent (one lookup,
    /// as Swift's `dictionary[key, default: value] += 1`).
    public mutating func modifyValue(forKey key: DictionaryKey, default defaultValue: Value, _ body: (inout Value) throws -> Void) rethrows {
        if let position = positions[key] {
            try body(&values[position])
            return
        }
        var value = defaultValue
        try body(&value)
        positions[key] = keys.count
        keys.append(key)
        values.append(value)
    }

    /// The entries in insertion order.
    public var entries: [(key: DictionaryKey, value: Value)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }
}

extension DictionaryKey: Comparable {
    /// Keys of one kind in their natural order; kinds in a fixed order (numbers, then Booleans, then strings).
    public static func < (left: DictionaryKey, right: DictionaryKey) -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)): return a < b
        case (.bool(let a), .bool(let b)): return !a && b
        case (.string(let a), .string(let b)): return a < b
        case (.float(let a), .float(let b)): return a < b
        case (.other(let a), .other(let b)): return a.sortText < b.sortText
        default: return left.rank < right.rank
        }
    }

    private var rank: Int {
        switch self {
        case .int: return 0
        case .double: return 1
        case .float: return 2
        case .bool: return 3
        case .string: return 4
        case .other: return 5
        }
    }
}
