import Autograd
import NeuralNetworks
import Testing
@testable import Models

/// Two training steps of a tiny adversarial autoencoder against PyTorch
/// (GenerativeAdversarialAutoencoderParityFixture.swift, written by
/// `scripts/reference_generative.py aae-fixture`): same weights, images and prior samples give the
/// same reconstruction gradients, the same three losses per step and the same weights afterwards
/// (two Adam steps, so gradient magnitudes matter, not only their signs).
@Suite("AdversarialAutoencoder parity with PyTorch")
struct GenerativeAdversarialAutoencoderParityTests {
    typealias Fixture = AdversarialAutoencoderParityFixture

    /// A 6-(4, 3)-2 model with a 2-3-1 discriminator holding the fixture's initial weights.
    func makeModel() throws -> AdversarialAutoencoder {
        let model = try AdversarialAutoencoder(imageHeight: 2, imageWidth: 3, latent: Fixture.latent, hidden: Fixture.hidden,
                                               discriminatorHidden: Fixture.discriminatorHidden, seed: 0)
        var parameters: [String: Tensor] = [:]
        for (name, entry) in Fixture.initial { parameters[name] = try Tensor(shape: entry.shape, scalars: entry.values) }
        try model.update(parameters: parameters, requiringAll: true)
        return model
    }

    @Test("reconstruction gradients, the three losses of two steps and the weights after them match PyTorch")
    func twoSteps() throws {
        let model = try makeModel()
        let images = try Tensor(shape: [Fixture.batch, Fixture.pixels], scalars: Fixture.images)
        let (_, gradients) = try valueAndGradient(of: model) { try $0.reconstructionLoss(images) }
        for (name, expected) in Fixture.reconstructionGradients {
            #expect(isClose(gradients[name]?.scalars ?? [], expected.values, tolerance: 1e-4), "\(name)")
        }
        let optimizers = (Adam(learningRate: 1e-3), Adam(learningRate: 1e-4), Adam(learningRate: 1e-4))
        for (prior, expected) in zip(Fixture.priors, Fixture.losses) {
            let terms = try model.trainingStep(
                images, prior: Tensor(shape: [Fixture.batch, Fixture.latent], scalars: prior),
                reconstructionOptimizer: optimizers.0, discriminatorOptimizer: optimizers.1, generatorOptimizer: optimizers.2)
            #expect(isClose([terms.reconstruction, terms.discriminator, terms.generator], expected, tolerance: 1e-5))
        }
        let parameters = model.parameters()
        for (name, expected) in Fixture.updated {
            #expect(isClose(parameters[name]?.scalars ?? [], expected.values, tolerance: 1e-5), "\(name)")
        }
    }
}
