import Autograd
import Datasets
import Foundation
import NeuralNetworks
import Testing
@testable import Models

@Suite("VQ-VAE and the vector quantizer")
struct GenerativeVQVAETests {
    @Test("shapes: a 7×7 grid of 16-vectors for 28×28 digits, codes, reconstructions and edited grids")
    func shapes() throws {
        let model = try VQVAE(seed: 1)
        #expect(model.quantizer.codebook.shape == [64, 16])
        let images = Tensor(repeating: 0.3, shape: [2, 784])
        #expect(try model.encode(images).shape == [2, 16, 7, 7])
        #expect(try model.reconstruct(images).shape == [2, 784])
        var grid = try model.codes(images)
        #expect(grid.count == 2 && grid.height == 7 && grid.width == 7 && grid.codes.count == 98)
        grid.codes[0] = 63
        #expect(try model.decode(grid).shape == [2, 784])
        #expect(throws: ModelsError.self) { try model.decode(codes: [64] + Array(repeating: 0, count: 48)) }
        #expect(throws: ModelsError.self) { try model.decode(codes: [1, 2, 3]) }
    }

    @Test("the nearest code is the one at the smallest squared distance")
    func nearestCodes() throws {
        var generator = RandomGenerator(seed: 0)
        let quantizer = try VectorQuantizer(codeCount: 3, codeDimension: 2, generator: &generator)
        quantizer.codebook = try Tensor(shape: [3, 2], scalars: [0, 0, 1, 1, -2, 0])
        let vectors = try Tensor(shape: [4, 2], scalars: [0.9, 0.8, -1.2, 0.1, 0.1, -0.2, 5, 5])
        #expect(try quantizer.nearestCodes(vectors) == [1, 2, 0, 1])
        let encoded = try vectors.reshaped(to: [1, 2, 2, 2]).transposed(permutation: [0, 3, 1, 2])  // [1, D, 2, 2]
        let output = try quantizer(encoded)
        #expect(output.codes == [1, 2, 0, 1])
        #expect(output.quantized.shape == [1, 2, 2, 2])
        // The straight-through output carries the code vectors' values.
        let rows = try output.quantized.transposed(permutation: [0, 2, 3, 1]).reshaped(to: [4, 2])
        #expect(isClose(rows.scalars, [1, 1, -2, 0, 0, 0, 1, 1]))
        // codebook loss = commitment loss = mean squared distance to the chosen codes.
        let expected: Float = (0.01 + 0.04 + 0.64 + 0.01 + 0.01 + 0.04 + 16 + 16) / 8
        #expect(abs(output.codebookLoss - expected) < 1e-5 && abs(output.commitmentLoss - expected) < 1e-5)
        #expect(abs(output.loss.scalar - expected * 1.25) < 1e-4)
    }

    @Test("the straight-through estimator carries the decoder's gradient to the encoder")
    func straightThrough() throws {
        let model = try VQVAE(imageHeight: 8, imageWidth: 8, codeCount: 8, codeDimension: 4, residualBlocks: 1, seed: 2)
        let images = try GenerativeTestData.bars(count: 4).imageTensor()
        // Reconstruction error alone: only the straight-through path links it to the encoder.
        let (_, gradients) = try valueAndGradient(of: model) { model in try model.forward(images).reconstructionError }
        let encoderGradient = try #require(gradients["encoder.layers.1.weight"])
        #expect(encoderGradient.scalars.contains { $0 != 0 })
        #expect(gradients["encoder.layers.6.weight"]!.scalars.contains { $0 != 0 })
        #expect(gradients["quantizer.codebook"]!.scalars.allSatisfy { $0 == 0 })
        // The full loss also trains the loss-updated codebook.
        let (_, full) = try valueAndGradient(of: model) { model in try model.forward(images).loss }
        #expect(full["quantizer.codebook"]!.scalars.contains { $0 != 0 })
    }

    @Test("one EMA update matches a hand computation with Laplace smoothing")
    func movingAverage() throws {
        var generator = RandomGenerator(seed: 0)
        let quantizer = try VectorQuantizer(codeCount: 2, codeDimension: 1,
                                        update: .exponentialMovingAverage(decay: 0.9, epsilon: 0.1), generator: &generator)
        quantizer.codebook = try Tensor(shape: [2, 1], scalars: [0, 10])
        quantizer.embeddingSums = [0, 10]
        let inputs = try Tensor(shape: [3, 1], scalars: [1, 2, 4])
        quantizer.movingAverageUpdate(inputs: inputs, codes: [0, 0, 0])
        // N = [0.9·1 + 0.1·3, 0.9·1] = [1.2, 0.9]; m = [0.9·0 + 0.1·7, 0.9·10] = [0.7, 9].
        #expect(isClose(quantizer.clusterSizes, [1.2, 0.9], tolerance: 1e-6))
        #expect(isClose(quantizer.embeddingSums, [0.7, 9], tolerance: 1e-6))
        // n = 2.1; smoothed N_k = (N_k + 0.1) / (2.1 + 0.2) · 2.1.
        let smoothed: [Float] = [(1.2 + 0.1) / 2.3 * 2.1, (0.9 + 0.1) / 2.3 * 2.1]
        #expect(isClose(quantizer.codebook.scalars, [0.7 / smoothed[0], 9 / smoothed[1]], tolerance: 1e-5))
        #expect(quantizer.codebook.shape == [2, 1])
    }

    @Test("perplexity and usage of known assignments")
    func perplexity() {
        #expect(abs(CodebookStatistics(codes: [0, 0, 1, 1], codeCount: 4).perplexity - 2) < 1e-5)
        #expect(abs(CodebookStatistics(codes: [0, 1, 2, 3], codeCount: 4).perplexity - 4) < 1e-5)
        #expect(abs(CodebookStatistics(codes: [2, 2, 2], codeCount: 4).perplexity - 1) < 1e-6)
        let skewed = CodebookStatistics(codes: [0, 0, 0, 1], codeCount: 8)
        let entropy = -(0.75 * log(Float(0.75)) + 0.25 * log(Float(0.25)))
        #expect(abs(skewed.perplexity - exp(entropy)) < 1e-5)
        #expect(skewed.counts == [3, 1, 0, 0, 0, 0, 0, 0] && skewed.usedCodeCount == 2 && skewed.usage == 0.25)
    }

    @Test("training lowers the loss for both codebook kinds, and the EMA codebook moves without gradients")
    func lossDecreases() throws {
        let data = try GenerativeTestData.bars(count: 32)
        for update in [CodebookUpdate.loss, .exponentialMovingAverage()] {
            let model = try VQVAE(imageHeight: 8, imageWidth: 8, codeCount: 8, codeDimension: 4, codebookUpdate: update,
                                  residualBlocks: 1, residualChannels: 8, seed: 3)
            let before = try model.evaluate(data)
            let codebookBefore = model.quantizer.codebook
            let history = try model.fit(data, validation: data, epochs: 8, batchSize: 8, optimizer: Adam(learningRate: 3e-3))
            let after = try model.evaluate(data)
            #expect(after.meanSquaredError < before.meanSquaredError)
            #expect(history.epochSeries("reconstruction").last! < history.epochSeries("reconstruction").first!)
            #expect(history.stepSeries("perplexity").allSatisfy { $0 >= 1 && $0 <= 8 })
            #expect(history.epochSeries("validationPerplexity").count == 8)
            #expect(model.quantizer.codebook != codebookBefore)
        }
    }

    @Test("dead codes move onto encoder outputs")
    func deadCodeRestart() throws {
        var generator = RandomGenerator(seed: 0)
        let quantizer = try VectorQuantizer(codeCount: 3, codeDimension: 2, generator: &generator)
        quantizer.codebook = try Tensor(shape: [3, 2], scalars: [0, 0, 50, 50, -50, -50])
        let inputs = try Tensor(shape: [2, 2], scalars: [0.1, 0.2, 0.3, 0.4])
        var restartGenerator = RandomGenerator(seed: 1)
        #expect(quantizer.restartDeadCodes(inputs: inputs, codes: [0, 0], afterSteps: 2, generator: &restartGenerator).isEmpty)
        let restarted = quantizer.restartDeadCodes(inputs: inputs, codes: [0, 0], afterSteps: 2, generator: &restartGenerator)
        #expect(restarted == [1, 2])
        for code in restarted {
            let row = Array(quantizer.codebook.scalars[(code * 2)..<(code * 2 + 2)])
            #expect(row == [0.1, 0.2] || row == [0.3, 0.4])
        }
        #expect(quantizer.stepsSinceUsed == [0, 0, 0])
    }

    @Test("the same seed gives the same history and codebook; an interrupt keeps the model intact")
    func determinismAndInterrupt() throws {
        let data = try GenerativeTestData.bars(count: 16)
        func run(cancelAfter: Int?) throws -> (TrainingHistory, VQVAE) {
            let model = try VQVAE(imageHeight: 8, imageWidth: 8, codeCount: 8, codeDimension: 4,
                                  codebookUpdate: .exponentialMovingAverage(), residualBlocks: 1, residualChannels: 8, seed: 6)
            var steps = 0
            var control = TrainingControl()
            control.onProgress = { _ in steps += 1 }
            control.isCancelled = { cancelAfter.map { steps >= $0 } ?? false }
            return (try model.fit(data, epochs: 2, batchSize: 4, restartDeadCodesAfter: 2, control: control), model)
        }
        let (first, firstModel) = try run(cancelAfter: nil)
        let (second, secondModel) = try run(cancelAfter: nil)
        #expect(first.steps == second.steps && !first.wasInterrupted)
        #expect(firstModel.parameters() == secondModel.parameters())
        #expect(first.stepSeries("restarted").count == 8)
        let (interrupted, interruptedModel) = try run(cancelAfter: 3)
        #expect(interrupted.wasInterrupted && interrupted.steps.count == 3)
        #expect(interrupted.steps == Array(first.steps.prefix(3)))
        #expect(interruptedModel.parameters().values.allSatisfy { $0.scalars.allSatisfy(\.isFinite) })
        #expect(try interruptedModel.evaluate(data).meanSquaredError.isFinite)
    }
}
