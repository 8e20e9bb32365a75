import Autograd
import Datasets
import Foundation
import NeuralNetworks
import Testing
@testable import Models

@Suite("VAE and ConditionalVAE")
struct GenerativeVAETests {
    @Test("the MLP VAE has the 784-400-20 shapes and its outputs have the expected shapes")
    func mlpShapes() throws {
        let model = try VAE(seed: 1)
        #expect(model.parameters()["encoder.layers.0.weight"]?.shape == [400, 784])
        #expect(model.parameters()["meanHead.weight"]?.shape == [20, 400])
        #expect(model.parameters()["logVarianceHead.weight"]?.shape == [20, 400])
        #expect(model.parameters()["decoder.layers.2.weight"]?.shape == [784, 400])
        let images = Tensor(repeating: 0.5, shape: [3, 784])
        let (mean, logVariance) = try model.encode(images)
        #expect(mean.shape == [3, 20] && logVariance.shape == [3, 20])
        #expect(try model.reconstruct(images).shape == [3, 784])
        #expect(try model.sample(count: 5, seed: 2).shape == [5, 784])
        #expect(try model.sample(count: 0).shape == [0, 784])
        #expect(throws: AutogradError.invalidShape(operation: "VAE.sample(count: -3)", shape: [-3, 20], reason: "sizes cannot be negative")) {
            try model.sample(count: -3)
        }
        #expect(throws: AutogradError.self) { try model.sample(count: 1 << 40) }
        let traversal = try model.traversal(of: Tensor(repeating: 0.5, shape: [1, 784]), dimensions: [0, 3], values: [-1, 0, 1])
        #expect(traversal.shape == [6, 784])
        #expect(throws: ModelsError.self) { try model.latentGrid(values: [0, 1]) }
    }

    @Test("the convolutional VAE and the 2-D latent give images, latent points and a grid")
    func convolutionalShapes() throws {
        let model = try VAE(imageHeight: 8, imageWidth: 8, latent: 2, architecture: .convolutional, seed: 1)
        let images = try GenerativeTestData.bars(count: 4).imageTensor()
        #expect(try model.latentMeans(images).shape == [4, 2])
        #expect(try model.reconstruct(images.reshaped(to: [4, 1, 8, 8])).shape == [4, 64])
        #expect(try model.latentGrid(values: [-1, 0, 1]).shape == [9, 64])
        let tooMany = [Float](repeating: 0, count: 200_000)   // a 200,000² grid of points: 320 GB
        #expect(throws: AutogradError.self) { try model.latentGrid(values: tooMany) }
        #expect(throws: AutogradError.self) {
            try model.traversal(of: images.sliced(alongAxis: 0, range: 0..<1), dimensions: Array(repeating: 0, count: 200_000), values: tooMany)
        }
        #expect(throws: ModelsError.self) { try VAE(imageHeight: 10, imageWidth: 10, architecture: .convolutional) }
    }

    @Test("the loss parts add up and match a hand computation of the KL term")
    func lossParts() throws {
        let model = try VAE(imageHeight: 8, imageWidth: 8, latent: 3, architecture: .multilayerPerceptron(hidden: 16), seed: 2)
        let images = try GenerativeTestData.bars(count: 8).imageTensor()
        let terms = try model.loss(images, seed: 5)
        #expect(abs(terms.negativeELBO - (terms.reconstruction + terms.klDivergence)) < 1e-3)
        let (mean, logVariance) = try model.encode(images)
        var kl: Float = 0
        for (m, v) in zip(mean.scalars, logVariance.scalars) { kl += -0.5 * (1 + v - m * m - exp(v)) }
        #expect(abs(terms.klDivergence - kl / 8) < 1e-4)
        #expect(try model.loss(images, seed: 5) == terms)
        #expect(terms.reconstruction > 0 && terms.klDivergence >= 0)
    }

    @Test("the Gaussian decoder's reconstruction term is the Gaussian negative log-likelihood")
    func gaussianReconstruction() throws {
        let output = try Tensor(shape: [1, 2], scalars: [0, 2])
        let images = try Tensor(shape: [1, 2], scalars: [0.5, 1])
        let sigma: Float = 0.5
        let term = try reconstructionTerm(decoderOutput: output, images: images, likelihood: .gaussian(standardDeviation: sigma))
        let means: [Float] = [0.5, 1 / (1 + exp(-2))]
        var expected: Float = 0
        let constant: Float = log(sigma) + 0.5 * log(2 * Float.pi)
        for (mu, x) in zip(means, [Float(0.5), 1]) {
            let standardized: Float = (x - mu) / sigma
            expected += 0.5 * standardized * standardized + constant
        }
        #expect(abs(term.scalar - expected) < 1e-5)
    }

    @Test("training the MLP VAE and the Gaussian conv VAE lowers the loss on a tiny set")
    func lossDecreases() throws {
        let data = try GenerativeTestData.bars(count: 32)
        for model in [try VAE(imageHeight: 8, imageWidth: 8, latent: 4, architecture: .multilayerPerceptron(hidden: 32), seed: 3),
                      try VAE(imageHeight: 8, imageWidth: 8, latent: 4, architecture: .convolutional,
                              likelihood: .gaussian(standardDeviation: 0.3), seed: 3)] {
            let before = try model.evaluate(data).negativeELBO
            let history = try model.fit(data, validation: data, epochs: 15, batchSize: 8, optimizer: Adam(learningRate: 3e-3))
            let after = try model.evaluate(data).negativeELBO
            #expect(after < before)
            #expect(history.epochSeries("loss").count == 15)
            #expect(history.epochSeries("loss").last! < history.epochSeries("loss").first!)
            #expect(history.stepSeries("kl").count == 60 && history.stepSeries("reconstruction").count == 60)
            #expect(history.epochSeries("validationLoss").count == 15)
        }
    }

    @Test("the same seed gives the same weights, history and samples")
    func determinism() throws {
        let data = try GenerativeTestData.bars(count: 16)
        func run() throws -> (TrainingHistory, Tensor, [String: Tensor]) {
            let model = try VAE(imageHeight: 8, imageWidth: 8, latent: 2, architecture: .multilayerPerceptron(hidden: 8), seed: 9)
            let history = try model.fit(data, epochs: 2, batchSize: 4)
            return (history, try model.sample(count: 3, seed: 4), model.parameters())
        }
        let (firstHistory, firstSamples, firstWeights) = try run()
        let (secondHistory, secondSamples, secondWeights) = try run()
        #expect(firstHistory.steps == secondHistory.steps)
        #expect(firstSamples == secondSamples)
        #expect(firstWeights == secondWeights)
        let other = try VAE(imageHeight: 8, imageWidth: 8, latent: 2, architecture: .multilayerPerceptron(hidden: 8), seed: 10)
        #expect(other.parameters() != firstWeights)
    }

    @Test("an interrupt stops at the next step with the model intact and usable")
    func interrupt() throws {
        let data = try GenerativeTestData.bars(count: 32)
        let model = try VAE(imageHeight: 8, imageWidth: 8, latent: 2, architecture: .multilayerPerceptron(hidden: 8), seed: 4)
        var steps = 0
        var control = TrainingControl()
        control.onProgress = { _ in steps += 1 }
        control.isCancelled = { steps >= 3 }
        let history = try model.fit(data, epochs: 5, batchSize: 8, control: control)
        #expect(history.wasInterrupted)
        #expect(history.steps.count == 3)
        #expect(model.parameters().values.allSatisfy { $0.scalars.allSatisfy(\.isFinite) && !$0.isTracked })
        #expect(try model.evaluate(data).negativeELBO.isFinite)
    }

    @Test("the conditional VAE conditions on labels and samples each class")
    func conditional() throws {
        let data = try GenerativeTestData.bars(count: 32)
        let model = try ConditionalVAE(imageHeight: 8, imageWidth: 8, classCount: 4, latent: 2, hidden: 32, seed: 5)
        #expect(model.parameters()["encoder.layers.0.weight"]?.shape == [32, 68])
        #expect(model.parameters()["decoder.layers.0.weight"]?.shape == [32, 6])
        let before = try model.evaluate(data).negativeELBO
        let history = try model.fit(data, epochs: 15, batchSize: 8, optimizer: Adam(learningRate: 3e-3))
        #expect(try model.evaluate(data).negativeELBO < before)
        #expect(history.epochSeries("kl").count == 15)
        let samples = try model.sample(classes: [0, 1, 2, 3], seed: 1)
        #expect(samples.shape == [4, 64])
        let images = try data.imageTensor([0, 1])
        #expect(try model.reconstruct(images, labels: [0, 1]).shape == [2, 64])
        #expect(throws: ModelsError.self) { try model.sample(classes: [4]) }
        #expect(throws: ModelsError.self) { try model.encode(images, labels: [0]) }
    }

    @Test("a batch size or epoch count near Int.max trains (or counts its steps) without overflowing")
    func extremeBatchSizeAndEpochCount() throws {
        let data = try GenerativeTestData.bars(count: 6)
        let model = try VAE(imageHeight: 8, imageWidth: 8, latent: 2, architecture: .multilayerPerceptron(hidden: 4), seed: 1)
        let history = try model.fit(data, epochs: 1, batchSize: .max, optimizer: Adam(learningRate: 1e-3))
        #expect(history.steps.count == 1)
        var totals: [Int] = []
        let stopAfterOneStep = TrainingControl(isCancelled: { !totals.isEmpty }, onProgress: { totals.append($0.totalSteps) })
        let interrupted = try model.fit(data, epochs: .max, batchSize: 4, optimizer: Adam(learningRate: 1e-3), control: stopAfterOneStep)
        #expect(interrupted.wasInterrupted && totals == [Int.max])
    }
}
