extension BindingTable {
    /// `Array`'s own members; the functional ones come from ``sequenceBindings``.
    static var arrayBindings: TypeBindings {
        TypeBindings("Array", summary: "An ordered, random-access collection.", [
            FunctionBinding("Array", kind: .initializer,
                            parameters: [.init("repeating", "repeatedValue", .any("Element")), .init("count", .int)],
                            returns: "[Element]",
                            summary: "Creates a new array containing the specified number of a single, repeated value.") { call in
                guard case .int(let count) = call.arguments[1] else { return .void }
                guard count >= 0 else { throw CellLanguageError.runtimeFault("Can't construct Array with count < 0") }
                try ElementMemory.check(count: count, bytesEach: MemoryLayout<Value>.stride, what: "Array(repeating:count: \(count))")
                return .array(Array(repeating: call.arguments[0], count: count))
            },
            FunctionBinding("Array", kind: .initializer, parameters: [.init(nil, "elements", .sequence("S"))],
                            returns: "[S.Element]", summary: "Creates an array containing the elements of a sequence.") { call in
                .array(try call.arguments[0].sequenceElements ?? [])
            },
            FunctionBinding("append", kind: .method, parameters: [.init(nil, "newElement", .any("Element"))],
                            returns: "Void", summary: "Adds a new element at the end of the array.", isMutating: true) { call in
                let newElement = call.arguments[0]
                return try call.mutateArray { $0.append(newElement) }
            },
            FunctionBinding("append", kind: .method, parameters: [.init("contentsOf", "newElements", .sequence("S"))],
                            returns: "Void", summary: "Adds the elements of a sequence to the end of the array.",
                            isMutating: true) { call in
                let newElements = try call.arguments[0].sequenceElements ?? []
                return try call.mutateArray { $0.append(contentsOf: newElements) }
            },
            FunctionBinding("insert", kind: .method,
                            parameters: [.init(nil, "newElement", .any("Element")), .init("at", "i", .int)],
                            returns: "Void", summary: "Inserts a new element at the specified position.",
                            isMutating: true) { call in
                guard case .int(let index) = call.arguments[1] else { return .void }
                let newElement = call.arguments[0]
                return try call.mutateArray { elements in
                    guard index >= 0, index <= elements.count else { throw CellLanguageError.indexOutOfRange }
                    elements.insert(newElement, at: index)
                }
            },
            FunctionBinding("remove", kind: .method, parameters: [.init("at", "index", .int)], returns: "Element",
                            summary: "Removes and returns the element at the specified position.", isMutating: true) { call in
                guard case .int(let index) = call.arguments[0] else { return .void }
                var removed = Value.void
                _ = try call.mutateArray { elements in
                    guard elements.indices.contains(index) else { throw CellLanguageError.indexOutOfRange }
                    removed = elements.remove(at: index)
                }
                return removed
            },
            FunctionBinding("removeLast", kind: .method, returns: "Element",
                            summary: "Removes and returns the last element of the collection.", isMutating: true) { call in
                var removed = Value.void
                _ = try call.mutateArray { elements in
                    guard !elements.isEmpty else {
                        throw CellLanguageError.runtimeFault("Can't remove last element from an empty collection")
                    }
                    removed = elements.removeLast()
                }
                return removed
            },
            FunctionBinding("popLast", kind: .method, returns: "Element?",
                            summary: "Removes and returns the last element of the array, or nil when it is empty.",
                            isMutating: true) { call in
                var removed: Value?
                _ = try call.mutateArray { removed = $0.popLast() }
                return .optional(removed)
            },
            FunctionBinding("removeFirst", kind: .method, returns: "Element",
                            summary: "Removes and returns the first element of the collection.", isMutating: true) { call in
                var removed = Value.void
                _ = try call.mutateArray { elements in
                    guard !elements.isEmpty else {
                        throw CellLanguageError.runtimeFault("Can't remove first element from an empty collection")
                    }
                    removed = elements.removeFirst()
                }
                return removed
            },
            FunctionBinding("removeAll", kind: .method, returns: "Void",
                            summary: "Removes all elements from the array.", isMutating: true) { call in
                try call.mutateArray { $0.removeAll() }
            },
            FunctionBinding("firstIndex", kind: .method, parameters: [.init("of", "element", .any("Element"))],
                            returns: "Int?",
                            summary: "Returns the first index where the specified value appears in the collection.") { call in
                .optional(try call.elements.firstIndex { try call.evaluator.valuesEqual($0, call.arguments[0]) }.map(Value.int))
            },
            FunctionBinding("indices", kind: .property, returns: "Range<Int>",
                            summary: "The indices that are valid for subscripting the collection, in ascending order.") { call in
                .range(lower: 0, upper: try call.elements.count, isClosed: false)
            },
        ])
    }
}

extension BindingInvocation {
    /// Changes the receiver array in place.
    @discardableResult
    mutating func mutateArray(_ body: (inout [Value]) throws -> Void) throws -> Value {
        guard case .array(var elements) = receiver else {
            throw CellLanguageError.noMember(typeName: receiver.typeName, member: "append")
        }
        receiver = .void
        defer { receiver = .array(elements) }
        try body(&elements)
        return .void
    }
}
