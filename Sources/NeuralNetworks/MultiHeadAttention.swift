import Foundation
import Autograd

/// Multi-head scaled dot-product attention (Vaswani et al., 2017, §3.2), batch first, as
/// `torch.nn.MultiheadAttention(dimension, headCount, batch_first=True)`:
/// `softmax(Q Kᵀ / √d + mask) V` per head with `d = dimension / headCount`, heads concatenated and
/// projected. The query, key and value projections are initialised like PyTorch's packed
/// `in_proj_weight` (Xavier-uniform over `[3·dimension, dimension]`, zero biases); the output
/// projection like a `Linear` with a zero bias.
/// ```swift
/// let attention = MultiHeadAttention(64, headCount: 8, generator: &generator)
/// let mixed = try attention(sequence, key: sequence, value: sequence,
///                           mask: MultiHeadAttention.causalMask(length: 20))
/// ```
public final class MultiHeadAttention: Module, UnaryLayer {
    /// The query projection.
    public let query: Linear
    /// The key projection.
    public let key: Linear
    /// The value projection.
    public let value: Linear
    /// The projection of the concatenated heads.
    public let output: Linear
    /// Dropout on the attention weights (active in training only).
    public let attentionDropout: Dropout
    /// The number of heads.
    public let headCount: Int
    /// The model width.
    public let dimension: Int

    /// Creates the layer; `dimension` must be divisible by `headCount`.
    ///
    /// - Parameters:
    ///   - dimension: The model width, divisible by `headCount`.
    ///   - headCount: The number of heads.
    ///   - bias: Whether the four projections add biases.
    ///   - dropout: Dropout probability on the attention weights in training, in [0, 1).
    ///   - seed: The seed of the attention dropout masks.
    ///   - generator: Draws the initial projection weights.
    public init(
        _ dimension: Int, headCount: Int, bias: Bool = true, dropout: Float = 0, seed: UInt64 = 0,
        generator: inout RandomGenerator
    ) throws {
        guard headCount > 0, dimension % headCount == 0 else {
            throw NeuralNetworksError.invalidConfiguration(
                component: "MultiHeadAttention", reason: "dimension \(dimension) is not divisible by headCount \(headCount)")
        }
        try MemoryLimit.check([4, dimension, dimension], operation: "MultiHeadAttention(\(dimension), headCount: \(headCount))")
        let bound = (6 / Float(4 * dimension)).squareRoot()
        let inputProjection = Initializer.uniform(lowerBound: -bound, upperBound: bound)
        query = try Linear(dimension, dimension, bias: bias, weightInitializer: inputProjection, generator: &generator)
        key = try Linear(dimension, dimension, bias: bias, weightInitializer: inputProjection, generator: &generator)
        value = try Linear(dimension, dimension, bias: bias, weightInitializer: inputProjection, generator: &generator)
        output = try Linear(dimension, dimension, bias: bias, generator: &generator)
        if bias { output.bias = Tensor(zeros: [dimension]) }
        attentionDropout = Dropout(probability: dropout, seed: seed)
        self.headCount = headCount
        self.dimension = dimension
    }

    /// An additive `[length, length]` mask letting position `t` attend only to positions `≤ t`.
    ///
    /// - Parameter length: The sequence length.
    public static func causalMask(length: Int) -> Tensor {
        let values = (0..<(length * length)).map { index -> Float in index % length > index / length ? -1e9 : 0 }
        return try! Tensor(shape: [length, length], scalars: values)
    }

    /// An additive `[batch, 1, 1, length]` mask hiding the positions where `padding` is true.
    ///
    /// - Parameter padding: One row per sequence, all of one length: true at padded positions.
    public static func paddingMask(_ padding: [[Bool]]) throws -> Tensor {
        let length = padding.first?.count ?? 0
        return try Tensor(shape: [padding.count, 1, 1, length], scalars: padding.flatMap { $0.map { $0 ? -1e9 : 0 } })
    }

    /// Attention of `query` `[B, T, dimension]` over `key` and `value` `[B, S, dimension]`; `mask`
    /// is added to the scores and must broadcast to `[B, headCount, T, S]` (e.g. `[T, S]`).
    ///
    /// - Parameters:
    ///   - queries: Queries `[B, T, dimension]`.
    ///   - keys: Keys `[B, S, dimension]`.
    ///   - values: Values `[B, S, dimension]`.
    ///   - mask: Added to the scores; broadcasts to `[B, headCount, T, S]`; nil for none.
    public func callAsFunction(_ queries: Tensor, key keys: Tensor, value values: Tensor, mask: Tensor? = nil) throws -> Tensor {
        guard queries.rank == 3, keys.rank == 3, values.rank == 3, keys.shape == values.shape,
              queries.shape[0] == keys.shape[0], queries.shape[2] == dimension, keys.shape[2] == dimension else {
            throw NeuralNetworksError.invalidInput(
                operation: "MultiHeadAttention(\(dimension), headCount: \(headCount))",
                reason: "query \(queries.shape), key \(keys.shape) and value \(values.shape) must be [batch, length, \(dimension)]")
        }
        let (batch, length) = (queries.shape[0], queries.shape[1])
        let headWidth = dimension / headCount
        func heads(_ projected: Tensor) throws -> Tensor {
            try projected.reshaped(to: [batch, projected.shape[1], headCount, headWidth]).transposed(permutation: [0, 2, 1, 3])
        }
        let q = try heads(query(queries)), k = try heads(key(keys)), v = try heads(value(values))
        var scores = try q.matmul(k, transposingOther: true) / Float(headWidth).squareRoot()
        if let mask { scores = try scores + mask }
        let weights = try attentionDropout(scores.softmax(alongAxis: -1))
        let mixed = try weights.matmul(v).transposed(permutation: [0, 2, 1, 3]).reshaped(to: [batch, length, dimension])
        return try output(mixed)
    }

    /// Self-attention without a mask: `self(input, key: input, value: input)`.
    ///
    /// - Parameter input: The sequence `[B, T, dimension]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try self(input, key: input, value: input)
    }
}
