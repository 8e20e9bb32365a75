import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct Conv2dTests {
    @Test func convolutionsProduceTheirOutputSizes() throws {
        var generator = RandomGenerator(seed: 2)
        let down = try Conv2d(1, 4, kernelSize: 4, stride: 2, padding: 1, generator: &generator)
        let up = try ConvTranspose2d(4, 1, kernelSize: 4, stride: 2, padding: 1, generator: &generator)
        let images = sample([2, 1, 28, 28], seed: 3)
        let features = try down(images)
        #expect(features.shape == [2, 4, 14, 14])
        #expect(try up(features).shape == [2, 1, 28, 28])
        #expect(down.weight.scalars.allSatisfy { Swift.abs($0) <= 0.25 })
    }

    @Test func sequentialFusesAConvolutionAndItsReLUWithoutChangingABit() throws {
        var generator = RandomGenerator(seed: 4)
        let convolution = try Conv2d(3, 5, kernelSize: 3, stride: 2, padding: 1, generator: &generator)
        let next = try Conv2d(5, 2, kernelSize: 1, generator: &generator)
        let fused = Sequential(convolution, ReLU(), next, ReLU())
        let images = sample([4, 3, 9, 9], seed: 5), weights = sample([4, 2, 5, 5], seed: 6)
        func loss(_ output: Tensor) throws -> Tensor { try (output * weights).sum() }
        let (fusedLoss, fusedGradients) = try valueAndGradient(of: fused) { try loss($0(images)) }
        let (plainLoss, plainGradients) = try valueAndGradient(of: fused) { _ in
            try loss(ReLU()(next(ReLU()(convolution(images)))))
        }
        #expect(fusedLoss.scalars == plainLoss.scalars)
        #expect(fusedGradients.keys.sorted() == ["layers.0.bias", "layers.0.weight", "layers.2.bias", "layers.2.weight"])
        for (name, gradient) in plainGradients {
            #expect(fusedGradients[name]?.scalars == gradient.scalars, "\(name)")
        }
    }

    @Test func filtersLargerThanMemoryOrANegativeSizeAreAnErrorNamingTheLayer() throws {
        var generator = RandomGenerator(seed: 1)
        let error = #expect(throws: AutogradError.self) { try Conv2d(1 << 20, 1 << 20, kernelSize: 3, generator: &generator) }
        #expect("\(error!)".hasPrefix("Conv2d(1048576, 1048576, kernelSize: 3): invalid shape [1048576, 1048576, 3, 3]: it needs "))
        #expect(throws: AutogradError.invalidShape(operation: "ConvTranspose2d(4, 2, kernelSize: -3)", shape: [4, 2, -3, -3],
                                                   reason: "sizes cannot be negative")) {
            try ConvTranspose2d(4, 2, kernelSize: -3, generator: &generator)
        }
        #expect(throws: AutogradError.self) { try ConvTranspose2d(Int.max, 2, kernelSize: 4, generator: &generator) }
    }
}
