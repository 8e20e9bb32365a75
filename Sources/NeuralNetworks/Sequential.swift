import Autograd

/// Layers applied one after another; parameters are named by position: `layers.0.weight`.
///
/// ```swift
/// var generator = RandomGenerator(seed: 3)
/// let model = Sequential(try Linear(784, 400, generator: &generator), Tanh(), try Linear(400, 10, generator: &generator))
/// let logits = try model(images)
/// ```
public final class Sequential: Module, UnaryLayer {
    /// The layers, in order.
    public let layers: [UnaryLayer]

    /// Creates the stack from a list of layers.
    ///
    /// - Parameter layers: The layers, in the order they are applied.
    public init(_ layers: [UnaryLayer]) {
        self.layers = layers
    }

    /// Creates the stack from layers given as arguments.
    ///
    /// - Parameter layers: The layers, in the order they are applied.
    public convenience init(_ layers: UnaryLayer...) {
        self.init(layers)
    }

    /// Feeds `input` through every layer in turn. A `Conv2d` followed by a `ReLU` runs as one
    /// convolution with the ReLU fused into its output pass (the same values and gradients, one
    /// pass over the images fewer each way).
    ///
    /// - Parameter input: The input of the first layer.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        var value = input, index = 0
        while index < layers.count {
            if let convolution = layers[index] as? Conv2d, index + 1 < layers.count, layers[index + 1] is ReLU {
                value = try convolution(value, rectified: true)   // one pass over the output instead of two
                index += 2
            } else {
                value = try layers[index](value)
                index += 1
            }
        }
        return value
    }
}
