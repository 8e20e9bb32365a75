import Autograd
import NeuralNetworks

/// The losses of an ``AdversarialAutoencoder``'s three training phases for one step, an epoch or a
/// test set, each averaged over images.
public struct AdversarialAutoencoderLossTerms: Sendable, Equatable, CustomStringConvertible {
    /// `−log p(x | q(x))` with Bernoulli pixels: binary cross-entropy summed over pixels, in nats per image.
    public var reconstruction: Float
    /// The discriminator's loss `BCE(D(z_prior), 1) + BCE(D(q(x)), 0)`; `2 log 2 ≈ 1.386` when it cannot tell.
    public var discriminator: Float
    /// The encoder's adversarial loss `BCE(D(q(x)), 1)`; `log 2 ≈ 0.693` when the discriminator cannot tell.
    public var generator: Float

    /// Creates the terms from their values.
    ///
    /// - Parameters:
    ///   - reconstruction: The reconstruction loss in nats per image.
    ///   - discriminator: The discriminator's loss.
    ///   - generator: The encoder's adversarial loss.
    public init(reconstruction: Float, discriminator: Float, generator: Float) {
        self.reconstruction = reconstruction
        self.discriminator = discriminator
        self.generator = generator
    }

    /// The three values with their names.
    public var description: String {
        "reconstruction \(reconstruction) nats per image, discriminator \(discriminator), generator \(generator)"
    }
}

/// The differentiable loss of each phase (section 2 of Makhzani et al., 2016).
extension AdversarialAutoencoder {
    /// Phase 1: binary cross-entropy of `decode(encode(x))` against `x`, summed over pixels and
    /// averaged over the batch.
    func reconstructionLoss(_ images: Tensor) throws -> Tensor {
        let flat = try flattenedImages(images, height: imageHeight, width: imageWidth, model: "AdversarialAutoencoder")
        let logits = try decode(encode(flat))
        return try binaryCrossEntropy(logits: logits, targets: flat, reduction: .sum) / Float(Swift.max(flat.shape[0], 1))
    }

    /// Phase 2: `BCE(D(prior), 1) + BCE(D(codes), 0)`, each averaged over its rows. The codes are
    /// taken as constants, so only the discriminator's parameters get a gradient.
    func discriminatorLoss(codes: Tensor, prior: Tensor) throws -> Tensor {
        let real = try discriminate(prior), fake = try discriminate(codes.detached())
        return try binaryCrossEntropy(logits: real, targets: Tensor(ones: real.shape))
            + binaryCrossEntropy(logits: fake, targets: Tensor(zeros: fake.shape))
    }

    /// Phase 3: `BCE(D(encode(x)), 1)` averaged over the batch: the encoder learns to make its codes
    /// pass for prior samples.
    func generatorLoss(_ images: Tensor) throws -> Tensor {
        let fake = try discriminate(encode(images))
        return try binaryCrossEntropy(logits: fake, targets: Tensor(ones: fake.shape))
    }
}
