import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct InitializerTests {
    func statistics(_ tensor: Tensor) -> (mean: Float, deviation: Float, minimum: Float, maximum: Float) {
        let values = tensor.scalars
        let mean = values.reduce(0, +) / Float(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(values.count)
        return (mean, variance.squareRoot(), values.min()!, values.max()!)
    }

    @Test func fansFollowPyTorch() {
        #expect(Initializer.fans(of: [400, 784]) == (784, 400))
        #expect(Initializer.fans(of: [32, 3, 5, 5]) == (75, 800))
        #expect(Initializer.fans(of: [7]) == (7, 7))
    }

    @Test func xavierAndKaimingHaveTheirScales() throws {
        var generator = RandomGenerator(seed: 9)
        let shape = [200, 300]
        let xavierBound = (6 / Float(500)).squareRoot()
        let uniform = statistics(try Initializer.xavierUniform().tensor(shape, generator: &generator))
        #expect(uniform.minimum >= -xavierBound && uniform.maximum <= xavierBound)
        #expect(Swift.abs(uniform.deviation - xavierBound / Float(3).squareRoot()) < 0.01 * xavierBound)
        let normal = statistics(try Initializer.xavierNormal(gain: 2).tensor(shape, generator: &generator))
        #expect(Swift.abs(normal.deviation - 2 * (2 / Float(500)).squareRoot()) < 0.02 * normal.deviation)
        let kaiming = statistics(try Initializer.kaimingNormal().tensor(shape, generator: &generator))
        #expect(Swift.abs(kaiming.deviation - (2 / Float(300)).squareRoot()) < 0.02 * kaiming.deviation)
        let kaimingOut = statistics(try Initializer.kaimingUniform(mode: .fanOut).tensor(shape, generator: &generator))
        #expect(kaimingOut.maximum <= (6 / Float(200)).squareRoot() && kaimingOut.maximum > 0.9 * (6 / Float(200)).squareRoot())
    }

    @Test func truncatedNormalStaysInsideItsBounds() throws {
        var generator = RandomGenerator(seed: 10)
        let values = statistics(try Initializer.truncatedNormal(standardDeviation: 1, lowerBound: -0.5, upperBound: 1)
            .tensor([10_000], generator: &generator))
        #expect(values.minimum >= -0.5 && values.maximum <= 1)
        #expect(values.mean > 0.1 && values.mean < 0.35)      // a truncated N(0, 1) on [−0.5, 1] has mean ≈ 0.23
        #expect(throws: NeuralNetworksError.self) {
            try Initializer.truncatedNormal(mean: 0, standardDeviation: 0.01, lowerBound: 5, upperBound: 6)
                .tensor([2], generator: &generator)
        }
    }

    @Test func sameSeedSameValues() throws {
        var first = RandomGenerator(seed: 11), second = RandomGenerator(seed: 11)
        #expect(try Initializer.xavierUniform().tensor([4, 4], generator: &first)
                == Initializer.xavierUniform().tensor([4, 4], generator: &second))
        #expect(try Initializer.constant(2.5).tensor([3], generator: &first) == Tensor([2.5, 2.5, 2.5]))
    }

    @Test func aTensorLargerThanMemoryIsAnErrorBeforeAnyDraw() throws {
        var generator = RandomGenerator(seed: 1), untouched = RandomGenerator(seed: 1)
        #expect(throws: AutogradError.self) { try Initializer.kaimingUniform().tensor([1 << 40, 1 << 20], generator: &generator) }
        #expect(throws: AutogradError.invalidShape(operation: "Initializer.tensor", shape: [2, -1], reason: "sizes cannot be negative")) {
            try Initializer.zeros.tensor([2, -1], generator: &generator)
        }
        #expect(try Initializer.normal().tensor([3], generator: &generator) == (try Initializer.normal().tensor([3], generator: &untouched)))
    }
}
