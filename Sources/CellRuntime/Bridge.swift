/// The one place where cell values become Swift values and back, by the type a declaration gives
/// (pybind11's "type casters"): every generated binding converts its arguments and results here.
public enum Bridge {
    // MARK: - Cell value to Swift

    /// `value` as a Swift value of `type`, ready to be cast to the declared Swift type (`as? [Float]`).
    /// Arrays of numbers, strings and booleans become typed arrays; other arrays and dictionaries become
    /// `[Any]` and `[AnyHashable: Any]`, which Swift's casts convert element by element.
    public static func swiftValue(_ value: Value, as type: SwiftType) throws -> Any {
        switch (type, value) {
        case (.int, .int(let number)): return number
        case (.double, .double(let number)): return number
        case (.float, .float(let number)): return number
        case (.bool, .bool(let flag)): return flag
        case (.string, .string(let text)): return text
        case (.integer(let name), .int(let number)): return try integer(number, as: name)
        case (.named("Character"), .string(let text)) where text.count == 1: return text.first!
        case (.named("ClosedRange<Float>"), .range(let lower, let upper, true)): return Float(lower)...Float(upper)
        case (.named("ClosedRange<Double>"), .range(let lower, let upper, true)): return Double(lower)...Double(upper)
        case (.named, .object(let object)): return object
        case (.named, .opaque(let box)): return box.value
        case (.named("URL"), _), (.named("Any"), _): return anyValue(value)
        case (.optional, .optional(nil)): return Optional<Any>.none as Any
        case (.optional(let wrapped), .optional(let inner?)): return try swiftValue(inner, as: wrapped)
        case (.optional(let wrapped), _): return try swiftValue(value, as: wrapped)
        case (.array(let element), .array(let elements)): return try array(elements, of: element)
        case (.dictionary(let key, let element), .dictionary(let dictionary)):
            var result: [AnyHashable: Any] = [:]
            for (entryKey, entryValue) in dictionary.entries {
                guard let hashable = try swiftValue(entryKey.value, as: key) as? AnyHashable else {
                    throw CellLanguageError.cannotConvertArgument(valueType: entryKey.value.typeName, expectedType: key.description)
                }
                result[hashable] = try swiftValue(entryValue, as: element)
            }
            return result
        case (.range(false), .range(let lower, let upper, false)): return lower..<upper
        case (.range(true), .range(let lower, let upper, true)): return lower...upper
        case (.generic(_, let constraint), _): return try swiftValue(value, as: constraint ?? .any)
        case (.any, _): return anyValue(value)
        default:
            throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: type.description)
        }
    }

    /// An array of `element`s: typed for the scalar element types, `[Any]` otherwise.
    private static func array(_ elements: [Value], of element: SwiftType) throws -> Any {
        func scalars<T>(_ read: (Value) -> T?) throws -> [T] {
            var result: [T] = []
            result.reserveCapacity(elements.count)
            for item in elements {
                guard let scalar = read(item) else {
                    throw CellLanguageError.cannotConvertArgument(valueType: Value.array(elements).typeName,
                                                                  expectedType: SwiftType.array(element).description)
                }
                result.append(scalar)
            }
            return result
        }
        switch element {
        case .float: return try scalars { if case .float(let x) = $0 { x } else { nil } }
        case .double: return try scalars { if case .double(let x) = $0 { x } else { nil } }
        case .int: return try scalars { if case .int(let x) = $0 { x } else { nil } }
        case .string: return try scalars { if case .string(let x) = $0 { x } else { nil } }
        case .bool: return try scalars { if case .bool(let x) = $0 { x } else { nil } }
        default: return try elements.map { try swiftValue($0, as: element) }
        }
    }

    /// An Int as the integer type `name`, or an error when it does not fit.
    private static func integer(_ number: Int, as name: String) throws -> Any {
        let converted: Any?
        switch name {
        case "UInt64": converted = UInt64(exactly: number)
        case "UInt": converted = UInt(exactly: number)
        case "Int64": converted = Int64(exactly: number)
        case "UInt32": converted = UInt32(exactly: number)
        case "Int32": converted = Int32(exactly: number)
        case "UInt16": converted = UInt16(exactly: number)
        case "Int16": converted = Int16(exactly: number)
        case "UInt8": converted = UInt8(exactly: number)
        case "Int8": converted = Int8(exactly: number)
        default: converted = nil
        }
        guard let converted else {
            throw CellLanguageError.runtimeFault("\(number) is not representable as a '\(name)'")
        }
        return converted
    }

    /// `value` as whatever Swift value it naturally is (for `Any` parameters and generic ones).
    public static func anyValue(_ value: Value) -> Any {
        switch value {
        case .void: return ()
        case .int(let number): return number
        case .double(let number): return number
        case .float(let number): return number
        case .bool(let flag): return flag
        case .string(let text): return text
        case .array(let elements): return elements.map(anyValue)
        case .dictionary(let dictionary):
            var result: [AnyHashable: Any] = [:]
            for (key, element) in dictionary.entries {
                if let hashable = anyValue(key.value) as? AnyHashable { result[hashable] = anyValue(element) }
            }
            return result
        case .optional(let wrapped): return wrapped.map(anyValue) as Any
        case .range(let lower, let upper, let isClosed): return isClosed ? (lower...upper) as Any : (lower..<upper) as Any
        case .object(let object): return object
        case .opaque(let box): return box.value
        default: return value
        }
    }

    // MARK: - Swift to cell value

    /// A Swift value of `type` as a cell value. Dictionaries come in the order of their sorted keys, so a
    /// notebook prints them the same way on every run (Swift's own order changes from process to process).
    public static func value(_ swift: Any, as type: SwiftType) -> Value {
        switch type {
        case .void: return .void
        case .int: return (swift as? Int).map(Value.int) ?? value(fromAny: swift)
        case .double: return (swift as? Double).map(Value.double) ?? value(fromAny: swift)
        case .float: return (swift as? Float).map(Value.float) ?? value(fromAny: swift)
        case .bool: return (swift as? Bool).map(Value.bool) ?? value(fromAny: swift)
        case .string: return (swift as? String).map(Value.string) ?? value(fromAny: swift)
        case .integer: return (swift as? any BinaryInteger).map { .int(Int(truncatingIfNeeded: $0)) } ?? value(fromAny: swift)
        case .optional(let wrapped):
            guard let optional = swift as? AnyOptional else { return .optional(value(swift, as: wrapped)) }
            return .optional(optional.wrappedValue.map { value($0, as: wrapped) })
        case .array(let element):
            switch element {
            case .float: if let numbers = swift as? [Float] { return .array(numbers.map(Value.float)) }
            case .double: if let numbers = swift as? [Double] { return .array(numbers.map(Value.double)) }
            case .int: if let numbers = swift as? [Int] { return .array(numbers.map(Value.int)) }
            case .string: if let texts = swift as? [String] { return .array(texts.map(Value.string)) }
            default: break
            }
            guard let elements = swift as? [Any] else { return value(fromAny: swift) }
            return .array(elements.map { value($0, as: element) })
        case .dictionary(let key, let element):
            guard let dictionary = swift as? [AnyHashable: Any] else { return value(fromAny: swift) }
            return .dictionary(sortedDictionary(dictionary.map { (value($0.key.base, as: key), value($0.value, as: element)) }))
        case .tuple(let labels, let types):
            let parts = Mirror(reflecting: swift).children.map(\.value)
            guard parts.count == types.count else { return value(fromAny: swift) }
            return .tuple(TupleValue(zip(parts, types).map { value($0, as: $1) }, labels: labels))
        case .range: return value(fromAny: swift)
        case .named, .generic, .any, .function: return value(fromAny: swift)
        }
    }

    /// A Swift value of unknown static type as a cell value, by its dynamic type.
    public static func value(fromAny swift: Any) -> Value {
        switch swift {
        case let number as Int: return .int(number)
        case let number as Double: return .double(number)
        case let number as Float: return .float(number)
        case let flag as Bool: return .bool(flag)
        case let text as String: return .string(text)
        case let cell as Value: return cell
        case let numbers as [Float]: return .array(numbers.map(Value.float))
        case let numbers as [Double]: return .array(numbers.map(Value.double))
        case let numbers as [Int]: return .array(numbers.map(Value.int))
        case let texts as [String]: return .array(texts.map(Value.string))
        case let range as Range<Int>: return .range(lower: range.lowerBound, upper: range.upperBound, isClosed: false)
        case let range as ClosedRange<Int>: return .range(lower: range.lowerBound, upper: range.upperBound, isClosed: true)
        case is Void: return .void
        default: break
        }
        if let optional = swift as? AnyOptional { return .optional(optional.wrappedValue.map(value(fromAny:))) }
        if Swift.type(of: swift) is AnyClass { return .object(swift as AnyObject) }
        let mirror = Mirror(reflecting: swift)
        switch mirror.displayStyle {
        case .collection?, .set?:
            return .array(mirror.children.map { value(fromAny: $0.value) })
        case .dictionary?:
            let pairs = mirror.children.compactMap { entry -> (Value, Value)? in
                let pair = Array(Mirror(reflecting: entry.value).children)
                guard pair.count == 2 else { return nil }
                return (value(fromAny: pair[0].value), value(fromAny: pair[1].value))
            }
            return .dictionary(sortedDictionary(pairs))
        case .tuple?:
            return .tuple(TupleValue(mirror.children.map { value(fromAny: $0.value) },
                                     labels: mirror.children.map { label in label.label.flatMap { $0.hasPrefix(".") ? nil : $0 } }))
        default:
            return .opaque(OpaqueBox(swift))
        }
    }

    /// The dictionary key of a standard value or of a hashable library value.
    public static func libraryKey(_ value: Value) -> DictionaryKey? {
        if let key = DictionaryKey(value) { return key }
        let swift: Any
        switch value {
        case .opaque(let box): swift = box.value
        case .object(let object): swift = object
        default: return nil
        }
        guard let hashable = swift as? AnyHashable else { return nil }
        return .other(OpaqueKey(value: value, hash: hashable.hashValue, sortText: String(describing: swift)) { left, right in
            (anyValue(left) as? AnyHashable) == (anyValue(right) as? AnyHashable)
        })
    }

    /// Key–value pairs as a dictionary in the order of their keys.
    private static func sortedDictionary(_ pairs: [(Value, Value)]) -> ValueDictionary {
        var dictionary = ValueDictionary()
        let keyed = pairs.compactMap { pair in libraryKey(pair.0).map { ($0, pair.1) } }
        for (key, element) in keyed.sorted(by: { $0.0 < $1.0 }) { dictionary[key] = element }
        return dictionary
    }
}

/// Lets a value of unknown type be unwrapped when it is an `Optional`.
protocol AnyOptional {
    var wrappedValue: Any? { get }
}

extension Optional: AnyOptional {
    var wrappedValue: Any? {
        switch self {
        case .some(let wrapped): return wrapped
        case .none: return nil
        }
    }
}
