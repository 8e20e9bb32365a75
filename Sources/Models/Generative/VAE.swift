// Auto-Encoding Variational Bayes — D. P. Kingma and M. Welling, ICLR 2014 (arXiv:1312.6114).
//
// The model maximises the evidence lower bound (eq. 10, with the Gaussian KL of appendix B):
//     ELBO(x) = E_{q(z|x)}[log p(x | z)] − KL(q(z | x) ‖ N(0, I)),
//     q(z | x) = N(μ(x), diag σ²(x)),  z = μ + σ ⊙ ε,  ε ~ N(0, I)   (reparameterisation, eq. 4)
//     KL = −½ Σ_j (1 + log σ_j² − μ_j² − σ_j²).
// We minimise −ELBO per image, in nats. Defaults follow pytorch/examples `vae/main.py`:
// 784-400-20 with ReLU, separate linear heads for μ and log σ², a Bernoulli decoder whose
// reconstruction term is binary cross-entropy summed over pixels, Adam with learning rate 1e-3,
// batch 64 (the examples' batch is 128; our fidelity run uses 64), PyTorch's default initialisation.
// The convolutional variant encodes with conv 32 (4×4, stride 2) and conv 64 (4×4, stride 2)
// and decodes with the mirrored transposed convolutions.
import Autograd
import NeuralNetworks

/// The encoder and decoder networks of a ``VAE``.
public enum VAEArchitecture: Sendable, Equatable {
    /// One hidden layer of `hidden` ReLU units on each side (784-400-20 in the paper's MNIST runs).
    case multilayerPerceptron(hidden: Int)
    /// Conv 32 and conv 64 (4×4, stride 2, padding 1, ReLU) to the heads; the decoder mirrors it
    /// with transposed convolutions. Image sides must be multiples of 4.
    case convolutional
}

/// A variational autoencoder for grey-scale images (Kingma & Welling, 2014).
///
/// ```swift
/// let digits = try MNIST.loadDigits5k()
/// let split = try digits.split(trainCount: 4_500)
/// let model = try VAE(latent: 20, architecture: .multilayerPerceptron(hidden: 400), seed: 7)
/// let history = try model.fit(split.train, epochs: 10, batchSize: 64, optimizer: Adam(learningRate: 1e-3))
/// let terms = try model.evaluate(split.test)          // −ELBO, reconstruction, KL in nats per image
/// let samples = try model.sample(count: 16, seed: 1)  // [16, 784] mean images from the prior
/// ```
public final class VAE: Module, ImageGenerativeModel {
    /// Image height in pixels.
    public let imageHeight: Int
    /// Image width in pixels.
    public let imageWidth: Int
    /// The number of latent dimensions.
    public let latentCount: Int
    /// The encoder and decoder networks.
    public let architecture: VAEArchitecture
    /// The decoder's likelihood.
    public let likelihood: DecoderLikelihood
    /// Images `[N, pixels]` to features `[N, F]`.
    let encoder: Sequential
    /// Features to the posterior means μ.
    let meanHead: Linear
    /// Features to the posterior log-variances log σ².
    let logVarianceHead: Linear
    /// Latents `[N, latentCount]` to decoder outputs (logits) `[N, pixels]`.
    let decoder: Sequential
    /// The source of reparameterisation noise and of shuffling in `fit`, seeded at creation.
    var generator: RandomGenerator

    /// Creates the model with PyTorch's default initialisation drawn from `seed`.
    ///
    /// - Parameters:
    ///   - imageHeight: Image height in pixels.
    ///   - imageWidth: Image width in pixels.
    ///   - latent: The number of latent dimensions.
    ///   - architecture: `.multilayerPerceptron(hidden:)` or `.convolutional` (image sides multiples of 4).
    ///   - likelihood: The decoder's likelihood: `.bernoulli` or `.gaussian(standardDeviation:)`.
    ///   - seed: The seed of the weights, the reparameterisation noise and the shuffling.
    public init(
        imageHeight: Int = 28, imageWidth: Int = 28, latent: Int = 20,
        architecture: VAEArchitecture = .multilayerPerceptron(hidden: 400),
        likelihood: DecoderLikelihood = .bernoulli, seed: UInt64 = 0
    ) throws {
        guard imageHeight > 0, imageWidth > 0, latent > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "VAE", reason: "image \(imageHeight)×\(imageWidth) and latent \(latent) must be positive")
        }
        if case let .gaussian(standardDeviation) = likelihood, !(standardDeviation > 0) {
            throw ModelsError.invalidConfiguration(
                component: "VAE", reason: "the Gaussian decoder's standard deviation \(standardDeviation) must be positive")
        }
        var weights = RandomGenerator(seed: seed)
        let networks = try makeVAENetworks(
            architecture: architecture, height: imageHeight, width: imageWidth, inputExtra: 0, latentInput: latent,
            generator: &weights)
        self.imageHeight = imageHeight
        self.imageWidth = imageWidth
        self.latentCount = latent
        self.architecture = architecture
        self.likelihood = likelihood
        encoder = networks.encoder
        meanHead = try Linear(networks.featureCount, latent, generator: &weights)
        logVarianceHead = try Linear(networks.featureCount, latent, generator: &weights)
        decoder = networks.decoder
        generator = RandomGenerator(seed: seed, stream: 0x5641_45)
    }

    /// The posterior's mean and log-variance `[N, latentCount]` for images `[N, pixels]` or `[N, 1, H, W]`.
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    public func encode(_ images: Tensor) throws -> (mean: Tensor, logVariance: Tensor) {
        let features = try encoder(flattenedImages(images, height: imageHeight, width: imageWidth, model: "VAE.encode"))
        return (try meanHead(features), try logVarianceHead(features))
    }

    /// The decoder's output (logits, or the Gaussian mean before its sigmoid) `[N, pixels]` for latents `[N, latentCount]`.
    ///
    /// - Parameter latents: Latent points `[N, latentCount]`.
    public func decode(_ latents: Tensor) throws -> Tensor {
        guard latents.rank == 2, latents.shape[1] == latentCount else {
            throw ModelsError.invalidInput(
                operation: "VAE.decode", reason: "expected latents [N, \(latentCount)], got \(latents.shape)")
        }
        return try decoder(latents)
    }

    /// The loss of one batch with noise drawn from the model's generator.
    func batchLoss(_ images: Tensor, klWeight: Float = 1) throws -> VAEBatchLoss {
        let flat = try flattenedImages(images, height: imageHeight, width: imageWidth, model: "VAE")
        let (mean, logVariance) = try encode(flat)
        let noise = generator.normal(mean.shape)
        let latents = try reparameterize(mean: mean, logVariance: logVariance, noise: noise)
        return try vaeBatchLoss(decoderOutput: decode(latents), images: flat, mean: mean, logVariance: logVariance,
                                likelihood: likelihood, klWeight: klWeight)
    }

    /// The loss parts of `images` for one draw of `z` per image from a generator seeded with `seed`
    /// (so the same call gives the same numbers), without recording gradients.
    ///
    /// - Parameters:
    ///   - images: Images `[N, pixels]` or `[N, 1, H, W]`.
    ///   - seed: The seed of the draw of z.
    public func loss(_ images: Tensor, seed: UInt64 = 0) throws -> VAELossTerms {
        try withoutGradient {
            let saved = generator
            defer { generator = saved }
            generator = RandomGenerator(seed: seed, stream: 0x5641_45)
            return try batchLoss(images).terms
        }
    }
}

/// `z = μ + exp(½ log σ²) ⊙ ε`: the reparameterisation trick (Kingma & Welling, 2014, eq. 4).
func reparameterize(mean: Tensor, logVariance: Tensor, noise: Tensor) throws -> Tensor {
    try mean + (logVariance * 0.5).exp() * noise
}

/// The encoder to features, the decoder from latents, and the feature count, for either architecture.
/// `inputExtra` columns (a one-hot label) are appended to the flattened image before the encoder,
/// and the decoder reads `latentInput` columns (z, or z with the label appended).
func makeVAENetworks(
    architecture: VAEArchitecture, height: Int, width: Int, inputExtra: Int, latentInput: Int,
    generator: inout RandomGenerator
) throws -> (encoder: Sequential, decoder: Sequential, featureCount: Int) {
    let pixels = try CheckedSize.product([height, width], component: "VAE", what: "the pixel count")
    switch architecture {
    case let .multilayerPerceptron(hidden):
        guard hidden > 0 else {
            throw ModelsError.invalidConfiguration(component: "VAE", reason: "hidden \(hidden) must be positive")
        }
        let inputs = try CheckedSize.sum([pixels, inputExtra], component: "VAE", what: "the encoder's input width")
        let encoder = Sequential(try Linear(inputs, hidden, generator: &generator), ReLU())
        let decoder = Sequential(
            try Linear(latentInput, hidden, generator: &generator), ReLU(), try Linear(hidden, pixels, generator: &generator))
        return (encoder, decoder, hidden)
    case .convolutional:
        guard height % 4 == 0, width % 4 == 0, inputExtra == 0 else {
            throw ModelsError.invalidConfiguration(
                component: "VAE(architecture: .convolutional)",
                reason: "image sides \(height)×\(width) must be multiples of 4 and no label may be appended")
        }
        let (gridHeight, gridWidth) = (height / 4, width / 4)
        let featureCount = try CheckedSize.product([64, gridHeight, gridWidth], component: "VAE", what: "the feature count")
        let encoder = Sequential(
            Lambda { try $0.reshaped(to: [$0.shape[0], 1, height, width]) },
            try Conv2d(1, 32, kernelSize: 4, stride: 2, padding: 1, generator: &generator), ReLU(),
            try Conv2d(32, 64, kernelSize: 4, stride: 2, padding: 1, generator: &generator), ReLU(),
            Lambda { try $0.reshaped(to: [$0.shape[0], featureCount]) })
        let decoder = Sequential(
            try Linear(latentInput, featureCount, generator: &generator), ReLU(),
            Lambda { try $0.reshaped(to: [$0.shape[0], 64, gridHeight, gridWidth]) },
            try ConvTranspose2d(64, 32, kernelSize: 4, stride: 2, padding: 1, generator: &generator), ReLU(),
            try ConvTranspose2d(32, 1, kernelSize: 4, stride: 2, padding: 1, generator: &generator),
            Lambda { try $0.reshaped(to: [$0.shape[0], pixels]) })
        return (encoder, decoder, featureCount)
    }
}
