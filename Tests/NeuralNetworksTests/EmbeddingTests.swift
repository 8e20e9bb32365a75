import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct EmbeddingTests {
    @Test func embeddingLooksUpRowsInTheGivenShape() throws {
        let table = try Embedding(weight: Tensor(rows: [[0, 0], [1, 1], [2, 2]]))
        let vectors = try table([2, 0, 1, 2], shape: [2, 2])
        #expect(vectors.shape == [2, 2, 2] && vectors.scalars == [2, 2, 0, 0, 1, 1, 2, 2])
        #expect(throws: NeuralNetworksError.invalidInput(operation: "Embedding(3, 2)", reason: "index 3 is outside 0..<3")) {
            try table([3])
        }
        var generator = RandomGenerator(seed: 1)
        #expect(try Embedding(10, 4, initializer: .zeros, generator: &generator).weight == Tensor(zeros: [10, 4]))
        var drawn = RandomGenerator(seed: 2), reference = RandomGenerator(seed: 2)
        #expect(try Embedding(3, 2, generator: &drawn).weight == reference.normal([3, 2]))   // N(0, 1) by default
    }

    @Test func aTableLargerThanMemoryIsAnErrorNamingTheLayer() {
        var generator = RandomGenerator(seed: 1)
        let error = #expect(throws: AutogradError.self) { try Embedding(1 << 40, 64, generator: &generator) }
        #expect("\(error!)".hasPrefix("Embedding(1099511627776, 64): invalid shape [1099511627776, 64]: it needs "))
        #expect(throws: AutogradError.self) { try Embedding(10, -1, initializer: .normal(), generator: &generator) }
    }
}
