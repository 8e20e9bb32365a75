/// Primitives that move values without arithmetic: reshape, transpose, slice, concatenate;
/// `stacked` and axis insertion are derived from them.
extension Tensor {
    /// The same values with a new shape of equal count; one dimension may be -1 (inferred).
    /// Backward: the gradient reshaped back.
    ///
    /// - Parameter newShape: The new shape, with as many values; one dimension may be -1.
    public func reshaped(to newShape: [Int]) throws -> Tensor {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            var others = newShape
            others.remove(at: inferred)
            guard let known = Shape.checkedCount(others), known > 0, scalarCount % known == 0 else {
                throw AutogradError.shapeMismatch(operation: "reshaped(to:)", left: shape, right: newShape)
            }
            resolved[inferred] = scalarCount / known
        }
        guard Shape.checkedCount(resolved) == scalarCount else {
            throw AutogradError.shapeMismatch(operation: "reshaped(to:)", left: shape, right: newShape)
        }
        let inputShape = shape
        let result = Tensor(uncheckedShape: resolved, scalars: scalars)
        return Tensor.recorded(result, operation: "reshape", inputs: [self]) { gradient in
            [Tensor(uncheckedShape: inputShape, scalars: gradient.scalars)]
        }
    }

    /// Axes reordered: axis `i` of the result is axis `permutation[i]` of this tensor.
    /// Backward: the gradient transposed by the inverse permutation.
    ///
    /// - Parameter permutation: A reordering of `0..<rank`: result axis `i` is axis `permutation[i]`.
    public func transposed(permutation: [Int]) throws -> Tensor {
        guard permutation.sorted() == Array(0..<rank) else {
            throw AutogradError.invalidArgument(
                operation: "transposed(permutation:)",
                reason: "\(permutation) is not a permutation of the axes of shape \(shape)")
        }
        if permutation == Array(0..<rank) { return self }
        let result = permuted(permutation)
        var inverse = permutation
        for (position, axis) in permutation.enumerated() { inverse[axis] = position }
        return Tensor.recorded(result, operation: "transpose", inputs: [self]) { gradient in
            [gradient.permuted(inverse)]
        }
    }

    /// The last two axes swapped (derived from `transposed(permutation:)`).
    public func transposed() throws -> Tensor {
        guard rank >= 2 else {
            throw AutogradError.invalidShape(operation: "transposed()", shape: shape, reason: "needs rank 2 or more")
        }
        var permutation = Array(0..<rank)
        permutation.swapAt(rank - 1, rank - 2)
        return try transposed(permutation: permutation)
    }

    /// Copies values into the permuted layout (not recorded).
    ///
    /// Axes that stay next to each other, in the same order, move as one (NCHW → NHWC is
    /// [N, C, H·W] → [N, H·W, C]). A swap of the last two merged axes, as that one, is a batch of
    /// matrix transposes, done in cache-sized tiles; any other order copies runs along its last
    /// axis. Work is split across cores by output rows.
    func permuted(_ permutation: [Int]) -> Tensor {
        let newShape = permutation.map { shape[$0] }
        let (merged, order) = Tensor.mergedAxes(shape: shape, permutation: permutation)
        let count = scalarCount
        let result = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            scalars.withUnsafeBufferPointer { input in
                let rank = order.count
                if rank >= 2, order[rank - 2] == rank - 1, order[rank - 1] == rank - 2,
                   order.prefix(rank - 2).elementsEqual(0..<(rank - 2)) {
                    let rows = merged[rank - 2], columns = merged[rank - 1]
                    Tensor.transposeMatrices(input.baseAddress!, into: output.baseAddress!,
                                             count: count / Swift.max(rows * columns, 1), rows: rows, columns: columns)
                } else {
                    Tensor.copyPermuted(input.baseAddress!, into: output.baseAddress!, shape: merged, permutation: order)
                }
            }
            initialized = count
        }
        return Tensor(uncheckedShape: newShape, scalars: result)
    }

    /// `shape` and `permutation` with every run of axes that stay adjacent and in order merged into
    /// one axis (axes of size 1 dropped), so the copy has as few axes as the reordering needs.
    static func mergedAxes(shape: [Int], permutation: [Int]) -> (shape: [Int], permutation: [Int]) {
        // Axes of size 1 are dropped first and the rest renumbered, so that the axes on either side
        // of a dropped one can merge.
        let keptAxes = shape.indices.filter { shape[$0] != 1 }
        var compactIndex = [Int](repeating: -1, count: shape.count)
        for (index, axis) in keptAxes.enumerated() { compactIndex[axis] = index }
        let shape = keptAxes.map { shape[$0] }
        let kept = permutation.filter { compactIndex[$0] >= 0 }.map { compactIndex[$0] }
        var groups: [[Int]] = []   // source axes of each merged axis, in result order
        for axis in kept {
            if let last = groups.last?.last, axis == last + 1 {
                groups[groups.count - 1].append(axis)
            } else {
                groups.append([axis])
            }
        }
        let bySource = groups.indices.sorted { groups[$0][0] < groups[$1][0] }
        var position = [Int](repeating: 0, count: groups.count)
        for (index, group) in bySource.enumerated() { position[group] = index }
        let mergedShape = bySource.map { groups[$0].reduce(1) { $0 * shape[$1] } }
        return (mergedShape, groups.indices.map { position[$0] })
    }

    /// `count` row-major [rows, columns] matrices written as [columns, rows], in 16 × 16 tiles.
    static func transposeMatrices(
        _ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int, rows: Int, columns: Int
    ) {
        let tile = 16, tilesDown = (columns + tile - 1) / tile
        Parallel.forEachChunk(count: count * tilesDown, costPerItem: rows * Swift.min(columns, tile)) { bands in
            for band in bands {
                let matrix = band / tilesDown, firstColumn = band % tilesDown * tile
                let from = source + matrix * rows * columns, to = target + matrix * rows * columns
                let lastColumn = Swift.min(firstColumn + tile, columns)
                for firstRow in stride(from: 0, to: rows, by: tile) {
                    let lastRow = Swift.min(firstRow + tile, rows)
                    for column in firstColumn..<lastColumn {
                        for row in firstRow..<lastRow { to[column * rows + row] = from[row * columns + column] }
                    }
                }
            }
        }
    }

    /// Values of a `shape` tensor copied in the order `permutation` of its axes, one output row
    /// (a run along the last result axis) at a time.
    static func copyPermuted(
        _ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, shape: [Int], permutation: [Int]
    ) {
        let newShape = permutation.map { shape[$0] }
        let sourceStrides = Shape.strides(shape)
        let readStrides = permutation.map { sourceStrides[$0] }
        let newRank = newShape.count
        let inner = newShape.last ?? 1
        let innerStride = readStrides.last ?? 1
        let rowCount = Shape.count(newShape) / Swift.max(inner, 1)
        Parallel.forEachChunk(count: rowCount, costPerItem: inner) { rows in
            for row in rows {
                var remainder = row, offset = 0
                for axis in stride(from: newRank - 2, through: 0, by: -1) {
                    offset += (remainder % newShape[axis]) * readStrides[axis]
                    remainder /= newShape[axis]
                }
                if innerStride == 1 {
                    (target + row * inner).update(from: source + offset, count: inner)
                } else {
                    for i in 0..<inner { target[row * inner + i] = source[offset + i * innerStride] }
                }
            }
        }
    }

    /// The part of this tensor with indices in `range` along `axis`.
    /// Backward: the gradient placed back at `range`, zeros elsewhere.
    ///
    /// - Parameters:
    ///   - axis: The axis (negative counts from the end).
    ///   - range: The indices to keep along `axis`.
    public func sliced(alongAxis axis: Int, range: Range<Int>) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "sliced")
        guard range.lowerBound >= 0, range.upperBound <= shape[axis] else {
            throw AutogradError.indexOutOfRange(
                operation: "sliced(alongAxis: \(axis), range: \(range)) of shape \(shape)",
                index: range.upperBound > shape[axis] ? range.upperBound : range.lowerBound,
                bound: shape[axis])
        }
        let outer = shape[..<axis].reduce(1, *), inner = shape[(axis + 1)...].reduce(1, *)
        let length = shape[axis]
        var resultShape = shape
        resultShape[axis] = range.count
        var values = [Float]()
        values.reserveCapacity(outer * range.count * inner)
        for o in 0..<outer {
            values += scalars[((o * length + range.lowerBound) * inner)..<((o * length + range.upperBound) * inner)]
        }
        let inputShape = shape
        return Tensor.recorded(Tensor(uncheckedShape: resultShape, scalars: values),
                               operation: "slice", inputs: [self]) { gradient in
            var input = [Float](repeating: 0, count: outer * length * inner)
            let width = range.count * inner
            for o in 0..<outer where width > 0 {
                let target = (o * length + range.lowerBound) * inner
                input.replaceSubrange(target..<(target + width), with: gradient.scalars[(o * width)..<((o + 1) * width)])
            }
            return [Tensor(uncheckedShape: inputShape, scalars: input)]
        }
    }

    /// Tensors joined along an existing axis; all other dimensions must agree.
    /// Backward: the gradient sliced back into one piece per input.
    ///
    /// - Parameters:
    ///   - tensors: The tensors, at least one, equal in every other dimension.
    ///   - axis: The axis (negative counts from the end).
    public static func concatenated(_ tensors: [Tensor], alongAxis axis: Int) throws -> Tensor {
        guard let first = tensors.first else {
            throw AutogradError.invalidArgument(operation: "concatenated", reason: "needs at least one tensor")
        }
        let axis = try Shape.normalizedAxis(axis, rank: first.rank, operation: "concatenated")
        for tensor in tensors {
            var expected = first.shape, actual = tensor.shape
            guard actual.count == expected.count else {
                throw AutogradError.shapeMismatch(operation: "concatenated", left: first.shape, right: tensor.shape)
            }
            expected[axis] = 0
            actual[axis] = 0
            guard expected == actual else {
                throw AutogradError.shapeMismatch(operation: "concatenated", left: first.shape, right: tensor.shape)
            }
        }
        let outer = first.shape[..<axis].reduce(1, *), inner = first.shape[(axis + 1)...].reduce(1, *)
        let lengths = tensors.map { $0.shape[axis] }
        var resultShape = first.shape
        resultShape[axis] = lengths.reduce(0, +)
        var values = [Float]()
        values.reserveCapacity(Shape.count(resultShape))
        for o in 0..<outer {
            for (tensor, length) in zip(tensors, lengths) {
                values += tensor.scalars[(o * length * inner)..<((o + 1) * length * inner)]
            }
        }
        return recorded(Tensor(uncheckedShape: resultShape, scalars: values),
                        operation: "concatenate", inputs: tensors) { gradient in
            var start = 0
            return try zip(tensors, lengths).map { tensor, length in
                defer { start += length }
                return tensor.isTracked ? try gradient.sliced(alongAxis: axis, range: start..<(start + length)) : nil
            }
        }
    }

    /// Tensors of equal shape joined along a new axis (derived: axis insertion, then concatenation).
    ///
    /// - Parameters:
    ///   - tensors: The tensors, at least one, all of one shape.
    ///   - axis: Where the new axis goes in the result (negative counts from the end).
    public static func stacked(_ tensors: [Tensor], alongAxis axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else {
            throw AutogradError.invalidArgument(operation: "stacked", reason: "needs at least one tensor")
        }
        let axis = try Shape.normalizedAxis(axis, rank: first.rank + 1, operation: "stacked")
        for tensor in tensors where tensor.shape != first.shape {
            throw AutogradError.shapeMismatch(operation: "stacked", left: first.shape, right: tensor.shape)
        }
        return try concatenated(tensors.map { try $0.expandingShape(at: axis) }, alongAxis: axis)
    }

    /// A size-1 axis inserted at `axis` (derived from `reshaped(to:)`).
    ///
    /// - Parameter axis: Where the new axis goes in the result (negative counts from the end).
    public func expandingShape(at axis: Int) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank + 1, operation: "expandingShape")
        var newShape = shape
        newShape.insert(1, at: axis)
        return try reshaped(to: newShape)
    }

    /// The size-1 axis at `axis` removed (derived from `reshaped(to:)`).
    ///
    /// - Parameter axis: The axis to remove, of size 1 (negative counts from the end).
    public func squeezingShape(at axis: Int) throws -> Tensor {
        let axis = try Shape.normalizedAxis(axis, rank: rank, operation: "squeezingShape")
        guard shape[axis] == 1 else {
            throw AutogradError.invalidShape(operation: "squeezingShape(at: \(axis))", shape: shape,
                                             reason: "axis \(axis) has size \(shape[axis]), not 1")
        }
        var newShape = shape
        newShape.remove(at: axis)
        return try reshaped(to: newShape)
    }
}
