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
    ///
    /// - Parameters:
    ///   - rowCount: Number of rows.
    ///   - columnCount: Number of columns.
    ///   - rowOffsets: `rowCount + 1` non-decreasing offsets, from 0 to `values.count`, delimiting each row's entries.
    ///   - columnIndices: The column of each stored entry, in `0..<columnCount`.
    ///   - values: The value of each stored entry.
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
    ///
    /// - Parameter dense: A rank-2 tensor.
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

    /// The fraction of stored entries from which `matmul` densifies this matrix and runs one sgemm.
    /// OpenBLAS does about three times the multiply-adds per second of the sparse loops below (both
    /// vectorised for the build machine), and the sparse loops need a transposed copy of a weight, so
    /// the two take the same time at about a quarter stored (measured: `[256, 943] · [500, 943]ᵀ` and
    /// its gradient, 1 and 2 threads); ML-100K's batches (5–6% stored) run 3–6× faster sparse than dense.
    static let densityForDenseProducts = 1.0 / 4

    /// `self · dense` for `dense` [columnCount, n], or `self · denseᵀ` for `dense` [n, columnCount]
    /// when `transposingDense` (a weight stored as [out, in]). The sparse side is a constant; when
    /// it is dense enough (``densityForDenseProducts``) the product is a dense `matmul`.
    ///
    /// Each output row is the sum of its entries' contiguous rows of the dense side, scaled, made in
    /// registers (``storeWeightedSum``; a transposed dense side is transposed once first, which costs
    /// one pass over it, instead of reading it with a stride per entry). Backward: `∂dense = selfᵀ · G`,
    /// made the same way per column of this matrix (its entries grouped by column) into a
    /// [columnCount, n] buffer, transposed once at the end when `transposingDense`. Rows, and in the
    /// backward pass columns, are split across cores, so threads never share a value.
    ///
    /// - Parameters:
    ///   - dense: The dense side: `[columnCount, n]`, or `[n, columnCount]` when `transposingDense`.
    ///   - transposingDense: Multiply by the transpose of `dense` (a weight stored as [out, in]).
    public func matmul(_ dense: Tensor, transposingDense: Bool = false) throws -> Tensor {
        try matmul(dense, transposingDense: transposingDense, densityForDenseProduct: SparseMatrix.densityForDenseProducts)
    }

    /// `matmul`, densifying from the given fraction of stored entries (tests take each path).
    func matmul(_ dense: Tensor, transposingDense: Bool, densityForDenseProduct: Double) throws -> Tensor {
        let inner = transposingDense ? dense.shape.last : dense.shape.first
        guard dense.rank == 2, inner == columnCount else {
            throw AutogradError.shapeMismatch(operation: "SparseMatrix.matmul", left: [rowCount, columnCount],
                                              right: dense.shape)
        }
        if Double(values.count) >= densityForDenseProduct * Double(rowCount) * Double(columnCount) {
            return try densified().matmul(dense, transposingOther: transposingDense)
        }
        let n = transposingDense ? dense.shape[0] : dense.shape[1]
        let rowsOfDense = transposingDense
            ? SparseMatrix.transposed(dense.scalars, rows: n, columns: columnCount) : dense.scalars
        let result = rowsOfDense.withUnsafeBufferPointer { d in
            weightedSums(of: values, times: d.baseAddress!, width: n, byColumn: nil)
        }
        let output = Tensor(uncheckedShape: [rowCount, n], scalars: result)
        return Tensor.recorded(output, operation: "sparseMatmul", inputs: [dense]) { gradient in
            [self.transposedProduct(gradient, n: n, transposingDense: transposingDense, denseShape: dense.shape)]
        }
    }

    /// `selfᵀ · gradient` (shaped [columnCount, n]) or its transpose ([n, columnCount]).
    private func transposedProduct(_ gradient: Tensor, n: Int, transposingDense: Bool, denseShape: [Int]) -> Tensor {
        var result = gradient.scalars.withUnsafeBufferPointer { g in
            weightedSums(of: values, times: g.baseAddress!, width: n, byColumn: entriesByColumn())
        }
        if transposingDense { result = SparseMatrix.transposed(result, rows: columnCount, columns: n) }
        return Tensor(uncheckedShape: denseShape, scalars: result)
    }

    /// The entries of `left · rightᵀ` at this matrix's stored positions only (a sampled dense–dense
    /// product, SDDMM): entry `e` in row `r`, column `c` is `Σ_k left[r, k] · right[c, k]`, for
    /// `left` [rowCount, k] and `right` [columnCount, k] (a weight stored as [out, in]). The result
    /// is a [entryCount] tensor in CSR order; this matrix's values are not used, only its pattern.
    ///
    /// A loss that reads a dense product only at a sparse set of positions (AutoRec's masked
    /// reconstruction error) costs `entryCount · k` instead of `rowCount · columnCount · k`.
    /// Backward, with `g` the entries' gradient: `∂left[r] = Σ_e g_e · right[c_e]` over row `r`'s
    /// entries and `∂right[c] = Σ_e g_e · left[r_e]` over column `c`'s, each row made in registers
    /// (``storeWeightedSum``).
    ///
    /// - Parameters:
    ///   - left: Rows `[rowCount, k]`.
    ///   - right: Rows `[columnCount, k]`, e.g. a weight stored as [out, in].
    ///
    /// ```swift
    /// let observed = try SparseMatrix(rowCount: 2, columnCount: 3, rowOffsets: [0, 1, 3],
    ///                                 columnIndices: [2, 0, 1], values: [1, 1, 1])
    /// let predictions = try observed.sampledProduct(hidden, weight)     // [3]
    /// ```
    public func sampledProduct(_ left: Tensor, _ right: Tensor) throws -> Tensor {
        guard left.rank == 2, right.rank == 2, left.shape[0] == rowCount, right.shape[0] == columnCount,
              left.shape[1] == right.shape[1] else {
            throw AutogradError.shapeMismatch(operation: "SparseMatrix.sampledProduct", left: left.shape, right: right.shape)
        }
        let inner = left.shape[1], entryCount = values.count
        // Column by column, so each row of `right` is read from memory once and the rows of `left`
        // (a batch's worth) are reused from cache; columns are split across cores by entry count.
        let byColumn = entriesByColumn()
        // Every entry belongs to one column, so every value is written once.
        let result = [Float](unsafeUninitializedCapacity: entryCount) { out, initialized in
            left.scalars.withUnsafeBufferPointer { l in
                right.scalars.withUnsafeBufferPointer { r in
                    Parallel.forEachChunk(entryOffsets: byColumn.offsets, costPerEntry: inner) { columns in
                        for column in columns {
                            let rightRow = r.baseAddress! + column * inner
                            for position in byColumn.offsets[column]..<byColumn.offsets[column + 1] {
                                out[byColumn.entries[position]] = SparseMatrix.dot(
                                    l.baseAddress! + byColumn.rows[position] * inner, rightRow, count: inner)
                            }
                        }
                    }
                }
            }
            initialized = entryCount
        }
        let output = Tensor(uncheckedShape: [entryCount], scalars: result)
        return Tensor.recorded(output, operation: "sampledProduct", inputs: [left, right]) { gradient in
            // ∂left[r] = Σ_e g_e · right[c_e] over row r's entries, ∂right[c] = Σ_e g_e · left[r_e] over column c's.
            let leftGradient = right.scalars.withUnsafeBufferPointer { r in
                self.weightedSums(of: gradient.scalars, times: r.baseAddress!, width: inner, byColumn: nil)
            }
            let rightGradient = left.scalars.withUnsafeBufferPointer { l in
                self.weightedSums(of: gradient.scalars, times: l.baseAddress!, width: inner, byColumn: byColumn)
            }
            return [Tensor(uncheckedShape: left.shape, scalars: leftGradient),
                    Tensor(uncheckedShape: right.shape, scalars: rightGradient)]
        }
    }

    /// `Σ_j a[j] · b[j]` in 32 independent partial sums (four vectors, so successive multiply-adds
    /// do not wait for each other), then eight, then one.
    @inline(__always)
    private static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        typealias Vector = SIMD8<Float>
        let left = UnsafeRawPointer(a), right = UnsafeRawPointer(b), width = MemoryLayout<Vector>.size
        var (sum0, sum1, sum2, sum3) = (Vector(), Vector(), Vector(), Vector())
        var index = 0
        while index + 32 <= count {
            let base = index * MemoryLayout<Float>.size
            sum0 += left.loadUnaligned(fromByteOffset: base, as: Vector.self)
                * right.loadUnaligned(fromByteOffset: base, as: Vector.self)
            sum1 += left.loadUnaligned(fromByteOffset: base + width, as: Vector.self)
                * right.loadUnaligned(fromByteOffset: base + width, as: Vector.self)
            sum2 += left.loadUnaligned(fromByteOffset: base + 2 * width, as: Vector.self)
                * right.loadUnaligned(fromByteOffset: base + 2 * width, as: Vector.self)
            sum3 += left.loadUnaligned(fromByteOffset: base + 3 * width, as: Vector.self)
                * right.loadUnaligned(fromByteOffset: base + 3 * width, as: Vector.self)
            index += 32
        }
        sum0 += sum1 + (sum2 + sum3)
        while index + 8 <= count {
            let base = index * MemoryLayout<Float>.size
            sum0 += left.loadUnaligned(fromByteOffset: base, as: Vector.self)
                * right.loadUnaligned(fromByteOffset: base, as: Vector.self)
            index += 8
        }
        var total = sum0.sum()
        while index < count {
            total += a[index] * b[index]
            index += 1
        }
        return total
    }

    /// One `width`-wide output row per group of stored entries — this matrix's rows when `byColumn`
    /// is nil, else its columns as ``entriesByColumn()`` groups them — each the sum over the group's
    /// entries `e` of `scales[e]` times the row of `dense` at `e`'s column (or row), made by
    /// ``storeWeightedSum``. Groups are split across cores by entry count, so threads never share a value.
    private func weightedSums(
        of scales: [Float], times dense: UnsafePointer<Float>, width: Int,
        byColumn: (offsets: [Int], entries: [Int], rows: [Int])?
    ) -> [Float] {
        let offsets = byColumn?.offsets ?? rowOffsets
        guard width > 0 else { return [] }
        // Every group's row is stored whole (zeros for a group without entries), so nothing is zeroed first.
        return [Float](unsafeUninitializedCapacity: (offsets.count - 1) * width) { out, initialized in
            scales.withUnsafeBufferPointer { s in
                columnIndices.withUnsafeBufferPointer { c in
                    Parallel.forEachChunk(entryOffsets: offsets, costPerEntry: width) { groups in
                        for group in groups {
                            let first = offsets[group], terms = offsets[group + 1] - first
                            let target = out.baseAddress! + group * width
                            if let byColumn {
                                SparseMatrix.storeWeightedSum(
                                    count: width, terms: terms, into: target, scale: { s[byColumn.entries[first + $0]] },
                                    source: { dense + byColumn.rows[first + $0] * width })
                            } else {
                                SparseMatrix.storeWeightedSum(
                                    count: width, terms: terms, into: target, scale: { s[first + $0] },
                                    source: { dense + c[first + $0] * width })
                            }
                        }
                    }
                }
            }
            initialized = (offsets.count - 1) * width
        }
    }

    /// `target[0..<count] = Σ_t scale(t) · source(t)[0..<count]` over `terms` terms in order. The
    /// running sums of 32 values stay in registers while every term is added, so each value is
    /// stored once rather than loaded and stored once per term; each value still gets the same
    /// additions in the same order as `target += scale · source` from zero.
    @inline(__always)
    static func storeWeightedSum(
        count: Int, terms: Int, into target: UnsafeMutablePointer<Float>,
        scale: (Int) -> Float, source: (Int) -> UnsafePointer<Float>
    ) {
        typealias Vector = SIMD8<Float>
        let width = MemoryLayout<Vector>.size
        let out = UnsafeMutableRawPointer(target)
        var offset = 0
        while offset + 32 <= count {
            var (sum0, sum1, sum2, sum3) = (Vector(), Vector(), Vector(), Vector())
            for term in 0..<terms {
                let factor = Vector(repeating: scale(term)), values = UnsafeRawPointer(source(term) + offset)
                sum0 += factor * values.loadUnaligned(as: Vector.self)
                sum1 += factor * values.loadUnaligned(fromByteOffset: width, as: Vector.self)
                sum2 += factor * values.loadUnaligned(fromByteOffset: 2 * width, as: Vector.self)
                sum3 += factor * values.loadUnaligned(fromByteOffset: 3 * width, as: Vector.self)
            }
            let base = offset * MemoryLayout<Float>.size
            out.storeBytes(of: sum0, toByteOffset: base, as: Vector.self)
            out.storeBytes(of: sum1, toByteOffset: base + width, as: Vector.self)
            out.storeBytes(of: sum2, toByteOffset: base + 2 * width, as: Vector.self)
            out.storeBytes(of: sum3, toByteOffset: base + 3 * width, as: Vector.self)
            offset += 32
        }
        while offset + 8 <= count {
            var sum = Vector()
            for term in 0..<terms {
                sum += Vector(repeating: scale(term)) * UnsafeRawPointer(source(term) + offset).loadUnaligned(as: Vector.self)
            }
            out.storeBytes(of: sum, toByteOffset: offset * MemoryLayout<Float>.size, as: Vector.self)
            offset += 8
        }
        while offset < count {
            var sum: Float = 0
            for term in 0..<terms { sum += scale(term) * source(term)[offset] }
            target[offset] = sum
            offset += 1
        }
    }

    /// The stored entries grouped by column (compressed sparse column order): column `c` holds
    /// `entries[offsets[c]..<offsets[c + 1]]`, in row order, and `rows` gives each one's row.
    func entriesByColumn() -> (offsets: [Int], entries: [Int], rows: [Int]) {
        var offsets = [Int](repeating: 0, count: columnCount + 1)
        for column in columnIndices { offsets[column + 1] += 1 }
        for column in 0..<columnCount { offsets[column + 1] += offsets[column] }
        var next = offsets, entries = [Int](repeating: 0, count: values.count), rows = entries
        for row in 0..<rowCount {
            for entry in rowOffsets[row]..<rowOffsets[row + 1] {
                let column = columnIndices[entry]
                entries[next[column]] = entry
                rows[next[column]] = row
                next[column] += 1
            }
        }
        return (offsets, entries, rows)
    }

    /// The row-major `[columns, rows]` transpose of a row-major `[rows, columns]` matrix
    /// (OpenBLAS `somatcopy`, one block of rows per core).
    static func transposed(_ matrix: [Float], rows: Int, columns: Int) -> [Float] {
        _ = LinearAlgebraBackend.prepared
        return [Float](unsafeUninitializedCapacity: rows * columns) { output, initialized in
            matrix.withUnsafeBufferPointer { input in
                let source = input.baseAddress!, target = output.baseAddress!
                Parallel.forEachChunk(count: rows, costPerItem: columns) { block in
                    // Rows `block` of the matrix are columns `block` of the transpose.
                    cblas_somatcopy(CblasRowMajor, CblasTrans, Int32(block.count), Int32(columns), 1,
                                    source + block.lowerBound * columns, Int32(columns),
                                    target + block.lowerBound, Int32(rows))
                }
            }
            initialized = rows * columns
        }
    }
}
