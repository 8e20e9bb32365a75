import Testing
@testable import Autograd

@Suite struct LayoutTests {
    @Test func reshapeInfersAndChecks() throws {
        let x = sample([2, 3, 4], seed: 31)
        #expect(try x.reshaped(to: [6, -1]).shape == [6, 4])
        #expect(throws: AutogradError.shapeMismatch(operation: "reshaped(to:)", left: [2, 3, 4], right: [5, 5])) {
            try x.reshaped(to: [5, 5])
        }
        for overflowing in [[Int.max, 2], [Int.max, 2, -1], [-1, -1], [2, -2, -3, 2]] {
            #expect(throws: AutogradError.shapeMismatch(operation: "reshaped(to:)", left: [2, 3, 4], right: overflowing)) {
                try x.reshaped(to: overflowing)
            }
        }
        #expect(try maximumGradientError(at: [x]) { try $0[0].reshaped(to: [4, 6]) } < gradientTolerance)
    }

    @Test func transposeValuesAndGradient() throws {
        let x = try Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(try x.transposed().scalars == [1, 4, 2, 5, 3, 6])
        let cube = sample([2, 3, 4], seed: 32)
        let permuted = try cube.transposed(permutation: [2, 0, 1])
        #expect(permuted.shape == [4, 2, 3])
        #expect(permuted.scalars[1 * 6 + 1 * 3 + 2] == cube.scalars[1 * 12 + 2 * 4 + 1])
        #expect(try maximumGradientError(at: [cube]) { try $0[0].transposed(permutation: [1, 2, 0]) } < gradientTolerance)
        #expect(throws: AutogradError.self) { try cube.transposed(permutation: [0, 0, 1]) }
    }

    /// Every value lands where the index arithmetic says, for merged axes, axes of size 1, batched
    /// transposes across tile edges and the general path, on one thread and on two (the last three
    /// shapes are large enough to be split across cores).
    @Test(arguments: [
        ([64, 16, 7, 7], [0, 2, 3, 1]), ([64, 7, 7, 16], [0, 3, 1, 2]), ([3, 37, 53], [0, 2, 1]),
        ([300, 200], [1, 0]), ([2, 1, 5, 3], [2, 0, 3, 1]), ([4, 3, 5, 2], [0, 2, 1, 3]),
        ([1, 1, 1], [2, 0, 1]), ([2, 3, 4], [0, 1, 2]), ([2, 0, 3], [2, 1, 0]), ([5, 6, 7, 8], [3, 1, 0, 2]),
        ([64, 64, 7, 7], [0, 2, 3, 1]), ([4, 1, 5, 6], [2, 3, 1, 0]), ([40, 30, 50, 20], [2, 0, 3, 1]),
    ]) func permutedMatchesIndexArithmetic(shape: [Int], permutation: [Int]) {
        let original = LinearAlgebraBackend.threadCount
        defer { LinearAlgebraBackend.threadCount = original }
        let x = sample(shape, seed: 34)
        let newShape = permutation.map { shape[$0] }
        let strides = Shape.strides(shape), newStrides = Shape.strides(newShape)
        var expected = [Float](repeating: 0, count: x.scalarCount)
        for index in 0..<x.scalarCount {
            var source = 0
            for axis in newShape.indices { source += index / newStrides[axis] % newShape[axis] * strides[permutation[axis]] }
            expected[index] = x.scalars[source]
        }
        for threads in [1, 2] {
            LinearAlgebraBackend.threadCount = threads
            let result = x.permuted(permutation)
            #expect(result.shape == newShape)
            #expect(result.scalars == expected, "\(shape) by \(permutation) on \(threads) threads")
        }
    }

    @Test func mergedAxesKeepOnlyTheReorderingThatMatters() {
        #expect(Tensor.mergedAxes(shape: [64, 16, 7, 7], permutation: [0, 2, 3, 1]) == ([64, 16, 49], [0, 2, 1]))
        #expect(Tensor.mergedAxes(shape: [2, 1, 5, 3], permutation: [2, 0, 3, 1]) == ([2, 5, 3], [1, 0, 2]))
        #expect(Tensor.mergedAxes(shape: [2, 3, 4], permutation: [0, 1, 2]) == ([24], [0]))
        #expect(Tensor.mergedAxes(shape: [2, 1, 3], permutation: [1, 0, 2]) == ([6], [0]))
        #expect(Tensor.mergedAxes(shape: [4, 1, 5, 6], permutation: [2, 3, 1, 0]) == ([4, 30], [1, 0]))
    }

    @Test func sliceValuesAndGradient() throws {
        let x = try Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(try x.sliced(alongAxis: 1, range: 1..<3).scalars == [2, 3, 5, 6])
        #expect(try x.sliced(alongAxis: 0, range: 1..<2).scalars == [4, 5, 6])
        #expect(throws: AutogradError.self) { try x.sliced(alongAxis: 1, range: 2..<4) }
        #expect(try maximumGradientError(at: [sample([3, 4, 2], seed: 33)]) {
            try $0[0].sliced(alongAxis: 1, range: 1..<3)
        } < gradientTolerance)
    }

    @Test func concatenateAndStack() throws {
        let a = try Tensor(rows: [[1, 2]]), b = try Tensor(rows: [[3, 4], [5, 6]])
        #expect(try Tensor.concatenated([a, b], alongAxis: 0).scalars == [1, 2, 3, 4, 5, 6])
        #expect(try Tensor.concatenated([b, b], alongAxis: 1).scalars == [3, 4, 3, 4, 5, 6, 5, 6])
        #expect(throws: AutogradError.self) { try Tensor.concatenated([a, b], alongAxis: 1) }
        #expect(try Tensor.stacked([Tensor([1, 2]), Tensor([3, 4])], alongAxis: 1).scalars == [1, 3, 2, 4])
        #expect(try maximumGradientError(at: [sample([2, 3], seed: 34), sample([2, 1], seed: 35)]) {
            try Tensor.concatenated([$0[0], $0[1], $0[0]], alongAxis: 1)
        } < gradientTolerance)
        #expect(try maximumGradientError(at: [sample([2, 3], seed: 36), sample([2, 3], seed: 37)]) {
            try Tensor.stacked([$0[0], $0[1]], alongAxis: 0)
        } < gradientTolerance)
    }

    @Test func expandAndSqueeze() throws {
        let x = sample([2, 3], seed: 38)
        #expect(try x.expandingShape(at: 1).shape == [2, 1, 3])
        #expect(try x.expandingShape(at: -1).squeezingShape(at: 2).shape == [2, 3])
        #expect(throws: AutogradError.self) { try x.squeezingShape(at: 0) }
    }
}
