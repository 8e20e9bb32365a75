import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct ModuleInitializationTests {
    @Test func initializeRedrawsTheChosenParametersReproducibly() throws {
        func model() throws -> Sequential {
            var generator = RandomGenerator(seed: 1)
            return Sequential(try Linear(3, 4, generator: &generator), Tanh(), try Linear(4, 2, generator: &generator))
        }
        let first = try model(), second = try model()
        var generator = RandomGenerator(seed: 2), again = RandomGenerator(seed: 2)
        try first.initialize(.constant(0.5), where: { $0.hasSuffix("bias") }, generator: &generator)
        try first.initialize(.xavierNormal(), where: { $0.hasSuffix("weight") }, generator: &generator)
        try second.initialize(.constant(0.5), where: { $0.hasSuffix("bias") }, generator: &again)
        try second.initialize(.xavierNormal(), where: { $0.hasSuffix("weight") }, generator: &again)
        #expect(first.parameters() == second.parameters())
        #expect(first.parameters()["layers.2.bias"] == Tensor([0.5, 0.5]))
        #expect(first.description == """
            Sequential: 26 parameters
              layers.0.weight [4, 3]
              layers.0.bias [4]
              layers.2.weight [2, 4]
              layers.2.bias [2]
            """)
    }
}
