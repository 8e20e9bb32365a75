import SwiftSyntax

/// A type written in a cell (`Int`, `[Double]`, `[String: Int]`, `Int?`), used to convert and check values.
indirect enum TypeAnnotation: Equatable, CustomStringConvertible {
    case named(String)
    case array(TypeAnnotation)
    case dictionary(key: TypeAnnotation, value: TypeAnnotation)
    case optional(TypeAnnotation)
    /// A type the interpreter accepts without checking (tuples, functions, generics).
    case unchecked(String)

    /// Reads a type from syntax.
    init(_ syntax: TypeSyntax) {
        if let identifier = syntax.as(IdentifierTypeSyntax.self) {
            let name = identifier.name.text
            let arguments = identifier.genericArgumentClause?.arguments.compactMap { argument -> TypeAnnotation? in
                guard case .type(let type) = argument.argument else { return nil }
                return TypeAnnotation(type)
            } ?? []
            if name == "Array", arguments.count == 1 { self = .array(arguments[0]); return }
            if name == "Optional", arguments.count == 1 { self = .optional(arguments[0]); return }
            if name == "Dictionary", arguments.count == 2 {
                self = .dictionary(key: arguments[0], value: arguments[1]); return
            }
            self = arguments.isEmpty ? .named(name) : .unchecked(syntax.trimmedDescription)
        } else if let array = syntax.as(ArrayTypeSyntax.self) {
            self = .array(TypeAnnotation(array.element))
        } else if let dictionary = syntax.as(DictionaryTypeSyntax.self) {
            self = .dictionary(key: TypeAnnotation(dictionary.key), value: TypeAnnotation(dictionary.value))
        } else if let optional = syntax.as(OptionalTypeSyntax.self) {
            self = .optional(TypeAnnotation(optional.wrappedType))
        } else if let optional = syntax.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            self = .optional(TypeAnnotation(optional.wrappedType))
        } else {
            self = .unchecked(syntax.trimmedDescription)
        }
    }

    var description: String {
        switch self {
        case .named(let name), .unchecked(let name): return name
        case .array(let element): return "[\(element)]"
        case .dictionary(let key, let value): return "[\(key): \(value)]"
        case .optional(let wrapped): return "\(wrapped)?"
        }
    }

    /// `value` converted to this type (Int literals to Double, wrapping in Optional), or nil when it does not fit.
    func convert(_ value: Value) -> Value? {
        switch (self, value) {
        case (.unchecked, _), (.named("Any"), _): return value
        case (.named("Int"), .int), (.named("String"), .string), (.named("Bool"), .bool),
             (.named("Double"), .double):
            return value
        case (.named("Double"), .int(let number)), (.named("Float"), .int(let number)):
            return .double(Double(number))
        case (.named("Float"), .double): return value
        case (.named(let name), .structure(let instance)):
            return instance.declaration.name == name ? value : nil
        case (.named(let name), .host(let object)):
            return object.typeName == name ? value : nil
        case (.named("Range<Int>"), .range(_, _, false)), (.named("ClosedRange<Int>"), .range(_, _, true)):
            return value
        case (.named, .function): return nil
        case (.array(let element), .array(let elements)):
            var converted: [Value] = []
            converted.reserveCapacity(elements.count)
            for item in elements {
                guard let fitted = element.convert(item) else { return nil }
                converted.append(fitted)
            }
            return .array(converted)
        case (.dictionary(let keyType, let valueType), .dictionary(let dictionary)):
            var converted = ValueDictionary()
            for (key, item) in dictionary.entries {
                guard keyType.convert(key.value) != nil, let fitted = valueType.convert(item) else { return nil }
                converted[key] = fitted
            }
            return .dictionary(converted)
        case (.optional, .optional(nil)): return value
        case (.optional(let wrapped), .optional(let inner?)):
            return wrapped.convert(inner).map { .optional($0) }
        case (.optional(let wrapped), _):
            return wrapped.convert(value).map { .optional($0) }
        default: return nil
        }
    }
}
