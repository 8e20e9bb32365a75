import CellRuntime

extension Interpreter {
    /// Swift's `==` for the equatable values: numbers, strings, collections, optionals, tuples, enum cases, structs
    /// declared Equatable, and library values whose type is Equatable.
    func valuesEqual(_ left: Value, _ right: Value) throws -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.int(let a), .double(let b)), (.double(let b), .int(let a)): return Double(a) == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.optional(nil), .optional(nil)): return true
        case (.optional(nil), _), (_, .optional(nil)): return false
        case (.optional(let a?), .optional(let b?)): return try valuesEqual(a, b)
        case (.optional(let a?), _): return try valuesEqual(a, right)
        case (_, .optional(let b?)): return try valuesEqual(left, b)
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where !(try valuesEqual(x, y)) { return false }
            return true
        case (.tuple(let a), .tuple(let b)):
            guard a.elements.count == b.elements.count else { return false }
            for (x, y) in zip(a.elements, b.elements) where !(try valuesEqual(x, y)) { return false }
            return true
        case (.dictionary(let a), .dictionary(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in a.entries {
                guard let other = b[key], try valuesEqual(value, other) else { return false }
            }
            return true
        case (.range(let a, let b, let c), .range(let d, let e, let f)): return a == d && b == e && c == f
        case (.enumeration(let a), .enumeration(let b)):
            guard a.type === b.type, a.caseIndex == b.caseIndex, a.payload.count == b.payload.count else { return false }
            for (x, y) in zip(a.payload, b.payload) where !(try valuesEqual(x, y)) { return false }
            return true
        case (.structure(let a), .structure(let b)) where a.type === b.type:
            for (x, y) in zip(a.fields, b.fields) where !(try valuesEqual(x, y)) { return false }
            return true
        case (.implicitMember, _):
            if let name = typeName(ofValue: right) { return try valuesEqual(try resolveImplicitMember(left, in: name), right) }
        case (_, .implicitMember):
            if let name = typeName(ofValue: left) { return try valuesEqual(left, try resolveImplicitMember(right, in: name)) }
        case (.type(let a), .type(let b)):
            return Value.type(a).typeName == Value.type(b).typeName
        default:
            break
        }
        if let binding = libraryBinding(of: left), let equals = binding.equals {
            return equals(Bridge.anyValue(left), Bridge.anyValue(right))
        }
        if case .object(let a) = left, case .object(let b) = right, a is CellInstance { return a === b }
        throw CellLanguageError.typeMismatch(
            "binary operator '==' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
    }

    /// Swift's `<` for the comparable values: numbers, strings, tuples, Comparable library values.
    func lessThan(_ left: Value, _ right: Value) throws -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a < b
        case (.double(let a), .double(let b)): return a < b
        case (.float(let a), .float(let b)): return a < b
        case (.int(let a), .double(let b)): return Double(a) < b
        case (.double(let a), .int(let b)): return a < Double(b)
        case (.string(let a), .string(let b)): return a < b
        case (.tuple(let a), .tuple(let b)) where a.elements.count == b.elements.count:
            for (x, y) in zip(a.elements, b.elements) {
                if try lessThan(x, y) { return true }
                if try lessThan(y, x) { return false }
            }
            return false
        default: break
        }
        if let result = try cellOperator("<", left, right), case .bool(let flag) = result { return flag }
        if let binding = libraryBinding(of: left), let less = binding.less {
            return less(Bridge.anyValue(left), Bridge.anyValue(right))
        }
        throw CellLanguageError.typeMismatch(
            "binary operator '<' cannot be applied to operands of type '\(left.typeName)' and '\(right.typeName)'")
    }

    /// Whether a `case` pattern value matches the subject: a range contains it, otherwise `==`.
    func patternMatches(_ pattern: Value, _ subject: Value, literal: LiteralKind) throws -> Bool {
        switch (pattern, subject) {
        case (.range(let lower, let upper, let isClosed), .int(let number)):
            return number >= lower && (isClosed ? number <= upper : number < upper)
        case (.int(let number), .double(let other)) where literal == .integer:
            return Double(number) == other
        default:
            return try valuesEqual(pattern, subject)
        }
    }

    /// The dictionary key of a value: numbers, Booleans and strings directly; enum cases, structs, tuples and
    /// hashable library values by their description and equality.
    func dictionaryKey(_ value: Value) -> DictionaryKey? {
        if let key = DictionaryKey(value) { return key }
        switch value {
        case .enumeration, .structure, .tuple, .optional:
            let text = debugDescription(of: value)
            var hasher = Hasher()
            hasher.combine(value.typeName)
            hasher.combine(text)
            return .other(OpaqueKey(value: value, hash: hasher.finalize(), sortText: text) { [unowned self] left, right in
                (try? self.valuesEqual(left, right)) ?? false
            })
        default:
            return Bridge.libraryKey(value)
        }
    }
}
