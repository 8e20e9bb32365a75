import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct LayerTests {
    @Test func embeddingLooksUpRowsInTheGivenShape() throws {
        let table = try Embedding(weight: Tensor(rows: [[0, 0], [1, 1], [2, 2]]))
        let vectors = try table([2, 0, 1, 2], shape: [2, 2])
        #expect(vectors.shape == [2, 2, 2] && vectors.scalars == [2, 2, 0, 0, 1, 1, 2, 2])
        #expect(throws: NeuralNetworksError.invalidInput(operation: "Embedding(3, 2)", reason: "index 3 is outside 0..<3")) {
            try table([3])
        }
        var generator = RandomGenerator(seed: 1)
        #expect(try Embedding(10, 4, initializer: .zeros, generator: &generator).weight == Tensor(zeros: [10, 4]))
    }

    @Test func dropoutIsSeededAndOffInEvaluation() throws {
        let input = Tensor(ones: [1000])
        let first = Dropout(probability: 0.25, seed: 9), second = Dropout(probability: 0.25, seed: 9)
        let dropped = try first(input)
        #expect(dropped == (try second(input)))
        let kept = dropped.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { Swift.abs($0 - 4 / Float(3)) < 1e-6 } && kept.count > 700 && kept.count < 800)
        first.eval()
        #expect(try first(input) == input)
        #expect(throws: NeuralNetworksError.self) { try Dropout(probability: 1)(input) }
    }

    @Test func layerNormNormalisesTheLastAxis() throws {
        let norm = LayerNorm(4)
        let output = try norm(Tensor(rows: [[1, 2, 3, 4], [2, 2, 2, 6]]))
        for row in 0..<2 {
            let values = Array(output.scalars[(row * 4)..<(row * 4 + 4)])
            #expect(Swift.abs(values.reduce(0, +)) < 1e-5)
            #expect(Swift.abs(values.map { $0 * $0 }.reduce(0, +) / 4 - 1) < 1e-3)
        }
        #expect(LayerNorm(4, elementwiseAffine: false).parameterNames.isEmpty)
        #expect(throws: NeuralNetworksError.self) { try norm(Tensor(zeros: [2, 3])) }
    }

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

    @Test func causalAttentionIgnoresTheFuture() throws {
        var generator = RandomGenerator(seed: 4)
        let attention = try MultiHeadAttention(8, headCount: 2, generator: &generator)
        let sequence = sample([1, 5, 8], seed: 5)
        var changedLast = sequence
        changedLast.updateScalars { values in for index in 32..<40 { values[index] += 3 } }
        let mask = MultiHeadAttention.causalMask(length: 5)
        let before = try attention(sequence, key: sequence, value: sequence, mask: mask)
        let after = try attention(changedLast, key: changedLast, value: changedLast, mask: mask)
        #expect(Array(before.scalars[0..<32]) == Array(after.scalars[0..<32]))
        #expect(Array(before.scalars[32..<40]) != Array(after.scalars[32..<40]))
        let padded = try attention(sequence, key: sequence, value: sequence,
                                   mask: MultiHeadAttention.paddingMask([[false, false, false, false, true]]))
        let paddedChanged = try attention(sequence, key: changedLast, value: changedLast,
                                          mask: MultiHeadAttention.paddingMask([[false, false, false, false, true]]))
        #expect(isClose(padded, paddedChanged.scalars))
        #expect(throws: NeuralNetworksError.invalidConfiguration(
            component: "MultiHeadAttention", reason: "dimension 8 is not divisible by headCount 3")) {
            try MultiHeadAttention(8, headCount: 3, generator: &generator)
        }
    }

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
