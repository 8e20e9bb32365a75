import Testing
import Autograd
import Datasets
import NeuralNetworks
@testable import Models

@Suite("RecVAE")
struct RecommenderRecVAETests {
    @Test func alternatesEncoderAndDecoderPassesAndCopiesThePrior() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try RecVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 1)
        #expect(model.priorEncoder.parameters() != model.encoder.parameters())
        let decoderBefore = model.decoder.parameters()
        var encoderAfterEncoderPasses: [String: Tensor] = [:]
        let batches = (split.train.rowCount + 15) / 16
        let control = TrainingControl(onProgress: { progress in
            if progress.globalStep == 3 * batches { encoderAfterEncoderPasses = model.encoder.parameters() }
            if progress.globalStep <= 3 * batches { #expect(model.decoder.parameters() == decoderBefore) }
        })
        let history = try model.fit(split.train, epochs: 1, batchSize: 16, control: control)
        #expect(history.steps.count == 4 * batches)
        #expect(history.stepSeries("phase") == Array(repeating: 0, count: 3 * batches) + Array(repeating: 1, count: batches))
        #expect(model.priorEncoder.parameters() == encoderAfterEncoderPasses)
        #expect(model.encoder.parameters() == encoderAfterEncoderPasses)   // decoder passes leave the encoder alone
        #expect(model.decoder.parameters() != decoderBefore)
    }

    @Test func latentNoiseScaleSetsTheStandardDeviationOfEpsilon() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try RecVAE(items: split.itemCount, hidden: 16, latent: 4, dropout: 0, seed: 3)
        let rows = SparseRows(split.train, rows: [0, 1, 2])
        var copy = model.noise
        let expected = try model.lossParts(rows, dropout: 0, latentNoise: copy.normal([3, 4], standardDeviation: 0.01)).loss.scalar
        model.latentNoiseScale = 0.01
        #expect(try model.lossParts(rows, dropout: 0).loss.scalar == expected)
        model.latentNoiseScale = 0
        #expect(try model.lossParts(rows, dropout: 0).loss.scalar
                == model.lossParts(rows, dropout: 0, latentNoise: Tensor(zeros: [3, 4])).loss.scalar)
    }

    @Test func compositePriorIsAMixtureDensity() throws {
        let model = try RecVAE(items: 5, hidden: 4, latent: 1, seed: 2)
        let rows = try UserItemMatrix(rowCount: 1, columnCount: 5, rows: [0, 0], columns: [1, 3], values: [1, 1])
        let input = try AutoencoderTraining.normalized(try SparseRows(rows).sparseInput(normalized: false, dropout: 0,
                                                                                       generator: &model.noise))
        // Integrate exp(log p(z)) over a grid: a density integrates to about 1.
        var total: Double = 0
        let step: Float = 0.05
        for index in -4000..<4000 {
            let z = Tensor(repeating: Float(index) * step, shape: [1, 1])
            total += Double(try model.logPrior(z, normalizedInput: input).exp().scalar) * Double(step)
        }
        // The wide component (σ² = e¹⁰ ≈ 148², weight 0.1) spills beyond ±200 a little.
        #expect(abs(total - 1) < 0.02)
    }

    @Test func lossDecreasesAndRanksBetterThanPopularity() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try RecVAE(items: split.itemCount, hidden: 32, latent: 8, gamma: 0.005, seed: 3)
        let history = try model.fit(split.train, validation: split.validation, epochs: 12, batchSize: 16,
                                    encoderOptimizer: Adam(learningRate: 3e-3), decoderOptimizer: Adam(learningRate: 3e-3),
                                    metrics: [.ndcg(10)])
        let losses = history.epochSeries("reconstruction")
        #expect(losses.last! < 0.9 * losses.first!)
        let popularity = try RecommenderTestData.popularityNDCG(split)
        #expect(try model.evaluate(split.test, metrics: [.ndcg(10)])[.ndcg(10)]! > popularity)
    }
}
