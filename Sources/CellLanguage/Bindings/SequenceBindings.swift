extension BindingTable {
    /// Members every sequence has (arrays, ranges, strings, dictionaries): the functional toolkit.
    static var sequenceBindings: TypeBindings {
        TypeBindings("Sequence", summary: "A type that provides sequential, iterated access to its elements.", [
            FunctionBinding("count", kind: .property, returns: "Int", summary: "The number of elements.") { call in
                .int(try call.receiver.rangeSummary?.count ?? call.receiver.sequenceElements?.count ?? 0)
            },
            FunctionBinding("isEmpty", kind: .property, returns: "Bool",
                            summary: "A Boolean value indicating whether the collection is empty.") { call in
                .bool(try call.receiver.rangeSummary.map { $0.count == 0 } ?? call.receiver.sequenceElements?.isEmpty ?? true)
            },
            FunctionBinding("first", kind: .property, returns: "Element?",
                            summary: "The first element of the collection, or nil when it is empty.") { call in
                if let range = try call.receiver.rangeSummary { return .optional(range.first.map(Value.int)) }
                return .optional(try call.receiver.sequenceElements?.first)
            },
            FunctionBinding("last", kind: .property, returns: "Element?",
                            summary: "The last element of the collection, or nil when it is empty.") { call in
                if let range = try call.receiver.rangeSummary { return .optional(range.last.map(Value.int)) }
                return .optional(try call.receiver.sequenceElements?.last)
            },
            FunctionBinding("map", kind: .method, parameters: [.init(nil, "transform", .function("(Element) throws -> T"))],
                            returns: "[T]",
                            summary: "Returns an array containing the results of mapping the given closure over the sequence's elements.") { call in
                .array(try call.elements.map { try call.call(call.arguments[0], [$0]) })
            },
            FunctionBinding("filter", kind: .method,
                            parameters: [.init(nil, "isIncluded", .function("(Element) throws -> Bool"))],
                            returns: "[Element]",
                            summary: "Returns an array containing, in order, the elements of the sequence that satisfy the given predicate.") { call in
                .array(try call.elements.filter { try call.predicate(call.arguments[0], $0) })
            },
            FunctionBinding("reduce", kind: .method,
                            parameters: [.init(nil, "initialResult", .any("Result")),
                                         .init(nil, "nextPartialResult", .function("(Result, Element) throws -> Result"))],
                            returns: "Result",
                            summary: "Returns the result of combining the elements of the sequence using the given closure.") { call in
                let elements = try call.elements
                let initial = call.argument(0, adaptingTo: elements.first)
                return try elements.reduce(initial) { try call.call(call.arguments[1], [$0, $1]) }
            },
            FunctionBinding("compactMap", kind: .method,
                            parameters: [.init(nil, "transform", .function("(Element) throws -> T?"))], returns: "[T]",
                            summary: "Returns an array containing the non-nil results of calling the given transformation with each element.") { call in
                .array(try call.elements.compactMap { element -> Value? in
                    let result = try call.call(call.arguments[0], [element])
                    if case .optional(let wrapped) = result { return wrapped }
                    return result
                })
            },
            FunctionBinding("forEach", kind: .method, parameters: [.init(nil, "body", .function("(Element) throws -> Void"))],
                            returns: "Void", summary: "Calls the given closure on each element in the sequence.") { call in
                for element in try call.elements { _ = try call.call(call.arguments[0], [element]) }
                return .void
            },
            FunctionBinding("sorted", kind: .method, returns: "[Element]",
                            summary: "Returns the elements of the sequence, sorted in ascending order.") { call in
                .array(try call.elements.sorted { try call.evaluator.lessThan($0, $1) })
            },
            FunctionBinding("sorted", kind: .method,
                            parameters: [.init("by", "areInIncreasingOrder", .function("(Element, Element) throws -> Bool"))],
                            returns: "[Element]",
                            summary: "Returns the elements of the sequence, sorted using the given predicate as the comparison between elements.") { call in
                .array(try call.elements.sorted { try call.predicate(call.arguments[0], $0, $1) })
            },
            FunctionBinding("reversed", kind: .method, returns: "[Element]",
                            summary: "Returns the elements of the sequence in reverse order.") { call in
                .array(try call.elements.reversed())
            },
            FunctionBinding("min", kind: .method, returns: "Element?",
                            summary: "Returns the minimum element in the sequence, or nil when it is empty.") { call in
                let elements = try call.elements
                guard !elements.isEmpty else { return .optional(nil) }
                return .optional(try extremum(of: elements, evaluator: call.evaluator, wantsLeast: true))
            },
            FunctionBinding("max", kind: .method, returns: "Element?",
                            summary: "Returns the maximum element in the sequence, or nil when it is empty.") { call in
                let elements = try call.elements
                guard !elements.isEmpty else { return .optional(nil) }
                return .optional(try extremum(of: elements, evaluator: call.evaluator, wantsLeast: false))
            },
            FunctionBinding("min", kind: .method,
                            parameters: [.init("by", "areInIncreasingOrder", .function("(Element, Element) throws -> Bool"))],
                            returns: "Element?",
                            summary: "Returns the minimum element in the sequence, using the given predicate as the comparison between elements.") { call in
                var best: Value?
                for element in try call.elements {
                    if let current = best, !(try call.predicate(call.arguments[0], element, current)) { continue }
                    best = element
                }
                return .optional(best)
            },
            FunctionBinding("max", kind: .method,
                            parameters: [.init("by", "areInIncreasingOrder", .function("(Element, Element) throws -> Bool"))],
                            returns: "Element?",
                            summary: "Returns the maximum element in the sequence, using the given predicate as the comparison between elements.") { call in
                var best: Value?
                for element in try call.elements {
                    if let current = best, !(try call.predicate(call.arguments[0], current, element)) { continue }
                    best = element
                }
                return .optional(best)
            },
            FunctionBinding("contains", kind: .method, parameters: [.init(nil, "element", .any("Element"))],
                            returns: "Bool",
                            summary: "Returns a Boolean value indicating whether the sequence contains the given element.") { call in
                .bool(try call.elements.contains { try call.evaluator.valuesEqual($0, call.arguments[0]) })
            },
            FunctionBinding("contains", kind: .method,
                            parameters: [.init("where", "predicate", .function("(Element) throws -> Bool"))],
                            returns: "Bool",
                            summary: "Returns a Boolean value indicating whether the sequence contains an element that satisfies the given predicate.") { call in
                .bool(try call.elements.contains { try call.predicate(call.arguments[0], $0) })
            },
            FunctionBinding("allSatisfy", kind: .method,
                            parameters: [.init(nil, "predicate", .function("(Element) throws -> Bool"))], returns: "Bool",
                            summary: "Returns a Boolean value indicating whether every element of the sequence satisfies the given predicate.") { call in
                .bool(try call.elements.allSatisfy { try call.predicate(call.arguments[0], $0) })
            },
            FunctionBinding("first", kind: .method,
                            parameters: [.init("where", "predicate", .function("(Element) throws -> Bool"))],
                            returns: "Element?",
                            summary: "Returns the first element of the sequence that satisfies the given predicate.") { call in
                .optional(try call.elements.first { try call.predicate(call.arguments[0], $0) })
            },
            FunctionBinding("enumerated", kind: .method, returns: "[(offset: Int, element: Element)]",
                            summary: "Returns a sequence of pairs (offset, element): a zero-based counter and an element.") { call in
                .array(try call.elements.enumerated().map { .tuple([.int($0.offset), $0.element], labels: ["offset", "element"]) })
            },
            FunctionBinding("joined", kind: .method, parameters: [.init("separator", .string, defaultValue: .string(""))],
                            returns: "String",
                            summary: "Returns the elements of this sequence of strings, concatenated, with the given separator between them.") { call in
                let parts = try call.elements.map { element -> String in
                    guard case .string(let text) = element else {
                        throw CellLanguageError.noMember(typeName: call.receiver.typeName, member: "joined")
                    }
                    return text
                }
                guard case .string(let separator) = call.arguments[0] else { return .void }
                return .string(parts.joined(separator: separator))
            },
        ])
    }
}

extension BindingInvocation {
    /// The receiver's elements (for sequence members).
    var elements: [Value] { get throws { try receiver.sequenceElements ?? [] } }

    /// Calls a predicate closure; fails unless it gives a Bool.
    func predicate(_ function: Value, _ arguments: Value...) throws -> Bool {
        let result = try call(function, arguments)
        guard case .bool(let flag) = result else {
            throw CellLanguageError.cannotConvertArgument(valueType: result.typeName, expectedType: "Bool")
        }
        return flag
    }
}
