import CellRuntime
import SwiftSyntax

extension Interpreter {
    /// `Type(arguments)`: a cell type's initialiser (or memberwise initialiser), a standard or library type's.
    func construct(_ type: TypeValue, arguments: [Argument], written: inout [Int: Value], node: Syntax?) throws -> Value {
        switch type {
        case .declared(let declared):
            guard let nominal = declared as? CellNominalType else { break }
            return try construct(nominal, arguments: arguments, existing: nil, written: &written, node: node)
        case .named(let name):
            var overloads = bindings.types[name]?.initializers ?? []
            if let extended = extensions[name] {
                // An extension's initialiser whose labels fit; otherwise the type's own.
                if let function = extended.initializers.first(where: { (try? matchArguments(arguments, to: $0.shapes)) != nil }) {
                    var receiver: Value? = .type(type)
                    _ = try invokeCompiled(function, captures: [], receiver: &receiver, owner: nil, arguments: arguments,
                                           written: &written, node: node)
                    guard let made = receiver, !{ if case .type = made { return true }; return false }() else {
                        throw CellLanguageError.typeMismatch("'self.init' isn't called on all paths before returning from initializer")
                    }
                    return made
                }
            }
            if overloads.isEmpty, bindings.types[name]?.kind == .protocolType {
                throw CellLanguageError.typeMismatch("'any \(name)' cannot be constructed because it has no accessible initializers")
            }
            guard !overloads.isEmpty else {
                throw CellLanguageError.typeMismatch("'\(name)' cannot be constructed because it has no accessible initializers")
            }
            overloads = overloads.filter { $0.kind == .initializer }
            var receiver = Value.type(type)
            return try callBindings(name, overloads, receiver: &receiver, arguments: arguments, elementType: nil, written: &written, node: node)
        case .collection(let text):
            return try constructCollection(text.hasPrefix("[") && text.contains(":") ? .dictionary(.any, .any) : .array(.any),
                                           arguments: arguments)
        }
        throw CellLanguageError.typeMismatch("'\(Value.type(type).typeName)' cannot be constructed")
    }

    /// An instance of a cell struct, class or enum: its stored properties' defaults, then an initialiser (the
    /// memberwise one of a struct that declares none). `existing` is `self` for `self.init(...)`.
    func construct(_ type: CellNominalType, arguments: [Argument], existing: Value?, written: inout [Int: Value],
                   node: Syntax?) throws -> Value {
        switch type.kind {
        case .protocolType:
            throw CellLanguageError.typeMismatch("'any \(type.name)' cannot be constructed because it has no accessible initializers")
        case .enumeration:
            if type.initializers.isEmpty, type.rawType != nil, arguments.count == 1, arguments[0].label == "rawValue" {
                let raw = arguments[0].value
                for (index, item) in type.cases.enumerated() where try item.rawValue.map({ try valuesEqual($0, raw) }) == true {
                    return .optional(.enumeration(caseInstance(type, index)))
                }
                return .optional(nil)
            }
            guard !type.initializers.isEmpty else {
                throw CellLanguageError.typeMismatch("'\(type.name)' cannot be constructed because it has no accessible initializers")
            }
            var selfValue: Value? = existing ?? .void
            let chosen = try chooseFunction(type.initializers, for: arguments)
            _ = try invokeCompiled(chosen, captures: [], receiver: &selfValue, owner: type, arguments: arguments, written: &written, node: node)
            return selfValue ?? .void
        case .structure:
            let fields = try defaultFields(of: type)
            if type.initializers.isEmpty {
                return .structure(StructureValue(type: type, fields: try memberwise(type, fields: fields, arguments: arguments)))
            }
            var selfValue: Value? = existing ?? .structure(StructureValue(type: type, fields: fields))
            let chosen = try chooseFunction(type.initializers, for: arguments)
            _ = try invokeCompiled(chosen, captures: [], receiver: &selfValue, owner: type, arguments: arguments, written: &written, node: node)
            return selfValue ?? .void
        case .classType:
            let object: Value
            if let existing {
                object = existing
            } else {
                object = try makeObject(type, arguments: arguments)
            }
            guard let initializerType = type.classChain.first(where: { !$0.initializers.isEmpty }) else {
                guard arguments.isEmpty else { throw CellLanguageError.extraArgument(label: arguments.first?.label) }
                return object
            }
            var selfValue: Value? = object
            let chosen = try chooseFunction(initializerType.initializers, for: arguments)
            _ = try invokeCompiled(chosen, captures: [], receiver: &selfValue, owner: initializerType, arguments: arguments,
                                   written: &written, node: node)
            return object
        }
    }

    /// A new object of a cell class with its stored properties' defaults.
    private func makeObject(_ type: CellNominalType, arguments: [Argument]) throws -> Value {
        let fields = try defaultFields(of: type)
        if let library = type.librarySuperclass {
            guard let host else { throw CellLanguageError.unsupported("cell classes cannot inherit from '\(library)' without the library") }
            return .object(try host.makeInstance(of: library, adopting: type.classChain.flatMap(\.conformances), cellType: type,
                                                 fields: fields, callbacks: self, superArguments: []))
        }
        return .object(CellObject(type: type, fields: fields))
    }

    /// The stored properties' initial values (`.void` where a property has none; an initialiser sets it).
    func defaultFields(of type: CellNominalType) throws -> [Value] {
        try type.allStoredProperties.map { property in
            guard let defaultValue = property.defaultValue else {
                return property.type?.isOptional == true && property.wrapper == nil ? .optional(nil) : .void
            }
            let frame = Frame.make(slotCount: defaultValue.slotCount, boxCount: 0, captures: [])
            var value = try defaultValue.evaluation(frame)
            if let type = property.type {
                guard let converted = try coerce(value, to: type, literal: defaultValue.literal) else {
                    throw CellLanguageError.cannotConvertToSpecified(valueType: value.typeName, specifiedType: type.description)
                }
                value = converted
            }
            if let wrapper = property.wrapper { return try wrap(value, in: wrapper) }
            return value
        }
    }

    /// A property wrapper holding `value`: `Wrapper(wrappedValue: value)`, as Swift initialises `@Wrapper var x = value`.
    func wrap(_ value: Value, in wrapper: TypeExpression) throws -> Value {
        let type: TypeValue
        switch wrapper {
        case .declared(let name):
            guard let declared = declaredTypes[name] else { throw CellLanguageError.cannotFindTypeInScope(name) }
            type = .declared(declared)
        case .library(let binding): type = .named(binding.name)
        default: type = .named(wrapper.description)
        }
        var written: [Int: Value] = [:]
        return try construct(type, arguments: [Argument(label: "wrappedValue", value: value)], written: &written, node: nil)
    }

    /// A struct's memberwise initialiser: every `var` and every `let` without a default, in order, by label.
    private func memberwise(_ type: CellNominalType, fields: [Value], arguments: [Argument]) throws -> [Value] {
        let properties = type.storedProperties
        let settable = properties.enumerated().filter { $0.element.isMutable || $0.element.defaultValue == nil }
        let shapes = settable.map {
            ParameterShape(label: $0.element.name, name: $0.element.name, hasDefault: $0.element.defaultValue != nil
                           || $0.element.type?.isOptional == true, isVariadic: false, acceptsClosure: false)
        }
        let matched = try matchArguments(arguments, to: shapes)
        var result = fields
        for ((index, property), match) in zip(settable, matched) {
            guard case .value(let position) = match else {
                if case .void = result[index] { throw CellLanguageError.missingArgument(parameter: property.name) }
                continue
            }
            let argument = arguments[position]
            var value = argument.value
            if let propertyType = property.type {
                guard let converted = try coerce(value, to: propertyType, literal: argument.literal) else {
                    throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: propertyType.description)
                }
                value = converted
            }
            result[index] = value
        }
        return result
    }

    /// `super.init(arguments)`: the superclass's initialiser run on the same object.
    func superInitialize(_ selfValue: Value, below owner: CellNominalType, arguments: [Argument], written: inout [Int: Value],
                         node: Syntax) throws {
        guard let superclass = owner.superclass else {
            // The library superclass was initialised when the object was made.
            return
        }
        guard let initializerType = superclass.classChain.first(where: { !$0.initializers.isEmpty }) else {
            guard arguments.isEmpty else { throw CellLanguageError.extraArgument(label: arguments.first?.label) }
            return
        }
        var receiver: Value? = selfValue
        let chosen = try chooseFunction(initializerType.initializers, for: arguments)
        _ = try invokeCompiled(chosen, captures: [], receiver: &receiver, owner: initializerType, arguments: arguments,
                               written: &written, node: node)
    }

    /// A case of a cell enum with associated values: `Shape.circle(radius: 2)`.
    func makeCase(_ type: CellNominalType, _ index: Int, arguments: [Argument]) throws -> Value {
        let item = type.cases[index]
        let shapes = zip(item.labels, item.types).enumerated().map { offset, pair in
            ParameterShape(label: pair.0, name: pair.0 ?? "_\(offset)", hasDefault: false, isVariadic: false, acceptsClosure: false)
        }
        let matched = try matchArguments(arguments, to: shapes)
        var payload: [Value] = []
        for (match, expected) in zip(matched, item.types) {
            guard case .value(let position) = match else { continue }
            let argument = arguments[position]
            guard let converted = try coerce(argument.value, to: expected, literal: argument.literal) else {
                throw CellLanguageError.cannotConvertArgument(valueType: argument.value.typeName, expectedType: expected.description)
            }
            payload.append(converted)
        }
        return .enumeration(EnumerationValue(type: type, caseIndex: index, payload: payload))
    }

    /// `[Double]()`, `[Int](repeating: 0, count: 3)`, `[String: Int]()`.
    func constructCollection(_ type: TypeExpression, arguments: [Argument]) throws -> Value {
        if arguments.isEmpty {
            if case .dictionary = type { return .dictionary(ValueDictionary()) }
            return .array([])
        }
        guard case .array(let element) = type, let initializers = bindings.types["Array"]?.initializers else {
            throw CellLanguageError.extraArgument(label: arguments[0].label)
        }
        var receiver = Value.void
        var written: [Int: Value] = [:]
        let result = try callBindings("Array", initializers, receiver: &receiver, arguments: arguments, elementType: element,
                                      written: &written, node: nil)
        return try coerce(result, to: type, literal: arguments.first?.literal == .integer ? .array(.integer) : .none) ?? result
    }
}
