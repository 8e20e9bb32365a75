import Autograd

/// `tanh` as a layer.
public final class Tanh: Module, UnaryLayer {
    /// Creates the layer.
    public override init() {}
    /// Applies `tanh` elementwise.
    ///
    /// - Parameter input: The input tensor; the function applies elementwise.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.tanh() }
}

/// The logistic sigmoid `1 / (1 + e⁻ˣ)` as a layer.
public final class Sigmoid: Module, UnaryLayer {
    /// Creates the layer.
    public override init() {}
    /// Applies the sigmoid elementwise.
    ///
    /// - Parameter input: The input tensor; the function applies elementwise.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.sigmoid() }
}

/// `max(x, 0)` as a layer.
public final class ReLU: Module, UnaryLayer {
    /// Creates the layer.
    public override init() {}
    /// Applies ReLU elementwise.
    ///
    /// - Parameter input: The input tensor; the function applies elementwise.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.relu() }
}

/// `x` for positive values and `negativeSlope · x` otherwise, as a layer.
public final class LeakyReLU: Module, UnaryLayer {
    /// The slope for negative inputs (PyTorch's default 0.01).
    public let negativeSlope: Float
    /// Creates the layer.
    ///
    /// - Parameter negativeSlope: The slope for negative inputs (PyTorch's default 0.01).
    public init(negativeSlope: Float = 0.01) { self.negativeSlope = negativeSlope }
    /// Applies leaky ReLU elementwise.
    ///
    /// - Parameter input: The input tensor; the function applies elementwise.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.leakyRelu(negativeSlope: negativeSlope) }
}

/// `x · sigmoid(x)` (SiLU, swish) as a layer.
public final class SiLU: Module, UnaryLayer {
    /// Creates the layer.
    public override init() {}
    /// Applies SiLU elementwise.
    ///
    /// - Parameter input: The input tensor; the function applies elementwise.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.silu() }
}

/// `log(1 + eˣ)` as a layer.
public final class Softplus: Module, UnaryLayer {
    /// Creates the layer.
    public override init() {}
    /// Applies softplus elementwise.
    ///
    /// - Parameter input: The input tensor; the function applies elementwise.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { input.softplus() }
}

/// Any tensor function as a parameter-free layer, for a ``Sequential``:
/// `Lambda { try $0.reshaped(to: [-1, 784]) }`.
public final class Lambda: Module, UnaryLayer {
    /// The function applied.
    public let function: (Tensor) throws -> Tensor
    /// Wraps `function`.
    ///
    /// - Parameter function: The function from the input tensor to the output tensor.
    public init(_ function: @escaping (Tensor) throws -> Tensor) { self.function = function }
    /// Applies the function.
    ///
    /// - Parameter input: The input tensor.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try function(input) }
}
