extension BindingTable {
    /// `Dictionary`'s own members; iteration gives `(key: Key, value: Value)` pairs.
    static var dictionaryBindings: TypeBindings {
        TypeBindings("Dictionary", summary: "A collection whose elements are key-value pairs.", [
            FunctionBinding("keys", kind: .property, returns: "[Key]",
                            summary: "A collection containing just the keys of the dictionary.") { call in
                .array(call.dictionary.keys.map(\.value))
            },
            FunctionBinding("values", kind: .property, returns: "[Value]",
                            summary: "A collection containing just the values of the dictionary.") { call in
                .array(call.dictionary.values)
            },
            FunctionBinding("removeValue", kind: .method, parameters: [.init("forKey", "key", .any("Key"))],
                            returns: "Value?", summary: "Removes the given key and its associated value from the dictionary.",
                            isMutating: true) { call in
                guard case .dictionary(var dictionary) = call.receiver, let key = DictionaryKey(call.arguments[0]) else {
                    return .optional(nil)
                }
                call.receiver = .void
                let removed = dictionary[key]
                dictionary[key] = nil
                call.receiver = .dictionary(dictionary)
                return .optional(removed)
            },
            FunctionBinding("filter", kind: .method,
                            parameters: [.init(nil, "isIncluded", .function("((key: Key, value: Value)) throws -> Bool"))],
                            returns: "[Key: Value]",
                            summary: "Returns a new dictionary containing the key-value pairs of the dictionary that satisfy the given predicate.") { call in
                var result = ValueDictionary()
                for (key, value) in call.dictionary.entries
                where try call.predicate(call.arguments[0], .tuple([key.value, value], labels: ["key", "value"])) {
                    result[key] = value
                }
                return .dictionary(result)
            },
            FunctionBinding("mapValues", kind: .method, parameters: [.init(nil, "transform", .function("(Value) throws -> T"))],
                            returns: "[Key: T]",
                            summary: "Returns a new dictionary containing the keys of this dictionary with the values transformed by the given closure.") { call in
                var result = ValueDictionary()
                for (key, value) in call.dictionary.entries { result[key] = try call.call(call.arguments[0], [value]) }
                return .dictionary(result)
            },
        ])
    }
}

extension BindingInvocation {
    /// The receiver as a dictionary (empty when it is not one).
    var dictionary: ValueDictionary {
        if case .dictionary(let dictionary) = receiver { return dictionary }
        return ValueDictionary()
    }
}
