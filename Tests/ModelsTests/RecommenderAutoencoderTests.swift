import Foundation
import Testing
import Autograd
import Datasets
import NeuralNetworks
@testable import Models

@Suite("Multi-VAE, Multi-DAE")
struct RecommenderAutoencoderTests {
    @Test func shapes() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 1)
        let rows = try SparseRows(split.train, rows: [0, 1, 2]).sparseInput(normalized: true, dropout: 0, generator: &model.noise)
        let (mean, logVariance) = try model.encode(rows)
        #expect(mean.shape == [3, 4] && logVariance.shape == [3, 4])
        #expect(try model.decode(mean).shape == [3, split.itemCount])
        #expect(try model.scores(for: split.test.foldIn).count == split.test.userCount * split.itemCount)
        #expect(model.parameterNames.count == 8)
    }

    @Test func multiVAELossDecreasesAndRanksBetterThanChance() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount, hidden: 32, latent: 8, dropout: 0.2, seed: 2)
        let before = try model.evaluate(split.test, metrics: [.ndcg(10)])[.ndcg(10)]!
        let history = try model.fit(split.train, validation: split.validation, epochs: 40, batchSize: 16,
                                    optimizer: Adam(learningRate: 3e-3), annealing: .linear(cap: 0.2, steps: 1_000),
                                    metrics: [.ndcg(10)])
        let losses = history.epochSeries("reconstruction")
        #expect(losses.last! < 0.9 * losses.first!)
        #expect(history.epochSeries("NDCG@10").count == 40)
        #expect(history.stepSeries("beta").first == 0)
        #expect(history.stepSeries("beta").last! > 0)
        #expect(model.stepCount == history.steps.count)
        let after = try model.evaluate(split.test, metrics: [.ndcg(10)])[.ndcg(10)]!
        #expect(after > before + 0.1)
        #expect(try after > RecommenderTestData.popularityNDCG(split))
    }

    @Test func latentNoiseScaleSetsTheStandardDeviationOfEpsilon() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, dropout: 0, seed: 3)
        let rows = SparseRows(split.train, rows: [0, 1, 2])
        var copy = model.noise
        let expected = try model.lossParts(rows, beta: 0.1, latentNoise: copy.normal([3, 4], standardDeviation: 0.01)).loss.scalar
        model.latentNoiseScale = 0.01
        #expect(try model.lossParts(rows, beta: 0.1).loss.scalar == expected)
        model.latentNoiseScale = 0
        #expect(try model.lossParts(rows, beta: 0.1).loss.scalar
                == model.lossParts(rows, beta: 0.1, latentNoise: Tensor(zeros: [3, 4])).loss.scalar)
    }

    @Test func multiDAELossDecreases() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiDAE(items: split.itemCount, hidden: 16, seed: 3)
        let history = try model.fit(split.train, epochs: 30, batchSize: 16, optimizer: Adam(learningRate: 3e-3))
        let losses = history.epochSeries("loss")
        #expect(losses.last! < 0.9 * losses.first!)
        let popularity = try RecommenderTestData.popularityNDCG(split)
        #expect(try model.evaluate(split.test, metrics: [.ndcg(10)])[.ndcg(10)]! > popularity)
    }

    /// With a latent width (RecBole's MultiDAE), items → hidden → latent → hidden → items with tanh
    /// after every layer but the last; without one, the parameters are vae_cf's two layers.
    @Test func multiDAEWithALatentLayer() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let shallow = try MultiDAE(items: split.itemCount, hidden: 16, seed: 3)
        #expect(shallow.parameters().keys.sorted() == ["decoder.bias", "decoder.weight", "encoder.bias", "encoder.weight"])
        let deep = try MultiDAE(items: split.itemCount, hidden: 16, latent: 4, seed: 3)
        let shapes = deep.parameters().mapValues(\.shape)
        #expect(shapes["encoder.weight"] == [16, split.itemCount] && shapes["decoder.weight"] == [split.itemCount, 16])
        #expect(shapes["latentLayers.0.weight"] == [4, 16] && shapes["latentLayers.1.weight"] == [16, 4])
        deep.eval()
        var noise = RandomGenerator(seed: 1)
        let rows = try SparseRows(split.train, rows: [0, 1, 2]).sparseInput(normalized: true, dropout: 0, generator: &noise)
        let parameters = deep.parameters()
        func layer(_ name: String, _ x: Tensor) throws -> Tensor {
            try x.matmul(parameters["\(name).weight"]!, transposingOther: true) + parameters["\(name).bias"]!
        }
        var hidden = try layer("encoder", rows.densified()).tanh()
        hidden = try layer("latentLayers.1", layer("latentLayers.0", hidden).tanh()).tanh()
        #expect(isClose(try deep.reconstruct(rows).scalars, try layer("decoder", hidden).scalars, tolerance: 1e-5))
        let history = try deep.fit(split.train, epochs: 30, batchSize: 16, optimizer: Adam(learningRate: 3e-3))
        #expect(history.epochSeries("loss").last! < 0.9 * history.epochSeries("loss").first!)
        #expect(throws: ModelsError.self) { try MultiDAE(items: split.itemCount, hidden: 16, latent: 0) }
    }

    @Test(arguments: [Likelihood.gaussian, .logistic, .focal(alpha: 0.25, gamma: 2)])
    func everyLikelihoodTrains(_ likelihood: Likelihood) throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, likelihood: likelihood, seed: 4)
        let history = try model.fit(split.train, epochs: 15, batchSize: 16, optimizer: Adam(learningRate: 3e-3),
                                    annealing: .constant(0.1))
        let losses = history.epochSeries("reconstruction")
        #expect(losses.allSatisfy { $0.isFinite })
        #expect(losses.last! < losses.first!)
    }

    @Test func likelihoodsMatchTheirDefinitions() throws {
        let logits = try Tensor(rows: [[0.5, -1, 2], [0, 0, 1]])
        let targets = try Tensor(rows: [[1, 0, 1], [0, 1, 0]])
        func sigmoid(_ x: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
        var gaussian: Float = 0, logistic: Float = 0
        for (x, t) in zip(logits.scalars, targets.scalars) {
            gaussian += (x - t) * (x - t)
            logistic += -(t * Foundation.log(sigmoid(x)) + (1 - t) * Foundation.log(1 - sigmoid(x)))
        }
        let multinomial = try multinomialNegativeLogLikelihood(logits: logits, counts: targets).scalar
        #expect(abs(try Likelihood.gaussian.negativeLogLikelihood(logits: logits, targets: targets).scalar - gaussian / 2) < 1e-5)
        #expect(abs(try Likelihood.logistic.negativeLogLikelihood(logits: logits, targets: targets).scalar - logistic / 2) < 1e-5)
        #expect(try Likelihood.multinomial.negativeLogLikelihood(logits: logits, targets: targets).scalar == multinomial)
        #expect(throws: ModelsError.self) {
            _ = try Likelihood.gaussian.negativeLogLikelihood(logits: logits, targets: Tensor(zeros: [2, 2]))
        }
    }

    @Test func interruptStopsAtTheNextStepWithParametersIntact() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 5)
        var afterEachStep: [[String: Tensor]] = []
        let control = TrainingControl(isCancelled: { afterEachStep.count == 3 },
                                      onProgress: { _ in afterEachStep.append(model.parameters()) })
        let history = try model.fit(split.train, epochs: 10, batchSize: 16, control: control)
        #expect(history.wasInterrupted)
        #expect(history.steps.count == 3)
        #expect(model.stepCount == 3)
        #expect(model.parameters() == afterEachStep[2])
        #expect(afterEachStep[1] != afterEachStep[2])
        // Training can go on from where it stopped.
        let more = try model.fit(split.train, epochs: 1, batchSize: 16)
        #expect(!more.wasInterrupted && model.stepCount > 3)
    }

    @Test func sameSeedSameNumbers() throws {
        let split = try RecommenderTestData.heldOutSplit()
        func run() throws -> (TrainingHistory, [String: Tensor]) {
            let model = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 6)
            let history = try model.fit(split.train, validation: split.validation, epochs: 3, batchSize: 16)
            return (history, model.parameters())
        }
        let (first, firstParameters) = try run()
        let (second, secondParameters) = try run()
        #expect(first.steps == second.steps)
        #expect(first.epochs == second.epochs)
        #expect(firstParameters == secondParameters)
        let other = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 7)
        #expect(other.parameters() != (try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 6)).parameters())
    }

    @Test func earlyStoppingOnValidationNDCG() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiDAE(items: split.itemCount, hidden: 16, seed: 8)
        var control = TrainingControl()
        control.earlyStopping = EarlyStopping(metric: "NDCG@10", patience: 2)
        let history = try model.fit(split.train, validation: split.validation, epochs: 60, batchSize: 16,
                                    optimizer: Adam(learningRate: 1e-2), metrics: [.ndcg(10)], control: control)
        let best = history.bestEpoch!
        let validation = history.epochSeries("NDCG@10")
        #expect(validation[best - 1] == validation.max())
        let restored = try model.evaluate(split.validation, metrics: [.ndcg(10)])[.ndcg(10)]!
        #expect(abs(restored - validation[best - 1]) < 1e-9)
    }

    @Test func rejectsDataOfAnotherWidth() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount + 1, hidden: 8, latent: 2)
        #expect(throws: ModelsError.self) { try model.fit(split.train, epochs: 1) }
        #expect(throws: ModelsError.self) { _ = try MultiVAE(items: 10, dropout: 1) }
    }
}
