import Foundation

extension BindingTable {
    /// `String`'s members and initialisers.
    static var stringBindings: TypeBindings {
        TypeBindings("String", summary: "A Unicode string value that is a collection of characters.", [
            FunctionBinding("String", kind: .initializer, parameters: [.init(nil, "value", .any("T"))], returns: "String",
                            summary: "Creates a string representing the given value; from a sequence of characters, the string they spell.") { call in
                if case .array(let elements) = call.arguments[0], !elements.isEmpty {
                    let characters = elements.compactMap { element -> String? in
                        if case .string(let text) = element, text.count == 1 { return text }
                        return nil
                    }
                    if characters.count == elements.count { return .string(characters.joined()) }
                }
                return .string(call.arguments[0].description)
            },
            FunctionBinding("String", kind: .initializer, parameters: [.init("describing", "instance", .any("Subject"))],
                            returns: "String", summary: "Creates a string representing the given value.") { call in
                .string(call.arguments[0].description)
            },
            FunctionBinding("String", kind: .initializer,
                            parameters: [.init("repeating", "repeatedValue", .string), .init("count", .int)],
                            returns: "String",
                            summary: "Creates a new string representing the given string repeated the specified number of times.") { call in
                guard case .string(let text) = call.arguments[0], case .int(let count) = call.arguments[1] else { return .void }
                guard count >= 0 else { throw CellLanguageError.runtimeFault("Negative count not allowed") }
                try ElementMemory.check(count: count, bytesEach: text.utf8.count, what: "String(repeating:count: \(count))")
                return .string(String(repeating: text, count: count))
            },
            FunctionBinding("String", kind: .initializer,
                            parameters: [.init("format", .string, documentation: "A printf-style format, e.g. \"%.3f\"."),
                                         .init(nil, "arguments", .any("CVarArg"), isVariadic: true,
                                               documentation: "The Int, Double or String values the format takes.")],
                            returns: "String",
                            summary: "Returns a string created by using a given format string as a template into which the remaining argument values are substituted (Foundation).") { call in
                guard case .string(let format) = call.arguments[0] else { return .void }
                let arguments = call.arguments[1].arrayElements
                let conversions = try formatConversions(format)
                guard conversions.count == arguments.count else {
                    throw CellLanguageError.runtimeFault(
                        "format \(format.debugDescription) takes \(conversions.count) arguments, but \(arguments.count) were given")
                }
                let values: [CVarArg] = try zip(conversions, arguments).map { conversion, value in
                    switch (conversion, value) {
                    case ("d", .int(let number)): return number
                    case ("f", .double(let number)): return number
                    case ("f", .int(let number)): return Double(number)
                    case ("@", _): return NSString(string: value.description)
                    default:
                        throw CellLanguageError.runtimeFault(
                            "format conversion '%\(conversion)' needs \(conversion == "d" ? "an Int" : "a Double"), not '\(value.typeName)'")
                    }
                }
                return .string(String(format: format, arguments: values))
            },
            FunctionBinding("uppercased", kind: .method, returns: "String",
                            summary: "Returns an uppercase version of the string.") { call in
                .string(call.text.uppercased())
            },
            FunctionBinding("lowercased", kind: .method, returns: "String",
                            summary: "Returns a lowercase version of the string.") { call in
                .string(call.text.lowercased())
            },
            FunctionBinding("hasPrefix", kind: .method, parameters: [.init(nil, "prefix", .string)], returns: "Bool",
                            summary: "Returns a Boolean value indicating whether the string begins with the specified prefix.") { call in
                guard case .string(let prefix) = call.arguments[0] else { return .bool(false) }
                return .bool(call.text.hasPrefix(prefix))
            },
            FunctionBinding("hasSuffix", kind: .method, parameters: [.init(nil, "suffix", .string)], returns: "Bool",
                            summary: "Returns a Boolean value indicating whether the string ends with the specified suffix.") { call in
                guard case .string(let suffix) = call.arguments[0] else { return .bool(false) }
                return .bool(call.text.hasSuffix(suffix))
            },
            FunctionBinding("contains", kind: .method, parameters: [.init(nil, "other", .string)], returns: "Bool",
                            summary: "Returns true if `other` is a non-empty substring of the string.") { call in
                guard case .string(let other) = call.arguments[0], !other.isEmpty else { return .bool(false) }
                return .bool(call.text.contains(other))
            },
            FunctionBinding("split", kind: .method, parameters: [.init("separator", .string)], returns: "[String]",
                            summary: "Returns the longest possible subsequences of the string, in order, around the separator character.") { call in
                guard case .string(let separator) = call.arguments[0], let character = separator.first,
                      separator.count == 1 else {
                    throw CellLanguageError.cannotConvertArgument(valueType: "String", expectedType: "Character")
                }
                return .array(call.text.split(separator: character).map { .string(String($0)) })
            },
            FunctionBinding("count", kind: .property, returns: "Int", summary: "The number of characters in the string.") { call in
                .int(call.text.count)
            },
        ])
    }
}

extension BindingInvocation {
    /// The receiver as a string (empty when it is not one).
    var text: String {
        if case .string(let text) = receiver { return text }
        return ""
    }
}

extension BindingTable {
    /// The kind of argument each `%` conversion of a printf-style format takes: "d" (integers), "f" (floating
    /// point) or "@" (any value, by its description). Unsafe or unknown conversions (`%s`, `%n`) are refused.
    static func formatConversions(_ format: String) throws -> [Character] {
        var conversions: [Character] = []
        var characters = format.makeIterator()
        while let character = characters.next() {
            guard character == "%" else { continue }
            while let next = characters.next() {
                if "0123456789.-+ #'lhqLzjt".contains(next) { continue }
                switch next {
                case "%": break
                case "d", "i", "u", "x", "X", "o", "c": conversions.append("d")
                case "f", "F", "e", "E", "g", "G", "a", "A": conversions.append("f")
                case "@": conversions.append("@")
                default:
                    throw CellLanguageError.runtimeFault("unsupported format conversion '%\(next)'; use %@ for strings")
                }
                break
            }
        }
        return conversions
    }
}
