/// Softmax, log-softmax and layer normalization, all derived from primitives.
extension Tensor {
    /// `exp(x) / Σ exp(x)` along `axis`, computed as `exp(x − logSumExp(x))`.
    public func softmax(alongAxis axis: Int = -1) throws -> Tensor {
        try (self - logSumExp(alongAxis: axis, keepingDimensions: true)).exp()
    }

    /// `x − logSumExp(x)` along `axis`: log-probabilities, stable for large logits.
    public func logSoftmax(alongAxis axis: Int = -1) throws -> Tensor {
        try self - logSumExp(alongAxis: axis, keepingDimensions: true)
    }

    /// `(x − mean) / √(variance + epsilon)` along `axis` (biased variance, as `torch.nn.LayerNorm`);
    /// the learned scale and shift belong to the layer that calls this.
    public func layerNormalized(alongAxis axis: Int = -1, epsilon: Float = 1e-5) throws -> Tensor {
        let centered = try self - mean(alongAxis: axis, keepingDimensions: true)
        let variance = try centered.squared().mean(alongAxis: axis, keepingDimensions: true)
        return try centered / (variance + epsilon).squareRoot()
    }

    /// Zeroes each value with probability `probability` and scales the rest by `1 / (1 − probability)`
    /// (inverted dropout), drawing the mask from `generator`. Derived: a product with a constant mask.
    /// Call it only in training; evaluation uses the input unchanged.
    public func dropout(probability: Float, generator: inout RandomGenerator) throws -> Tensor {
        guard probability >= 0, probability < 1 else {
            throw AutogradError.invalidArgument(operation: "dropout",
                                                reason: "probability \(probability) is outside 0..<1")
        }
        if probability == 0 { return self }
        let keep = 1 - probability
        let mask = generator.bernoulli(shape, probability: keep).map { $0 / keep }
        return try self * mask
    }
}
