import Testing
@testable import Autograd

@Suite struct DistanceTests {
    @Test func matchesDirectDifferences() throws {
        let a = sample([4, 3], seed: 81), b = sample([5, 3], seed: 82)
        let distances = try Tensor.pairwiseSquaredDistances(a, b)
        #expect(distances.shape == [4, 5])
        var expected: [Float] = []
        for i in 0..<4 { for j in 0..<5 {
            expected.append((0..<3).reduce(0) { total, d in
                let difference = a.scalars[i * 3 + d] - b.scalars[j * 3 + d]
                return total + difference * difference
            })
        } }
        #expect(isClose(distances, expected, tolerance: 1e-4))
        #expect(throws: AutogradError.self) { try Tensor.pairwiseSquaredDistances(a, Tensor(zeros: [5, 2])) }
    }

    @Test func gradient() throws {
        #expect(try maximumGradientError(at: [sample([3, 2], seed: 83), sample([4, 2], seed: 84)]) {
            try Tensor.pairwiseSquaredDistances($0[0], $0[1])
        } < gradientTolerance)
    }
}
