import SwiftSyntax

/// A run-time value of the cell language.
enum Value {
    /// An `Int`.
    case int(Int)
    /// A `Double`.
    case double(Double)
    /// A `Bool`.
    case bool(Bool)
    /// A `String`.
    case string(String)
    /// An `Array`.
    case array([Value])
    /// A `Dictionary`, insertion ordered.
    case dictionary(ValueDictionary)
    /// An `Optional`: `.optional(nil)` is `nil`.
    indirect case optional(Value?)
    /// A `Range` (`..<`) or `ClosedRange` (`...`) of Int.
    case range(lower: Int, upper: Int, isClosed: Bool)
    /// A tuple, e.g. the elements of `enumerated()`.
    case tuple([Value], labels: [String?])
    /// A function or closure.
    case function(Callable)
    /// An instance of a struct declared in a cell.
    case structure(StructureInstance)
    /// A type used as a value, e.g. `Double` in `Double.pi`.
    case type(String)
    /// An opaque library object (a figure, a tensor, a model) wrapped for bindings.
    case host(HostObject)
    /// The empty tuple, what statements and `print` give.
    case void
}

/// A struct value declared in a cell: its type and stored properties in declaration order.
struct StructureInstance {
    /// The declaration it instantiates.
    let declaration: StructureDeclaration
    /// The stored property values, in declaration order.
    var properties: [Value]
}

/// A user-declared `struct`: its name, stored properties and methods.
final class StructureDeclaration {
    /// One stored property.
    struct Property {
        let name: String
        let annotation: TypeAnnotation?
        let isMutable: Bool
        let defaultValue: ExprSyntax?
    }
    let name: String
    let properties: [Property]
    var methods: [String: [UserFunction]] = [:]
    let scope: Scope

    init(name: String, properties: [Property], scope: Scope) {
        self.name = name
        self.properties = properties
        self.scope = scope
    }

    /// The index of the stored property called `name`.
    func propertyIndex(_ name: String) -> Int? {
        properties.firstIndex { $0.name == name }
    }
}

/// A wrapped library object. Bindings that expose a library type wrap its instances in this box.
public protocol HostObject: AnyObject {
    /// The type name shown to users and used to find the type's bindings, e.g. "Figure".
    var typeName: String { get }
    /// The REPL-style description.
    var plainDescription: String { get }
}

/// A value with renderings beyond text/plain (a figure as PNG, a table as HTML).
public protocol RichRepresentable {
    /// The renderings; "text/plain" is added by the session when missing.
    func richOutput() -> RichOutput
}
