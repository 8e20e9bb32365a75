import Autograd

/// A post-LN transformer encoder block (Vaswani et al., 2017) with a LeakyReLU feed-forward part,
/// as used by the Behavior Sequence Transformer (Chen et al., 2019, "Behavior Sequence Transformer
/// for E-commerce Recommendation in Alibaba", §2.2):
/// ```
/// h = LayerNorm(x + Dropout(MultiHeadAttention(x, x, x, mask)))
/// y = LayerNorm(h + Dropout(W₂ · Dropout(LeakyReLU(W₁ · h + b₁)) + b₂))
/// ```
/// It matches `torch.nn.TransformerEncoderLayer(dimension, headCount, feedForwardDimension, dropout,
/// activation=leaky_relu, batch_first=True, norm_first=False)`.
public final class TransformerEncoderBlock: Module, UnaryLayer {
    /// Self-attention.
    public let attention: MultiHeadAttention
    /// Dropout on the attention output.
    public let attentionOutputDropout: Dropout
    /// The normalization after the attention residual.
    public let attentionNorm: LayerNorm
    /// The first feed-forward layer, `dimension → feedForwardDimension`.
    public let feedForwardInput: Linear
    /// The feed-forward activation.
    public let activation: LeakyReLU
    /// Dropout inside the feed-forward part.
    public let feedForwardDropout: Dropout
    /// The second feed-forward layer, `feedForwardDimension → dimension`.
    public let feedForwardOutput: Linear
    /// Dropout on the feed-forward output.
    public let feedForwardOutputDropout: Dropout
    /// The normalization after the feed-forward residual.
    public let feedForwardNorm: LayerNorm

    /// Creates the block; its dropout layers draw from seeds `seed`, `seed + 1`, `seed + 2` (and
    /// `seed + 3` for the attention weights).
    ///
    /// - Parameters:
    ///   - dimension: The model width, divisible by `headCount`.
    ///   - headCount: The number of attention heads.
    ///   - feedForwardDimension: The width of the feed-forward hidden layer.
    ///   - dropout: Dropout probability of every dropout layer in training.
    ///   - negativeSlope: The LeakyReLU slope for negative inputs.
    ///   - epsilon: The layer normalisations' ε.
    ///   - seed: The base seed of the dropout masks.
    ///   - generator: Draws the initial weights.
    public init(
        _ dimension: Int, headCount: Int, feedForwardDimension: Int, dropout: Float = 0.1,
        negativeSlope: Float = 0.01, epsilon: Float = 1e-5, seed: UInt64 = 0, generator: inout RandomGenerator
    ) throws {
        attention = try MultiHeadAttention(dimension, headCount: headCount, dropout: dropout, seed: seed &+ 3, generator: &generator)
        attentionOutputDropout = Dropout(probability: dropout, seed: seed)
        attentionNorm = try LayerNorm(dimension, epsilon: epsilon)
        feedForwardInput = try Linear(dimension, feedForwardDimension, generator: &generator)
        activation = LeakyReLU(negativeSlope: negativeSlope)
        feedForwardDropout = Dropout(probability: dropout, seed: seed &+ 1)
        feedForwardOutput = try Linear(feedForwardDimension, dimension, generator: &generator)
        feedForwardOutputDropout = Dropout(probability: dropout, seed: seed &+ 2)
        feedForwardNorm = try LayerNorm(dimension, epsilon: epsilon)
    }

    /// Applies the block to `input` `[batch, length, dimension]`; `mask` as in ``MultiHeadAttention``.
    ///
    /// - Parameters:
    ///   - input: The sequence `[batch, length, dimension]`.
    ///   - mask: Added to the attention scores, as in `MultiHeadAttention`; nil for none.
    public func callAsFunction(_ input: Tensor, mask: Tensor?) throws -> Tensor {
        let attended = try attention(input, key: input, value: input, mask: mask)
        let hidden = try attentionNorm(input + attentionOutputDropout(attended))
        let expanded = try feedForwardDropout(activation(feedForwardInput(hidden)))
        return try feedForwardNorm(hidden + feedForwardOutputDropout(feedForwardOutput(expanded)))
    }

    /// Applies the block without a mask.
    ///
    /// - Parameter input: The sequence `[batch, length, dimension]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try self(input, mask: nil)
    }
}
