import CellRuntime
import SwiftSyntax

/// How a member of a value's type is reached, found once per type and then reused.
enum MemberResolution {
    /// A stored property of a cell type, by field index (through its wrapper's `wrappedValue` when it has one).
    case field(Int, wrapped: Bool)
    /// A computed property of a cell type or a cell extension.
    case computed(CellNominalType.ComputedProperty, owner: CellNominalType?)
    /// Methods of a cell type or a cell extension.
    case methods([CompiledFunction], owner: CellNominalType?)
    /// A property of a standard or library type.
    case bindingProperty(FunctionBinding)
    /// Methods of a standard or library type.
    case bindingMethods(String, [FunctionBinding])
}

/// The key member resolutions are cached under: the identity of a value's type.
struct MemberKey: Hashable {
    let type: ObjectIdentifier
    let name: String
}

/// Marker classes whose identities key the standard types' member caches.
private enum StandardTypeKeys {
    final class Key {}
    static let int = Key(), double = Key(), float = Key(), bool = Key(), string = Key(), array = Key(), dictionary = Key()
    static let optional = Key(), range = Key(), function = Key(), void = Key(), tuple = Key(), implicit = Key()
}

/// What a method call on a value calls.
enum MethodTarget {
    case compiled([CompiledFunction], owner: CellNominalType?)
    case bindings(String, [FunctionBinding])
    /// A property whose value is called (`object.callback(x)`).
    case value(Value)

    var isMutating: Bool {
        switch self {
        case .compiled(let functions, _): return functions.contains { $0.isMutating }
        case .bindings(_, let overloads): return overloads.contains { $0.isMutating }
        case .value: return false
        }
    }
}

extension Interpreter {
    /// The standard binding table name of a standard value's type.
    static func standardTypeName(of value: Value) -> String? {
        switch value {
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .bool: return "Bool"
        case .string: return "String"
        case .array: return "Array"
        case .dictionary: return "Dictionary"
        case .optional: return "Optional"
        case .range: return "Range"
        default: return nil
        }
    }

    /// The identity a value's members are cached under, and the cell type that declares its members, if any.
    private func typeKey(of value: Value) -> (ObjectIdentifier, CellNominalType?)? {
        switch value {
        case .int: return (ObjectIdentifier(StandardTypeKeys.int), nil)
        case .double: return (ObjectIdentifier(StandardTypeKeys.double), nil)
        case .float: return (ObjectIdentifier(StandardTypeKeys.float), nil)
        case .bool: return (ObjectIdentifier(StandardTypeKeys.bool), nil)
        case .string: return (ObjectIdentifier(StandardTypeKeys.string), nil)
        case .array: return (ObjectIdentifier(StandardTypeKeys.array), nil)
        case .dictionary: return (ObjectIdentifier(StandardTypeKeys.dictionary), nil)
        case .optional: return (ObjectIdentifier(StandardTypeKeys.optional), nil)
        case .range: return (ObjectIdentifier(StandardTypeKeys.range), nil)
        case .structure(let structure): return (ObjectIdentifier(structure.type), structure.type as? CellNominalType)
        case .enumeration(let enumeration): return (ObjectIdentifier(enumeration.type), enumeration.type as? CellNominalType)
        case .object(let object as CellInstance): return (ObjectIdentifier(object.cellType), object.cellType as? CellNominalType)
        case .object, .opaque: return libraryBinding(of: value).map { (ObjectIdentifier($0), nil) }
        default: return nil
        }
    }

    // MARK: - Reading members

    /// The member `name` of `value`: a property's value, or a method bound to the value.
    func member(_ name: String, of value: Value, node: Syntax?, cache: MemberCache? = nil) throws -> Value {
        switch value {
        case .type(let type): return try staticMember(name, of: type, node: node)
        case .tuple(let tuple):
            if let index = Int(name), tuple.elements.indices.contains(index) { return tuple.elements[index] }
            if let index = tuple.labels.firstIndex(of: name) { return tuple.elements[index] }
            throw located(.noMember(typeName: value.typeName, member: name), node)
        case .implicitMember:
            throw located(.typeMismatch("cannot infer contextual base in reference to member '\(name)'"), node)
        default: break
        }
        guard let resolution = try resolveMember(name, of: value, cache: cache) else {
            if case .optional(let wrapped?) = value, (try? resolveMember(name, of: wrapped)) != nil {
                throw located(.typeMismatch(
                    "value of optional type '\(value.typeName)' must be unwrapped to refer to member '\(name)' of wrapped base type '\(wrapped.typeName)'"),
                              node)
            }
            throw located(.noMember(typeName: value.typeName, member: name), node)
        }
        return try apply(resolution, to: value, node: node)
    }

    private func located(_ error: CellLanguageError, _ node: Syntax?) -> Error {
        node.map { LocatedError(error: error, node: $0) } ?? error
    }

    /// Looks a member up (through the site's cache when the value's type is the one seen last).
    func resolveMember(_ name: String, of value: Value, cache: MemberCache? = nil) throws -> MemberResolution? {
        // A library value of the Swift type the site saw last: no lookup of its binding.
        if let cache, cache.generation == cacheGeneration, let swiftType = cache.swiftType, let resolution = cache.resolution,
           case .opaque(let box) = value, ObjectIdentifier(type(of: box.value)) == swiftType {
            return resolution
        }
        guard let (key, cellType) = typeKey(of: value) else { return nil }
        if let cache, cache.typeKey == key, cache.generation == cacheGeneration, let resolution = cache.resolution { return resolution }
        let memberKey = MemberKey(type: key, name: name)
        let resolution: MemberResolution?
        if let cached = memberCache[memberKey] {
            resolution = cached
        } else {
            resolution = try findMember(name, of: value, cellType: cellType)
            // A constrained extension's member depends on the elements, not only the type: not cached.
            if let resolution, !resolvesInConstrainedExtension(name, of: value) { memberCache[memberKey] = resolution }
            else { return resolution }
        }
        if let cache {
            cache.typeKey = key
            cache.generation = cacheGeneration
            cache.resolution = resolution
            cache.methodTarget = nil
            if case .opaque(let box) = value { cache.swiftType = ObjectIdentifier(type(of: box.value)) } else { cache.swiftType = nil }
        }
        return resolution
    }

    private func findMember(_ name: String, of value: Value, cellType: CellNominalType?) throws -> MemberResolution? {
        if let cellType {
            for type in cellType.classChain {
                if let index = type.storedProperties.firstIndex(where: { $0.name == name }) {
                    let offset = (type.superclass?.allStoredProperties.count ?? 0) + index
                    return .field(offset, wrapped: type.storedProperties[index].wrapper != nil)
                }
                if let computed = type.computedProperties[name] { return .computed(computed, owner: type) }
                if let methods = type.methods[name] { return .methods(methods, owner: type) }
            }
            for type in cellType.classChain {
                for conformance in type.conformances {
                    guard let protocolType = declaredTypes[conformance] as? CellNominalType else { continue }
                    if let computed = protocolType.computedProperties[name] { return .computed(computed, owner: cellType) }
                    if let methods = protocolType.methods[name] { return .methods(methods, owner: cellType) }
                }
            }
            if cellType.kind == .enumeration, name == "rawValue", cellType.rawType != nil {
                return .bindingProperty(rawValueBinding)
            }
            return findBinding(name, in: cellType.libraryLineage(in: bindings))
        }
        let typeName: String
        var lineage: [TypeBinding] = []
        if let standard = Interpreter.standardTypeName(of: value) {
            typeName = standard
            if let own = bindings.types[standard] { lineage.append(own) }
            if ["Array", "Range", "String", "Dictionary"].contains(standard), let sequence = bindings.types["Sequence"] {
                lineage.append(sequence)
            }
        } else if let binding = libraryBinding(of: value) {
            typeName = binding.name
            lineage = bindings.lineage(of: binding)
        } else {
            return nil
        }
        for extendedName in [typeName] + lineage.map(\.name) {
            let candidates = (constrainedExtensions[extendedName] ?? []).filter { extensionApplies($0, to: value) }
            for extended in candidates + [extensions[extendedName]].compactMap({ $0 }) {
                if let computed = extended.computedProperties[name] { return .computed(computed, owner: nil) }
                if let methods = extended.methods[name] { return .methods(methods, owner: nil) }
            }
        }
        return findBinding(name, in: lineage)
    }

    /// Whether a constrained extension of the value's standard type declares `name`.
    private func resolvesInConstrainedExtension(_ name: String, of value: Value) -> Bool {
        guard let typeName = Interpreter.standardTypeName(of: value), let constrained = constrainedExtensions[typeName] else { return false }
        return constrained.contains { $0.computedProperties[name] != nil || $0.methods[name] != nil }
    }

    private func findBinding(_ name: String, in lineage: [TypeBinding]) -> MemberResolution? {
        for type in lineage {
            guard let overloads = type.members[name], let first = overloads.first else { continue }
            if first.kind == .property { return .bindingProperty(first) }
            return .bindingMethods(name, overloads)
        }
        return nil
    }

    /// Whether an extension's `where Element == T` constraint holds for a value.
    private func extensionApplies(_ extended: TypeExtension, to value: Value) -> Bool {
        guard let element = extended.elementConstraints["Element"] else { return true }
        guard case .array(let elements) = value, let first = elements.first else { return true }
        return (try? coerce(first, to: element, literal: .none)) != nil
    }

    /// The `rawValue` of a cell enum with raw values.
    private var rawValueBinding: FunctionBinding {
        FunctionBinding("rawValue", .property, returns: .any, documentation: BindingDocumentation("The case's raw value.")) { call in
            guard case .enumeration(let enumeration) = call.receiverValue, let type = enumeration.type as? CellNominalType,
                  let raw = type.cases[enumeration.caseIndex].rawValue else { return .void }
            return raw
        }
    }

    private func apply(_ resolution: MemberResolution, to value: Value, node: Syntax?) throws -> Value {
        switch resolution {
        case .field(let index, let wrapped):
            let field: Value
            switch value {
            case .structure(let structure): field = structure.fields[index]
            case .object(let object as CellInstance): field = object.fields[index]
            default: throw located(.noMember(typeName: value.typeName, member: "field \(index)"), node)
            }
            return wrapped ? try member("wrappedValue", of: field, node: node) : field
        case .computed(let property, let owner):
            return try invokeAccessor(property.getter, receiver: value, owner: owner, arguments: [], node: node)
        case .methods(let functions, let owner):
            return .function(CellMethodValue(functions: functions, receiver: value, owner: owner))
        case .bindingProperty(let binding):
            return try readProperty(binding, of: value, node: node)
        case .bindingMethods(let name, let overloads):
            return .function(BindingFunctionValue(name: name, overloads: overloads, receiver: value))
        }
    }

    /// Reads a property binding (a library or standard property, a library global).
    func readProperty(_ binding: FunctionBinding, of receiver: Value, node: Syntax?) throws -> Value {
        var call = BindingCall(receiver: receiver, arguments: [], given: [], parameters: [], returnType: binding.returnType, callbacks: self)
        return try runLibrary(node) { try binding.implementation(&call) }
    }

    /// A static member of a type: a static property's value, a static method, an enum case, a nested type, `init`.
    func staticMember(_ name: String, of type: TypeValue, node: Syntax?) throws -> Value {
        switch type {
        case .declared(let declared):
            guard let nominal = declared as? CellNominalType else { break }
            if name == "init" { return .function(InitializerFunctionValue(type: type)) }
            for current in nominal.classChain {
                if let box = current.staticProperties[name] { return box.value }
                if let computed = current.staticComputedProperties[name] {
                    return try invokeAccessor(computed.getter, receiver: .type(.declared(current)), owner: current, arguments: [], node: node)
                }
                if let methods = current.staticMethods[name] {
                    return .function(CellMethodValue(functions: methods, receiver: .type(.declared(current)), owner: current))
                }
            }
            if let index = nominal.caseIndex(of: name) {
                if nominal.cases[index].types.isEmpty { return .enumeration(caseInstance(nominal, index)) }
                return .function(EnumCaseFunctionValue(type: nominal, caseIndex: index))
            }
            if let nested = nominal.nestedTypes[name] { return .type(.declared(nested)) }
            if name == "allCases", nominal.kind == .enumeration {
                return .array(nominal.cases.indices.map { .enumeration(caseInstance(nominal, $0)) })
            }
            if name == "self" { return .type(type) }
            throw located(.typeMismatch("type '\(declared.name)' has no member '\(name)'"), node)
        case .named(let typeName):
            if name == "init" || name == "self" { return name == "self" ? .type(type) : .function(InitializerFunctionValue(type: type)) }
            if let extended = extensions[typeName] {
                if let computed = extended.staticComputedProperties[name] {
                    return try invokeAccessor(computed.getter, receiver: .type(type), owner: nil, arguments: [], node: node)
                }
                if let methods = extended.staticMethods[name] {
                    return .function(CellMethodValue(functions: methods, receiver: .type(type), owner: nil))
                }
            }
            if let binding = bindings.types[typeName] {
                if let overloads = binding.staticMembers[name], let first = overloads.first {
                    if first.kind == .staticProperty { return try readProperty(first, of: .type(type), node: node) }
                    return .function(BindingFunctionValue(name: name, overloads: overloads, receiver: .type(type)))
                }
                if bindings.types[typeName + "." + name] != nil { return .type(.named(typeName + "." + name)) }
            }
            throw located(.typeMismatch("type '\(typeName)' has no member '\(name)'"), node)
        case .collection:
            if name == "init" { return .function(InitializerFunctionValue(type: type)) }
        }
        throw located(.typeMismatch("type '\(Value.type(type).typeName.dropLast(5))' has no member '\(name)'"), node)
    }

    /// The single instance of a payload-free enum case.
    func caseInstance(_ type: CellNominalType, _ index: Int) -> EnumerationValue {
        if let existing = type.caseInstances[index] { return existing }
        let instance = EnumerationValue(type: type, caseIndex: index, payload: [])
        type.caseInstances[index] = instance
        return instance
    }

    /// A member of the superclass of `owner` (for `super.name`), bound to `self`.
    func superMember(_ name: String, of selfValue: Value, below owner: CellNominalType, node: Syntax) throws -> Value {
        if let superclass = owner.superclass {
            for type in superclass.classChain {
                if let methods = type.methods[name] { return .function(CellMethodValue(functions: methods, receiver: selfValue, owner: type)) }
                if let computed = type.computedProperties[name] {
                    return try invokeAccessor(computed.getter, receiver: selfValue, owner: type, arguments: [], node: node)
                }
            }
        }
        if let resolution = findBinding(name, in: owner.libraryLineage(in: bindings)) {
            return try apply(resolution, to: selfValue, node: node)
        }
        throw LocatedError(error: .noMember(typeName: "super", member: name), node: node)
    }

    // MARK: - Methods

    /// What calling `value.name(...)` calls.
    func methodTarget(_ name: String, of value: Value, cache: MemberCache? = nil) throws -> MethodTarget {
        if let cache, let target = cache.methodTarget, cache.generation == cacheGeneration, let swiftType = cache.swiftType,
           case .opaque(let box) = value, ObjectIdentifier(type(of: box.value)) == swiftType {
            return target
        }
        if case .type(let type) = value {
            let member = try staticMember(name, of: type, node: nil)
            if case .function(let function as CellMethodValue) = member { return .compiled(function.functions, owner: function.owner) }
            return .value(member)
        }
        if case .tuple = value { return .value(try member(name, of: value, node: nil)) }
        guard let resolution = try resolveMember(name, of: value, cache: cache) else {
            if case .optional(let wrapped?) = value, (try? resolveMember(name, of: wrapped)) != nil {
                throw CellLanguageError.typeMismatch(
                    "value of optional type '\(value.typeName)' must be unwrapped to refer to member '\(name)' of wrapped base type '\(wrapped.typeName)'")
            }
            throw CellLanguageError.noMember(typeName: value.typeName, member: name)
        }
        switch resolution {
        case .methods(let functions, let owner): return .compiled(functions, owner: owner)
        case .bindingMethods(let name, let overloads):
            let target = MethodTarget.bindings(name, overloads)
            if let cache, case .opaque = value { cache.methodTarget = target }
            return target
        default: return .value(try apply(resolution, to: value, node: nil))
        }
    }

    // MARK: - Changing members

    /// Changes the property `name` of `container` in place: a stored property of a cell type, a settable library
    /// property, a computed property with a setter, a tuple element.
    func modifyMember(_ name: String, of container: inout Value, node: Syntax, initializing: Bool = false,
                      _ body: (inout Value) throws -> Void) throws {
        if var tuple = container.takeTuple() {
            defer { container = .tuple(tuple) }
            guard let index = Int(name).flatMap({ tuple.elements.indices.contains($0) ? $0 : nil }) ?? tuple.labels.firstIndex(of: name) else {
                throw CellLanguageError.noMember(typeName: Value.tuple(tuple).typeName, member: name)
            }
            try body(&tuple.elements[index])
            return
        }
        switch container {
        case .type(.declared(let declared)):
            if let nominal = declared as? CellNominalType, let box = nominal.classChain.lazy.compactMap({ $0.staticProperties[name] }).first {
                try body(&box.value)
                return
            }
        default: break
        }
        guard let resolution = try resolveMember(name, of: container) else {
            throw CellLanguageError.noMember(typeName: container.typeName, member: name)
        }
        switch resolution {
        case .field(let index, let wrapped):
            try modifyField(index, of: &container, name: name, wrapped: wrapped, initializing: initializing, node: node, body)
        case .computed(let property, let owner):
            guard let setter = property.setter else {
                throw CellLanguageError.typeMismatch("cannot assign to property: '\(name)' is a get-only property")
            }
            var value = try invokeAccessor(property.getter, receiver: container, owner: owner, arguments: [], node: node)
            try body(&value)
            var receiver: Value? = container
            var written: [Int: Value] = [:]
            _ = try invokeCompiled(setter, captures: [], receiver: &receiver, owner: owner,
                                   arguments: [Argument(label: nil, value: value)], written: &written, node: node)
            if let receiver { container = receiver }
        case .bindingProperty(let binding):
            guard let setter = binding.setter else {
                throw CellLanguageError.typeMismatch("cannot assign to property: '\(name)' is a get-only property")
            }
            var value = try readProperty(binding, of: container, node: node)
            try body(&value)
            guard let converted = try coerceToBinding(value, binding.returnType, literal: .none) else {
                throw CellLanguageError.typeMismatch("cannot assign value of type '\(value.typeName)' to type '\(binding.returnType)'")
            }
            var call = BindingCall(receiver: container, arguments: [converted], given: [true],
                                   parameters: [ParameterBinding(nil, "newValue", binding.returnType)], returnType: .void, callbacks: self)
            container = .void
            defer { container = call.receiverValue }
            try runLibrary(node) { try setter(&call) }
        case .methods, .bindingMethods:
            throw CellLanguageError.typeMismatch("cannot assign to value: '\(name)' is a method")
        }
    }

    private func modifyField(_ index: Int, of container: inout Value, name: String, wrapped: Bool, initializing: Bool, node: Syntax,
                             _ body: (inout Value) throws -> Void) throws {
        let property: CellNominalType.StoredProperty
        if var structure = container.takeStructure() {
            defer { container = .structure(structure) }
            guard let type = structure.type as? CellNominalType else { return }
            property = type.allStoredProperties[index]
            guard property.isMutable || initializing else {
                throw CellLanguageError.typeMismatch("cannot assign to property: '\(name)' is a 'let' constant")
            }
            try changeField(&structure.fields[index], property: property, wrapped: wrapped, node: node, body)
            return
        }
        switch container {
        case .object(let object as CellInstance):
            guard let type = object.cellType as? CellNominalType else { return }
            property = type.allStoredProperties[index]
            guard property.isMutable || initializing else {
                throw CellLanguageError.typeMismatch("cannot assign to property: '\(name)' is a 'let' constant")
            }
            var field = object.fields[index]
            object.fields[index] = .void
            defer { object.fields[index] = field }
            try changeField(&field, property: property, wrapped: wrapped, node: node, body)
        default:
            throw CellLanguageError.noMember(typeName: container.typeName, member: name)
        }
    }

    private func changeField(_ field: inout Value, property: CellNominalType.StoredProperty, wrapped: Bool, node: Syntax,
                             _ body: (inout Value) throws -> Void) throws {
        if wrapped, let wrapper = property.wrapper {
            guard case .void = field else {
                try modifyMember("wrappedValue", of: &field, node: node, body)
                return
            }
            // The first assignment in an initialiser makes the wrapper, as `Wrapper(wrappedValue:)`.
            var value = Value.void
            try body(&value)
            if let type = property.type { value = try assignmentValue(value, replacing: .void, declared: type, literal: .none, node: node) }
            field = try wrap(value, in: wrapper)
            return
        }
        let previous = Interpreter.kindMarker(field)
        try body(&field)
        field = try assignmentValue(field, replacing: previous, declared: property.type, literal: .none, node: node)
    }
}
