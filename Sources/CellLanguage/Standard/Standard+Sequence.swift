import CellRuntime

extension StandardLibrary {
    /// Members every sequence has (arrays, ranges, strings, dictionaries): the functional toolkit.
    static var sequenceType: TypeBinding {
        let element = generic("Element")
        let predicate = closure([element], .bool)
        let order = closure([element, element], .bool)
        return TypeBinding("Sequence", module: "Swift", kind: .protocolType,
                           documentation: BindingDocumentation("A type that provides sequential, iterated access to its elements."), [
            .standard("count", .property, returns: .int, "The number of elements.") { call in
                if case .range(let lower, let upper, let isClosed) = call.receiverValue {
                    let (span, overflow) = upper.subtractingReportingOverflow(lower)
                    let (count, closedOverflow) = span.addingReportingOverflow(isClosed ? 1 : 0)
                    guard !overflow, !closedOverflow else {
                        throw CellLanguageError.arithmeticOverflow(operation: "(\(lower)\(isClosed ? "..." : "..<")\(upper)).count")
                    }
                    return .int(count)
                }
                if case .string(let text) = call.receiverValue { return .int(text.count) }
                if case .dictionary(let dictionary) = call.receiverValue { return .int(dictionary.count) }
                return .int(try call.elements.count)
            },
            .standard("isEmpty", .property, returns: .bool, "A Boolean value indicating whether the collection is empty.") { call in
                switch call.receiverValue {
                case .range(let lower, let upper, let isClosed): return .bool(isClosed ? false : lower == upper)
                case .string(let text): return .bool(text.isEmpty)
                case .dictionary(let dictionary): return .bool(dictionary.count == 0)
                default: return .bool(try call.elements.isEmpty)
                }
            },
            .standard("first", .property, returns: .optional(element), "The first element of the collection, or nil when it is empty.") { call in
                if case .range(let lower, let upper, let isClosed) = call.receiverValue {
                    return .optional(isClosed || lower < upper ? .int(lower) : nil)
                }
                return .optional(try call.elements.first)
            },
            .standard("last", .property, returns: .optional(element), "The last element of the collection, or nil when it is empty.") { call in
                if case .range(let lower, let upper, let isClosed) = call.receiverValue {
                    return .optional(isClosed ? .int(upper) : (lower < upper ? .int(upper - 1) : nil))
                }
                return .optional(try call.elements.last)
            },
            .standard("map", .method, [ParameterBinding(nil, "transform", closure([element], generic("T")))], returns: .array(generic("T")),
                      "Returns an array containing the results of mapping the given closure over the sequence's elements.") { call in
                let transform = call.arguments[0]
                var result: [Value] = []
                if case .range(let lower, let upper, let isClosed) = call.receiverValue {
                    let (span, overflow) = upper.subtractingReportingOverflow(lower)
                    let (closedSpan, closedOverflow) = span.addingReportingOverflow(1)
                    let tooMany = overflow || (isClosed && closedOverflow)
                    let count = tooMany ? Int.max : (isClosed ? closedSpan : span)
                    guard count > 0 else { return .array([]) }
                    try call.interpreter.checkMemory(count: tooMany ? Int.max : count, bytesEach: MemoryLayout<Value>.stride,
                                                     what: "the range \(lower)\(isClosed ? "..." : "..<")\(upper) as an array")
                    result.reserveCapacity(count)
                    for offset in 0..<count { result.append(try call.call(transform, .int(lower + offset))) }
                    return .array(result)
                }
                let elements = try call.elements
                result.reserveCapacity(elements.count)
                for item in elements { result.append(try call.call(transform, item)) }
                return .array(result)
            },
            .standard("filter", .method, [ParameterBinding(nil, "isIncluded", predicate)], returns: .array(element),
                      "Returns an array containing, in order, the elements of the sequence that satisfy the given predicate.") { call in
                let test = call.arguments[0]
                return .array(try call.elements.filter { try call.test(test, $0) })
            },
            .standard("reduce", .method, [ParameterBinding(nil, "initialResult", generic("Result")),
                                          ParameterBinding(nil, "nextPartialResult", closure([generic("Result"), element], generic("Result")))],
                      returns: generic("Result"),
                      "Returns the result of combining the elements of the sequence using the given closure.") { call in
                let elements = try call.elements
                var accumulator = call.arguments[0]
                // `reduce(0, +)` over Doubles: the integer literal is a Double, as Swift infers.
                if call.isIntegerLiteral(0), case .int(let number) = accumulator {
                    switch elements.first {
                    case .double?: accumulator = .double(Double(number))
                    case .float?: accumulator = .float(Float(number))
                    default: break
                    }
                }
                let combine = call.arguments[1]
                for item in elements { accumulator = try call.call(combine, accumulator, item) }
                return accumulator
            },
            .standard("compactMap", .method, [ParameterBinding(nil, "transform", closure([element], .optional(generic("T"))))],
                      returns: .array(generic("T")),
                      "Returns an array containing the non-nil results of calling the given transformation with each element.") { call in
                let transform = call.arguments[0]
                return .array(try call.elements.compactMap { item -> Value? in
                    let result = try call.call(transform, item)
                    if case .optional(let wrapped) = result { return wrapped }
                    return result
                })
            },
            .standard("flatMap", .method, [ParameterBinding(nil, "transform", closure([element], .array(generic("T"))))],
                      returns: .array(generic("T")),
                      "Returns an array containing the concatenated results of calling the given transformation with each element.") { call in
                let transform = call.arguments[0]
                var result: [Value] = []
                for item in try call.elements {
                    guard let inner = try call.interpreter.iterationElements(try call.call(transform, item)) else { continue }
                    result += inner
                }
                return .array(result)
            },
            .standard("forEach", .method, [ParameterBinding(nil, "body", closure([element], .void))], returns: .void,
                      "Calls the given closure on each element in the sequence.") { call in
                let body = call.arguments[0]
                for item in try call.elements { _ = try call.call(body, item) }
                return .void
            },
            .standard("sorted", .method, returns: .array(element), "Returns the elements of the sequence, sorted in ascending order.") { call in
                let interpreter = call.interpreter
                return .array(try call.elements.sorted { try interpreter.lessThan($0, $1) })
            },
            .standard("sorted", .method, [ParameterBinding("by", "areInIncreasingOrder", order)], returns: .array(element),
                      "Returns the elements of the sequence, sorted using the given predicate as the comparison between elements.") { call in
                let order = call.arguments[0]
                return .array(try call.elements.sorted { try call.test(order, $0, $1) })
            },
            .standard("reversed", .method, returns: .array(element), "Returns the elements of the sequence in reverse order.") { call in
                .array(try call.elements.reversed())
            },
            .standard("min", .method, returns: .optional(element), "Returns the minimum element in the sequence, or nil when it is empty.") { call in
                let interpreter = call.interpreter
                return .optional(try call.elements.min { try interpreter.lessThan($0, $1) })
            },
            .standard("max", .method, returns: .optional(element), "Returns the maximum element in the sequence, or nil when it is empty.") { call in
                let interpreter = call.interpreter
                return .optional(try call.elements.max { try interpreter.lessThan($0, $1) })
            },
            .standard("min", .method, [ParameterBinding("by", "areInIncreasingOrder", order)], returns: .optional(element),
                      "Returns the minimum element in the sequence, using the given predicate as the comparison between elements.") { call in
                let order = call.arguments[0]
                return .optional(try call.elements.min { try call.test(order, $0, $1) })
            },
            .standard("max", .method, [ParameterBinding("by", "areInIncreasingOrder", order)], returns: .optional(element),
                      "Returns the maximum element in the sequence, using the given predicate as the comparison between elements.") { call in
                let order = call.arguments[0]
                return .optional(try call.elements.max { try call.test(order, $0, $1) })
            },
            .standard("contains", .method, [ParameterBinding(nil, "element", element)], returns: .bool,
                      "Returns a Boolean value indicating whether the sequence contains the given element.") { call in
                if case .range(let lower, let upper, let isClosed) = call.receiverValue, case .int(let number) = call.arguments[0] {
                    return .bool(number >= lower && (isClosed ? number <= upper : number < upper))
                }
                if case .string(let text) = call.receiverValue, case .string(let other) = call.arguments[0] {
                    return .bool(!other.isEmpty && text.contains(other))
                }
                let interpreter = call.interpreter, target = call.arguments[0]
                return .bool(try call.elements.contains { try interpreter.valuesEqual($0, target) })
            },
            .standard("contains", .method, [ParameterBinding("where", "predicate", predicate)], returns: .bool,
                      "Returns a Boolean value indicating whether the sequence contains an element that satisfies the given predicate.") { call in
                let test = call.arguments[0]
                return .bool(try call.elements.contains { try call.test(test, $0) })
            },
            .standard("allSatisfy", .method, [ParameterBinding(nil, "predicate", predicate)], returns: .bool,
                      "Returns a Boolean value indicating whether every element of the sequence satisfies the given predicate.") { call in
                let test = call.arguments[0]
                return .bool(try call.elements.allSatisfy { try call.test(test, $0) })
            },
            .standard("first", .method, [ParameterBinding("where", "predicate", predicate)], returns: .optional(element),
                      "Returns the first element of the sequence that satisfies the given predicate.") { call in
                let test = call.arguments[0]
                return .optional(try call.elements.first { try call.test(test, $0) })
            },
            .standard("last", .method, [ParameterBinding("where", "predicate", predicate)], returns: .optional(element),
                      "Returns the last element of the sequence that satisfies the given predicate.") { call in
                let test = call.arguments[0]
                return .optional(try call.elements.last { try call.test(test, $0) })
            },
            .standard("firstIndex", .method, [ParameterBinding("of", "element", element)], returns: .optional(.int),
                      "Returns the first index where the specified value appears in the collection.") { call in
                let interpreter = call.interpreter, target = call.arguments[0]
                return .optional(try call.elements.firstIndex { try interpreter.valuesEqual($0, target) }.map(Value.int))
            },
            .standard("firstIndex", .method, [ParameterBinding("where", "predicate", predicate)], returns: .optional(.int),
                      "Returns the first index in which an element of the collection satisfies the given predicate.") { call in
                let test = call.arguments[0]
                return .optional(try call.elements.firstIndex { try call.test(test, $0) }.map(Value.int))
            },
            .standard("enumerated", .method, returns: .array(.tuple(["offset", "element"], [.int, element])),
                      "Returns a sequence of pairs (offset, element): a zero-based counter and an element.") { call in
                .array(try call.elements.enumerated().map { .tuple(TupleValue([.int($0.offset), $0.element], labels: ["offset", "element"])) })
            },
            .standard("joined", .method, [ParameterBinding("separator", "separator", .string, default: "\"\"")], returns: .string,
                      "Returns the elements of this sequence of strings, concatenated, with the given separator between them.") { call in
                let parts = try call.elements.map { item -> String in
                    guard case .string(let text) = item else { throw CellLanguageError.noMember(typeName: call.receiverValue.typeName, member: "joined") }
                    return text
                }
                return .string(parts.joined(separator: call.isGiven(0) ? call.string(0) : ""))
            },
            .standard("prefix", .method, [ParameterBinding(nil, "maxLength", .int)], returns: .array(element),
                      "Returns a subsequence, up to the specified maximum length, containing the initial elements.") { call in
                guard call.int(0) >= 0 else { throw CellLanguageError.runtimeFault("Can't take a prefix of negative length from a collection") }
                return .array(Array(try call.elements.prefix(call.int(0))))
            },
            .standard("suffix", .method, [ParameterBinding(nil, "maxLength", .int)], returns: .array(element),
                      "Returns a subsequence, up to the given maximum length, containing the final elements.") { call in
                guard call.int(0) >= 0 else { throw CellLanguageError.runtimeFault("Can't take a suffix of negative length from a collection") }
                return .array(Array(try call.elements.suffix(call.int(0))))
            },
            .standard("dropFirst", .method, [ParameterBinding(nil, "k", .int, default: "1")], returns: .array(element),
                      "Returns a subsequence containing all but the given number of initial elements.") { call in
                .array(Array(try call.elements.dropFirst(call.isGiven(0) ? max(call.int(0), 0) : 1)))
            },
            .standard("dropLast", .method, [ParameterBinding(nil, "k", .int, default: "1")], returns: .array(element),
                      "Returns a subsequence containing all but the given number of final elements.") { call in
                .array(Array(try call.elements.dropLast(call.isGiven(0) ? max(call.int(0), 0) : 1)))
            },
            .standard("indices", .property, returns: .range(isClosed: false),
                      "The indices that are valid for subscripting the collection, in ascending order.") { call in
                .range(lower: 0, upper: try call.elements.count, isClosed: false)
            },
        ])
    }
}
