/// The kernels behind NumPy broadcasting: binary maps over broadcast shapes, expanding a tensor to a
/// larger shape, and summing a gradient back down to the shape of the operand it belongs to.
extension Tensor {
    /// Applies `Combination` to matching elements of `left` and `right` broadcast together.
    /// Fast paths: equal shapes and a single-value operand; otherwise rows of merged axes.
    static func broadcastMap<Combination: ScalarCombination>(
        _ left: Tensor, _ right: Tensor, operation: String, _ combination: Combination.Type
    ) throws -> Tensor {
        let shape = left.shape == right.shape
            ? left.shape : try Shape.broadcast(left.shape, right.shape, operation: operation)
        let count = Shape.count(shape)
        let result = [Float](unsafeUninitializedCapacity: count) { output, initialized in
            left.scalars.withUnsafeBufferPointer { l in
                right.scalars.withUnsafeBufferPointer { r in
                    let out = output.baseAddress!
                    if l.count == count && r.count == count {
                        Parallel.forEachChunk(count: count) { range in
                            for i in range { out[i] = Combination.combine(l[i], r[i]) }
                        }
                    } else if r.count == 1 && l.count == count {
                        let value = r[0]
                        Parallel.forEachChunk(count: count) { range in
                            for i in range { out[i] = Combination.combine(l[i], value) }
                        }
                    } else if l.count == 1 && r.count == count {
                        let value = l[0]
                        Parallel.forEachChunk(count: count) { range in
                            for i in range { out[i] = Combination.combine(value, r[i]) }
                        }
                    } else {
                        stridedMap(shape: shape, left: left.shape, right: right.shape, l, r, out, combination)
                    }
                }
            }
            initialized = count
        }
        return Tensor(uncheckedShape: shape, scalars: result)
    }

    /// General broadcast: merges axes that both operands step through alike, then walks the output row by row, reading each operand through strides that
    /// are zero along its broadcast axes; the innermost axis is a tight loop.
    private static func stridedMap<Combination: ScalarCombination>(
        shape: [Int], left leftShape: [Int], right rightShape: [Int],
        _ l: UnsafeBufferPointer<Float>, _ r: UnsafeBufferPointer<Float>,
        _ out: UnsafeMutablePointer<Float>, _ combination: Combination.Type
    ) {
        let (shape, leftStrides, rightStrides) = Shape.coalesced(
            shape, Shape.broadcastStrides(leftShape, to: shape), Shape.broadcastStrides(rightShape, to: shape))
        let rank = shape.count
        let inner = shape[rank - 1]
        let rowCount = Shape.count(shape) / Swift.max(inner, 1)
        let leftInner = leftStrides[rank - 1], rightInner = rightStrides[rank - 1]
        Parallel.forEachChunk(count: rowCount, costPerItem: inner) { rows in
            for row in rows {
                var remainder = row, leftOffset = 0, rightOffset = 0
                for axis in stride(from: rank - 2, through: 0, by: -1) {
                    let index = remainder % shape[axis]
                    remainder /= shape[axis]
                    leftOffset += index * leftStrides[axis]
                    rightOffset += index * rightStrides[axis]
                }
                let target = out + row * inner
                let left = l.baseAddress! + leftOffset, right = r.baseAddress! + rightOffset
                switch (leftInner, rightInner) {  // contiguous or repeated rows vectorise
                case (1, 1): for i in 0..<inner { target[i] = Combination.combine(left[i], right[i]) }
                case (1, 0): let value = right[0]; for i in 0..<inner { target[i] = Combination.combine(left[i], value) }
                case (0, 1): let value = left[0]; for i in 0..<inner { target[i] = Combination.combine(value, right[i]) }
                default:
                    for i in 0..<inner { target[i] = Combination.combine(left[i * leftInner], right[i * rightInner]) }
                }
            }
        }
    }

    /// This tensor repeated along broadcast axes to `targetShape` (NumPy broadcasting rules).
    /// Backward: the gradient summed back down to this tensor's shape.
    ///
    /// - Parameter targetShape: A shape this tensor broadcasts to.
    public func broadcast(to targetShape: [Int]) throws -> Tensor {
        let shape = try Shape.broadcast(self.shape, targetShape, operation: "broadcast(to:)")
        guard shape == targetShape else {
            throw AutogradError.shapeMismatch(operation: "broadcast(to:)", left: self.shape, right: targetShape)
        }
        if shape == self.shape { return self }
        let zeros = Tensor(zeros: shape)
        let result = try Tensor.broadcastMap(detached(), zeros, operation: "broadcast(to:)", ScalarLeft.self)
        let sourceShape = self.shape
        return Tensor.recorded(result, operation: "broadcast", inputs: [self]) { gradient in
            [try gradient.summed(toShape: sourceShape)]
        }
    }

    /// Sums this (gradient) tensor over the axes along which `shape` was broadcast to produce it.
    /// Used by backward rules of broadcasting primitives; not recorded itself.
    func summed(toShape target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let leading = rank - target.count
        var axes = Array(0..<leading)
        for axis in 0..<target.count where target[axis] == 1 && shape[axis + leading] != 1 {
            axes.append(axis + leading)
        }
        let reduced = try withoutGradient { try sum(alongAxes: axes, keepingDimensions: true) }
        return Tensor(uncheckedShape: target, scalars: reduced.scalars)
    }

    /// Adds `other` (same shape) into this tensor in place; used to accumulate gradients.
    mutating func accumulate(_ other: Tensor) {
        precondition(shape == other.shape, "accumulate: gradient shapes \(shape) and \(other.shape) differ")
        scalars.withUnsafeMutableBufferPointer { target in
            other.scalars.withUnsafeBufferPointer { source in
                for i in 0..<target.count { target[i] += source[i] }
            }
        }
    }
}
