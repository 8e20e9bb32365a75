import Foundation

/// A library type that cells can hold: its name in cells, its REPL description and, when it has one, a richer
/// rendering (a figure as PNG, a table as HTML). Conformances live next to each type's bindings.
protocol CellExposed {
    /// The type name cells see and the key of the type's bindings, e.g. "Figure".
    static var cellTypeName: String { get }
    /// What the REPL shows for the value.
    var cellDescription: String { get }
    /// The rich rendering, or nil for text/plain only.
    var cellRichOutput: RichOutput? { get }
}

extension CellExposed {
    /// The Swift `description` when there is one, else the type name.
    var cellDescription: String {
        (self as? CustomStringConvertible)?.description ?? Self.cellTypeName
    }

    /// Text only, unless the type says otherwise.
    var cellRichOutput: RichOutput? { nil }
}

/// The box that carries a library value (a figure, a dataset, a model) through the evaluator.
///
/// Value types (`Figure`, `Tensor`) are copied into a new box by their mutating bindings, so `var b = a` followed
/// by `b.plot(...)` leaves `a` unchanged, as in Swift. Classes (models) share the boxed reference.
final class LibraryObject<Wrapped: CellExposed>: HostObject, RichRepresentable {
    /// The library value.
    let value: Wrapped

    /// Boxes `value`.
    init(_ value: Wrapped) {
        self.value = value
    }

    var typeName: String { Wrapped.cellTypeName }
    var plainDescription: String { value.cellDescription }

    func richOutput() -> RichOutput {
        value.cellRichOutput ?? RichOutput(plainText: plainDescription)
    }
}

extension Value {
    /// A library value boxed for cells.
    static func library<Wrapped: CellExposed>(_ value: Wrapped) -> Value {
        .host(LibraryObject(value))
    }

    /// The library value of type `Wrapped` inside this value, or nil when it holds something else.
    func library<Wrapped: CellExposed>(_ type: Wrapped.Type) -> Wrapped? {
        guard case .host(let object) = self else { return nil }
        return (object as? LibraryObject<Wrapped>)?.value
    }
}

extension BindingInvocation {
    /// The receiver as a `Wrapped`.
    func receiver<Wrapped: CellExposed>(as type: Wrapped.Type) throws -> Wrapped {
        guard let value = receiver.library(type) else {
            throw CellLanguageError.noMember(typeName: receiver.typeName, member: Wrapped.cellTypeName)
        }
        return value
    }

    /// Changes a value-type receiver: the body works on a copy that is then boxed anew, so other variables
    /// holding the old box keep the old value.
    mutating func mutateReceiver<Wrapped: CellExposed>(as type: Wrapped.Type, _ body: (inout Wrapped) throws -> Void) throws {
        var value = try receiver(as: type)
        try body(&value)
        receiver = .library(value)
    }

    /// The argument at `index` as a `Wrapped`.
    func argument<Wrapped: CellExposed>(_ index: Int, as type: Wrapped.Type) throws -> Wrapped {
        let value = arguments[index]
        if let found = value.library(type) { return found }
        if case .optional(let wrapped?) = value, let found = wrapped.library(type) { return found }
        throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: Wrapped.cellTypeName)
    }

    /// The argument at `index` as a `Wrapped`, or nil when it is `nil`.
    func optionalArgument<Wrapped: CellExposed>(_ index: Int, as type: Wrapped.Type) throws -> Wrapped? {
        if case .optional(nil) = arguments[index] { return nil }
        return try argument(index, as: type)
    }

    /// The Int argument at `index`.
    func int(_ index: Int) throws -> Int {
        try LibraryConversion.int(arguments[index])
    }

    /// The Int argument at `index`, or nil when it is `nil`.
    func optionalInt(_ index: Int) throws -> Int? {
        if case .optional(nil) = arguments[index] { return nil }
        return try LibraryConversion.int(arguments[index])
    }

    /// The Double argument at `index`, or nil when it is `nil`.
    func optionalDouble(_ index: Int) throws -> Double? {
        if case .optional(nil) = arguments[index] { return nil }
        return try LibraryConversion.double(arguments[index])
    }

    /// The String argument at `index`, or nil when it is `nil`.
    func optionalString(_ index: Int) throws -> String? {
        if case .optional(nil) = arguments[index] { return nil }
        return try LibraryConversion.string(arguments[index])
    }

    /// The `[Int]?` argument at `index`.
    func optionalInts(_ index: Int) throws -> [Int]? {
        if case .optional(nil) = arguments[index] { return nil }
        return try ints(index)
    }

    /// The Double argument at `index` (an Int is accepted, as an integer literal would be).
    func double(_ index: Int) throws -> Double {
        try LibraryConversion.double(arguments[index])
    }

    /// The String argument at `index`.
    func string(_ index: Int) throws -> String {
        try LibraryConversion.string(arguments[index])
    }

    /// The Bool argument at `index`.
    func bool(_ index: Int) throws -> Bool {
        try LibraryConversion.bool(arguments[index])
    }

    /// The `[Double]` argument at `index` (Int elements are accepted).
    func doubles(_ index: Int) throws -> [Double] {
        try LibraryConversion.doubles(arguments[index])
    }

    /// The `[Double]?` argument at `index`.
    func optionalDoubles(_ index: Int) throws -> [Double]? {
        if case .optional(nil) = arguments[index] { return nil }
        return try LibraryConversion.doubles(arguments[index])
    }

    /// The `[Int]` argument at `index`.
    func ints(_ index: Int) throws -> [Int] {
        try LibraryConversion.elements(arguments[index], expected: "[Int]").map(LibraryConversion.int)
    }

    /// The `[String]` argument at `index`.
    func strings(_ index: Int) throws -> [String] {
        try LibraryConversion.elements(arguments[index], expected: "[String]").map { element in
            guard case .string(let text) = element else {
                throw CellLanguageError.cannotConvertArgument(valueType: element.typeName, expectedType: "String")
            }
            return text
        }
    }

    /// The array argument at `index` with elements of type `Wrapped`.
    func array<Wrapped: CellExposed>(_ index: Int, of type: Wrapped.Type) throws -> [Wrapped] {
        try LibraryConversion.elements(arguments[index], expected: "[\(Wrapped.cellTypeName)]").map { element in
            guard let found = element.library(type) else {
                throw CellLanguageError.cannotConvertArgument(valueType: element.typeName, expectedType: Wrapped.cellTypeName)
            }
            return found
        }
    }

    /// Runs library code, turning its errors into run-time failures that carry the library's message.
    func library<Result>(_ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let error as CellLanguageError {
            throw error
        } catch let error as LocatedError {
            throw error
        } catch {
            throw CellLanguageError.runtimeFault("\(type(of: error)): \(error)")
        }
    }
}

/// Conversions from cell values to the plain Swift values library calls take.
enum LibraryConversion {
    /// `value` without an `Optional` wrapper.
    static func unwrapped(_ value: Value) -> Value {
        if case .optional(let wrapped?) = value { return unwrapped(wrapped) }
        return value
    }

    /// An Int.
    static func int(_ value: Value) throws -> Int {
        guard case .int(let number) = unwrapped(value) else {
            throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: "Int")
        }
        return number
    }

    /// A Double, from a Double or an Int.
    static func double(_ value: Value) throws -> Double {
        switch unwrapped(value) {
        case .double(let number): return number
        case .int(let number): return Double(number)
        default: throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: "Double")
        }
    }

    /// A String.
    static func string(_ value: Value) throws -> String {
        guard case .string(let text) = unwrapped(value) else {
            throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: "String")
        }
        return text
    }

    /// A Bool.
    static func bool(_ value: Value) throws -> Bool {
        guard case .bool(let flag) = unwrapped(value) else {
            throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: "Bool")
        }
        return flag
    }

    /// The elements of an array (or any sequence).
    static func elements(_ value: Value, expected: String) throws -> [Value] {
        guard let elements = try unwrapped(value).sequenceElements else {
            throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: expected)
        }
        return elements
    }

    /// An array of Doubles from Double or Int elements.
    static func doubles(_ value: Value) throws -> [Double] {
        try elements(value, expected: "[Double]").map(double)
    }

    /// A cell array of Doubles.
    static func array(_ numbers: [Double]) -> Value { .array(numbers.map(Value.double)) }

    /// A cell array of Doubles from Floats.
    static func array(_ numbers: [Float]) -> Value { .array(numbers.map { .double(Double($0)) }) }

    /// A cell array of Ints.
    static func array(_ numbers: [Int]) -> Value { .array(numbers.map(Value.int)) }

    /// A cell array of Strings.
    static func array(_ texts: [String]) -> Value { .array(texts.map(Value.string)) }
}
