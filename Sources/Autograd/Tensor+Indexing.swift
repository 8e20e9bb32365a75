/// Picking values by integer index: `indexSelect` and `gather` are primitives whose backward rules
/// scatter-add; `embedding` is derived.
extension Tensor {
    /// Whole slices along `axis` picked by `indices` (repeats allowed), like `torch.index_select`.
    /// Backward: each slice's gradient added back at its index.
    ///
    /// - Parameters:
    ///   - axis: The axis (negative counts from the end).
    ///   - indices: Positions along `axis` to take, repeats allowed.
    public func indexSelect(alongAxis axis: Int, indices: [Int]) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "indexSelect")
        let length = shape[axis]
        if let bad = indices.first(where: { $0 < 0 || $0 >= length }) {
            throw AutogradError.indexOutOfRange(operation: "indexSelect(alongAxis: \(axis)) of shape \(shape)",
                                                index: bad, bound: length)
        }
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        var resultShape = shape
        resultShape[axis] = indices.count
        let count = outer * indices.count * inner
        let values = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            scalars.withUnsafeBufferPointer { input in
                let out = output.baseAddress!
                Parallel.forEachChunk(count: outer * indices.count, costPerItem: inner) { slots in
                    for slot in slots {
                        let o = slot / indices.count, source = (o * length + indices[slot % indices.count]) * inner
                        (out + slot * inner).update(from: input.baseAddress! + source, count: inner)
                    }
                }
            }
            initialized = count
        }
        let inputShape = shape
        return Tensor.recorded(Tensor(uncheckedShape: resultShape, scalars: values),
                               operation: "indexSelect", inputs: [self]) { gradient in
            var result = [Float](repeating: 0, count: outer * length * inner)
            gradient.scalars.withUnsafeBufferPointer { g in
                result.withUnsafeMutableBufferPointer { target in
                    Parallel.forEachChunk(count: inner, costPerItem: outer * indices.count) { columns in
                        for o in 0..<outer {
                            for (position, index) in indices.enumerated() {
                                let from = (o * indices.count + position) * inner, to = (o * length + index) * inner
                                for i in columns { target[to + i] += g[from + i] }
                            }
                        }
                    }
                }
            }
            return [Tensor(uncheckedShape: inputShape, scalars: result)]
        }
    }

    /// Values picked along `axis` by an index array shaped like this tensor with that axis resized,
    /// like `torch.gather`: for a [N, C] tensor and `axis` 1, `indices` holds N·k entries and the
    /// result is [N, k] with `result[n, j] = self[n, indices[n·k + j]]`.
    /// Backward: each gradient value added back at the position it was read from.
    ///
    /// - Parameters:
    ///   - axis: The axis (negative counts from the end).
    ///   - indices: Positions along `axis`, row-major in the result's shape.
    public func gather(alongAxis axis: Int, indices: [Int]) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "gather")
        let length = shape[axis]
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        guard outer * inner > 0, indices.count % (outer * inner) == 0 else {
            throw AutogradError.invalidArgument(
                operation: "gather(alongAxis: \(axis)) of shape \(shape)",
                reason: "\(indices.count) indices are not a multiple of \(outer * inner), the size of the other axes")
        }
        if let bad = indices.first(where: { $0 < 0 || $0 >= length }) {
            throw AutogradError.indexOutOfRange(operation: "gather(alongAxis: \(axis)) of shape \(shape)",
                                                index: bad, bound: length)
        }
        let selected = indices.count / (outer * inner)
        var resultShape = shape
        resultShape[axis] = selected
        func sourcePosition(_ slot: Int) -> Int {
            let i = slot % inner, o = slot / (selected * inner)
            return (o * length + indices[slot]) * inner + i
        }
        let values = (0..<indices.count).map { scalars[sourcePosition($0)] }
        let inputShape = shape
        return Tensor.recorded(Tensor(uncheckedShape: resultShape, scalars: values),
                               operation: "gather", inputs: [self]) { gradient in
            var result = [Float](repeating: 0, count: outer * length * inner)
            for slot in 0..<indices.count { result[sourcePosition(slot)] += gradient.scalars[slot] }
            return [Tensor(uncheckedShape: inputShape, scalars: result)]
        }
    }

    /// Rows of this [vocabulary, dimension] table looked up by `indices`; the result has shape
    /// `indexShape + [dimension]` (`indexShape` defaults to `[indices.count]`). Derived from `indexSelect`.
    ///
    /// - Parameters:
    ///   - indices: Rows of the table to look up, each in `0..<vocabulary`.
    ///   - indexShape: The shape of the index grid, with as many positions as `indices`; nil for `[indices.count]`.
    public func embedding(indices: [Int], indexShape: [Int]? = nil) throws -> Tensor {
        guard rank == 2 else {
            throw AutogradError.invalidShape(operation: "embedding", shape: shape, reason: "the table must have rank 2")
        }
        let indexShape = indexShape ?? [indices.count]
        guard Shape.count(indexShape) == indices.count else {
            throw AutogradError.invalidShape(operation: "embedding", shape: indexShape,
                                             reason: "does not hold \(indices.count) indices")
        }
        return try indexSelect(alongAxis: 0, indices: indices).reshaped(to: indexShape + [shape[1]])
    }
}
