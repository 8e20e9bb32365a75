import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct GradientClippingTests {
    @Test func clippingScalesToTheMaximumNorm() throws {
        let gradients = ["a": Tensor([3, 0]), "b": Tensor([4])]
        #expect(globalNorm(gradients) == 5)
        let (clipped, norm) = clippedByGlobalNorm(gradients, maximumNorm: 1)
        #expect(norm == 5 && Swift.abs(globalNorm(clipped) - 1) < 1e-5)
        #expect(clippedByGlobalNorm(gradients, maximumNorm: 10).gradients["a"] == Tensor([3, 0]))
        var parameters = ["a": Tensor([0, 0]), "b": Tensor([0])]
        let optimizer = SGD(learningRate: 1, maximumGradientNorm: 1)
        try optimizer.update(parameters: &parameters, along: gradients)
        #expect(isClose(parameters["a"]!, [-0.6, 0]) && isClose(parameters["b"]!, [-0.8]))
        #expect(optimizer.lastGradientNorm == 5)
    }
}
