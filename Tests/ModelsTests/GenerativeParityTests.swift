import Autograd
import NeuralNetworks
import Testing
@testable import Models

/// One training step of a tiny MLP VAE against PyTorch (GenerativeParityFixture.swift, written by
/// `scripts/reference_generative.py fixture`): same weights, inputs and noise give the same loss
/// parts, gradients and Adam update.
@Suite("VAE parity with PyTorch")
struct GenerativeParityTests {
    typealias Fixture = GenerativeParityFixture

    /// A 6-4-2 VAE holding the fixture's initial weights.
    func makeModel() throws -> VAE {
        let model = try VAE(imageHeight: 2, imageWidth: 3, latent: Fixture.latent,
                            architecture: .multilayerPerceptron(hidden: Fixture.hidden), seed: 0)
        var parameters: [String: Tensor] = [:]
        for (name, entry) in Fixture.initial { parameters[name] = try Tensor(shape: entry.shape, scalars: entry.values) }
        try model.update(parameters: parameters, requiringAll: true)
        return model
    }

    /// The loss of the fixture's batch with its noise.
    func loss(of model: VAE) throws -> VAEBatchLoss {
        let images = try Tensor(shape: [Fixture.batch, Fixture.pixels], scalars: Fixture.images)
        let (mean, logVariance) = try model.encode(images)
        let latents = try reparameterize(mean: mean, logVariance: logVariance,
                                         noise: Tensor(shape: [Fixture.batch, Fixture.latent], scalars: Fixture.noise))
        return try vaeBatchLoss(decoderOutput: model.decode(latents), images: images, mean: mean,
                                logVariance: logVariance, likelihood: .bernoulli, klWeight: 1)
    }

    @Test("loss parts, gradients and one Adam step match PyTorch")
    func oneStep() throws {
        let model = try makeModel()
        let terms = try loss(of: model).terms
        #expect(abs(terms.negativeELBO - Fixture.loss) < 1e-4)
        #expect(abs(terms.reconstruction - Fixture.reconstruction) < 1e-4)
        #expect(abs(terms.klDivergence - Fixture.klDivergence) < 1e-5)
        let (_, gradients) = try valueAndGradient(of: model) { model in try loss(of: model).loss }
        for (name, entry) in Fixture.gradients {
            let gradient = try #require(gradients[name])
            #expect(gradient.shape == entry.shape)
            #expect(isClose(gradient.scalars, entry.values, tolerance: 1e-4), "gradient of \(name)")
        }
        try Adam(learningRate: 1e-3).update(model, along: gradients)
        let updated = model.parameters()
        for (name, entry) in Fixture.updated {
            #expect(isClose(updated[name]!.scalars, entry.values, tolerance: 1e-5), "\(name) after one step")
        }
    }
}
