/// What a binding's implementation receives: the receiver, the arguments matched to its parameters (already
/// checked against their types, literals converted), and the interpreter for calling closures. Generated
/// code reads each argument as its declared Swift type, calls the library, and returns the result
/// converted back.
public struct BindingCall {
    /// `self` for methods, properties and subscripts; `.void` otherwise.
    public var receiverValue: Value
    /// One value per parameter (a variadic parameter's arguments gathered into an array); `.void` where the
    /// argument was left out.
    public var arguments: [Value]
    /// Whether each parameter's argument was written (false: the default applies).
    public let given: [Bool]
    /// The binding's parameters.
    public let parameters: [ParameterBinding]
    /// The binding's result type.
    public let returnType: SwiftType
    /// The interpreter, for closure arguments.
    public let callbacks: CellCallbacks
    /// How each argument was written (an integer literal may still become a Double, as in `reduce(0, +)`).
    public let literals: [LiteralKind]
    /// The element type of a collection receiver, when known (`var xs: [Double]`), for members that take elements.
    public var elementType: SwiftType?
    /// New values of `inout` arguments, by parameter index, for the interpreter to store back.
    public private(set) var inOutResults: [(index: Int, value: Value)] = []
    /// The receiver's box, when ``takeReceiver()`` emptied the only reference to it: ``setReceiver(_:)`` refills
    /// it rather than allocating another.
    @usableFromInline var emptiedBox: OpaqueBox?

    public init(receiver: Value, arguments: [Value], given: [Bool], parameters: [ParameterBinding], returnType: SwiftType,
                callbacks: CellCallbacks, literals: [LiteralKind] = []) {
        self.receiverValue = receiver
        self.arguments = arguments
        self.given = given
        self.parameters = parameters
        self.returnType = returnType
        self.callbacks = callbacks
        self.literals = literals
    }

    /// Whether the argument at `index` was written as an integer literal.
    public func isIntegerLiteral(_ index: Int) -> Bool {
        index < literals.count && literals[index] == .integer
    }

    /// Stores a new value for the `inout` argument at `index` as a cell value.
    public mutating func setInOutValue(_ index: Int, _ value: Value) {
        inOutResults.append((index, value))
    }

    /// Whether the argument at `index` was written (otherwise the generated code uses the declared default).
    public func isGiven(_ index: Int) -> Bool { given[index] }

    // MARK: - Arguments

    /// The argument at `index` as its declared Swift type (a variadic parameter's, as an array).
    public func argument<T>(_ index: Int) throws -> T {
        let parameter = parameters[index]
        let swift = try Bridge.swiftValue(arguments[index], as: parameter.isVariadic ? .array(parameter.type) : parameter.type)
        guard let typed = swift as? T else { throw mismatch(arguments[index], T.self) }
        return typed
    }

    /// An Int argument.
    public func argument(_ index: Int) throws -> Int {
        if case .int(let number) = arguments[index] { return number }
        throw mismatch(arguments[index], Int.self)
    }

    /// A Double argument.
    public func argument(_ index: Int) throws -> Double {
        if case .double(let number) = arguments[index] { return number }
        throw mismatch(arguments[index], Double.self)
    }

    /// A Float argument.
    public func argument(_ index: Int) throws -> Float {
        if case .float(let number) = arguments[index] { return number }
        throw mismatch(arguments[index], Float.self)
    }

    /// A Bool argument.
    public func argument(_ index: Int) throws -> Bool {
        if case .bool(let flag) = arguments[index] { return flag }
        throw mismatch(arguments[index], Bool.self)
    }

    /// A String argument.
    public func argument(_ index: Int) throws -> String {
        if case .string(let text) = arguments[index] { return text }
        throw mismatch(arguments[index], String.self)
    }

    private func mismatch<T>(_ value: Value, _ type: T.Type) -> CellLanguageError {
        .cannotConvertArgument(valueType: value.typeName, expectedType: Value.swiftTypeName(T.self))
    }

    /// A closure argument, to be wrapped in a Swift closure of the parameter's function type.
    public func function(_ index: Int) -> CellFunction {
        var type = parameters[index].type
        if case .optional(let wrapped) = type { type = wrapped }
        guard case .function(let parameterTypes, let resultType, _) = type else {
            return CellFunction(value: arguments[index], callbacks: callbacks, parameterTypes: [], resultType: .any)
        }
        return CellFunction(value: arguments[index], callbacks: callbacks, parameterTypes: parameterTypes, resultType: resultType)
    }

    /// Whether an optional closure argument is `nil`.
    public func isNil(_ index: Int) -> Bool {
        if case .optional(nil) = arguments[index] { return true }
        return false
    }

    /// Stores the new value of the `inout` argument at `index`.
    public mutating func setInOut<T>(_ index: Int, _ value: T) {
        inOutResults.append((index, Bridge.value(value, as: parameters[index].type)))
    }

    // MARK: - Receiver

    /// The receiver as its Swift type (inlined into the generated code, so the cast is to a known type).
    @inlinable public func receiver<T>() throws -> T {
        switch receiverValue {
        case .object(let object): if let typed = object as? T { return typed }
        case .opaque(let box): if let typed = box.value as? T { return typed }
        default: if let typed = Bridge.anyValue(receiverValue) as? T { return typed }
        }
        throw CellLanguageError.noMember(typeName: receiverValue.typeName, member: Value.swiftTypeName(T.self))
    }

    /// The receiver of a mutating member, moved out of its box when no other variable shares it, so the
    /// mutation does not copy the value's storage. Put it back with ``setReceiver(_:)``. Inlined into the generated
    /// code, so the cast is to a known type.
    @inlinable public mutating func takeReceiver<T>() throws -> T {
        guard case .opaque(var box) = receiverValue else { return try self.receiver() }
        receiverValue = .void
        guard let typed = box.value as? T else {
            receiverValue = .opaque(box)
            throw CellLanguageError.noMember(typeName: Value.opaque(box).typeName, member: Value.swiftTypeName(T.self))
        }
        if isKnownUniquelyReferenced(&box) {
            box.value = ()
            emptiedBox = box
        }
        return typed
    }

    /// The mutated receiver, in the box ``takeReceiver()`` emptied, or boxed anew when the box was shared.
    @inlinable public mutating func setReceiver<T>(_ value: T) {
        guard let box = emptiedBox else {
            receiverValue = .opaque(OpaqueBox(value))
            return
        }
        emptiedBox = nil
        box.value = value
        receiverValue = .opaque(box)
    }

    // MARK: - Results

    /// A result of the binding's declared type as a cell value.
    public func result<T>(_ value: T) -> Value {
        Bridge.value(value, as: returnType)
    }

    /// A `Float` result (no trip through `Any` when the declared type is `Float`).
    public func result(_ value: Float) -> Value {
        returnType == .float ? .float(value) : Bridge.value(value, as: returnType)
    }

    /// A `Double` result (no trip through `Any` when the declared type is `Double`).
    public func result(_ value: Double) -> Value {
        returnType == .double ? .double(value) : Bridge.value(value, as: returnType)
    }

    /// An `Int` result (no trip through `Any` when the declared type is `Int`).
    public func result(_ value: Int) -> Value {
        returnType == .int ? .int(value) : Bridge.value(value, as: returnType)
    }

    /// A result of a declared type other than the binding's (a tuple element, a setter's value).
    public func result<T>(_ value: T, as type: SwiftType) -> Value {
        Bridge.value(value, as: type)
    }
}

/// A cell closure passed where the library takes a Swift closure: generated code wraps it in a closure of
/// the parameter's type that converts the arguments, calls into the interpreter and converts the result.
public struct CellFunction {
    /// The cell's function value.
    public let value: Value
    let callbacks: CellCallbacks
    let parameterTypes: [SwiftType]
    let resultType: SwiftType

    /// Calls the closure; the result is converted to `R` (numbers convert as literals would, since a closure
    /// literal's result takes its type from the context).
    public func call<R>(_ arguments: Any...) throws -> R {
        let result = try callbacks.call(value, arguments: converted(arguments))
        let swift = try Bridge.swiftValue(Value.coercingNumber(result, to: resultType), as: resultType)
        guard let typed = swift as? R else {
            throw CellLanguageError.typeMismatch(
                "cannot convert value of type '\(result.typeName)' to closure result type '\(resultType)'")
        }
        return typed
    }

    /// Calls a closure that returns nothing.
    public func call(_ arguments: Any...) throws {
        _ = try callbacks.call(value, arguments: converted(arguments))
    }

    /// Calls the closure where the library's closure type cannot throw: an error is kept for the interpreter to
    /// rethrow when the library call returns, and `fallback` is returned meanwhile.
    public func callRecordingErrors<R>(_ arguments: Any..., fallback: R) -> R {
        do {
            let result = try callbacks.call(value, arguments: converted(arguments))
            let swift = try Bridge.swiftValue(Value.coercingNumber(result, to: resultType), as: resultType)
            guard let typed = swift as? R else {
                throw CellLanguageError.typeMismatch(
                    "cannot convert value of type '\(result.typeName)' to closure result type '\(resultType)'")
            }
            return typed
        } catch {
            callbacks.record(error)
            return fallback
        }
    }

    /// Calls a closure that returns nothing where the library's closure type cannot throw.
    public func callRecordingErrors(_ arguments: Any...) {
        do {
            _ = try callbacks.call(value, arguments: converted(arguments))
        } catch {
            callbacks.record(error)
        }
    }

    private func converted(_ arguments: [Any]) -> [Value] {
        arguments.enumerated().map { index, argument in
            Bridge.value(argument, as: index < parameterTypes.count ? parameterTypes[index] : .any)
        }
    }
}
