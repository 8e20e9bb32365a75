import Autograd

/// The values a ``Parameter`` can hold: a `Tensor`, or an optional one (a bias that may be absent).
public protocol ParameterValue {
    /// The tensor held, if any.
    var parameterTensor: Tensor? { get }
    /// Wraps a tensor as this kind of value.
    ///
    /// - Parameter tensor: The tensor to wrap.
    static func fromParameterTensor(_ tensor: Tensor) -> Self
}

extension Tensor: ParameterValue {
    /// The tensor itself.
    public var parameterTensor: Tensor? { self }
    /// The tensor itself.
    ///
    /// - Parameter tensor: The tensor to wrap.
    public static func fromParameterTensor(_ tensor: Tensor) -> Tensor { tensor }
}

extension Optional: ParameterValue where Wrapped == Tensor {
    /// The tensor, or `nil` when absent.
    public var parameterTensor: Tensor? { self }
    /// The tensor, present.
    ///
    /// - Parameter tensor: The tensor to wrap.
    public static func fromParameterTensor(_ tensor: Tensor) -> Tensor? { tensor }
}

/// Marks a stored tensor of a ``Module`` as a trainable parameter, found by reflection:
///
/// ```swift
/// final class Affine: Module, UnaryLayer {
///     @Parameter var scale: Tensor
///     @Parameter var shift: Tensor?
///     init(_ count: Int) { scale = Tensor(ones: [count]); shift = Tensor(zeros: [count]) }
///     func callAsFunction(_ x: Tensor) throws -> Tensor {
///         let scaled = try x * scale
///         return try shift.map { try scaled + $0 } ?? scaled
///     }
/// }
/// ```
/// The wrapper is a reference box so that optimizers and checkpoints can replace the value in
/// place: `Tensor` is a value type, and reflection alone can read but not write a stored property.
@propertyWrapper
public final class Parameter<Value: ParameterValue> {
    /// The current value.
    public var wrappedValue: Value
    /// Whether the parameter is excluded from differentiation and optimizer steps (see ``Module/freeze(where:)``).
    var isFrozen = false

    /// Wraps an initial value.
    ///
    /// - Parameter wrappedValue: The parameter's initial value.
    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }
}

/// The type-erased view of a ``Parameter`` box that reflection uses.
protocol ParameterBox: AnyObject {
    /// The tensor held, or `nil` for an absent optional parameter.
    var tensor: Tensor? { get }
    /// Replaces the tensor held.
    func replace(with tensor: Tensor)
    /// Whether the parameter is excluded from differentiation and optimizer steps.
    var isFrozen: Bool { get set }
}

extension Parameter: ParameterBox {
    var tensor: Tensor? { wrappedValue.parameterTensor }
    func replace(with tensor: Tensor) { wrappedValue = Value.fromParameterTensor(tensor) }
}
