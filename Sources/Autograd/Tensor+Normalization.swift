import Foundation

/// Log-softmax (a primitive: one fused pass forward and backward, as the Multi-VAE likelihood over
/// thousands of items needs), and softmax, layer normalization and dropout derived from primitives.
extension Tensor {
    /// `x − log Σ exp(x)` along `axis`: log-probabilities, stable for large logits.
    /// Backward: `g − softmax(x) · Σ g` along the axis.
    public func logSoftmax(alongAxis axis: Int = -1) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "logSoftmax")
        let length = shape[axis]
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let count = scalarCount
        let values = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            scalars.withUnsafeBufferPointer { input in
                let out = output.baseAddress!
                Parallel.forEachChunk(count: outer * inner, costPerItem: 8 * length) { lines in
                    for line in lines {
                        let base = (line / inner) * length * inner + line % inner
                        var maximum = -Float.infinity
                        for j in 0..<length { maximum = Swift.max(maximum, input[base + j * inner]) }
                        if !maximum.isFinite { maximum = 0 }
                        var total: Float = 0
                        for j in 0..<length { total += Foundation.exp(input[base + j * inner] - maximum) }
                        let shift = maximum + Foundation.log(total)
                        for j in 0..<length { out[base + j * inner] = input[base + j * inner] - shift }
                    }
                }
            }
            initialized = count
        }
        let result = Tensor(uncheckedShape: shape, scalars: values)
        return Tensor.recorded(result, operation: "logSoftmax", inputs: [self]) { gradient in
            let input = [Float](unsafeUninitializedCapacity: count) { output, initialized in
                gradient.scalars.withUnsafeBufferPointer { g in
                    values.withUnsafeBufferPointer { y in
                        let out = output.baseAddress!
                        Parallel.forEachChunk(count: outer * inner, costPerItem: 4 * length) { lines in
                            for line in lines {
                                let base = (line / inner) * length * inner + line % inner
                                var total: Float = 0
                                for j in 0..<length { total += g[base + j * inner] }
                                for j in 0..<length {
                                    out[base + j * inner] = g[base + j * inner] - Foundation.exp(y[base + j * inner]) * total
                                }
                            }
                        }
                    }
                }
                initialized = count
            }
            return [Tensor(uncheckedShape: result.shape, scalars: input)]
        }
    }

    /// `exp(x) / Σ exp(x)` along `axis` (derived: `exp(logSoftmax(x))`).
    public func softmax(alongAxis axis: Int = -1) throws -> Tensor {
        try logSoftmax(alongAxis: axis).exp()
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
