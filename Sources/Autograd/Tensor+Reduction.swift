/// Reductions along axes: `sum` and `max` are primitives; `mean` and `logSumExp` are derived.
extension Tensor {
    /// Sums over `axes` (negative axes count from the end), keeping them as size-1 axes if asked.
    /// Backward: the gradient broadcast back over the summed axes.
    ///
    /// - Parameters:
    ///   - axes: The axes to sum over (negative counts from the end).
    ///   - keepingDimensions: Keep the summed axes with size 1.
    public func sum(alongAxes axes: [Int], keepingDimensions: Bool = false) throws -> Tensor {
        let normalized = Set(try axes.map { try Shape.normalizedAxis($0, rank: rank, operation: "sum") })
        // Adjacent summed axes are one axis of their product's length (a bias gradient over
        // [N, C, H, W] sums H·W contiguous values per plane, then N).
        var merged: [(length: Int, summed: Bool)] = []
        for axis in shape.indices {
            let summed = normalized.contains(axis)
            if summed, let last = merged.last, last.summed {
                merged[merged.count - 1].length *= shape[axis]
            } else {
                merged.append((shape[axis], summed))
            }
        }
        var values = self.scalars
        var current = merged.map(\.length)
        for axis in merged.indices.reversed() where merged[axis].summed {
            values = Tensor.sumAxis(values, shape: current, axis: axis)
            current[axis] = 1
        }
        var kept = shape
        for axis in normalized { kept[axis] = 1 }
        let resultShape = keepingDimensions ? kept : shape.indices.filter { !normalized.contains($0) }.map { shape[$0] }
        let result = Tensor(uncheckedShape: resultShape, scalars: values)
        let inputShape = shape
        return Tensor.recorded(result, operation: "sum", inputs: [self]) { gradient in
            [try Tensor(uncheckedShape: kept, scalars: gradient.scalars).broadcast(to: inputShape)]
        }
    }

    /// Sums along one axis.
    ///
    /// - Parameters:
    ///   - axis: The axis to sum over (negative counts from the end).
    ///   - keepingDimensions: Keep the reduced axis with size 1.
    public func sum(alongAxis axis: Int, keepingDimensions: Bool = false) throws -> Tensor {
        try sum(alongAxes: [axis], keepingDimensions: keepingDimensions)
    }

    /// The sum of all values, as a rank-0 tensor.
    public func sum() -> Tensor { try! sum(alongAxes: Array(0..<rank)) }

    /// Mean over `axes` (derived: sum divided by the number of values summed).
    ///
    /// - Parameters:
    ///   - axes: The axes to average over (negative counts from the end).
    ///   - keepingDimensions: Keep the averaged axes with size 1.
    public func mean(alongAxes axes: [Int], keepingDimensions: Bool = false) throws -> Tensor {
        let normalized = Set(try axes.map { try Shape.normalizedAxis($0, rank: rank, operation: "mean") })
        let count = normalized.reduce(1) { $0 * shape[$1] }
        return try sum(alongAxes: axes, keepingDimensions: keepingDimensions) / Float(count)
    }

    /// Mean along one axis (derived).
    ///
    /// - Parameters:
    ///   - axis: The axis to average over (negative counts from the end).
    ///   - keepingDimensions: Keep the reduced axis with size 1.
    public func mean(alongAxis axis: Int, keepingDimensions: Bool = false) throws -> Tensor {
        try mean(alongAxes: [axis], keepingDimensions: keepingDimensions)
    }

    /// The mean of all values, as a rank-0 tensor (derived).
    public func mean() -> Tensor { sum() / Float(Swift.max(scalarCount, 1)) }

    /// Maximum along one axis. Backward: the gradient goes to the first maximal element.
    ///
    /// - Parameters:
    ///   - axis: The axis (negative counts from the end).
    ///   - keepingDimensions: Keep the reduced axis with size 1.
    public func max(alongAxis axis: Int, keepingDimensions: Bool = false) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "max")
        let (values, positions) = try argmaxAndMax(alongAxis: axis)
        var kept = shape
        kept[axis] = 1
        var resultShape = kept
        if !keepingDimensions { resultShape.remove(at: axis) }
        let result = Tensor(uncheckedShape: resultShape, scalars: values)
        let inputShape = shape
        let inner = shape[(axis + 1)...].reduce(1, *), length = shape[axis]
        return Tensor.recorded(result, operation: "max", inputs: [self]) { gradient in
            var input = [Float](repeating: 0, count: Shape.count(inputShape))
            for (slot, position) in positions.enumerated() {
                let outer = slot / inner, offset = slot % inner
                input[(outer * length + position) * inner + offset] += gradient.scalars[slot]
            }
            return [Tensor(uncheckedShape: inputShape, scalars: input)]
        }
    }

    /// Index of the first maximum along one axis; the result has the shape without that axis,
    /// flattened row-major. Not differentiable.
    ///
    /// - Parameter axis: The axis (negative counts from the end).
    public func argmax(alongAxis axis: Int) throws -> [Int] {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "argmax")
        return try argmaxAndMax(alongAxis: axis).positions
    }

    /// Minimum along one axis (derived: `−max(−x)`).
    ///
    /// - Parameters:
    ///   - axis: The axis (negative counts from the end).
    ///   - keepingDimensions: Keep the reduced axis with size 1.
    public func min(alongAxis axis: Int, keepingDimensions: Bool = false) throws -> Tensor {
        -(try (-self).max(alongAxis: axis, keepingDimensions: keepingDimensions))
    }

    /// Index of the first minimum along one axis (the nearest codebook entry for a row of
    /// distances), flattened row-major like ``argmax(alongAxis:)``. Not differentiable.
    ///
    /// - Parameter axis: The axis (negative counts from the end).
    public func argmin(alongAxis axis: Int) throws -> [Int] {
        try withoutGradient { try (-self).argmax(alongAxis: axis) }
    }

    /// `log Σ exp(x)` along one axis, computed stably (derived: the detached maximum is
    /// subtracted before `exp` and added back, which leaves the gradient exact).
    ///
    /// - Parameters:
    ///   - axis: The axis (negative counts from the end).
    ///   - keepingDimensions: Keep the reduced axis with size 1.
    public func logSumExp(alongAxis axis: Int, keepingDimensions: Bool = false) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "logSumExp")
        let maximum = try max(alongAxis: axis, keepingDimensions: true).detached()
            .map { $0.isFinite ? $0 : 0 }
        let result = try (self - maximum).exp().sum(alongAxis: axis, keepingDimensions: true).log() + maximum
        if keepingDimensions { return result }
        var reduced = shape
        reduced.remove(at: axis)
        return try result.reshaped(to: reduced)
    }

    /// Values and positions of the maxima along a normalized axis.
    private func argmaxAndMax(alongAxis axis: Int) throws -> (values: [Float], positions: [Int]) {
        let length = shape[axis]
        guard length > 0 else {
            throw AutogradError.invalidShape(operation: "max", shape: shape, reason: "axis \(axis) is empty")
        }
        let inner = shape[(axis + 1)...].reduce(1, *)
        let outer = shape[..<axis].reduce(1, *)
        var values = [Float](repeating: -.infinity, count: outer * inner)
        var positions = [Int](repeating: 0, count: outer * inner)
        scalars.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { values in
                positions.withUnsafeMutableBufferPointer { positions in
                    Parallel.forEachChunk(count: outer, costPerItem: length * inner) { rows in
                        for o in rows {
                            if inner == 1 {  // one row of `length` values (the nearest-code search)
                                let row = input.baseAddress! + o * length
                                var best = row[0], position = 0
                                for j in 1..<length where row[j] > best { (best, position) = (row[j], j) }
                                (values[o], positions[o]) = (best, position)
                                continue
                            }
                            for j in 0..<length {
                                let base = (o * length + j) * inner
                                for i in 0..<inner where j == 0 || input[base + i] > values[o * inner + i] {
                                    values[o * inner + i] = input[base + i]
                                    positions[o * inner + i] = j
                                }
                            }
                        }
                    }
                }
            }
        }
        return (values, positions)
    }

    /// Sums `values` (of `shape`) along `axis`, leaving that axis of size 1. Along the last axis
    /// each row is summed in eight interleaved partial sums (so the loop vectorises), otherwise
    /// whole rows are added element by element; rows or columns are split across cores.
    static func sumAxis(_ values: [Float], shape: [Int], axis: Int) -> [Float] {
        let length = shape[axis]
        let inner = shape[(axis + 1)...].reduce(1, *)
        let outer = shape[..<axis].reduce(1, *)
        return [Float](unsafeUninitializedCapacity: outer * inner) { output, initialized in
            let out = output.baseAddress!
            values.withUnsafeBufferPointer { input in
                if inner == 1 {
                    Parallel.forEachChunk(count: outer, costPerItem: length) { rows in
                        for o in rows { out[o] = rowSum(input.baseAddress! + o * length, count: length) }
                    }
                } else {
                    Parallel.forEachChunk(count: inner, costPerItem: outer * length) { columns in
                        for o in 0..<outer {
                            for i in columns { out[o * inner + i] = 0 }
                            for j in 0..<length {
                                let base = (o * length + j) * inner
                                for i in columns { out[o * inner + i] += input[base + i] }
                            }
                        }
                    }
                }
            }
            initialized = outer * inner
        }
    }

    /// `Σ values[0..<count]` as eight interleaved partial sums, added pairwise at the end.
    @inline(__always)
    private static func rowSum(_ values: UnsafePointer<Float>, count: Int) -> Float {
        var partial = SIMD8<Float>(repeating: 0), index = 0
        let raw = UnsafeRawPointer(values)
        while index + 8 <= count {
            partial += raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
            index += 8
        }
        var total = ((partial[0] + partial[4]) + (partial[2] + partial[6])) + ((partial[1] + partial[5]) + (partial[3] + partial[7]))
        while index < count {
            total += values[index]
            index += 1
        }
        return total
    }
}
