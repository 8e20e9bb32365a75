import CellRuntime
import Foundation

extension StandardLibrary {
    /// `String`'s members and initialisers.
    static var stringType: TypeBinding {
        TypeBinding("String", module: "Swift", kind: .structure,
                    documentation: BindingDocumentation("A Unicode string value that is a collection of characters."), [
            .standard("init", .initializer, [ParameterBinding(nil, "value", generic("T"))], returns: .string,
                      "Creates a string representing the given value; from a sequence of characters, the string they spell.") { call in
                if case .array(let elements) = call.arguments[0], !elements.isEmpty {
                    let characters = elements.compactMap { element -> String? in
                        if case .string(let text) = element, text.count == 1 { return text }
                        return nil
                    }
                    if characters.count == elements.count { return .string(characters.joined()) }
                }
                return .string(call.interpreter.description(of: call.arguments[0]))
            },
            .standard("init", .initializer, [ParameterBinding("describing", "instance", generic("Subject"))], returns: .string,
                      "Creates a string representing the given value.") { call in
                .string(call.interpreter.description(of: call.arguments[0]))
            },
            .standard("init", .initializer, [ParameterBinding("reflecting", "subject", generic("Subject"))], returns: .string,
                      "Creates a string with a detailed representation of the given value, as the REPL shows it.") { call in
                .string(call.interpreter.debugDescription(of: call.arguments[0]))
            },
            .standard("init", .initializer, [ParameterBinding("repeating", "repeatedValue", .string), ParameterBinding("count", "count", .int)],
                      returns: .string, "Creates a new string representing the given string repeated the specified number of times.") { call in
                let text = call.string(0), count = call.int(1)
                guard count >= 0 else { throw CellLanguageError.runtimeFault("Negative count not allowed") }
                try call.interpreter.checkMemory(count: count, bytesEach: text.utf8.count, what: "String(repeating:count: \(count))")
                return .string(String(repeating: text, count: count))
            },
            .standard("init", .initializer, [ParameterBinding("format", "format", .string, documentation: "A printf-style format, e.g. \"%.3f\"."),
                                             ParameterBinding(nil, "arguments", generic("CVarArg"), isVariadic: true,
                                                              documentation: "The Int, Double, Float or String values the format takes.")],
                      returns: .string,
                      "Returns a string created by using a given format string as a template into which the remaining argument values are substituted (Foundation).") { call in
                let format = call.string(0)
                guard case .array(let values) = call.arguments[1] else { return .void }
                return .string(try formatted(format, values, interpreter: call.interpreter))
            },
            .standard("uppercased", .method, returns: .string, "Returns an uppercase version of the string.") { call in .string(call.text.uppercased()) },
            .standard("lowercased", .method, returns: .string, "Returns a lowercase version of the string.") { call in .string(call.text.lowercased()) },
            .standard("hasPrefix", .method, [ParameterBinding(nil, "prefix", .string)], returns: .bool,
                      "Returns a Boolean value indicating whether the string begins with the specified prefix.") { call in
                .bool(call.text.hasPrefix(call.string(0)))
            },
            .standard("hasSuffix", .method, [ParameterBinding(nil, "suffix", .string)], returns: .bool,
                      "Returns a Boolean value indicating whether the string ends with the specified suffix.") { call in
                .bool(call.text.hasSuffix(call.string(0)))
            },
            .standard("split", .method, [ParameterBinding("separator", "separator", .string)], returns: .array(.string),
                      "Returns the longest possible subsequences of the string, in order, around the separator character.") { call in
                let separator = call.string(0)
                guard let character = separator.first, separator.count == 1 else {
                    throw CellLanguageError.cannotConvertArgument(valueType: "String", expectedType: "Character")
                }
                return .array(call.text.split(separator: character).map { .string(String($0)) })
            },
            .standard("components", .method, [ParameterBinding("separatedBy", "separator", .string)], returns: .array(.string),
                      "Returns the substrings of the string divided by the separator (Foundation).") { call in
                .array(call.text.components(separatedBy: call.string(0)).map(Value.string))
            },
            .standard("replacingOccurrences", .method, [ParameterBinding("of", "target", .string), ParameterBinding("with", "replacement", .string)],
                      returns: .string, "Returns a string in which every occurrence of a target is replaced by another string (Foundation).") { call in
                .string(call.text.replacingOccurrences(of: call.string(0), with: call.string(1)))
            },
            .standard("trimmingWhitespace", .method, returns: .string,
                      "Returns the string without leading and trailing spaces, tabs and newlines.") { call in
                .string(call.text.trimmingCharacters(in: .whitespacesAndNewlines))
            },
        ])
    }

    /// `String(format:)`: each `%` conversion takes the matching argument ("d" integers, "f" floating point, "@"
    /// any value by its description). Unsafe or unknown conversions (`%s`, `%n`) are refused.
    static func formatted(_ format: String, _ values: [Value], interpreter: Interpreter) throws -> String {
        let conversions = try formatConversions(format)
        guard conversions.count == values.count else {
            throw CellLanguageError.runtimeFault(
                "format \(format.debugDescription) takes \(conversions.count) arguments, but \(values.count) were given")
        }
        let arguments: [CVarArg] = try zip(conversions, values).map { conversion, value in
            switch (conversion, value) {
            case ("d", .int(let number)): return number
            case ("f", .double(let number)): return number
            case ("f", .float(let number)): return Double(number)
            case ("f", .int(let number)): return Double(number)
            case ("@", _): return NSString(string: interpreter.description(of: value))
            default:
                throw CellLanguageError.runtimeFault(
                    "format conversion '%\(conversion)' needs \(conversion == "d" ? "an Int" : "a Double"), not '\(value.typeName)'")
            }
        }
        return String(format: format, arguments: arguments)
    }

    /// The kind of argument each `%` conversion of a printf-style format takes.
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

    /// Swift's `CancellationError`, what an interrupted cell or training loop ends with.
    static var cancellationErrorType: TypeBinding {
        TypeBinding("CancellationError", module: "Swift", kind: .structure,
                    documentation: BindingDocumentation("An error that indicates a task was cancelled: an interrupt stops a cell with it."),
                    supertypes: ["Error"], matches: { $0 is CancellationError }, [
            .standard("init", .initializer, returns: .named("CancellationError"), "Creates a cancellation error.") { _ in
                .opaque(OpaqueBox(CancellationError()))
            },
        ])
    }

    /// Foundation's `URL`, for the library's checkpoint files.
    static var urlType: TypeBinding {
        TypeBinding("URL", module: "Foundation", kind: .structure,
                    documentation: BindingDocumentation("A file's location, as `save(to:)` and `load(from:)` take it."),
                    matches: { $0 is URL }, equals: { ($0 as? URL) == ($1 as? URL) }, [
            .standard("init", .initializer, [ParameterBinding("fileURLWithPath", "path", .string)], returns: .named("URL"),
                      "A URL for a file path (relative paths are relative to the kernel's working directory).") { call in
                .opaque(OpaqueBox(URL(fileURLWithPath: call.string(0))))
            },
            .standard("path", .property, returns: .string, "The file path.") { call in
                guard case .opaque(let box) = call.receiverValue, let url = box.value as? URL else { return .void }
                return .string(url.path)
            },
            .standard("lastPathComponent", .property, returns: .string, "The file's name.") { call in
                guard case .opaque(let box) = call.receiverValue, let url = box.value as? URL else { return .void }
                return .string(url.lastPathComponent)
            },
            .standard("appendingPathComponent", .method, [ParameterBinding(nil, "component", .string)], returns: .named("URL"),
                      "The URL with a path component added.") { call in
                guard case .opaque(let box) = call.receiverValue, let url = box.value as? URL else { return .void }
                return .opaque(OpaqueBox(url.appendingPathComponent(call.string(0))))
            },
        ])
    }
}
