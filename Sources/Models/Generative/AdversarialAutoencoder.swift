// Adversarial Autoencoders — A. Makhzani, J. Shlens, N. Jaitly, I. Goodfellow and B. Frey, 2016
// (arXiv:1511.05644).
//
// A deterministic autoencoder z = q(x), x̂ = p(x | z), whose aggregated posterior q(z) is pushed
// towards a prior p(z) = N(0, I) by a GAN on the code: a discriminator D tells prior samples from
// encodings and the encoder, as the GAN's generator, learns to fool it (section 2, eq. 1):
//     min_q max_D  E_{z ~ p(z)}[log D(z)] + E_{x ~ data}[log(1 − D(q(x)))].
// Each mini-batch runs the paper's two phases, the second split in two (section 2):
//   1. reconstruction: encoder and decoder minimise −log p(x | q(x)), Bernoulli pixels, i.e. binary
//      cross-entropy with logits summed over pixels and averaged over images (as our VAE);
//   2. regularisation, discriminator: D minimises BCE(D(z_prior), 1) + BCE(D(q(x)), 0), each averaged;
//   3. regularisation, generator: the encoder minimises BCE(D(q(x)), 1) (the non-saturating form).
// Defaults follow the paper's MNIST setting: encoder, decoder and discriminator each with two hidden
// layers of 1,000 ReLU units and a linear code layer, an 8-dimensional code (its MNIST likelihood
// experiment); weights take PyTorch's default initialisation. The paper trains with gradient descent
// and momentum; `fit` defaults to Adam, with learning rate 1e-3 for the reconstruction (as our VAE)
// and 1e-4 for both adversarial phases, and takes any optimizer for each phase.
import Autograd
import NeuralNetworks

/// An adversarial autoencoder for grey-scale images (Makhzani et al., 2016): a deterministic
/// encoder, a Bernoulli decoder and a discriminator on the code that matches the codes to `N(0, I)`.
///
/// ```swift
/// let digits = try MNIST.loadDigits5k()
/// let split = try digits.shuffledSplit(testCount: 500, seed: 0)
/// let model = try AdversarialAutoencoder(latent: 8, seed: 7)
/// let history = try model.fit(split.train, validation: split.test, epochs: 10, batchSize: 100)
/// let terms = try model.evaluate(split.test)          // reconstruction nats, discriminator and generator losses
/// let samples = try model.sample(count: 16, seed: 1)  // [16, 784] mean images decoded from the prior
/// ```
public final class AdversarialAutoencoder: Module, ImageGenerativeModel {
    /// Image height in pixels.
    public let imageHeight: Int
    /// Image width in pixels.
    public let imageWidth: Int
    /// The number of code dimensions.
    public let latentCount: Int
    /// Images `[N, pixels]` to codes `[N, latentCount]` (hidden layers with ReLU, a linear code layer).
    let encoder: Sequential
    /// Codes `[N, latentCount]` to logits `[N, pixels]`.
    let decoder: Sequential
    /// Codes `[N, latentCount]` to one logit each `[N, 1]`: positive means "drawn from the prior".
    let discriminator: Sequential
    /// The source of prior samples and of shuffling in `fit`, seeded at creation.
    var generator: RandomGenerator

    /// Creates the model with PyTorch's default initialisation drawn from `seed`; `hidden` lists the
    /// hidden widths of the encoder (the decoder mirrors them) and `discriminatorHidden` those of the
    /// discriminator.
    ///
    /// - Parameters:
    ///   - imageHeight: Image height in pixels.
    ///   - imageWidth: Image width in pixels.
    ///   - latent: The number of code dimensions.
    ///   - hidden: Hidden ReLU widths of the encoder; the decoder mirrors them.
    ///   - discriminatorHidden: Hidden ReLU widths of the discriminator.
    ///   - seed: The seed of the weights, the prior samples and the shuffling.
    public init(
        imageHeight: Int = 28, imageWidth: Int = 28, latent: Int = 8, hidden: [Int] = [1_000, 1_000],
        discriminatorHidden: [Int] = [1_000, 1_000], seed: UInt64 = 0
    ) throws {
        guard imageHeight > 0, imageWidth > 0, latent > 0, !hidden.isEmpty, !discriminatorHidden.isEmpty,
              (hidden + discriminatorHidden).allSatisfy({ $0 > 0 }) else {
            throw ModelsError.invalidConfiguration(
                component: "AdversarialAutoencoder",
                reason: "image \(imageHeight)×\(imageWidth), latent \(latent), hidden \(hidden) and discriminatorHidden \(discriminatorHidden) must be positive and non-empty")
        }
        var weights = RandomGenerator(seed: seed)
        let pixels = try CheckedSize.product([imageHeight, imageWidth], component: "AdversarialAutoencoder", what: "the pixel count")
        encoder = try makePerceptron(widths: [pixels] + hidden + [latent], generator: &weights)
        decoder = try makePerceptron(widths: [latent] + hidden.reversed() + [pixels], generator: &weights)
        discriminator = try makePerceptron(widths: [latent] + discriminatorHidden + [1], generator: &weights)
        self.imageHeight = imageHeight
        self.imageWidth = imageWidth
        self.latentCount = latent
        generator = RandomGenerator(seed: seed, stream: 0x4141_45)
    }

    /// The codes `[N, latentCount]` of images `[N, pixels]` or `[N, 1, H, W]`.
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    public func encode(_ images: Tensor) throws -> Tensor {
        try encoder(flattenedImages(images, height: imageHeight, width: imageWidth, model: "AdversarialAutoencoder.encode"))
    }

    /// The decoder's logits `[N, pixels]` for codes `[N, latentCount]`.
    ///
    /// - Parameter latents: Codes `[N, latentCount]`.
    public func decode(_ latents: Tensor) throws -> Tensor {
        try decoder(checkedCodes(latents, operation: "AdversarialAutoencoder.decode"))
    }

    /// The discriminator's logits `[N, 1]` for codes `[N, latentCount]`: the log-odds that each was
    /// drawn from the prior rather than produced by the encoder.
    ///
    /// - Parameter latents: Codes `[N, latentCount]`, from the prior or the encoder.
    public func discriminate(_ latents: Tensor) throws -> Tensor {
        try discriminator(checkedCodes(latents, operation: "AdversarialAutoencoder.discriminate"))
    }

    /// Reconstructions `sigmoid(decode(encode(x)))` `[N, pixels]` in [0, 1], without recording gradients.
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    public func reconstruct(_ images: Tensor) throws -> Tensor {
        try withoutGradient { try decode(encode(images)).sigmoid() }
    }

    /// `count` mean images `[count, pixels]` decoded from `z ~ N(0, I)` drawn from a generator seeded with `seed`;
    /// throws when `count` is negative or the codes would not fit in memory.
    ///
    /// - Parameters:
    ///   - count: How many images, at least 0.
    ///   - seed: The seed of z ~ N(0, I).
    public func sample(count: Int, seed: UInt64 = 0) throws -> Tensor {
        try MemoryLimit.check([count, latentCount], operation: "AdversarialAutoencoder.sample(count: \(count))")
        var noise = RandomGenerator(seed: seed)
        return try withoutGradient { try decode(noise.normal([count, latentCount])).sigmoid() }
    }

    /// `latents` if they are `[N, latentCount]`.
    private func checkedCodes(_ latents: Tensor, operation: String) throws -> Tensor {
        guard latents.rank == 2, latents.shape[1] == latentCount else {
            throw ModelsError.invalidInput(operation: operation, reason: "expected codes [N, \(latentCount)], got \(latents.shape)")
        }
        return latents
    }
}

/// Linear layers through `widths` with ReLU between them and none after the last; throws as `Linear` does.
func makePerceptron(widths: [Int], generator: inout RandomGenerator) throws -> Sequential {
    var layers: [UnaryLayer] = []
    for index in 0..<(widths.count - 1) {
        if index > 0 { layers.append(ReLU()) }
        layers.append(try Linear(widths[index], widths[index + 1], generator: &generator))
    }
    return Sequential(layers)
}
