import CellRuntime
import SwiftSyntax

extension Interpreter {
    // MARK: - Types of values

    /// The binding of a library value's type (or of the nearest library type it is an instance of).
    func libraryBinding(of value: Value) -> TypeBinding? {
        let swift: Any
        switch value {
        case .object(let object):
            if object is CellObject { return nil }
            swift = object
        case .opaque(let box): swift = box.value
        default: return nil
        }
        if let exact = bindings.type(ofSwiftValue: swift) { return exact }
        // An instance of a type the table does not list by identity (a cell subclass of `Module`, an internal
        // library class): its nearest listed superclass.
        var mirror: Mirror? = Mirror(reflecting: swift).superclassMirror
        while let current = mirror {
            if let name = bindings.types.values.first(where: { $0.kind == .classType && Value.swiftTypeName(current.subjectType) == $0.name }) {
                return name
            }
            mirror = current.superclassMirror
        }
        return nil
    }

    /// The name a value's members are found under: its type's, for implicit members compared with it.
    func typeName(ofValue value: Value) -> String? {
        switch value {
        case .int: return "Int"
        case .double: return "Double"
        case .float: return "Float"
        case .string: return "String"
        case .bool: return "Bool"
        case .enumeration(let enumeration): return enumeration.type.name
        case .structure(let structure): return structure.type.name
        case .optional(let wrapped?): return typeName(ofValue: wrapped)
        case .object(let object as CellInstance): return object.cellType.name
        case .object, .opaque: return libraryBinding(of: value)?.name
        default: return nil
        }
    }

    /// Whether a value has reference semantics (a class instance): its properties change through any copy.
    func isReference(_ value: Value) -> Bool {
        if case .object = value { return true }
        return false
    }

    // MARK: - Conversions to declared types

    /// `value` as a declared type: an integer literal may become a Double or Float, a value is wrapped into an
    /// Optional, implicit members are looked up in the type; nil when it does not fit.
    func coerce(_ value: Value, to type: TypeExpression, literal: LiteralKind) throws -> Value? {
        if case .implicitMember = value, let name = type.memberLookupName {
            return try coerce(try resolveImplicitMember(value, in: name), to: type, literal: .none)
        }
        switch (type, value) {
        case (.any, _), (.void, .void): return value
        case (.int, .int), (.double, .double), (.float, .float), (.bool, .bool), (.string, .string): return value
        case (.integer, .int): return value
        case (.double, .int(let number)) where literal == .integer: return .double(Double(number))
        case (.float, .int(let number)) where literal == .integer: return .float(Float(number))
        case (.float, .double(let number)) where literal == .floatingPoint: return .float(Float(number))
        case (.character, .string(let text)) where text.count == 1: return value
        case (.optional, .optional(nil)): return value
        case (.optional(let wrapped), .optional(let inner?)):
            return try coerce(inner, to: wrapped, literal: literal).map { .optional($0) }
        case (.optional(let wrapped), _):
            return try coerce(value, to: wrapped, literal: literal).map { .optional($0) }
        case (.array(let element), .array(let elements)):
            return try coerceElements(elements, to: element, literal: literal).map(Value.array)
        case (.dictionary(let keyType, let valueType), .dictionary(let dictionary)):
            guard let first = dictionary.entries.first else { return value }
            guard try coerce(first.key.value, to: keyType, literal: .none) != nil else { return nil }
            if case .none = literal, try coerce(first.value, to: valueType, literal: .none) != nil { return value }
            var converted = ValueDictionary()
            for (key, element) in dictionary.entries {
                guard let fitted = try coerce(element, to: valueType, literal: literal == .none ? .none : .integer) else { return nil }
                converted[key] = fitted
            }
            return .dictionary(converted)
        case (.tuple(let labels, let types), .tuple(let tuple)) where types.count == tuple.elements.count:
            var elements: [Value] = []
            for (element, elementType) in zip(tuple.elements, types) {
                // In a tuple of number literals each element is a literal of its own kind.
                var elementLiteral = LiteralKind.none
                if literal == .integer || literal == .floatingPoint {
                    if case .int = element { elementLiteral = .integer } else if case .double = element { elementLiteral = .floatingPoint }
                }
                guard let fitted = try coerce(element, to: elementType, literal: elementLiteral) else { return nil }
                elements.append(fitted)
            }
            // An unlabeled tuple takes the labels of the type it converts to (`(min: Int, max: Int)`).
            return .tuple(TupleValue(elements, labels: zip(labels, tuple.labels).map { $0 ?? $1 }))
        case (.function, .function): return value
        case (.range(let isClosed), .range(_, _, let valueIsClosed)) where isClosed == valueIsClosed: return value
        case (.library(let binding), _):
            return try libraryValueFits(value, binding) ? value : nil
        case (.declared(let name), _):
            return try declaredValueFits(value, name) ? value : nil
        case (.generic(_, let constraints), _):
            for constraint in constraints where try coerce(value, to: constraint, literal: literal) == nil { return nil }
            return value
        default:
            return nil
        }
    }

    /// Array elements converted: literal arrays element by element, others checked by their first element
    /// (arrays are homogeneous), so passing a large array costs nothing.
    private func coerceElements(_ elements: [Value], to element: TypeExpression, literal: LiteralKind) throws -> [Value]? {
        guard let first = elements.first else { return elements }
        if case .array(let elementLiteral) = literal, elementLiteral != .none {
            var converted: [Value] = []
            converted.reserveCapacity(elements.count)
            for item in elements {
                guard let fitted = try coerce(item, to: element, literal: elementLiteral) else { return nil }
                converted.append(fitted)
            }
            return converted
        }
        guard try coerce(first, to: element, literal: .none) != nil else { return nil }
        // Elements that need wrapping into Optionals or resolving as implicit members are converted one by one.
        let needsEach: Bool
        switch (element, first) {
        case (.optional, .optional): needsEach = false
        case (.optional, _): needsEach = true
        case (_, .implicitMember): needsEach = true
        default: needsEach = false
        }
        guard needsEach else { return elements }
        return try elements.map { try coerce($0, to: element, literal: .none) ?? $0 }
    }

    /// Whether a value is an instance of a library type (or adopts a library protocol).
    private func libraryValueFits(_ value: Value, _ binding: TypeBinding) throws -> Bool {
        switch value {
        case .object(let object): return binding.matches(object)
        case .opaque(let box): return binding.matches(box.value)
        case .int, .double, .float, .bool, .string, .array, .dictionary:
            return binding.name == "Any" || StandardProtocols.conforms(value, to: binding.name)
        case .structure(let structure): return conformsToProtocol(structure.type, binding.name)
        case .enumeration(let enumeration): return conformsToProtocol(enumeration.type, binding.name)
        default: return false
        }
    }

    /// Whether a value is an instance of the cell type called `name` (or adopts the cell protocol `name`). A value
    /// of an earlier declaration of the same name is an error that says so.
    private func declaredValueFits(_ value: Value, _ name: String) throws -> Bool {
        guard let current = declaredTypes[name] as? CellNominalType else { return false }
        let valueType: CellNominalType?
        switch value {
        case .structure(let structure): valueType = structure.type as? CellNominalType
        case .enumeration(let enumeration): valueType = enumeration.type as? CellNominalType
        case .object(let object as CellInstance): valueType = object.cellType as? CellNominalType
        default: valueType = nil
        }
        if current.kind == .protocolType {
            if let valueType { return conformsToProtocol(valueType, name) }
            return conformsByExtension(value, name)
        }
        guard let valueType else { return false }
        if valueType.isSubtype(of: current) { return true }
        if let stale = valueType.classChain.first(where: { $0.name == name }), stale !== current {
            throw CellLanguageError.staleDeclaration(
                typeName: name, valueCell: stale.cellNumber, declarationCell: current.cellNumber)
        }
        return false
    }

    /// Whether a cell type adopts a protocol (directly, through its superclasses or an extension).
    func conformsToProtocol(_ type: CellDeclaredType, _ name: String) -> Bool {
        guard let nominal = type as? CellNominalType else { return false }
        for current in nominal.classChain {
            if current.conformances.contains(name) { return true }
            for conformance in current.conformances {
                if let protocolType = declaredTypes[conformance] as? CellNominalType, protocolType.conformances.contains(name) { return true }
            }
        }
        return nominal.libraryLineage(in: bindings).contains { $0.name == name }
    }

    /// Whether a standard or library value adopts a cell protocol through `extension Int: Shape`.
    func conformsByExtension(_ value: Value, _ name: String) -> Bool {
        guard let typeName = typeName(ofValue: value) else { return false }
        return extensionConformances[typeName]?.contains(name) ?? false
    }

    /// Whether a value is an instance of a type, for `is` and `as?`.
    func isInstance(_ value: Value, of type: TypeExpression) throws -> Bool {
        switch (type, value) {
        case (.optional(let wrapped), .optional(let inner?)): return try isInstance(inner, of: wrapped)
        case (.optional, .optional(nil)): return true
        case (_, .optional(let inner?)): return try isInstance(inner, of: type)
        case (_, .optional(nil)): return false
        case (.double, .int), (.float, .int), (.float, .double): return false
        case (.array(let element), .array(let elements)):
            for item in elements where !(try isInstance(item, of: element)) { return false }
            return true
        default:
            return try coerce(value, to: type, literal: .none) != nil
        }
    }

    // MARK: - Assignment

    /// The value to store when assigning `newValue` to storage holding `current`: converted to the declared type,
    /// or kept of the kind the variable already holds (an Int variable takes no Double, as in Swift).
    func assignmentValue(_ newValue: Value, replacing current: Value, declared: TypeExpression?, literal: LiteralKind,
                         node: SwiftSyntax.Syntax) throws -> Value {
        if let declared {
            guard let converted = try coerce(newValue, to: declared, literal: literal) else {
                throw LocatedError(error: .typeMismatch("cannot assign value of type '\(newValue.typeName)' to type '\(declared)'"), node: node)
            }
            return converted
        }
        switch (current, newValue) {
        case (.void, _): return newValue
        case (.int, .int), (.double, .double), (.float, .float), (.bool, .bool), (.string, .string): return newValue
        case (.double, .int(let number)) where literal == .integer: return .double(Double(number))
        case (.float, .int(let number)) where literal == .integer: return .float(Float(number))
        case (.float, .double(let number)) where literal == .floatingPoint: return .float(Float(number))
        case (.optional, .optional): return newValue
        case (.optional(let wrapped), _):
            if let wrapped, case .implicitMember = newValue, let name = typeName(ofValue: wrapped) {
                return .optional(try resolveImplicitMember(newValue, in: name))
            }
            if case .int(let number) = newValue, case .double? = wrapped, literal == .integer { return .optional(.double(Double(number))) }
            return .optional(newValue)
        case (_, .implicitMember):
            guard let name = typeName(ofValue: current) else { return newValue }
            return try resolveImplicitMember(newValue, in: name)
        case (.int, _), (.double, _), (.float, _), (.bool, _), (.string, _):
            throw LocatedError(error: .typeMismatch("cannot assign value of type '\(newValue.typeName)' to type '\(current.typeName)'"),
                               node: node)
        default:
            return newValue
        }
    }

    // MARK: - Implicit members

    /// `.name` or `.name(arguments)` looked up as a static member of the type called `typeName`.
    func resolveImplicitMember(_ value: Value, in typeName: String) throws -> Value {
        guard case .implicitMember(let member) = value else { return value }
        let typeValue: TypeValue
        if let declared = declaredTypes[typeName] {
            typeValue = .declared(declared)
        } else if bindings.types[typeName] != nil {
            typeValue = .named(typeName)
        } else {
            throw CellLanguageError.typeMismatch("cannot infer contextual base in reference to member '\(member.name)'")
        }
        let resolved = try self.member(member.name, of: .type(typeValue), node: nil)
        guard let arguments = member.arguments else { return resolved }
        var written: [Int: Value] = [:]
        return try call(resolved, arguments: arguments, written: &written, node: nil)
    }
}

extension CellLanguageError {
    /// A value made from an earlier declaration of a type that a later cell declared again.
    static func staleDeclaration(typeName: String, valueCell: Int, declarationCell: Int) -> CellLanguageError {
        .typeMismatch("this '\(typeName)' was made from its declaration in cell \(valueCell), which cell \(declarationCell) "
                      + "replaced; make the value again from the new declaration")
    }
}

/// The standard protocols a standard value conforms to.
extension StandardProtocols {
    static func conforms(_ value: Value, to name: String) -> Bool {
        switch (value, name) {
        case (.int, "Equatable"), (.int, "Hashable"), (.int, "Comparable"), (.int, "Numeric"), (.int, "AdditiveArithmetic"),
             (.int, "BinaryInteger"), (.int, "FixedWidthInteger"), (.int, "SignedInteger"), (.int, "SignedNumeric"),
             (.int, "CustomStringConvertible"), (.int, "ExpressibleByIntegerLiteral"), (.int, "Sendable"), (.int, "Codable"):
            return true
        case (.double, "Equatable"), (.double, "Hashable"), (.double, "Comparable"), (.double, "Numeric"), (.double, "AdditiveArithmetic"),
             (.double, "FloatingPoint"), (.double, "BinaryFloatingPoint"), (.double, "SignedNumeric"), (.double, "CustomStringConvertible"),
             (.double, "ExpressibleByIntegerLiteral"), (.double, "Sendable"), (.double, "Codable"),
             (.float, "Equatable"), (.float, "Hashable"), (.float, "Comparable"), (.float, "Numeric"), (.float, "AdditiveArithmetic"),
             (.float, "FloatingPoint"), (.float, "BinaryFloatingPoint"), (.float, "SignedNumeric"), (.float, "CustomStringConvertible"),
             (.float, "Sendable"), (.float, "Codable"):
            return true
        case (.string, "Equatable"), (.string, "Hashable"), (.string, "Comparable"), (.string, "CustomStringConvertible"),
             (.string, "StringProtocol"), (.string, "Sequence"), (.string, "Collection"), (.string, "Sendable"), (.string, "Codable"):
            return true
        case (.bool, "Equatable"), (.bool, "Hashable"), (.bool, "CustomStringConvertible"), (.bool, "Sendable"), (.bool, "Codable"):
            return true
        case (.array, "Sequence"), (.array, "Collection"), (.array, "Equatable"), (.array, "CustomStringConvertible"),
             (.dictionary, "Sequence"), (.dictionary, "Collection"), (.dictionary, "Equatable"):
            return true
        default:
            return false
        }
    }
}
