import Testing
@testable import Autograd

@Suite struct SparseMatrixTests {
    func sparseSample() throws -> SparseMatrix {
        try SparseMatrix(dense: Tensor(rows: [[0, 1, 0, 2], [0, 0, 0, 0], [3, 0, 0.5, 0]]))
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
    /// threshold) match the dense product and pass the gradient check.
    @Test(arguments: [(false, 2.0), (true, 2.0), (false, 0.0), (true, 0.0)])
    func matchesDenseProductAndGradient(transposingDense: Bool, densityForDenseProduct: Double) throws {
        let sparse = try sparseSample()
        let dense = sample(transposingDense ? [5, 4] : [4, 5], seed: 101)
        let product = try sparse.matmul(dense, transposingDense: transposingDense, densityForDenseProduct: densityForDenseProduct)
        let expected = try sparse.densified().matmul(dense, transposingOther: transposingDense)
        #expect(isClose(product, expected.scalars, tolerance: 1e-5))
        #expect(try maximumGradientError(at: [dense]) {
            try sparse.matmul($0[0], transposingDense: transposingDense, densityForDenseProduct: densityForDenseProduct)
        } < gradientTolerance)
        #expect(throws: AutogradError.self) {
            try sparse.matmul(Tensor(zeros: [3, 5]), transposingDense: false, densityForDenseProduct: densityForDenseProduct)
        }
    }

    @Test func sampledProductMatchesDenseProductAndGradient() throws {
        let sparse = try sparseSample()                                   // [3, 4], 4 entries
        let left = sample([3, 5], seed: 103), right = sample([4, 5], seed: 107)
        let dense = try left.matmul(right, transposingOther: true)
        let expected = (0..<sparse.rowCount).flatMap { row in
            (sparse.rowOffsets[row]..<sparse.rowOffsets[row + 1]).map { dense.scalars[row * 4 + sparse.columnIndices[$0]] }
        }
        #expect(isClose(try sparse.sampledProduct(left, right), expected, tolerance: 1e-5))
        #expect(try maximumGradientError(at: [left, right]) {
            try (sparse.sampledProduct($0[0], $0[1]) * Tensor([1, -2, 0.5, 3])).sum()
        } < gradientTolerance)
        #expect(throws: AutogradError.self) { try sparse.sampledProduct(left, sample([5, 5], seed: 1)) }
    }
}
