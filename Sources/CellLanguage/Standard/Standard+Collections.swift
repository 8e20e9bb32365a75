import CellRuntime

extension StandardLibrary {
    /// `Array`'s own members; the functional ones come from ``sequenceType``.
    static var arrayType: TypeBinding {
        let element = generic("Element")
        return TypeBinding("Array", module: "Swift", kind: .structure,
                           documentation: BindingDocumentation("An ordered, random-access collection."), [
            .standard("init", .initializer, [ParameterBinding("repeating", "repeatedValue", element), ParameterBinding("count", "count", .int)],
                      returns: .array(element), "Creates a new array containing the specified number of a single, repeated value.") { call in
                let count = call.int(1)
                guard count >= 0 else { throw CellLanguageError.runtimeFault("Can't construct Array with count < 0") }
                try call.interpreter.checkMemory(count: count, bytesEach: MemoryLayout<Value>.stride, what: "Array(repeating:count: \(count))")
                return .array(Array(repeating: call.arguments[0], count: count))
            },
            .standard("init", .initializer, [ParameterBinding(nil, "elements", generic("S"))], returns: .array(element),
                      "Creates an array containing the elements of a sequence.") { call in
                guard let elements = try call.interpreter.iterationElements(call.arguments[0]) else {
                    throw CellLanguageError.cannotConvertArgument(valueType: call.arguments[0].typeName, expectedType: "Sequence")
                }
                return .array(elements)
            },
            .standard("append", .method, [ParameterBinding(nil, "newElement", element)], returns: .void, mutating: true,
                      "Adds a new element at the end of the array.") { call in
                let newElement = call.arguments[0]
                try call.mutateArray { $0.append(newElement) }
                return .void
            },
            .standard("append", .method, [ParameterBinding("contentsOf", "newElements", generic("S"))], returns: .void, mutating: true,
                      "Adds the elements of a sequence to the end of the array.") { call in
                var newElements = try call.interpreter.iterationElements(call.arguments[0]) ?? []
                // `xs.append(contentsOf: [1, 2])` on a `[Double]`: integer literals become Doubles.
                if case .array(.integer) = call.literals.first, let element = call.elementType {
                    newElements = newElements.map { Value.coercingNumber($0, to: element) }
                }
                try call.mutateArray { $0.append(contentsOf: newElements) }
                return .void
            },
            .standard("insert", .method, [ParameterBinding(nil, "newElement", element), ParameterBinding("at", "i", .int)], returns: .void,
                      mutating: true, "Inserts a new element at the specified position.") { call in
                let newElement = call.arguments[0], index = call.int(1)
                try call.mutateArray { elements in
                    guard index >= 0, index <= elements.count else { throw CellLanguageError.indexOutOfRange }
                    elements.insert(newElement, at: index)
                }
                return .void
            },
            .standard("remove", .method, [ParameterBinding("at", "index", .int)], returns: element, mutating: true,
                      "Removes and returns the element at the specified position.") { call in
                let index = call.int(0)
                return try call.mutateArray { elements in
                    guard elements.indices.contains(index) else { throw CellLanguageError.indexOutOfRange }
                    return elements.remove(at: index)
                }
            },
            .standard("removeLast", .method, returns: element, mutating: true, "Removes and returns the last element of the collection.") { call in
                try call.mutateArray { elements in
                    guard !elements.isEmpty else { throw CellLanguageError.runtimeFault("Can't remove last element from an empty collection") }
                    return elements.removeLast()
                }
            },
            .standard("removeFirst", .method, returns: element, mutating: true, "Removes and returns the first element of the collection.") { call in
                try call.mutateArray { elements in
                    guard !elements.isEmpty else { throw CellLanguageError.runtimeFault("Can't remove first element from an empty collection") }
                    return elements.removeFirst()
                }
            },
            .standard("popLast", .method, returns: .optional(element), mutating: true,
                      "Removes and returns the last element of the array, or nil when it is empty.") { call in
                .optional(try call.mutateArray { $0.popLast() })
            },
            .standard("removeAll", .method, returns: .void, mutating: true, "Removes all elements from the array.") { call in
                try call.mutateArray { $0.removeAll() }
                return .void
            },
            .standard("removeAll", .method, [ParameterBinding("where", "shouldBeRemoved", closure([element], .bool))], returns: .void,
                      mutating: true, "Removes all the elements that satisfy the given predicate.") { call in
                let test = call.arguments[0]
                var kept: [Value] = []
                for item in try call.elements where !(try call.test(test, item)) { kept.append(item) }
                call.receiverValue = .array(kept)
                return .void
            },
            .standard("sort", .method, returns: .void, mutating: true, "Sorts the collection in place.") { call in
                let interpreter = call.interpreter
                try call.mutateArray { elements in try elements.sort { try interpreter.lessThan($0, $1) } }
                return .void
            },
            .standard("sort", .method, [ParameterBinding("by", "areInIncreasingOrder", closure([element, element], .bool))], returns: .void,
                      mutating: true, "Sorts the collection in place, using the given predicate as the comparison between elements.") { call in
                let order = call.arguments[0]
                var elements = try call.elements
                try elements.sort { try call.test(order, $0, $1) }
                call.receiverValue = .array(elements)
                return .void
            },
            .standard("reverse", .method, returns: .void, mutating: true, "Reverses the elements of the collection in place.") { call in
                try call.mutateArray { $0.reverse() }
                return .void
            },
            .standard("swapAt", .method, [ParameterBinding(nil, "i", .int), ParameterBinding(nil, "j", .int)], returns: .void, mutating: true,
                      "Exchanges the values at the specified indices of the collection.") { call in
                let first = call.int(0), second = call.int(1)
                try call.mutateArray { elements in
                    guard elements.indices.contains(first), elements.indices.contains(second) else { throw CellLanguageError.indexOutOfRange }
                    elements.swapAt(first, second)
                }
                return .void
            },
        ])
    }

    /// `Dictionary`'s own members; iteration gives `(key: Key, value: Value)` pairs.
    static var dictionaryType: TypeBinding {
        let key = generic("Key"), value = generic("Value")
        let pair = SwiftType.tuple(["key", "value"], [key, value])
        return TypeBinding("Dictionary", module: "Swift", kind: .structure,
                           documentation: BindingDocumentation("A collection whose elements are key-value pairs."), [
            .standard("keys", .property, returns: .array(key), "A collection containing just the keys of the dictionary.") { call in
                guard case .dictionary(let dictionary) = call.receiverValue else { return .array([]) }
                return .array(dictionary.keys.map(\.value))
            },
            .standard("values", .property, returns: .array(value), "A collection containing just the values of the dictionary.") { call in
                guard case .dictionary(let dictionary) = call.receiverValue else { return .array([]) }
                return .array(dictionary.values)
            },
            .standard("removeValue", .method, [ParameterBinding("forKey", "key", key)], returns: .optional(value), mutating: true,
                      "Removes the given key and its associated value from the dictionary.") { call in
                guard case .dictionary(var dictionary) = call.receiverValue, let hashable = call.interpreter.dictionaryKey(call.arguments[0]) else {
                    return .optional(nil)
                }
                call.receiverValue = .void
                let removed = dictionary[hashable]
                dictionary[hashable] = nil
                call.receiverValue = .dictionary(dictionary)
                return .optional(removed)
            },
            .standard("updateValue", .method, [ParameterBinding(nil, "value", value), ParameterBinding("forKey", "key", key)],
                      returns: .optional(value), mutating: true,
                      "Updates the value stored in the dictionary for the given key, or adds a new key-value pair.") { call in
                guard case .dictionary(var dictionary) = call.receiverValue, let hashable = call.interpreter.dictionaryKey(call.arguments[1]) else {
                    return .optional(nil)
                }
                call.receiverValue = .void
                let previous = dictionary[hashable]
                dictionary[hashable] = call.arguments[0]
                call.receiverValue = .dictionary(dictionary)
                return .optional(previous)
            },
            .standard("filter", .method, [ParameterBinding(nil, "isIncluded", closure([pair], .bool))], returns: .dictionary(key, value),
                      "Returns a new dictionary containing the key-value pairs of the dictionary that satisfy the given predicate.") { call in
                guard case .dictionary(let dictionary) = call.receiverValue else { return call.receiverValue }
                let test = call.arguments[0]
                var result = ValueDictionary()
                for (entryKey, entryValue) in dictionary.entries
                where try call.test(test, .tuple(TupleValue([entryKey.value, entryValue], labels: ["key", "value"]))) {
                    result[entryKey] = entryValue
                }
                return .dictionary(result)
            },
            .standard("mapValues", .method, [ParameterBinding(nil, "transform", closure([value], generic("T")))],
                      returns: .dictionary(key, generic("T")),
                      "Returns a new dictionary containing the keys of this dictionary with the values transformed by the given closure.") { call in
                guard case .dictionary(let dictionary) = call.receiverValue else { return call.receiverValue }
                let transform = call.arguments[0]
                var result = ValueDictionary()
                for (entryKey, entryValue) in dictionary.entries { result[entryKey] = try call.call(transform, entryValue) }
                return .dictionary(result)
            },
        ])
    }

    /// `Optional`'s members.
    static var optionalType: TypeBinding {
        let wrapped = generic("Wrapped")
        return TypeBinding("Optional", module: "Swift", kind: .enumeration,
                           documentation: BindingDocumentation("A type that represents either a wrapped value or nil."), [
            .standard("map", .method, [ParameterBinding(nil, "transform", closure([wrapped], generic("U")))], returns: .optional(generic("U")),
                      "Evaluates the given closure when this instance is not nil.") { call in
                guard case .optional(let inner?) = call.receiverValue else { return .optional(nil) }
                return .optional(try call.call(call.arguments[0], inner))
            },
            .standard("flatMap", .method, [ParameterBinding(nil, "transform", closure([wrapped], .optional(generic("U"))))],
                      returns: .optional(generic("U")), "Evaluates the given closure when this instance is not nil, flattening the result.") { call in
                guard case .optional(let inner?) = call.receiverValue else { return .optional(nil) }
                let result = try call.call(call.arguments[0], inner)
                if case .optional = result { return result }
                return .optional(result)
            },
        ])
    }

    /// `Range` and `ClosedRange` members beyond the sequence ones.
    static var rangeType: TypeBinding {
        TypeBinding("Range", module: "Swift", kind: .structure,
                    documentation: BindingDocumentation("A half-open (`..<`) or closed (`...`) interval of integers."), [
            .standard("lowerBound", .property, returns: .int, "The range's lower bound.") { call in
                guard case .range(let lower, _, _) = call.receiverValue else { return .void }
                return .int(lower)
            },
            .standard("upperBound", .property, returns: .int, "The range's upper bound.") { call in
                guard case .range(_, let upper, _) = call.receiverValue else { return .void }
                return .int(upper)
            },
        ])
    }
}
