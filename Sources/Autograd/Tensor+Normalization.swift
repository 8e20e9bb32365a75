import Foundation

/// Log-softmax (a primitive: one fused pass forward and backward, as the Multi-VAE likelihood over
/// thousands of items needs), and softmax, layer normalization and dropout derived from primitives.
extension Tensor {
    /// `x − log Σ exp(x)` along `axis`: log-probabilities, stable for large logits.
    /// Backward: `g − softmax(x) · Σ g` along the axis.
    ///
    /// - Parameter axis: The axis over which the probabilities sum to one (negative counts from the end).
    public func logSoftmax(alongAxis axis: Int = -1) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "logSoftmax")
        let length = shape[axis]
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let count = scalarCount
        let values = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            scalars.withUnsafeBufferPointer { input in
                let out = output.baseAddress!
                Parallel.forEachChunk(count: outer * inner, costPerItem: 8 * length) { lines in
                    if inner == 1 {       // contiguous rows: eight values at a time
                        for line in lines { Tensor.logSoftmaxRow(input.baseAddress! + line * length, out + line * length, length) }
                        return
                    }
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
                            if inner == 1 {
                                for line in lines {
                                    Tensor.logSoftmaxRowGradient(g.baseAddress! + line * length, y.baseAddress! + line * length,
                                                                 out + line * length, length)
                                }
                                return
                            }
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

    /// One contiguous row of `logSoftmax`: `y = x − max − log Σ exp(x − max)` (a row of −∞ or NaN
    /// behaves as the strided loop does).
    static func logSoftmaxRow(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, _ length: Int) {
        typealias Vector = VectorMath.Vector
        let width = Vector.scalarCount, vectorEnd = length - length % width
        func load(_ index: Int) -> Vector { UnsafeRawPointer(input + index).loadUnaligned(as: Vector.self) }
        var maximum = -Float.infinity
        var index = 0
        if vectorEnd > 0 {
            var maxima = Vector(repeating: -.infinity)
            while index < vectorEnd { maxima = pointwiseMax(maxima, load(index)); index += width }
            maximum = maxima.max()
        }
        for tail in index..<length { maximum = Swift.max(maximum, input[tail]) }
        if !maximum.isFinite { maximum = 0 }
        var sums = Vector(repeating: 0)
        index = 0
        while index < vectorEnd { sums += VectorMath.exponential(load(index) - maximum); index += width }
        var total = sums.sum()
        for tail in index..<length { total += VectorMath.exponential(input[tail] - maximum) }
        let shift = maximum + Foundation.log(total)
        for j in 0..<length { output[j] = input[j] - shift }
    }

    /// One contiguous row of logSoftmax's backward: `g − exp(y) · Σ g`.
    static func logSoftmaxRowGradient(_ gradient: UnsafePointer<Float>, _ values: UnsafePointer<Float>,
                                      _ output: UnsafeMutablePointer<Float>, _ length: Int) {
        typealias Vector = VectorMath.Vector
        let width = Vector.scalarCount, vectorEnd = length - length % width
        var total: Float = 0
        for j in 0..<length { total += gradient[j] }
        var index = 0
        while index < vectorEnd {
            let g = UnsafeRawPointer(gradient + index).loadUnaligned(as: Vector.self)
            let y = UnsafeRawPointer(values + index).loadUnaligned(as: Vector.self)
            UnsafeMutableRawPointer(output + index).storeBytes(of: g - VectorMath.exponential(y) * total, as: Vector.self)
            index += width
        }
        for tail in index..<length { output[tail] = gradient[tail] - VectorMath.exponential(values[tail]) * total }
    }

    /// `exp(x) / Σ exp(x)` along `axis` (derived: `exp(logSoftmax(x))`).
    ///
    /// - Parameter axis: The axis that sums to one (negative counts from the end).
    public func softmax(alongAxis axis: Int = -1) throws -> Tensor {
        try logSoftmax(alongAxis: axis).exp()
    }

    /// `(x − mean) / √(variance + epsilon)` along `axis` (biased variance, as `torch.nn.LayerNorm`);
    /// the learned scale and shift belong to the layer that calls this.
    ///
    /// - Parameters:
    ///   - axis: The axis to normalise along (negative counts from the end).
    ///   - epsilon: Added to the variance for stability.
    public func layerNormalized(alongAxis axis: Int = -1, epsilon: Float = 1e-5) throws -> Tensor {
        let centered = try self - mean(alongAxis: axis, keepingDimensions: true)
        let variance = try centered.squared().mean(alongAxis: axis, keepingDimensions: true)
        return try centered / (variance + epsilon).squareRoot()
    }

    /// Zeroes each value with probability `probability` and scales the rest by `1 / (1 − probability)`
    /// (inverted dropout), drawing the mask from `generator`. Derived: a product with a constant mask.
    /// Call it only in training; evaluation uses the input unchanged.
    ///
    /// - Parameters:
    ///   - probability: The probability of zeroing each value, in [0, 1).
    ///   - generator: Draws the mask.
    public func dropout(probability: Float, generator: inout RandomGenerator) throws -> Tensor {
        guard probability >= 0, probability < 1 else {
            throw AutogradError.invalidArgument(operation: "dropout",
                                                reason: "probability \(probability) is outside 0..<1")
        }
        if probability == 0 { return self }
        let keep = 1 - probability
        let mask = generator.drawUnitFloats(count: scalarCount, .indicator(bound: keep, value: 1 / keep))
        return try self * Tensor(uncheckedShape: shape, scalars: mask)
    }
}
