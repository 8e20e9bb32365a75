import Testing
@testable import Autograd

@Suite struct ArithmeticTests {
    /// Shape pairs covering every broadcasting case: equal, scalar on either side, trailing row,
    /// column, size-1 axes on both sides, and missing leading axes.
    static let broadcastCases: [([Int], [Int])] = [
        ([2, 3], [2, 3]), ([2, 3], []), ([], [2, 3]), ([2, 3], [3]), ([3], [2, 3]),
        ([2, 3], [2, 1]), ([2, 1], [1, 3]), ([2, 1, 3], [4, 1]), ([4, 2, 3], [2, 3]), ([1, 3], [2, 1, 1]),
    ]

    @Test(arguments: broadcastCases) func addGradient(left: [Int], right: [Int]) throws {
        let error = try maximumGradientError(at: [sample(left, seed: 1), sample(right, seed: 2)]) { try $0[0] + $0[1] }
        #expect(error < gradientTolerance)
    }

    @Test(arguments: broadcastCases) func subtractGradient(left: [Int], right: [Int]) throws {
        let error = try maximumGradientError(at: [sample(left, seed: 3), sample(right, seed: 4)]) { try $0[0] - $0[1] }
        #expect(error < gradientTolerance)
    }

    @Test(arguments: broadcastCases) func multiplyGradient(left: [Int], right: [Int]) throws {
        let error = try maximumGradientError(at: [sample(left, seed: 5), sample(right, seed: 6)]) { try $0[0] * $0[1] }
        #expect(error < gradientTolerance)
    }

    @Test(arguments: broadcastCases) func divideGradient(left: [Int], right: [Int]) throws {
        let error = try maximumGradientError(at: [sample(left, seed: 7), sample(right, seed: 8, positive: true)]) {
            try $0[0] / $0[1]
        }
        #expect(error < gradientTolerance)
    }

    @Test func negateAndScalarForms() throws {
        let x = try Tensor(shape: [2], scalars: [1, -2])
        #expect((-x).scalars == [-1, 2])
        #expect((2 - x).scalars == [1, 4] && (x / 2).scalars == [0.5, -1] && (1 / x).scalars == [1, -0.5])
        #expect(try maximumGradientError(at: [x]) { -$0[0] } < gradientTolerance)
    }

    @Test func broadcastValues() throws {
        let column = try Tensor(shape: [2, 1], scalars: [10, 20])
        let row = Tensor([1, 2, 3])
        #expect(try (column + row).scalars == [11, 12, 13, 21, 22, 23])
        #expect(try (column + row).shape == [2, 3])
    }

    @Test func channelBiasOverImages() throws {
        let images = sample([2, 3, 4, 5], seed: 10), bias = sample([3, 1, 1], seed: 11)
        let sum = try images + bias
        for n in 0..<2 { for c in 0..<3 { for p in 0..<20 {
            let index = (n * 3 + c) * 20 + p
            #expect(sum.scalars[index] == images.scalars[index] + bias.scalars[c])
        } } }
        #expect(Shape.coalesced([2, 3, 4, 5], [60, 20, 5, 1], [0, 1, 0, 0]).shape == [2, 3, 20])
        #expect(try maximumGradientError(at: [images, bias]) { try $0[0] + $0[1] } < gradientTolerance)
    }

    @Test func broadcastToGradient() throws {
        let error = try maximumGradientError(at: [sample([3, 1], seed: 9)]) { try $0[0].broadcast(to: [2, 3, 4]) }
        #expect(error < gradientTolerance)
        #expect(throws: AutogradError.self) { try Tensor(zeros: [3]).broadcast(to: [4]) }
    }
}
