import Autograd

/// Layer normalization (Ba et al., 2016) over the last axis with a learned scale and shift,
/// as `torch.nn.LayerNorm(dimension)`: `(x − mean) / √(variance + ε) · weight + bias`.
public final class LayerNorm: Module, UnaryLayer {
    /// The learned scale, `[dimension]` (ones at first), or `nil` without an affine part.
    @Parameter public var weight: Tensor?
    /// The learned shift, `[dimension]` (zeros at first), or `nil` without an affine part.
    @Parameter public var bias: Tensor?
    /// The size of the normalised axis.
    public let dimension: Int
    /// Added to the variance for stability.
    public let epsilon: Float

    /// Creates the layer; throws when `dimension` is negative or its scale and shift would not fit in memory.
    ///
    /// - Parameters:
    ///   - dimension: The size of the normalised (last) axis.
    ///   - epsilon: Added to the variance for stability.
    ///   - elementwiseAffine: Whether the layer learns a scale and a shift.
    public init(_ dimension: Int, epsilon: Float = 1e-5, elementwiseAffine: Bool = true) throws {
        try MemoryLimit.check([dimension], operation: "LayerNorm(\(dimension))")
        self.dimension = dimension
        self.epsilon = epsilon
        weight = elementwiseAffine ? Tensor(ones: [dimension]) : nil
        bias = elementwiseAffine ? Tensor(zeros: [dimension]) : nil
    }

    /// Normalises `input` `[…, dimension]` along its last axis.
    ///
    /// - Parameter input: Values `[…, dimension]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard input.shape.last == dimension else {
            throw NeuralNetworksError.invalidInput(
                operation: "LayerNorm(\(dimension))", reason: "expected an input [..., \(dimension)], got \(input.shape)")
        }
        var output = try input.layerNormalized(alongAxis: -1, epsilon: epsilon)
        if let weight { output = try output * weight }
        if let bias { output = try output + bias }
        return output
    }
}
