/// The members one type exposes to cells: initialisers, instance members, static members and enum cases,
/// with what the interpreter needs to recognise its instances and compare them.
public final class TypeBinding: @unchecked Sendable {
    /// What kind of type it is.
    public enum Kind: String, Sendable {
        case structure = "struct", classType = "class", enumeration = "enum", protocolType = "protocol"
    }

    /// One enum case that can be matched in a `switch` (`case .focal(let alpha, let gamma):`).
    public struct CaseBinding: Sendable {
        public let name: String
        /// The associated values' labels (nil where unlabeled).
        public let labels: [String?]
        /// The associated values when `value` is this case, nil when it is another.
        public let match: @Sendable (Any) -> [Value]?

        public init(_ name: String, labels: [String?] = [], match: @escaping @Sendable (Any) -> [Value]?) {
            self.name = name
            self.labels = labels
            self.match = match
        }
    }

    /// The qualified name, e.g. "Tensor", "MovieLens.Variant".
    public let name: String
    /// The module that declares it ("Swift" for the standard types).
    public let module: String
    public let kind: Kind
    public let documentation: BindingDocumentation
    /// The superclass (classes) and protocols it adopts, by qualified name, as declared.
    public let supertypes: [String]
    /// Whether a cell class may inherit from it (`open class`).
    public let isOpen: Bool
    public private(set) var initializers: [FunctionBinding] = []
    public private(set) var members: [String: [FunctionBinding]] = [:]
    public private(set) var staticMembers: [String: [FunctionBinding]] = [:]
    public let cases: [CaseBinding]
    /// Whether a Swift value is an instance of this type (for classes and protocols, of a subtype too).
    public let matches: @Sendable (Any) -> Bool
    /// `==` for Equatable types.
    public let equals: (@Sendable (Any, Any) -> Bool)?
    /// `hashValue` for Hashable types.
    public let hash: (@Sendable (Any) -> Int)?
    /// `<` for Comparable types.
    public let less: (@Sendable (Any, Any) -> Bool)?

    public init(_ name: String, module: String, kind: Kind, documentation: BindingDocumentation = BindingDocumentation(""),
                supertypes: [String] = [], isOpen: Bool = false, cases: [CaseBinding] = [],
                matches: @escaping @Sendable (Any) -> Bool = { _ in false },
                equals: (@Sendable (Any, Any) -> Bool)? = nil, hash: (@Sendable (Any) -> Int)? = nil,
                less: (@Sendable (Any, Any) -> Bool)? = nil, _ bindings: [FunctionBinding]) {
        self.name = name
        self.module = module
        self.kind = kind
        self.documentation = documentation
        self.supertypes = supertypes
        self.isOpen = isOpen
        self.cases = cases
        self.matches = matches
        self.equals = equals
        self.hash = hash
        self.less = less
        add(bindings)
    }

    /// Adds bindings to the type (extensions declared elsewhere).
    public func add(_ bindings: [FunctionBinding]) {
        for binding in bindings {
            switch binding.kind {
            case .initializer: initializers.append(binding)
            case .method, .property, .subscript, .function: members[binding.name, default: []].append(binding)
            case .staticMethod, .staticProperty, .enumCase: staticMembers[binding.name, default: []].append(binding)
            }
        }
    }

    /// The name without enclosing types, as a cell writes it after a dot.
    public var simpleName: String { String(name.split(separator: ".").last ?? Substring(name)) }
}

/// Every name a cell can use from Swift's standard library subset and the model library: free functions
/// and types with their members. The library's part is generated from its declarations.
public struct BindingTable: @unchecked Sendable {
    public private(set) var functions: [String: [FunctionBinding]] = [:]
    public private(set) var types: [String: TypeBinding] = [:]
    /// The library type of a Swift type, by its `ObjectIdentifier`, for values whose binding is looked up
    /// from the value itself.
    private var typesByIdentifier: [ObjectIdentifier: TypeBinding] = [:]

    public init() {}

    /// Adds free functions (overloads accumulate).
    public mutating func add(functions bindings: [FunctionBinding]) {
        for binding in bindings { functions[binding.name, default: []].append(binding) }
    }

    /// Adds a type; `swiftType` lets values of that exact type find it. A type already present receives the
    /// new members (the standard library's `String` and the library's `extension String`).
    public mutating func add(_ type: TypeBinding, swiftType: Any.Type? = nil) {
        if let existing = types[type.name] {
            existing.add(type.initializers)
            existing.add(type.members.values.flatMap { $0 })
            existing.add(type.staticMembers.values.flatMap { $0 })
        } else {
            types[type.name] = type
        }
        if let swiftType { typesByIdentifier[ObjectIdentifier(swiftType)] = types[type.name] }
    }

    /// Lets values of `swiftType` find the type already added as `name` (another specialisation of a generic type).
    public mutating func register(_ swiftType: Any.Type, asTypeNamed name: String) {
        typesByIdentifier[ObjectIdentifier(swiftType)] = types[name]
    }

    /// Adds everything in `other`.
    public mutating func merge(_ other: BindingTable) {
        for (_, overloads) in other.functions { add(functions: overloads) }
        for name in other.types.keys.sorted() { add(other.types[name]!) }
        for (identifier, type) in other.typesByIdentifier { typesByIdentifier[identifier] = types[type.name] ?? type }
    }

    /// The binding of a Swift value's exact type, if registered.
    public func type(ofSwiftValue value: Any) -> TypeBinding? {
        typesByIdentifier[ObjectIdentifier(Swift.type(of: value))]
    }

    /// The bindings of a type and of its supertypes, nearest first (superclasses, then protocols).
    public func lineage(of type: TypeBinding) -> [TypeBinding] {
        var result: [TypeBinding] = [type]
        var index = 0
        while index < result.count {
            for name in result[index].supertypes {
                if let supertype = types[name], !result.contains(where: { $0 === supertype }) { result.append(supertype) }
            }
            index += 1
        }
        return result
    }
}
