import Foundation

/// The cell's standard error stream, the target of `print(..., to: &standardError)`.
final class StandardErrorStream: HostObject {
    let typeName = "StandardError"
    let plainDescription = "standardError"
}

extension BindingTable {
    /// The one standard error stream value.
    static let standardErrorStream = StandardErrorStream()

    /// What cells use to talk to the notebook: `print`, `readLine`, `display`, `clearOutput`, `standardError`.
    static var outputBindings: [FunctionBinding] {
        [
            FunctionBinding("print", kind: .function,
                            parameters: [.init(nil, "items", .any("Any"), isVariadic: true,
                                               documentation: "Zero or more items to print."),
                                         .init("separator", .string, defaultValue: .string(" "),
                                               documentation: "A string to print between each item."),
                                         .init("terminator", .string, defaultValue: .string("\n"),
                                               documentation: "The string to print after all items have been printed."),
                                         .init("to", "output", .any("StandardError"), isInOut: true,
                                               documentation: "`&standardError` to write to the error stream.")],
                            returns: "Void",
                            summary: "Writes the textual representations of the given items into the standard output.",
                            discussion: "Pass `to: &standardError` to write to the cell's standard error instead.") { call in
                guard case .string(let separator) = call.arguments[1], case .string(let terminator) = call.arguments[2] else {
                    return .void
                }
                let text = call.arguments[0].arrayElements.map(\.description).joined(separator: separator) + terminator
                var stream = CellStream.standardOutput
                if case .host(let object) = call.arguments[3], object is StandardErrorStream { stream = .standardError }
                call.evaluator.output?.write(text, to: stream)
                return .void
            },
            FunctionBinding("standardError", kind: .property, returns: "StandardError",
                            summary: "The cell's standard error stream, for `print(..., to: &standardError)`.") { _ in
                .host(BindingTable.standardErrorStream)
            },
            FunctionBinding("readLine", kind: .function,
                            parameters: [.init("strippingNewline", .bool, defaultValue: .bool(true))],
                            returns: "String?",
                            summary: "Returns a line read from the notebook's input box.",
                            discussion: "Fails when the frontend does not allow input.") { call in
                guard let output = call.evaluator.output else { return .optional(nil) }
                do {
                    return .optional(.string(try output.readLine(prompt: "", isPassword: false)))
                } catch {
                    throw CellLanguageError.inputUnavailable("readLine() needs input, but the frontend does not allow it (\(error))")
                }
            },
            FunctionBinding("display", kind: .function, parameters: [.init(nil, "value", .any("Any"))], returns: "Void",
                            summary: "Shows a value in the cell's output now, in its richest form (e.g. a figure as PNG).") { call in
                call.evaluator.output?.display(call.arguments[0].richOutput, displayID: nil, isUpdate: false)
                return .void
            },
            FunctionBinding("clearOutput", kind: .function,
                            parameters: [.init("wait", .bool, defaultValue: .bool(false),
                                               documentation: "Wait until new output arrives before clearing.")],
                            returns: "Void", summary: "Clears the cell's output.") { call in
                if case .bool(let wait) = call.arguments[0] { call.evaluator.output?.clearOutput(wait: wait) }
                return .void
            },
        ]
    }
}
