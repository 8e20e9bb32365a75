/// Shape arithmetic shared by the operations: element counts, strides, axes and broadcasting.
enum Shape {
    /// The number of scalars a tensor of `shape` holds (1 for rank 0).
    static func count(_ shape: [Int]) -> Int {
        shape.reduce(1, *)
    }

    /// The number of values of a shape from a user: nil when a size is negative or the product overflows `Int`.
    static func checkedCount(_ shape: [Int]) -> Int? {
        var count = 1
        for size in shape {
            guard size >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// Row-major strides of `shape`, in scalars.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = running
            running *= shape[axis]
        }
        return strides
    }

    /// `axis` made non-negative, or an error naming `operation` when it is outside `-rank..<rank`.
    static func normalizedAxis(_ axis: Int, rank: Int, operation: String) throws -> Int {
        let normalized = axis < 0 ? axis + rank : axis
        guard normalized >= 0, normalized < rank else {
            throw AutogradError.invalidAxis(operation: operation, axis: axis, rank: rank)
        }
        return normalized
    }

    /// The NumPy broadcast of two shapes, or an error naming `operation` and both shapes.
    static func broadcast(_ left: [Int], _ right: [Int], operation: String) throws -> [Int] {
        let rank = max(left.count, right.count)
        var result = [Int](repeating: 1, count: rank)
        for position in 0..<rank {
            let l = position < rank - left.count ? 1 : left[position - (rank - left.count)]
            let r = position < rank - right.count ? 1 : right[position - (rank - right.count)]
            if l == r || r == 1 {
                result[position] = l
            } else if l == 1 {
                result[position] = r
            } else {
                throw AutogradError.shapeMismatch(operation: operation, left: left, right: right)
            }
        }
        try MemoryLimit.check(result, operation: operation)
        return result
    }

    /// Strides that read a tensor of `shape` as if it had the larger `target` shape:
    /// missing leading axes and axes of size 1 get stride 0.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        var result = [Int](repeating: 0, count: target.count)
        for axis in 0..<shape.count where shape[axis] != 1 {
            result[axis + offset] = own[axis]
        }
        return result
    }

    /// Merges neighbouring axes that every operand traverses contiguously (or repeats alike), so
    /// that, e.g., adding a [C, 1, 1] bias to [N, C, H, W] loops over rows of H·W values.
    static func coalesced(_ shape: [Int], _ first: [Int], _ second: [Int]) -> (shape: [Int], first: [Int], second: [Int]) {
        guard var mergedShape = shape.last.map({ [$0] }) else { return (shape, first, second) }
        var mergedFirst = [first.last!], mergedSecond = [second.last!]
        for axis in stride(from: shape.count - 2, through: 0, by: -1) {
            let size = mergedShape[0]
            if first[axis] == mergedFirst[0] * size && second[axis] == mergedSecond[0] * size {
                mergedShape[0] *= shape[axis]
            } else {
                mergedShape.insert(shape[axis], at: 0)
                mergedFirst.insert(first[axis], at: 0)
                mergedSecond.insert(second[axis], at: 0)
            }
        }
        return (mergedShape, mergedFirst, mergedSecond)
    }
}
