import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct TransformerEncoderBlockTests {
    @Test func transformerBlockDropoutIsSeededAndOffInEvaluation() throws {
        func block() throws -> TransformerEncoderBlock {
            var generator = RandomGenerator(seed: 6)
            return try TransformerEncoderBlock(8, headCount: 2, feedForwardDimension: 16, dropout: 0.2, seed: 1, generator: &generator)
        }
        let first = try block(), second = try block()
        let input = sample([2, 3, 8], seed: 7)
        let trained = try first(input)
        #expect(trained == (try second(input)))
        first.eval()
        let evaluated = try first(input)
        let evaluatedAgain = try first(input)
        #expect(evaluated != trained && evaluated == evaluatedAgain)
        #expect(first.parameterNames.count == 16)
    }
}
