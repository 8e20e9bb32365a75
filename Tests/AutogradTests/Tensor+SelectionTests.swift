import Testing
@testable import Autograd

@Suite struct SelectionTests {
    @Test func whereChoosesAndBroadcasts() throws {
        let condition = Tensor([1, 0, 1])
        let chosen = try Tensor.where(condition, Tensor(zeros: [2, 3]) + 5, Tensor(-1))
        #expect(chosen.shape == [2, 3] && chosen.scalars == [5, -1, 5, 5, -1, 5])
    }

    @Test(arguments: [([2, 3], [2, 3]), ([2, 3], [3]), ([1, 3], [2, 1])])
    func whereGradient(left: [Int], right: [Int]) throws {
        let condition = try Tensor(shape: [2, 3], scalars: [1, 0, 0, 1, 1, 0])
        #expect(try maximumGradientError(at: [sample(left, seed: 51), sample(right, seed: 52)]) {
            try Tensor.where(condition, $0[0], $0[1])
        } < gradientTolerance)
    }
}
