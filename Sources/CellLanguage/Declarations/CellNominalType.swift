import CellRuntime
import SwiftSyntax

/// A struct, class, enum or protocol a cell declared, with its members. Re-running the declaring cell makes a
/// new one; values made from the old one keep it, and are told apart by identity.
final class CellNominalType: CellDeclaredType {
    enum Kind: String {
        case structure = "struct", classType = "class", enumeration = "enum", protocolType = "protocol"
    }

    /// A stored property.
    struct StoredProperty {
        let name: String
        let isMutable: Bool
        let type: TypeExpression?
        /// The initial value, evaluated when an instance is made.
        let defaultValue: CompiledDefault?
        let typeText: String
        /// A property wrapper's type (`@Parameter`), whose `wrappedValue` the property reads and writes.
        let wrapper: TypeExpression?
    }

    /// A computed property (or a protocol's property requirement with a default implementation).
    struct ComputedProperty {
        let getter: CompiledFunction
        let setter: CompiledFunction?
        let type: TypeExpression?
    }

    /// An enum case.
    struct Case {
        let name: String
        /// Labels of the associated values (nil where unlabeled).
        let labels: [String?]
        let types: [TypeExpression]
        let rawValue: Value?
        let documentation: String
    }

    let kind: Kind
    /// The superclass, for classes inheriting from a cell class.
    var superclass: CellNominalType?
    /// The library class a cell class inherits from (`Module`), directly or through cell superclasses.
    var librarySuperclass: String?
    var isFinal = false
    /// Protocols it adopts, cell or library, by name.
    var conformances: [String] = []
    /// Stored properties of this type (a class's superclass's come first in its instances).
    var storedProperties: [StoredProperty] = []
    var computedProperties: [String: ComputedProperty] = [:]
    var methods: [String: [CompiledFunction]] = [:]
    var initializers: [CompiledFunction] = []
    var subscripts: [ComputedProperty] = []
    var staticMethods: [String: [CompiledFunction]] = [:]
    var staticComputedProperties: [String: ComputedProperty] = [:]
    /// Static stored properties, shared by all instances.
    var staticProperties: [String: Box] = [:]
    var cases: [Case] = []
    /// An enum's raw value type.
    var rawType: TypeExpression?
    /// The instances of payload-free enum cases, made once.
    var caseInstances: [Int: EnumerationValue] = [:]
    /// Requirements of a protocol, by name.
    var requirements: Set<String> = []
    /// Generic parameters of the type (checked loosely).
    var genericParameters: [String: [String]] = [:]
    /// Nested types, by simple name.
    var nestedTypes: [String: CellNominalType] = [:]
    /// The names of every member, known before the members' bodies are compiled (for `x` meaning `self.x`).
    var memberNames: Set<String> = []
    let documentation: String
    /// The declaration, for diagnostics.
    let node: Syntax

    init(name: String, kind: Kind, cellNumber: Int, documentation: String, node: Syntax) {
        self.kind = kind
        self.documentation = documentation
        self.node = node
        super.init(name: name, cellNumber: cellNumber)
    }

    /// Every stored property of an instance, superclass properties first.
    var allStoredProperties: [StoredProperty] {
        (superclass?.allStoredProperties ?? []) + storedProperties
    }

    /// The field index of a stored property in instances.
    func fieldIndex(of name: String) -> Int? {
        allStoredProperties.firstIndex { $0.name == name }
    }

    /// This type and its superclasses, nearest first.
    var classChain: [CellNominalType] {
        var chain: [CellNominalType] = [self]
        while let next = chain.last?.superclass { chain.append(next) }
        return chain
    }

    /// Whether this type is `other` or inherits from it.
    func isSubtype(of other: CellNominalType) -> Bool {
        classChain.contains { $0 === other }
    }

    /// The enum case called `name`.
    func caseIndex(of name: String) -> Int? {
        cases.firstIndex { $0.name == name }
    }

    /// The library types whose members instances have: the library superclass's lineage, then the lineages of
    /// the library protocols the class adopts (`TrainableModel`, `UnaryLayer`), nearest first.
    func libraryLineage(in bindings: BindingTable) -> [TypeBinding] {
        var names = librarySuperclass.map { [$0] } ?? []
        names += classChain.flatMap(\.conformances).filter { bindings.types[$0] != nil }
        var lineage: [TypeBinding] = []
        for name in names {
            guard let binding = bindings.types[name] else { continue }
            for type in bindings.lineage(of: binding) where !lineage.contains(where: { $0 === type }) { lineage.append(type) }
        }
        return lineage
    }

    override var reflectedPropertyNames: [String] {
        allStoredProperties.map { $0.wrapper == nil ? $0.name : "_" + $0.name }
    }

    override func declaresMethod(_ name: String) -> Bool {
        classChain.contains { $0.methods[name] != nil }
    }

    /// What declaration text shows for the type in completion.
    var declarationKeyword: String { kind.rawValue }
}

/// Members a cell added to a standard or library type with `extension`.
final class TypeExtension {
    var methods: [String: [CompiledFunction]] = [:]
    var computedProperties: [String: CellNominalType.ComputedProperty] = [:]
    var staticMethods: [String: [CompiledFunction]] = [:]
    var staticComputedProperties: [String: CellNominalType.ComputedProperty] = [:]
    var initializers: [CompiledFunction] = []
    var subscripts: [CellNominalType.ComputedProperty] = []
    /// `where Element == Double`: the element type the receiver must have for these members to apply.
    var elementConstraints: [String: TypeExpression] = [:]
}

/// An object of a class a cell declared (one that does not inherit from a library class).
final class CellObject: CellInstance, CustomStringConvertible {
    let type: CellNominalType
    var fields: [Value]

    init(type: CellNominalType, fields: [Value]) {
        self.type = type
        self.fields = fields
    }

    var cellType: CellDeclaredType { type }

    var description: String { type.name }
}
