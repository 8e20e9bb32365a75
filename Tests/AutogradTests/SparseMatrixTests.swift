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

    @Test(arguments: [false, true]) func matchesDenseProductAndGradient(transposingDense: Bool) throws {
        let sparse = try sparseSample()
        let dense = sample(transposingDense ? [5, 4] : [4, 5], seed: 101)
        let product = try sparse.matmul(dense, transposingDense: transposingDense)
        let expected = try sparse.densified().matmul(dense, transposingOther: transposingDense)
        #expect(isClose(product, expected.scalars, tolerance: 1e-5))
        #expect(try maximumGradientError(at: [dense]) {
            try sparse.matmul($0[0], transposingDense: transposingDense)
        } < gradientTolerance)
        #expect(throws: AutogradError.self) { try sparse.matmul(Tensor(zeros: [3, 5])) }
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
