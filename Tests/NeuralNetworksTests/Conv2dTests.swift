import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct Conv2dTests {
    @Test func convolutionsProduceTheirOutputSizes() throws {
        var generator = RandomGenerator(seed: 2)
        let down = Conv2d(1, 4, kernelSize: 4, stride: 2, padding: 1, generator: &generator)
        let up = ConvTranspose2d(4, 1, kernelSize: 4, stride: 2, padding: 1, generator: &generator)
        let images = sample([2, 1, 28, 28], seed: 3)
        let features = try down(images)
        #expect(features.shape == [2, 4, 14, 14])
        #expect(try up(features).shape == [2, 1, 28, 28])
        #expect(down.weight.scalars.allSatisfy { Swift.abs($0) <= 0.25 })
    }
}
