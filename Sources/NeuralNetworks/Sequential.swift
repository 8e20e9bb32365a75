import Autograd

/// Layers applied one after another; parameters are named by position: `layers.0.weight`.
///
/// ```swift
/// var generator = RandomGenerator(seed: 3)
/// let model = Sequential(Linear(784, 400, generator: &generator), Tanh(), Linear(400, 10, generator: &generator))
/// let logits = try model(images)
/// ```
public final class Sequential: Module, UnaryLayer {
    /// The layers, in order.
    public let layers: [UnaryLayer]

    /// Creates the stack from a list of layers.
    public init(_ layers: [UnaryLayer]) {
        self.layers = layers
    }

    /// Creates the stack from layers given as arguments.
    public convenience init(_ layers: UnaryLayer...) {
        self.init(layers)
    }

    /// Feeds `input` through every layer in turn.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try layers.reduce(input) { try $1($0) }
    }
}
