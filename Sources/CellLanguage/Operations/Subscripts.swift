import CellRuntime

extension Interpreter {
    /// `container[arguments]`: array elements and slices, dictionary lookups (Optional, or with `default:`),
    /// string characters by offset ranges are refused as in Swift, subscripts of cell and library types.
    func subscriptGet(_ container: Value, arguments: [Argument]) throws -> Value {
        switch (container, arguments.first?.value) {
        case (.array(let elements), .int(let index)?) where arguments.count == 1:
            guard elements.indices.contains(index) else { throw CellLanguageError.indexOutOfRange }
            return elements[index]
        case (.array(let elements), .range(let lower, let upper, let isClosed)?) where arguments.count == 1:
            let (start, end) = try Interpreter.sliceBounds(lower, upper, isClosed, count: elements.count)
            return .array(Array(elements[start..<end]))
        case (.dictionary(let dictionary), let keyValue?):
            guard let key = dictionaryKey(keyValue) else {
                throw CellLanguageError.cannotConvertArgument(valueType: keyValue.typeName, expectedType: "Hashable")
            }
            if arguments.count == 2, arguments[1].label == "default" { return dictionary[key] ?? arguments[1].value }
            return .optional(dictionary[key])
        case (.string, _):
            throw CellLanguageError.typeMismatch("'subscript(_:)' is unavailable: cannot subscript String with an Int")
        case (.array, let index?):
            throw CellLanguageError.cannotConvertArgument(valueType: index.typeName, expectedType: "Int")
        default:
            break
        }
        if let type = cellType(of: container), let accessor = type.classChain.lazy.compactMap({ $0.subscripts.first }).first {
            return try invokeAccessor(accessor.getter, receiver: container, owner: type, arguments: arguments, node: nil)
        }
        if let binding = libraryBinding(of: container) ?? Interpreter.standardTypeName(of: container).flatMap({ bindings.types[$0] }),
           let overloads = bindings.lineage(of: binding).lazy.compactMap({ $0.members["subscript"] }).first {
            var receiver = container
            var written: [Int: Value] = [:]
            return try callBindings("subscript", overloads, receiver: &receiver, arguments: arguments, elementType: nil,
                                    written: &written, node: nil)
        }
        throw CellLanguageError.typeMismatch("value of type '\(container.typeName)' has no subscripts")
    }

    /// The half-open element range a range subscript covers, checked against the collection's count. A partial
    /// range is a range whose bounds are reversed: `lower...` is `lower...Int.min`, `..<upper` is `Int.max..<upper`.
    static func sliceBounds(_ lower: Int, _ upper: Int, _ isClosed: Bool, count: Int) throws -> (Int, Int) {
        var start = lower, end = isClosed ? upper &+ 1 : upper
        if lower > upper {
            if upper == Int.min { end = count } else { start = 0 }
        }
        guard start >= 0, end <= count, start <= end else { throw CellLanguageError.indexOutOfRange }
        return (start, end)
    }

    /// Changes `container[arguments]` in place: an array element, a dictionary entry (`nil` removes it), a
    /// settable library subscript.
    func subscriptModify(_ container: inout Value, arguments: [Argument], _ body: (inout Value) throws -> Void) throws {
        if case .array = container {
            guard arguments.count == 1, arguments[0].label == nil, case .int(let index) = arguments[0].value else {
                throw CellLanguageError.cannotConvertArgument(valueType: arguments.first?.value.typeName ?? "()", expectedType: "Int")
            }
            _ = try modifyElement(of: &container, at: index, body)
            return
        }
        if case .dictionary = container {
            guard let keyArgument = arguments.first, keyArgument.label == nil, let key = dictionaryKey(keyArgument.value) else {
                throw CellLanguageError.typeMismatch("dictionary subscript needs a key")
            }
            if arguments.count == 2, arguments[1].label == "default" {
                _ = try modifyEntry(of: &container, key: key, default: arguments[1].value, body)
                return
            }
            guard var dictionary = container.takeDictionary() else { return }
            defer { container = .dictionary(dictionary) }
            var element: Value = .optional(dictionary[key])
            try body(&element)
            switch element {
            case .optional(let wrapped): dictionary[key] = wrapped
            default: dictionary[key] = element
            }
            return
        }
        if let binding = libraryBinding(of: container),
           let overload = bindings.lineage(of: binding).lazy.compactMap({ $0.members["subscript"]?.first(where: \.isSettable) }).first,
           let setter = overload.setter {
            var value = try subscriptGet(container, arguments: arguments)
            try body(&value)
            var values = arguments.map(\.value)
            values.append(value)
            var call = BindingCall(receiver: container, arguments: values, given: values.map { _ in true },
                                   parameters: overload.parameters + [ParameterBinding(nil, "newValue", overload.returnType)],
                                   returnType: .void, callbacks: self)
            container = .void
            defer { container = call.receiverValue }
            try runLibrary(nil) { try setter(&call) }
            return
        }
        throw CellLanguageError.typeMismatch("cannot assign through subscript: value of type '\(container.typeName)' has no settable subscripts")
    }

    /// Changes `container[index]` in place when `container` is an array (the element keeps its kind); false, with
    /// nothing changed, for any other value. The elements are moved out while `body` runs, so they are not copied.
    func modifyElement(of container: inout Value, at index: Int, _ body: (inout Value) throws -> Void) throws -> Bool {
        guard var elements = container.takeArray() else { return false }
        defer { container = .array(elements) }
        guard elements.indices.contains(index) else { throw CellLanguageError.indexOutOfRange }
        let previous = Interpreter.kindMarker(elements[index])
        try body(&elements[index])
        elements[index] = try Interpreter.keepingKind(elements[index], of: previous)
        return true
    }

    /// Changes `container[key, default: value]` in place when `container` is a dictionary (one lookup); false, with
    /// nothing changed, for any other value.
    func modifyEntry(of container: inout Value, key: DictionaryKey, default defaultValue: Value,
                     _ body: (inout Value) throws -> Void) throws -> Bool {
        guard var dictionary = container.takeDictionary() else { return false }
        defer { container = .dictionary(dictionary) }
        try dictionary.modifyValue(forKey: key, default: defaultValue, body)
        return true
    }

    /// What the checks of an assignment (``keepingKind(_:of:)``, `assignmentValue`) need of the value being
    /// replaced: its kind, and a struct's type, but never a container's contents or a string's storage. Holding the
    /// old value itself while it changes would make changing it in place copy it.
    static func kindMarker(_ value: Value) -> Value {
        switch value {
        case .array, .dictionary, .tuple: return .void
        case .string: return .string("")
        case .structure(let structure): return .structure(StructureValue(type: structure.type, fields: []))
        default: return value
        }
    }

    /// An array element keeps its kind when assigned (`[Double]` elements take no Int), as in Swift.
    static func keepingKind(_ value: Value, of previous: Value) throws -> Value {
        switch (previous, value) {
        case (.int, .int), (.double, .double), (.float, .float), (.string, .string), (.bool, .bool): return value
        case (.int, .double), (.int, .float), (.double, .int), (.float, .int), (.double, .float), (.float, .double):
            throw CellLanguageError.typeMismatch("cannot assign value of type '\(value.typeName)' to subscript of type '\(previous.typeName)'")
        default: return value
        }
    }

    /// The elements `for-in` walks (a range is walked without building it).
    func iterationElements(_ value: Value) throws -> [Value]? {
        switch value {
        case .array(let elements): return elements
        case .string(let text): return text.map { .string(String($0)) }
        case .dictionary(let dictionary):
            return dictionary.entries.map { .tuple(TupleValue([$0.key.value, $0.value], labels: ["key", "value"])) }
        case .range(let lower, let upper, let isClosed):
            let (span, overflow) = upper.subtractingReportingOverflow(lower)
            let (closedCount, closedOverflow) = span.addingReportingOverflow(1)
            let count = overflow || (isClosed && closedOverflow) ? Int.max : (isClosed ? closedCount : span)
            try checkMemory(count: count, bytesEach: MemoryLayout<Value>.stride,
                                    what: "the range \(lower)\(isClosed ? "..." : "..<")\(upper) as an array")
            return (isClosed ? Array(lower...upper) : Array(lower..<upper)).map(Value.int)
        case .optional(nil): return nil
        case .opaque, .object:
            let swift = Bridge.anyValue(value)
            let mirror = Mirror(reflecting: swift)
            guard mirror.displayStyle == .collection || mirror.displayStyle == .set else { return nil }
            return mirror.children.map { Bridge.value(fromAny: $0.value) }
        default: return nil
        }
    }
}
