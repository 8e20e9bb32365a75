import COpenBLAS

/// Matrix products through OpenBLAS `cblas_sgemm`; transposes are passed as flags, never copied.
extension Tensor {
    /// The matrix product of the last two axes, `op(self) · op(other)`, where `op` transposes the
    /// last two axes when the flag is set. Leading (batch) axes must be equal, or one side may be a
    /// plain matrix shared by every batch entry.
    ///
    /// Backward (for `C = op(A) · op(B)` with upstream `G`): `∂op(A) = G · op(B)ᵀ` and
    /// `∂op(B) = op(A)ᵀ · G`, each computed as one sgemm with transpose flags; a shared matrix
    /// accumulates over the batch.
    ///
    /// - Parameters:
    ///   - other: The right-hand matrix (or batch of matrices).
    ///   - transposingSelf: Use this tensor's last two axes swapped.
    ///   - transposingOther: Use `other`'s last two axes swapped.
    public func matmul(_ other: Tensor, transposingSelf: Bool = false, transposingOther: Bool = false) throws -> Tensor {
        let operation = "matmul"
        guard rank >= 2, other.rank >= 2 else {
            throw AutogradError.shapeMismatch(operation: operation + " (needs rank ≥ 2)", left: shape, right: other.shape)
        }
        let m = transposingSelf ? shape[rank - 1] : shape[rank - 2]
        let k = transposingSelf ? shape[rank - 2] : shape[rank - 1]
        let otherK = transposingOther ? other.shape[other.rank - 1] : other.shape[other.rank - 2]
        let n = transposingOther ? other.shape[other.rank - 2] : other.shape[other.rank - 1]
        let batchSelf = Array(shape.dropLast(2)), batchOther = Array(other.shape.dropLast(2))
        guard k == otherK, batchSelf == batchOther || batchSelf.isEmpty || batchOther.isEmpty else {
            throw AutogradError.shapeMismatch(operation: operation, left: shape, right: other.shape)
        }
        let batchShape = batchSelf.isEmpty ? batchOther : batchSelf
        try MemoryLimit.check(batchShape + [m, n], operation: operation)
        let batch = Shape.count(batchShape)
        var values = Tensor.productBuffer(count: batch * m * n)
        Tensor.gemm(self, transposingSelf, batchSelf.isEmpty ? 0 : m * k,
                    other, transposingOther, batchOther.isEmpty ? 0 : k * n,
                    into: &values, outputStride: m * n, batch: batch, m: m, n: n, k: k)
        let result = Tensor(uncheckedShape: batchShape + [m, n], scalars: values)
        let left = self
        return Tensor.recorded(result, operation: operation, inputs: [self, other]) { gradient in
            let selfStride = batchSelf.isEmpty ? 0 : m * k, otherStride = batchOther.isEmpty ? 0 : k * n
            var selfGradient: Tensor?, otherGradient: Tensor?
            if left.isTracked {
                var values = Tensor.productBuffer(count: left.scalarCount)
                if !transposingSelf {  // ∂A [m,k] = G [m,n] · op(B)ᵀ
                    Tensor.gemm(gradient, false, m * n, other, !transposingOther, otherStride,
                                into: &values, outputStride: selfStride, batch: batch, m: m, n: k, k: n)
                } else {               // ∂A [k,m] = op(B) · Gᵀ
                    Tensor.gemm(other, transposingOther, otherStride, gradient, true, m * n,
                                into: &values, outputStride: selfStride, batch: batch, m: k, n: m, k: n)
                }
                selfGradient = Tensor(uncheckedShape: left.shape, scalars: values)
            }
            if other.isTracked {
                var values = Tensor.productBuffer(count: other.scalarCount)
                if !transposingOther { // ∂B [k,n] = op(A)ᵀ · G
                    Tensor.gemm(left, !transposingSelf, selfStride, gradient, false, m * n,
                                into: &values, outputStride: otherStride, batch: batch, m: k, n: n, k: m)
                } else {               // ∂B [n,k] = Gᵀ · op(A)
                    Tensor.gemm(gradient, true, m * n, left, transposingSelf, selfStride,
                                into: &values, outputStride: otherStride, batch: batch, m: n, n: k, k: m)
                }
                otherGradient = Tensor(uncheckedShape: other.shape, scalars: values)
            }
            return [selfGradient, otherGradient]
        }
    }

    /// Storage for a product that `gemm` overwrites completely (it runs with β = 0 first), so it is
    /// left uninitialised instead of zero-filled; products are large and memset showed in profiles.
    static func productBuffer(count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }

    /// A batch of `C_b (+)= op(A_b) · op(B_b)` with `op(A)` of shape [m, k] and `op(B)` [k, n].
    /// A stride of 0 reuses one matrix for every entry; an output stride of 0 accumulates the
    /// whole batch into one matrix. A batch of untransposed `A` against a shared `B` runs as one
    /// tall sgemm. Products are split across cores by `Parallel` (OpenBLAS itself runs on one
    /// thread: see `LinearAlgebraBackend.threadCount`): separate entries of a large batch go to
    /// separate cores, otherwise each product is cut into blocks of rows or of columns.
    static func gemm(
        _ a: Tensor, _ transposeA: Bool, _ aStride: Int,
        _ b: Tensor, _ transposeB: Bool, _ bStride: Int,
        into output: inout [Float], outputStride: Int, batch: Int, m: Int, n: Int, k: Int
    ) {
        guard m > 0, n > 0 else { return }
        _ = (LinearAlgebraBackend.prepared, AllocatorTuning.applied)
        if k == 0 || batch == 0 {  // an empty sum or batch: sgemm would not write C
            output.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            return
        }
        var batch = batch, m = m
        if !transposeA && bStride == 0 && aStride == m * k && outputStride == m * n {
            m *= batch      // rows of consecutive A matrices are consecutive rows of one tall matrix
            batch = 1
        }
        let lda = transposeA ? m : k, ldb = transposeB ? k : n
        a.scalars.withUnsafeBufferPointer { aValues in
            b.scalars.withUnsafeBufferPointer { bValues in
                output.withUnsafeMutableBufferPointer { out in
                    let product = MatrixProduct(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                                                lda: Swift.max(lda, 1), ldb: Swift.max(ldb, 1), ldc: n)
                    let entryCost = m * n * k
                    if outputStride != 0 && batch >= Parallel.coreCount && batch * entryCost >= MatrixProduct.splitThreshold {
                        Parallel.forEachChunk(count: batch, chunkCount: Parallel.coreCount) { entries in
                            for entry in entries {
                                product.run(a: aValues.baseAddress! + entry * aStride, b: bValues.baseAddress! + entry * bStride,
                                            c: out.baseAddress! + entry * outputStride, beta: 0, parallel: false)
                            }
                        }
                        return
                    }
                    for entry in 0..<batch {
                        let beta: Float = outputStride == 0 && entry > 0 ? 1 : 0
                        product.run(a: aValues.baseAddress! + entry * aStride, b: bValues.baseAddress! + entry * bStride,
                                    c: out.baseAddress! + entry * outputStride, beta: beta, parallel: true)
                    }
                }
            }
        }
    }
}

/// One row-major `C = op(A) · op(B) + β·C` through single-threaded `cblas_sgemm`, cut into blocks
/// of the longer output side that may run on separate cores.
///
/// Cutting the columns means every block packs all of `op(A)`, cutting the rows all of `op(B)`;
/// the longer side is cut so that the repeated packing is the smaller operand. The blocks depend
/// on the product's shape only, never on the thread count: one thread runs the same sgemm calls
/// one after another. That is what keeps results independent of the thread count, because
/// OpenBLAS's own blocking is not neutral: with its AVX2 ("Haswell") kernels, which it uses on AMD
/// CPUs, a product cut into two column blocks differs in the last bits of a few percent of its
/// values from the same product in one call (its AVX-512 kernels give the same bits either way).
struct MatrixProduct {
    let transposeA: Bool, transposeB: Bool
    let m: Int, n: Int, k: Int
    let lda: Int, ldb: Int, ldc: Int

    /// Multiply-adds below which a product stays one block (about 30 µs of work: waking another
    /// thread costs a noticeable part of that).
    static let splitThreshold = 1 << 21

    /// The number of blocks a large product is cut into: enough for the two to four cores these
    /// machines have, few enough that repacking the smaller operand per block stays cheap.
    static let blockCount = 4

    /// Blocks are multiples of this many rows or columns, the width of OpenBLAS's AVX-512 kernels.
    static let blockAlignment = 16

    /// Computes the product into `c`, running its blocks on several cores when `parallel`.
    func run(a: UnsafePointer<Float>, b: UnsafePointer<Float>, c: UnsafeMutablePointer<Float>, beta: Float, parallel: Bool) {
        let longer = Swift.max(m, n)
        let blocks = m * n * k >= Self.splitThreshold ? Swift.min(Self.blockCount, longer / Self.blockAlignment) : 1
        guard blocks > 1 else {
            sgemm(rows: 0..<m, columns: 0..<n, a: a, b: b, c: c, beta: beta)
            return
        }
        // Block b starts at b/blocks of the side, rounded to the nearest multiple of the alignment,
        // so the blocks (and the cores' shares) differ by at most one alignment step.
        func start(_ block: Int) -> Int {
            block == blocks ? longer : (longer * block / blocks + Self.blockAlignment / 2) / Self.blockAlignment * Self.blockAlignment
        }
        Parallel.forEachChunk(count: blocks, chunkCount: parallel ? Parallel.coreCount : 1) { chunk in
            for block in chunk {
                let range = start(block)..<start(block + 1)
                guard !range.isEmpty else { continue }
                if n >= m {
                    sgemm(rows: 0..<m, columns: range, a: a, b: b, c: c, beta: beta)
                } else {
                    sgemm(rows: range, columns: 0..<n, a: a, b: b, c: c, beta: beta)
                }
            }
        }
    }

    /// The block `C[rows, columns]` of the product.
    private func sgemm(rows: Range<Int>, columns: Range<Int>, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
                       c: UnsafeMutablePointer<Float>, beta: Float) {
        // Row i of op(A) starts at A + i·lda untransposed, at column i (A + i) transposed; the same for op(B)'s columns.
        let aStart = a + rows.lowerBound * (transposeA ? 1 : lda)
        let bStart = b + columns.lowerBound * (transposeB ? ldb : 1)
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(rows.count), Int32(columns.count), Int32(k), 1, aStart, Int32(lda), bStart, Int32(ldb),
                    beta, c + rows.lowerBound * ldc + columns.lowerBound, Int32(ldc))
    }
}
