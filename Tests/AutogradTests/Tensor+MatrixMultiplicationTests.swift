import Testing
@testable import Autograd

@Suite struct MatrixMultiplicationTests {
    /// Plain triple loop reference of `op(a) · op(b)` for rank-2 tensors.
    func reference(_ a: Tensor, _ b: Tensor, _ transposeA: Bool, _ transposeB: Bool) -> [Float] {
        let m = transposeA ? a.shape[1] : a.shape[0], k = transposeA ? a.shape[0] : a.shape[1]
        let n = transposeB ? b.shape[0] : b.shape[1]
        var out = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k {
            out[i * n + j] += (transposeA ? a.scalars[p * m + i] : a.scalars[i * k + p])
                * (transposeB ? b.scalars[j * k + p] : b.scalars[p * n + j])
        } } }
        return out
    }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func flagsValuesAndGradient(transposeA: Bool, transposeB: Bool) throws {
        let a = sample(transposeA ? [4, 3] : [3, 4], seed: 41), b = sample(transposeB ? [5, 4] : [4, 5], seed: 42)
        let product = try a.matmul(b, transposingSelf: transposeA, transposingOther: transposeB)
        #expect(product.shape == [3, 5])
        #expect(isClose(product, reference(a, b, transposeA, transposeB), tolerance: 1e-4))
        #expect(try maximumGradientError(at: [a, b]) {
            try $0[0].matmul($0[1], transposingSelf: transposeA, transposingOther: transposeB)
        } < gradientTolerance)
    }

    @Test(arguments: [([2, 3, 4], [2, 4, 5]), ([2, 3, 4], [4, 5]), ([3, 4], [2, 4, 5]), ([2, 2, 3, 4], [2, 2, 4, 5])])
    func batchedGradient(left: [Int], right: [Int]) throws {
        for (transposeA, transposeB) in [(false, false), (true, true)] {
            var leftShape = left, rightShape = right
            if transposeA { leftShape.swapAt(left.count - 1, left.count - 2) }
            if transposeB { rightShape.swapAt(right.count - 1, right.count - 2) }
            let a = sample(leftShape, seed: 43), b = sample(rightShape, seed: 44)
            #expect(try maximumGradientError(at: [a, b]) {
                try $0[0].matmul($0[1], transposingSelf: transposeA, transposingOther: transposeB)
            } < gradientTolerance)
        }
    }

    @Test func batchedMatchesPerEntryProducts() throws {
        let a = sample([2, 3, 4], seed: 45), b = sample([4, 5], seed: 46)
        let product = try a.matmul(b)
        #expect(product.shape == [2, 3, 5])
        for entry in 0..<2 {
            let slice = try a.sliced(alongAxis: 0, range: entry..<(entry + 1)).reshaped(to: [3, 4])
            #expect(isClose(try product.sliced(alongAxis: 0, range: entry..<(entry + 1)).reshaped(to: [3, 5]),
                            reference(slice, b, false, false), tolerance: 1e-4))
        }
    }

    @Test func emptyDimensionsGiveZeros() throws {
        #expect(try Tensor(ones: [2, 0]).matmul(Tensor(ones: [0, 3])) == Tensor(zeros: [2, 3]))
        let (_, gradients) = try valueAndGradient(at: [Tensor(ones: [0, 2, 3]), Tensor(ones: [3, 4])]) { p in
            try p[0].matmul(p[1]).sum()
        }
        #expect(gradients[1] == Tensor(zeros: [3, 4]))
    }

    @Test func shapeErrors() {
        #expect(throws: AutogradError.shapeMismatch(operation: "matmul", left: [2, 3], right: [4, 5])) {
            try Tensor(zeros: [2, 3]).matmul(Tensor(zeros: [4, 5]))
        }
        #expect(throws: AutogradError.self) { try Tensor(zeros: [2, 3, 4]).matmul(Tensor(zeros: [3, 4, 5])) }
        #expect(throws: AutogradError.self) { try Tensor(zeros: [3]).matmul(Tensor(zeros: [3, 4])) }
    }
}
