import Testing
@testable import Autograd

@Suite struct SparseMatrixTests {
    func sparseSample() throws -> SparseMatrix {
        try SparseMatrix(dense: Tensor(rows: [[0, 1, 0, 2], [0, 0, 0, 0], [3, 0, 0.5, 0]]))
    }

    /// A [3, 5] matrix with an empty row, an empty column (4), a column with three entries (1) and a
    /// column stored twice in one row (row 0 holds column 1 twice: values add).
    func irregularSample() throws -> SparseMatrix {
        try SparseMatrix(rowCount: 3, columnCount: 5, rowOffsets: [0, 3, 3, 6],
                         columnIndices: [1, 3, 1, 0, 1, 2], values: [1, 2, -0.5, 3, 1.5, 0.5])
    }

    @Test func roundTripsAndValidates() throws {
        let sparse = try sparseSample()
        #expect(sparse.rowOffsets == [0, 2, 2, 4] && sparse.columnIndices == [1, 3, 0, 2])
        #expect(sparse.densified().scalars == [0, 1, 0, 2, 0, 0, 0, 0, 3, 0, 0.5, 0])
        #expect(throws: AutogradError.self) {
            try SparseMatrix(rowCount: 1, columnCount: 2, rowOffsets: [0, 1], columnIndices: [2], values: [1])
        }
        #expect(throws: AutogradError.self) {
            try SparseMatrix(rowCount: 2, columnCount: 2, rowOffsets: [0, 1], columnIndices: [0], values: [1])
        }
    }

    /// Both ways of computing the product (sparse loops; densified and one sgemm, from a density
    /// threshold) match the dense product and pass the gradient check, for dense sides of width 5
    /// (the loops' one-value tail only) and 45 (their 32-wide, 8-wide and one-value parts).
    @Test(arguments: [(false, 2.0), (true, 2.0), (false, 0.0), (true, 0.0)], [5, 45])
    func matchesDenseProductAndGradient(mode: (Bool, Double), width: Int) throws {
        let (transposingDense, densityForDenseProduct) = mode
        for sparse in [try sparseSample(), try irregularSample()] {
            let columns = sparse.columnCount
            let dense = sample(transposingDense ? [width, columns] : [columns, width], seed: 101)
            let product = try sparse.matmul(dense, transposingDense: transposingDense, densityForDenseProduct: densityForDenseProduct)
            let expected = try sparse.densified().matmul(dense, transposingOther: transposingDense)
            #expect(isClose(product, expected.scalars, tolerance: 1e-5))
            #expect(try maximumGradientError(at: [dense]) {
                try sparse.matmul($0[0], transposingDense: transposingDense, densityForDenseProduct: densityForDenseProduct)
            } < gradientTolerance)
            #expect(throws: AutogradError.self) {
                try sparse.matmul(Tensor(zeros: [columns + 1, width]), transposingDense: false,
                                  densityForDenseProduct: densityForDenseProduct)
            }
        }
    }

    @Test(arguments: [5, 45])
    func sampledProductMatchesDenseProductAndGradient(width: Int) throws {
        for sparse in [try sparseSample(), try irregularSample()] {
            let left = sample([sparse.rowCount, width], seed: 103), right = sample([sparse.columnCount, width], seed: 107)
            let dense = try left.matmul(right, transposingOther: true)
            let expected = (0..<sparse.rowCount).flatMap { row in
                (sparse.rowOffsets[row]..<sparse.rowOffsets[row + 1]).map {
                    dense.scalars[row * sparse.columnCount + sparse.columnIndices[$0]]
                }
            }
            #expect(isClose(try sparse.sampledProduct(left, right), expected, tolerance: 1e-5))
            let weights = Tensor((0..<sparse.values.count).map { Float($0 % 3) - 0.75 })
            #expect(try maximumGradientError(at: [left, right]) {
                try (sparse.sampledProduct($0[0], $0[1]) * weights).sum()
            } < gradientTolerance)
            #expect(throws: AutogradError.self) { try sparse.sampledProduct(left, sample([sparse.columnCount + 1, width], seed: 1)) }
        }
    }

    /// Entries grouped by column keep row order, and every entry appears once.
    @Test func groupsEntriesByColumn() throws {
        let byColumn = try irregularSample().entriesByColumn()
        #expect(byColumn.offsets == [0, 1, 4, 5, 6, 6])
        #expect(byColumn.entries == [3, 0, 2, 4, 5, 1])
        #expect(byColumn.rows == [2, 0, 0, 2, 2, 0])
    }
}
