/// A constant sparse matrix in compressed sparse row (CSR) form, such as a batch of user–item
/// interactions, multiplied by dense tensors without densifying it.
///
/// ```swift
/// let batch = try SparseMatrix(rowCount: 2, columnCount: 4, rowOffsets: [0, 2, 3],
///                              columnIndices: [0, 3, 1], values: [1, 1, 1])
/// let hidden = try batch.matmul(weights)            // [2, 4] · [4, h] → [2, h]
/// ```
public struct SparseMatrix: Sendable, Equatable {
    /// Number of rows.
    public let rowCount: Int
    /// Number of columns.
    public let columnCount: Int
    /// Row `i` holds entries `rowOffsets[i]..<rowOffsets[i + 1]`; `rowCount + 1` values.
    public let rowOffsets: [Int]
    /// The column of each stored entry.
    public let columnIndices: [Int]
    /// The value of each stored entry.
    public let values: [Float]

    /// Creates a CSR matrix, checking offsets and column indices.
    public init(rowCount: Int, columnCount: Int, rowOffsets: [Int], columnIndices: [Int], values: [Float]) throws {
        let operation = "SparseMatrix"
        guard rowCount >= 0, columnCount >= 0, rowOffsets.count == rowCount + 1, rowOffsets.first == 0,
              rowOffsets.last == values.count, columnIndices.count == values.count,
              zip(rowOffsets, rowOffsets.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw AutogradError.invalidArgument(
                operation: operation,
                reason: "\(rowCount) rows need \(rowCount + 1) non-decreasing offsets from 0 to \(values.count); "
                    + "got \(rowOffsets.count) offsets and \(columnIndices.count) column indices for \(values.count) values")
        }
        if let bad = columnIndices.first(where: { $0 < 0 || $0 >= columnCount }) {
            throw AutogradError.indexOutOfRange(operation: operation, index: bad, bound: columnCount)
        }
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
    }

    /// The nonzero entries of a rank-2 tensor.
    public init(dense: Tensor) throws {
        guard dense.rank == 2 else {
            throw AutogradError.invalidShape(operation: "SparseMatrix(dense:)", shape: dense.shape, reason: "needs rank 2")
        }
        var offsets = [0], columns: [Int] = [], values: [Float] = []
        for row in 0..<dense.shape[0] {
            for column in 0..<dense.shape[1] where dense.scalars[row * dense.shape[1] + column] != 0 {
                columns.append(column)
                values.append(dense.scalars[row * dense.shape[1] + column])
            }
            offsets.append(values.count)
        }
        try self.init(rowCount: dense.shape[0], columnCount: dense.shape[1],
                      rowOffsets: offsets, columnIndices: columns, values: values)
    }

    /// The matrix as a dense [rowCount, columnCount] tensor.
    public func densified() -> Tensor {
        var scalars = [Float](repeating: 0, count: rowCount * columnCount)
        for row in 0..<rowCount {
            for entry in rowOffsets[row]..<rowOffsets[row + 1] {
                scalars[row * columnCount + columnIndices[entry]] += values[entry]
            }
        }
        return Tensor(uncheckedShape: [rowCount, columnCount], scalars: scalars)
    }

    /// `self · dense` for `dense` [columnCount, n], or `self · denseᵀ` for `dense` [n, columnCount]
    /// when `transposingDense` (a weight stored as [out, in]). The sparse side is a constant.
    ///
    /// Backward: `∂dense = selfᵀ · G` (or its transpose), accumulated row by row from the CSR
    /// entries; the work is split over the columns of the gradient, so threads never share a value.
    public func matmul(_ dense: Tensor, transposingDense: Bool = false) throws -> Tensor {
        let inner = transposingDense ? dense.shape.last : dense.shape.first
        guard dense.rank == 2, inner == columnCount else {
            throw AutogradError.shapeMismatch(operation: "SparseMatrix.matmul", left: [rowCount, columnCount],
                                              right: dense.shape)
        }
        let n = transposingDense ? dense.shape[0] : dense.shape[1]
        var result = [Float](repeating: 0, count: rowCount * n)
        dense.scalars.withUnsafeBufferPointer { d in
            result.withUnsafeMutableBufferPointer { out in
                Parallel.forEachChunk(count: rowCount, costPerItem: n * Swift.max(1, values.count / Swift.max(rowCount, 1))) { rows in
                    for row in rows {
                        let target = out.baseAddress! + row * n
                        for entry in rowOffsets[row]..<rowOffsets[row + 1] {
                            let value = values[entry], column = columnIndices[entry]
                            if transposingDense {
                                for j in 0..<n { target[j] += value * d[j * columnCount + column] }
                            } else {
                                let source = d.baseAddress! + column * n
                                for j in 0..<n { target[j] += value * source[j] }
                            }
                        }
                    }
                }
            }
        }
        let output = Tensor(uncheckedShape: [rowCount, n], scalars: result)
        return Tensor.recorded(output, operation: "sparseMatmul", inputs: [dense]) { gradient in
            [self.transposedProduct(gradient, n: n, transposingDense: transposingDense, denseShape: dense.shape)]
        }
    }

    /// `selfᵀ · gradient` (shaped [columnCount, n]) or its transpose ([n, columnCount]).
    private func transposedProduct(_ gradient: Tensor, n: Int, transposingDense: Bool, denseShape: [Int]) -> Tensor {
        var result = [Float](repeating: 0, count: columnCount * n)
        gradient.scalars.withUnsafeBufferPointer { g in
            result.withUnsafeMutableBufferPointer { out in
                Parallel.forEachChunk(count: n, costPerItem: values.count) { columns in
                    for row in 0..<rowCount {
                        let source = g.baseAddress! + row * n
                        for entry in rowOffsets[row]..<rowOffsets[row + 1] {
                            let value = values[entry], column = columnIndices[entry]
                            if transposingDense {
                                for j in columns { out[j * columnCount + column] += value * source[j] }
                            } else {
                                let target = out.baseAddress! + column * n
                                for j in columns { target[j] += value * source[j] }
                            }
                        }
                    }
                }
            }
        }
        return Tensor(uncheckedShape: denseShape, scalars: result)
    }
}
