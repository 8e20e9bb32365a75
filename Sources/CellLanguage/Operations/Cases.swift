import CellRuntime

extension Interpreter {
    /// When `value` is the enum case `name` (of a cell enum, a library enum, or an Optional's `.some`/`.none`),
    /// its associated values; nil when it is another case.
    func matchCase(_ value: Value, name: String, arity: Int) throws -> [Value]? {
        switch value {
        case .enumeration(let enumeration):
            guard let type = enumeration.type as? CellNominalType, type.caseIndex(of: name) != nil else {
                throw CellLanguageError.typeMismatch("type '\(value.typeName)' has no member '\(name)'")
            }
            return type.cases[enumeration.caseIndex].name == name ? enumeration.payload : nil
        case .optional(let wrapped):
            switch name {
            case "some": return wrapped.map { [$0] }
            case "none": return wrapped == nil ? [] : nil
            default:
                guard let wrapped else { return nil }
                return try matchCase(wrapped, name: name, arity: arity)
            }
        case .opaque, .object:
            guard let binding = libraryBinding(of: value) else { return nil }
            guard let item = binding.cases.first(where: { $0.name == name }) else {
                if binding.staticMembers[name] != nil {
                    // A static value rather than a case (`Initializer.zeros`): compare by equality.
                    let expected = try staticMember(name, of: .named(binding.name), node: nil)
                    return try valuesEqual(expected, value) ? [] : nil
                }
                throw CellLanguageError.typeMismatch("type '\(binding.name)' has no member '\(name)'")
            }
            return item.match(Bridge.anyValue(value))
        default:
            throw CellLanguageError.typeMismatch("enum case '\(name)' cannot match values of type '\(value.typeName)'")
        }
    }
}

extension Optional where Wrapped == Value {
    static func == (left: Value?, right: Value?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        default: return false
        }
    }
}
