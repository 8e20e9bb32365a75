import Autograd

/// Inverted dropout (Srivastava et al., 2014): in training, zeroes each value with probability
/// `probability` and scales the rest by `1 / (1 − probability)`; in evaluation, passes values through.
/// The mask comes from the layer's own seeded generator, so a run repeats exactly.
public final class Dropout: Module, UnaryLayer {
    /// The probability of zeroing a value.
    public let probability: Float
    /// The generator the masks are drawn from.
    public var generator: RandomGenerator

    /// Creates the layer; `probability` must lie in `[0, 1)`.
    ///
    /// - Parameters:
    ///   - probability: The probability of zeroing each value, in [0, 1).
    ///   - seed: The seed of the dropout masks.
    public init(probability: Float, seed: UInt64 = 0) {
        self.probability = probability
        self.generator = RandomGenerator(seed: seed)
    }

    /// Applies dropout in training mode; returns `input` unchanged in evaluation mode.
    ///
    /// - Parameter input: The input tensor.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard isTraining, probability > 0 else { return input }
        guard probability < 1 else {
            throw NeuralNetworksError.invalidConfiguration(
                component: "Dropout", reason: "probability \(probability) must lie in [0, 1)")
        }
        return try input.dropout(probability: probability, generator: &generator)
    }
}
