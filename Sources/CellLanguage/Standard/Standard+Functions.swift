import CellRuntime

extension StandardLibrary {
    /// Free functions of the standard library subset: `min`, `max`, `abs`, `zip`, `stride`, `swap`, `type(of:)`,
    /// `fatalError`, `precondition`.
    static var globalFunctions: [FunctionBinding] {
        let element = generic("T")
        return [
            .standard("min", .function, [ParameterBinding(nil, "x", element), ParameterBinding(nil, "y", element),
                                         ParameterBinding(nil, "rest", element, isVariadic: true)], returns: element,
                      "Returns the lesser of the given comparable values.") { call in
                try extremum([call.arguments[0], call.arguments[1]] + variadic(call.arguments[2]), call.interpreter, least: true)
            },
            .standard("max", .function, [ParameterBinding(nil, "x", element), ParameterBinding(nil, "y", element),
                                         ParameterBinding(nil, "rest", element, isVariadic: true)], returns: element,
                      "Returns the greater of the given comparable values.") { call in
                try extremum([call.arguments[0], call.arguments[1]] + variadic(call.arguments[2]), call.interpreter, least: false)
            },
            .standard("abs", .function, [ParameterBinding(nil, "x", element)], returns: element, "Returns the absolute value of the given number.") { call in
                switch call.arguments[0] {
                case .int(let number):
                    guard number != .min else { throw CellLanguageError.arithmeticOverflow(operation: "abs(\(number))") }
                    return .int(abs(number))
                case .double(let number): return .double(abs(number))
                case .float(let number): return .float(abs(number))
                case let other: throw CellLanguageError.cannotConvertArgument(valueType: other.typeName, expectedType: "Int")
                }
            },
            .standard("zip", .function, [ParameterBinding(nil, "sequence1", generic("Sequence1")), ParameterBinding(nil, "sequence2", generic("Sequence2"))],
                      returns: .array(.tuple([nil, nil], [.any, .any])), "Creates a sequence of pairs built out of two underlying sequences.") { call in
                let interpreter = call.interpreter
                let first = try interpreter.iterationElements(call.arguments[0]) ?? []
                let second = try interpreter.iterationElements(call.arguments[1]) ?? []
                return .array(zip(first, second).map { .tuple(TupleValue([$0, $1])) })
            },
            .standard("stride", .function, [ParameterBinding("from", "start", element), ParameterBinding("to", "end", element),
                                            ParameterBinding("by", "stride", element)], returns: .array(element),
                      "Returns a sequence from a starting value to, but not including, an end value, stepping by the specified amount.") { call in
                try strideValues(call.arguments, isClosed: false, interpreter: call.interpreter)
            },
            .standard("stride", .function, [ParameterBinding("from", "start", element), ParameterBinding("through", "end", element),
                                            ParameterBinding("by", "stride", element)], returns: .array(element),
                      "Returns a sequence from a starting value toward, and possibly including, an end value, stepping by the specified amount.") { call in
                try strideValues(call.arguments, isClosed: true, interpreter: call.interpreter)
            },
            .standard("swap", .function, [ParameterBinding(nil, "a", element, isInOut: true), ParameterBinding(nil, "b", element, isInOut: true)],
                      returns: .void, "Exchanges the values of the two arguments.") { call in
                let first = call.arguments[0], second = call.arguments[1]
                call.setInOutValue(0, second)
                call.setInOutValue(1, first)
                return .void
            },
            .standard("type", .function, [ParameterBinding("of", "value", element)], returns: .any, "Returns the dynamic type of a value.") { call in
                .type(.named(call.arguments[0].typeName))
            },
            .standard("fatalError", .function, [ParameterBinding(nil, "message", .string, default: "\"\"")], returns: .void,
                      "Stops the cell, printing the message.") { call in
                throw CellLanguageError.runtimeFault("Fatal error" + (call.isGiven(0) && !call.string(0).isEmpty ? ": " + call.string(0) : ""))
            },
            .standard("precondition", .function, [ParameterBinding(nil, "condition", .bool), ParameterBinding(nil, "message", .string, default: "\"\"")],
                      returns: .void, "Stops the cell when the condition is false.") { call in
                guard case .bool(false) = call.arguments[0] else { return .void }
                throw CellLanguageError.runtimeFault("Precondition failed" + (call.isGiven(1) && !call.string(1).isEmpty ? ": " + call.string(1) : ""))
            },
            .standard("assert", .function, [ParameterBinding(nil, "condition", .bool), ParameterBinding(nil, "message", .string, default: "\"\"")],
                      returns: .void, "Stops the cell when the condition is false.") { call in
                guard case .bool(false) = call.arguments[0] else { return .void }
                throw CellLanguageError.runtimeFault("Assertion failed" + (call.isGiven(1) && !call.string(1).isEmpty ? ": " + call.string(1) : ""))
            },
        ]
    }

    /// The elements of a gathered variadic argument.
    static func variadic(_ value: Value) -> [Value] {
        if case .array(let elements) = value { return elements }
        return []
    }

    /// The least or greatest of `values` by Swift's `<`.
    static func extremum(_ values: [Value], _ interpreter: Interpreter, least: Bool) throws -> Value {
        var best = values[0]
        for value in values.dropFirst() {
            let isBetter = least ? try interpreter.lessThan(value, best) : try interpreter.lessThan(best, value)
            if isBetter { best = value }
        }
        return best
    }

    private static func strideValues(_ arguments: [Value], isClosed: Bool, interpreter: Interpreter) throws -> Value {
        switch (arguments[0], arguments[1], arguments[2]) {
        case (.int(let start), .int(let end), .int(let step)):
            guard step != 0 else { throw CellLanguageError.runtimeFault("Stride size must not be zero") }
            let span = Double(end) - Double(start)
            try interpreter.checkMemory(count: max(Int(Swift.min(span / Double(step), 1e18)), 0), bytesEach: MemoryLayout<Value>.stride,
                                        what: "stride(from: \(start), \(isClosed ? "through" : "to"): \(end), by: \(step))")
            let values = isClosed ? Array(stride(from: start, through: end, by: step)) : Array(stride(from: start, to: end, by: step))
            return .array(values.map(Value.int))
        default:
            let numbers = try arguments.map { value -> Double in
                switch value {
                case .int(let number): return Double(number)
                case .double(let number): return number
                case .float(let number): return Double(number)
                default: throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: "Double")
                }
            }
            guard numbers[2] != 0 else { throw CellLanguageError.runtimeFault("Stride size must not be zero") }
            let values = isClosed ? Array(stride(from: numbers[0], through: numbers[1], by: numbers[2]))
                : Array(stride(from: numbers[0], to: numbers[1], by: numbers[2]))
            return .array(values.map(Value.double))
        }
    }

    /// What cells use to talk to the notebook: `print` (to standard output, or `to: &standardError`) and `readLine`.
    static var outputFunctions: [FunctionBinding] {
        [
            .standard("print", .function, [
                ParameterBinding(nil, "items", .any, isVariadic: true, documentation: "Zero or more items to print."),
                ParameterBinding("separator", "separator", .string, default: "\" \"", documentation: "A string to print between each item."),
                ParameterBinding("terminator", "terminator", .string, default: "\"\\n\"",
                                 documentation: "The string to print after all items have been printed."),
            ], returns: .void, "Writes the textual representations of the given items into the standard output.") { call in
                call.interpreter.write(call, stream: .standardOutput)
                return .void
            },
            .standard("print", .function, [
                ParameterBinding(nil, "items", .any, isVariadic: true, documentation: "Zero or more items to print."),
                ParameterBinding("separator", "separator", .string, default: "\" \"", documentation: "A string to print between each item."),
                ParameterBinding("terminator", "terminator", .string, default: "\"\\n\"",
                                 documentation: "The string to print after all items have been printed."),
                ParameterBinding("to", "output", .named("StandardError"), isInOut: true,
                                 documentation: "`&standardError` to write to the cell's standard error."),
            ], returns: .void, "Writes the textual representations of the given items into the given stream.") { call in
                call.interpreter.write(call, stream: .standardError)
                return .void
            },
            .standard("readLine", .function, [ParameterBinding("strippingNewline", "strippingNewline", .bool, default: "true")],
                      returns: .optional(.string), "Returns a line read from the notebook's input box.") { call in
                guard let output = call.interpreter.output else { return .optional(nil) }
                do {
                    return .optional(.string(try output.readLine(prompt: "", isPassword: false)))
                } catch {
                    throw CellLanguageError.inputUnavailable("readLine() needs input, but the frontend does not allow it (\(error))")
                }
            },
        ]
    }
}

extension Interpreter {
    /// Writes `print`'s items to the cell's stream.
    func write(_ call: BindingCall, stream: CellStream) {
        let items = StandardLibrary.variadic(call.arguments[0]).map { description(of: $0) }
        let separator = call.isGiven(1) ? call.string(1) : " "
        let terminator = call.isGiven(2) ? call.string(2) : "\n"
        output?.write(items.joined(separator: separator) + terminator, to: stream)
    }
}

extension StandardLibrary {
    /// `display(_:)`: the notebook's display, rendering values of types cells declare as well as library values.
    static var displayFunction: FunctionBinding {
        .standard("display", .function, [ParameterBinding(nil, "value", .any, documentation: "What to show.")], returns: .void,
                  "Shows a value in the cell's output now, in its richest form (a figure as PNG, a table as HTML).") { call in
            let interpreter = call.interpreter
            interpreter.output?.display(interpreter.richOutput(of: call.arguments[0]), displayID: nil, isUpdate: false)
            return .void
        }
    }
}
