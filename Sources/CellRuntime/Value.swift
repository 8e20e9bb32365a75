/// A run-time value of the cell language.
///
/// Standard Swift values (numbers, strings, collections, optionals, tuples) are represented directly, so
/// the interpreter works on them without boxing; library values travel boxed: class instances as
/// ``object(_:)``, value types as ``opaque(_:)``. Types declared by cells have their own cases.
public enum Value {
    /// The empty tuple, what statements and `Void` functions give.
    case void
    /// An `Int`. Integer types the library declares (`UInt64`, `Int32`) travel as Int too.
    case int(Int)
    /// A `Double`.
    case double(Double)
    /// A `Float` (tensor scalars, learning rates).
    case float(Float)
    /// A `Bool`.
    case bool(Bool)
    /// A `String` (and a `Character`).
    case string(String)
    /// An `Array`.
    case array([Value])
    /// A `Dictionary`, insertion ordered so notebooks print the same on every run.
    case dictionary(ValueDictionary)
    /// An `Optional`: `.optional(nil)` is `nil`.
    indirect case optional(Value?)
    /// A `Range` (`..<`) or `ClosedRange` (`...`) of Int.
    case range(lower: Int, upper: Int, isClosed: Bool)
    /// A tuple, with its labels.
    case tuple(TupleValue)
    /// A function, closure, bound method or initialiser.
    case function(FunctionValue)
    /// An instance of a class: a library class (`Linear`, `MultiVAE`) or a class declared in a cell.
    case object(AnyObject)
    /// A value of a library struct or enum (`Tensor`, `Figure`, `Annealing`), boxed.
    case opaque(OpaqueBox)
    /// A value of a struct declared in a cell.
    case structure(StructureValue)
    /// A value of an enum declared in a cell.
    case enumeration(EnumerationValue)
    /// A type used as a value: `Double` in `Double.pi`, `MultiVAE.self`.
    case type(TypeValue)
    /// An implicit member (`.linear(cap: 0.2, steps: 100)`, `.ml100k`) waiting for the type its context gives.
    case implicitMember(ImplicitMember)
}

/// A tuple's elements and labels (nil where an element has none).
public struct TupleValue {
    public var elements: [Value]
    public var labels: [String?]

    public init(_ elements: [Value], labels: [String?]? = nil) {
        self.elements = elements
        self.labels = labels ?? Array(repeating: nil, count: elements.count)
    }
}

/// A library value type boxed for the interpreter. `var b = a` shares the box; a mutation first takes the
/// value out (see `BindingCall.takeReceiver()`), so copies stay independent, as in Swift.
public final class OpaqueBox {
    /// The library value.
    public var value: Any

    public init(_ value: Any) {
        self.value = value
    }
}

/// A value of a struct declared in a cell: its type and stored properties in declaration order.
public struct StructureValue {
    public let type: CellDeclaredType
    public var fields: [Value]

    public init(type: CellDeclaredType, fields: [Value]) {
        self.type = type
        self.fields = fields
    }
}

/// A case of an enum declared in a cell, with its associated values.
public final class EnumerationValue {
    public let type: CellDeclaredType
    /// The index of the case in its declaration.
    public let caseIndex: Int
    public let payload: [Value]

    public init(type: CellDeclaredType, caseIndex: Int, payload: [Value]) {
        self.type = type
        self.caseIndex = caseIndex
        self.payload = payload
    }
}

/// A type used as a value: a standard or library type by name, or a type a cell declared.
public enum TypeValue {
    /// A type from the binding table (`Int`, `Tensor`, `MovieLens.Variant`).
    case named(String)
    /// A type a cell declared.
    case declared(CellDeclaredType)
    /// `[Element]` or `[Key: Value]` written as a type in an expression, as in `[Double]()`.
    case collection(String)
}

/// `.name` or `.name(arguments)` written where Swift infers the base from the context (an argument, an
/// annotated `let`, a comparison): kept until the expected type is known.
public final class ImplicitMember {
    /// The member's name.
    public let name: String
    /// The arguments of `.name(...)`, or nil for `.name`.
    public let arguments: [Argument]?

    public init(name: String, arguments: [Argument]?) {
        self.name = name
        self.arguments = arguments
    }
}

/// One argument at a call site.
public struct Argument {
    /// The label; nil for an unlabeled argument.
    public var label: String?
    public var value: Value
    /// Written as a trailing closure (it may fill an unlabeled closure parameter).
    public var isTrailingClosure: Bool
    /// What kind of literal the argument was written as, which decides the types it may take.
    public var literal: LiteralKind
    /// Written with `&` (for an `inout` parameter).
    public var isInOut: Bool

    public init(label: String?, value: Value, isTrailingClosure: Bool = false, literal: LiteralKind = .none, isInOut: Bool = false) {
        self.label = label
        self.value = value
        self.isTrailingClosure = isTrailingClosure
        self.literal = literal
        self.isInOut = isInOut
    }

    /// Refuses an argument written without `&` for an `inout` parameter, or with `&` for another, as Swift does.
    public func checkInOut(forInOutParameter isInOutParameter: Bool) throws {
        if isInOutParameter && !isInOut {
            throw CellLanguageError.typeMismatch("passing value of type '\(value.typeName)' to an inout parameter requires explicit '&'")
        }
        if isInOut && !isInOutParameter {
            throw CellLanguageError.typeMismatch("'&' used with non-inout argument of type '\(value.typeName)'")
        }
    }
}

/// The literal an expression is, as far as typing goes: an integer literal may become any number type, a
/// floating-point literal a Double or a Float, an array of such literals an array of those types.
public indirect enum LiteralKind: Equatable, Sendable {
    /// Not a literal (a variable, a call): its type is its value's.
    case none
    case integer
    case floatingPoint
    /// An array literal whose elements are of this kind (the least flexible of them).
    case array(LiteralKind)
    /// `nil`.
    case `nil`
}

/// A type a cell declared: the engine subclasses it for structs, classes, enums and protocols.
open class CellDeclaredType {
    /// The type's name, e.g. "Point".
    public let name: String
    /// Which cell declared it (for the message when a value of a replaced declaration is used).
    public let cellNumber: Int

    public init(name: String, cellNumber: Int) {
        self.name = name
        self.cellNumber = cellNumber
    }

    /// The names of an instance's stored properties as Swift reflection shows them, in field order (a wrapped
    /// property's storage is `_name`, as for `@Parameter var weight`).
    open var reflectedPropertyNames: [String] { [] }

    /// Whether the type or one of its superclasses declares a method called `name`.
    open func declaresMethod(_ name: String) -> Bool { false }
}

/// An object of a class a cell declared. Plain cell classes use the engine's own object type; a cell class
/// that inherits from a library class (`Module`, `Optimizer`) is an instance of a generated subclass of it
/// that also adopts this protocol, so the library sees a real `Module`.
public protocol CellInstance: AnyObject {
    /// The cell class it was created from.
    var cellType: CellDeclaredType { get }
    /// Its stored properties, in declaration order (superclass properties first).
    var fields: [Value] { get set }
}

extension Value {
    // Moving a payload out. A `switch` over a variable (or over a temporary) keeps the enum alive for the whole
    // switch, so an array bound with `case .array(var elements)` is shared and its first change copies it. These
    // leave `.void` in the variable and hand back the only reference, so the caller changes it in place.

    /// The elements of an array, leaving `.void` in its place; nil (and the value untouched) for anything else.
    public mutating func takeArray() -> [Value]? {
        guard case .array(let elements) = self else { return nil }
        self = .void
        return elements
    }

    /// The entries of a dictionary, leaving `.void` in its place; nil (and the value untouched) for anything else.
    public mutating func takeDictionary() -> ValueDictionary? {
        guard case .dictionary(let dictionary) = self else { return nil }
        self = .void
        return dictionary
    }

    /// A cell struct's value, leaving `.void` in its place; nil (and the value untouched) for anything else.
    public mutating func takeStructure() -> StructureValue? {
        guard case .structure(let structure) = self else { return nil }
        self = .void
        return structure
    }

    /// A tuple, leaving `.void` in its place; nil (and the value untouched) for anything else.
    public mutating func takeTuple() -> TupleValue? {
        guard case .tuple(let tuple) = self else { return nil }
        self = .void
        return tuple
    }
}
