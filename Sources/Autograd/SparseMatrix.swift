import COpenBLAS

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
    /// Every stored entry adds a contiguous row of the dense side, scaled, to a contiguous output row
    /// (a transposed dense side is transposed once first, which costs one pass over it, instead of
    /// reading it with a stride per entry). Backward: `∂dense = selfᵀ · G`, accumulated the same way
    /// into a [columnCount, n] buffer (transposed once at the end when `transposingDense`); the work
    /// is split over the columns of the gradient, so threads never share a value.
    public func matmul(_ dense: Tensor, transposingDense: Bool = false) throws -> Tensor {
        let inner = transposingDense ? dense.shape.last : dense.shape.first
        guard dense.rank == 2, inner == columnCount else {
            throw AutogradError.shapeMismatch(operation: "SparseMatrix.matmul", left: [rowCount, columnCount],
                                              right: dense.shape)
        }
        let n = transposingDense ? dense.shape[0] : dense.shape[1]
        let rowsOfDense = transposingDense
            ? SparseMatrix.transposed(dense.scalars, rows: n, columns: columnCount) : dense.scalars
        var result = [Float](repeating: 0, count: rowCount * n)
        rowsOfDense.withUnsafeBufferPointer { d in
            result.withUnsafeMutableBufferPointer { out in
                Parallel.forEachChunk(count: rowCount, costPerItem: n * Swift.max(1, values.count / Swift.max(rowCount, 1))) { rows in
                    for row in rows {
                        let target = out.baseAddress! + row * n
                        for entry in rowOffsets[row]..<rowOffsets[row + 1] {
                            SparseMatrix.addScaled(values[entry], d.baseAddress! + columnIndices[entry] * n,
                                                   to: target, range: 0..<n)
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
                            SparseMatrix.addScaled(values[entry], source, to: out.baseAddress! + columnIndices[entry] * n,
                                                   range: columns)
                        }
                    }
                }
            }
        }
        if transposingDense { result = SparseMatrix.transposed(result, rows: columnCount, columns: n) }
        return Tensor(uncheckedShape: denseShape, scalars: result)
    }

    /// `target[j] += scale · source[j]` for `j` in `range` (a loop the compiler vectorises).
    @inline(__always)
    private static func addScaled(_ scale: Float, _ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>,
                                  range: Range<Int>) {
        for j in range { target[j] += scale * source[j] }
    }

    /// The row-major `[columns, rows]` transpose of a row-major `[rows, columns]` matrix
    /// (OpenBLAS `somatcopy`).
    static func transposed(_ matrix: [Float], rows: Int, columns: Int) -> [Float] {
        _ = LinearAlgebraBackend.prepared
        return [Float](unsafeUninitializedCapacity: rows * columns) { output, initialized in
            matrix.withUnsafeBufferPointer { input in
                cblas_somatcopy(CblasRowMajor, CblasTrans, Int32(rows), Int32(columns), 1,
                                input.baseAddress, Int32(columns), output.baseAddress, Int32(rows))
            }
            initialized = rows * columns
        }
    }
}
