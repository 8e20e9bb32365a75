import Autograd
import Datasets
import Foundation
import NeuralNetworks
import Testing
@testable import Models

@Suite("AdversarialAutoencoder")
struct GenerativeAdversarialAutoencoderTests {
    /// A small model for 8×8 images.
    func makeModel(seed: UInt64 = 3) throws -> AdversarialAutoencoder {
        try AdversarialAutoencoder(imageHeight: 8, imageWidth: 8, latent: 2, hidden: [32, 16], discriminatorHidden: [16], seed: seed)
    }

    @Test("the default model has the paper's 784-1000-1000-8 shapes and its outputs have the expected shapes")
    func shapes() throws {
        let model = try AdversarialAutoencoder(seed: 1)
        let parameters = model.parameters()
        #expect(parameters["encoder.layers.0.weight"]?.shape == [1_000, 784])
        #expect(parameters["encoder.layers.4.weight"]?.shape == [8, 1_000])
        #expect(parameters["decoder.layers.0.weight"]?.shape == [1_000, 8])
        #expect(parameters["decoder.layers.4.weight"]?.shape == [784, 1_000])
        #expect(parameters["discriminator.layers.4.weight"]?.shape == [1, 1_000])
        let images = Tensor(repeating: 0.5, shape: [3, 784])
        #expect(try model.encode(images).shape == [3, 8])
        #expect(try model.reconstruct(images.reshaped(to: [3, 1, 28, 28])).shape == [3, 784])
        #expect(try model.discriminate(model.encode(images)).shape == [3, 1])
        #expect(try model.sample(count: 5, seed: 2).shape == [5, 784])
        #expect(throws: ModelsError.self) { try model.decode(Tensor(zeros: [2, 3])) }
        #expect(throws: ModelsError.self) { try AdversarialAutoencoder(latent: 0) }
        #expect(throws: ModelsError.self) { try AdversarialAutoencoder(hidden: []) }
    }

    @Test("the discriminator's and generator's losses are the binary cross-entropies of its logits")
    func adversarialLosses() throws {
        let model = try makeModel()
        let images = try GenerativeTestData.bars(count: 4).imageTensor()
        let codes = try model.encode(images)
        var noise = RandomGenerator(seed: 8)
        let prior = noise.normal([4, 2])
        func softplus(_ x: Float) -> Float { log(1 + exp(x)) }
        let real = try model.discriminate(prior).scalars, fake = try model.discriminate(codes).scalars
        let expectedDiscriminator = real.map { softplus(-$0) }.reduce(0, +) / 4 + fake.map { softplus($0) }.reduce(0, +) / 4
        let expectedGenerator = fake.map { softplus(-$0) }.reduce(0, +) / 4
        #expect(abs(try model.discriminatorLoss(codes: codes, prior: prior).scalar - expectedDiscriminator) < 1e-5)
        #expect(abs(try model.generatorLoss(images).scalar - expectedGenerator) < 1e-5)
    }

    @Test("each phase updates only its own networks")
    func phasesUpdateTheirNetworks() throws {
        let model = try makeModel()
        let images = try GenerativeTestData.bars(count: 8).imageTensor()
        let before = model.parameters()
        var noise = RandomGenerator(seed: 2)
        let prior = noise.normal([8, 2])
        _ = try model.trainingStep(images, prior: prior, reconstructionOptimizer: Adam(learningRate: 1e-3),
                                   discriminatorOptimizer: SGD(learningRate: 0), generatorOptimizer: SGD(learningRate: 0))
        let afterReconstruction = model.parameters()
        for (name, value) in afterReconstruction {
            #expect((value == before[name]!) == name.hasPrefix("discriminator."), "\(name)")
        }
        _ = try model.trainingStep(images, prior: prior, reconstructionOptimizer: SGD(learningRate: 0),
                                   discriminatorOptimizer: Adam(learningRate: 1e-3), generatorOptimizer: SGD(learningRate: 0))
        let afterDiscriminator = model.parameters()
        for (name, value) in afterDiscriminator {
            #expect((value == afterReconstruction[name]!) == !name.hasPrefix("discriminator."), "\(name)")
        }
        _ = try model.trainingStep(images, prior: prior, reconstructionOptimizer: SGD(learningRate: 0),
                                   discriminatorOptimizer: SGD(learningRate: 0), generatorOptimizer: Adam(learningRate: 1e-3))
        for (name, value) in model.parameters() {
            #expect((value == afterDiscriminator[name]!) == !name.hasPrefix("encoder."), "\(name)")
        }
    }

    @Test("training lowers the reconstruction loss on a tiny set and records every phase")
    func lossDecreases() throws {
        let data = try GenerativeTestData.bars(count: 32)
        let model = try makeModel()
        let before = try model.evaluate(data).reconstruction
        let history = try model.fit(data, validation: data, epochs: 15, batchSize: 8,
                                    reconstructionOptimizer: Adam(learningRate: 3e-3))
        let after = try model.evaluate(data)
        #expect(after.reconstruction < before)
        #expect(after.discriminator.isFinite && after.generator.isFinite)
        #expect(history.epochSeries("loss").count == 15)
        #expect(history.epochSeries("loss").last! < history.epochSeries("loss").first!)
        for series in ["reconstruction", "discriminator", "generator"] { #expect(history.stepSeries(series).count == 60) }
        #expect(history.epochSeries("validationDiscriminator").count == 15)
    }

    @Test("the same seed gives the same weights, history and samples")
    func determinism() throws {
        let data = try GenerativeTestData.bars(count: 16)
        func run(seed: UInt64) throws -> (TrainingHistory, Tensor, [String: Tensor]) {
            let model = try makeModel(seed: seed)
            let history = try model.fit(data, epochs: 2, batchSize: 4)
            return (history, try model.sample(count: 3, seed: 4), model.parameters())
        }
        let (firstHistory, firstSamples, firstWeights) = try run(seed: 9)
        let (secondHistory, secondSamples, secondWeights) = try run(seed: 9)
        #expect(firstHistory.steps == secondHistory.steps)
        #expect(firstSamples == secondSamples)
        #expect(firstWeights == secondWeights)
        #expect(try run(seed: 10).2 != firstWeights)
    }

    @Test("an interrupt stops at the next step with the model intact and usable")
    func interrupt() throws {
        let data = try GenerativeTestData.bars(count: 32)
        let model = try makeModel(seed: 4)
        var steps = 0
        var control = TrainingControl()
        control.onProgress = { _ in steps += 1 }
        control.isCancelled = { steps >= 3 }
        let history = try model.fit(data, epochs: 5, batchSize: 8, control: control)
        #expect(history.wasInterrupted)
        #expect(history.steps.count == 3)
        #expect(model.parameters().values.allSatisfy { $0.scalars.allSatisfy(\.isFinite) && !$0.isTracked })
        #expect(try model.evaluate(data).reconstruction.isFinite)
    }
}
