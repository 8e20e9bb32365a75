import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct DivergenceLossTests {
    @Test func klOfTheStandardNormalToItselfIsZero() throws {
        let zero = Tensor(zeros: [2, 3])
        #expect(try gaussianKLDivergence(mean: zero, logVariance: zero).scalar == 0)
        let same = sample([2, 3], seed: 1)
        let divergence = try gaussianKLDivergence(mean: same, logVariance: same, priorMean: same, priorLogVariance: same)
        #expect(Swift.abs(divergence.scalar) < 1e-6)
        #expect(try gaussianKLDivergence(mean: Tensor(rows: [[1, 0]]), logVariance: Tensor(zeros: [1, 2])).scalar == 0.5)
    }
}
