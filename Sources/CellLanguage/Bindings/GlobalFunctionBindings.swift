extension BindingTable {
    /// Free functions of the standard library subset: `min`, `max`, `abs`, `zip`, `stride`.
    static var globalFunctionBindings: [FunctionBinding] {
        [
            FunctionBinding("min", kind: .function,
                            parameters: [.init(nil, "x", .any("T")), .init(nil, "y", .any("T")),
                                         .init(nil, "rest", .any("T"), isVariadic: true)],
                            returns: "T", summary: "Returns the lesser of the given comparable values.") { call in
                try extremum(of: [call.arguments[0], call.arguments[1]] + call.arguments[2].arrayElements,
                             evaluator: call.evaluator, wantsLeast: true)
            },
            FunctionBinding("max", kind: .function,
                            parameters: [.init(nil, "x", .any("T")), .init(nil, "y", .any("T")),
                                         .init(nil, "rest", .any("T"), isVariadic: true)],
                            returns: "T", summary: "Returns the greater of the given comparable values.") { call in
                try extremum(of: [call.arguments[0], call.arguments[1]] + call.arguments[2].arrayElements,
                             evaluator: call.evaluator, wantsLeast: false)
            },
            FunctionBinding("abs", kind: .function, parameters: [.init(nil, "x", .any("T"))], returns: "T",
                            summary: "Returns the absolute value of the given number.") { call in
                switch call.arguments[0] {
                case .int(let number):
                    guard number != .min else { throw CellLanguageError.arithmeticOverflow(operation: "abs(\(number))") }
                    return .int(abs(number))
                case .double(let number): return .double(abs(number))
                case let other:
                    throw CellLanguageError.cannotConvertArgument(valueType: other.typeName, expectedType: "Int")
                }
            },
            FunctionBinding("zip", kind: .function,
                            parameters: [.init(nil, "sequence1", .sequence("Sequence1")),
                                         .init(nil, "sequence2", .sequence("Sequence2"))],
                            returns: "[(Sequence1.Element, Sequence2.Element)]",
                            summary: "Creates a sequence of pairs built out of two underlying sequences.") { call in
                let pairs = zip(try call.arguments[0].sequenceElements ?? [], try call.arguments[1].sequenceElements ?? [])
                return .array(pairs.map { .tuple([$0, $1], labels: [nil, nil]) })
            },
            FunctionBinding("stride", kind: .function,
                            parameters: [.init("from", "start", .any("T")), .init("to", "end", .any("T")),
                                         .init("by", "stride", .any("T"))],
                            returns: "[T]", summary: "Returns a sequence from a starting value to, but not including, an end value, stepping by the specified amount.") { call in
                try strideValues(call.arguments, isClosed: false)
            },
            FunctionBinding("stride", kind: .function,
                            parameters: [.init("from", "start", .any("T")), .init("through", "end", .any("T")),
                                         .init("by", "stride", .any("T"))],
                            returns: "[T]", summary: "Returns a sequence from a starting value toward, and possibly including, an end value, stepping by the specified amount.") { call in
                try strideValues(call.arguments, isClosed: true)
            },
        ]
    }

    /// The least or greatest of `values` by Swift's `<`.
    static func extremum(of values: [Value], evaluator: Evaluator, wantsLeast: Bool) throws -> Value {
        var best = values[0]
        for value in values.dropFirst() {
            let isBetter = wantsLeast ? try evaluator.lessThan(value, best) : try evaluator.lessThan(best, value)
            if isBetter { best = value }
        }
        return best
    }

    private static func strideValues(_ arguments: [Value], isClosed: Bool) throws -> Value {
        switch (arguments[0], arguments[1], arguments[2]) {
        case (.int(let start), .int(let end), .int(let step)):
            guard step != 0 else { throw CellLanguageError.runtimeFault("Stride size must not be zero") }
            let values = isClosed ? Array(stride(from: start, through: end, by: step)) : Array(stride(from: start, to: end, by: step))
            return .array(values.map(Value.int))
        default:
            let numbers = try arguments.map { value -> Double in
                switch value {
                case .int(let number): return Double(number)
                case .double(let number): return number
                default: throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: "Double")
                }
            }
            guard numbers[2] != 0 else { throw CellLanguageError.runtimeFault("Stride size must not be zero") }
            let values = isClosed ? Array(stride(from: numbers[0], through: numbers[1], by: numbers[2]))
                : Array(stride(from: numbers[0], to: numbers[1], by: numbers[2]))
            return .array(values.map(Value.double))
        }
    }
}

extension Value {
    /// The elements of an array value (a gathered variadic argument); empty otherwise.
    var arrayElements: [Value] {
        if case .array(let elements) = self { return elements }
        return []
    }
}
