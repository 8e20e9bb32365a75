// Learning Structured Output Representation using Deep Conditional Generative Models —
// K. Sohn, H. Lee and X. Yan, NeurIPS 2015; here in the simplest form of Kingma et al.'s M2
// ("Semi-Supervised Learning with Deep Generative Models", NeurIPS 2014) with observed labels.
//
// The label y (one-hot) conditions both networks, and the bound is
//     log p(x | y) ≥ E_{q(z|x,y)}[log p(x | z, y)] − KL(q(z | x, y) ‖ N(0, I)),
// with q(z | x, y) = N(μ([x, y]), diag σ²([x, y])) and the decoder reading [z, y]. Defaults follow the
// MLP VAE (784-400-20, ReLU, Bernoulli decoder, Adam 1e-3); the one-hot label is concatenated to
// the flattened image before the encoder and to z before the decoder.
import Autograd
import NeuralNetworks

/// A conditional VAE: a ``VAE`` whose encoder and decoder also read the image's class, so that
/// fixing the class and sampling z draws images of that class.
///
/// ```swift
/// let model = try ConditionalVAE(classCount: 10, latent: 20, seed: 7)
/// let history = try model.fit(split.train, epochs: 10, batchSize: 64)
/// let sevens = try model.sample(classes: Array(repeating: 7, count: 8), seed: 1)   // [8, 784]
/// ```
public final class ConditionalVAE: Module, ImageGenerativeModel {
    /// Image height in pixels.
    public let imageHeight: Int
    /// Image width in pixels.
    public let imageWidth: Int
    /// The number of latent dimensions.
    public let latentCount: Int
    /// The number of classes (the one-hot width).
    public let classCount: Int
    /// The decoder's likelihood.
    public let likelihood: DecoderLikelihood
    /// `[image, one-hot]` to features.
    let encoder: Sequential
    /// Features to the posterior means μ.
    let meanHead: Linear
    /// Features to the posterior log-variances log σ².
    let logVarianceHead: Linear
    /// `[z, one-hot]` to decoder outputs `[N, pixels]`.
    let decoder: Sequential
    /// The source of reparameterisation noise and of shuffling in `fit`, seeded at creation.
    var generator: RandomGenerator

    /// Creates the model (an MLP of `hidden` ReLU units on each side) from `seed`.
    ///
    /// - Parameters:
    ///   - imageHeight: Image height in pixels.
    ///   - imageWidth: Image width in pixels.
    ///   - classCount: The number of classes (the one-hot width).
    ///   - latent: The number of latent dimensions.
    ///   - hidden: Hidden ReLU units on each side.
    ///   - likelihood: The decoder's likelihood: `.bernoulli` or `.gaussian(standardDeviation:)`.
    ///   - seed: The seed of the weights, the reparameterisation noise and the shuffling.
    public init(
        imageHeight: Int = 28, imageWidth: Int = 28, classCount: Int = 10, latent: Int = 20, hidden: Int = 400,
        likelihood: DecoderLikelihood = .bernoulli, seed: UInt64 = 0
    ) throws {
        guard imageHeight > 0, imageWidth > 0, latent > 0, classCount > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "ConditionalVAE",
                reason: "image \(imageHeight)×\(imageWidth), latent \(latent) and classCount \(classCount) must be positive")
        }
        var weights = RandomGenerator(seed: seed)
        let networks = try makeVAENetworks(
            architecture: .multilayerPerceptron(hidden: hidden), height: imageHeight, width: imageWidth,
            inputExtra: classCount,
            latentInput: try CheckedSize.sum([latent, classCount], component: "ConditionalVAE", what: "the decoder's input width"),
            generator: &weights)
        self.imageHeight = imageHeight
        self.imageWidth = imageWidth
        self.latentCount = latent
        self.classCount = classCount
        self.likelihood = likelihood
        encoder = networks.encoder
        meanHead = try Linear(hidden, latent, generator: &weights)
        logVarianceHead = try Linear(hidden, latent, generator: &weights)
        decoder = networks.decoder
        generator = RandomGenerator(seed: seed, stream: 0x4356_4145)
    }

    /// The posterior's mean and log-variance `[N, latentCount]` for images and their class labels.
    ///
    /// - Parameters:
    ///   - images: Images `[N, pixels]` or `[N, 1, H, W]`.
    ///   - labels: The class of each image, in `0..<classCount`.
    public func encode(_ images: Tensor, labels: [Int]) throws -> (mean: Tensor, logVariance: Tensor) {
        let flat = try flattenedImages(images, height: imageHeight, width: imageWidth, model: "ConditionalVAE.encode")
        try checkLabels(labels, count: flat.shape[0])
        let features = try encoder(Tensor.concatenated([flat, oneHot(labels, classCount: classCount)], alongAxis: 1))
        return (try meanHead(features), try logVarianceHead(features))
    }

    /// The decoder's output `[N, pixels]` for latents `[N, latentCount]` and class labels.
    ///
    /// - Parameters:
    ///   - latents: Latent points `[N, latentCount]`.
    ///   - labels: The class of each row, in `0..<classCount`.
    public func decode(_ latents: Tensor, labels: [Int]) throws -> Tensor {
        guard latents.rank == 2, latents.shape[1] == latentCount else {
            throw ModelsError.invalidInput(
                operation: "ConditionalVAE.decode", reason: "expected latents [N, \(latentCount)], got \(latents.shape)")
        }
        try checkLabels(labels, count: latents.shape[0])
        return try decoder(Tensor.concatenated([latents, oneHot(labels, classCount: classCount)], alongAxis: 1))
    }

    /// The loss of one batch with noise drawn from the model's generator.
    func batchLoss(_ images: Tensor, labels: [Int], klWeight: Float = 1) throws -> VAEBatchLoss {
        let flat = try flattenedImages(images, height: imageHeight, width: imageWidth, model: "ConditionalVAE")
        let (mean, logVariance) = try encode(flat, labels: labels)
        let latents = try reparameterize(mean: mean, logVariance: logVariance, noise: generator.normal(mean.shape))
        return try vaeBatchLoss(decoderOutput: decode(latents, labels: labels), images: flat, mean: mean,
                                logVariance: logVariance, likelihood: likelihood, klWeight: klWeight)
    }

    /// Reconstructions of labelled images decoded from the posterior mean μ, `[N, pixels]` in [0, 1].
    ///
    /// - Parameters:
    ///   - images: Images `[N, pixels]` or `[N, 1, H, W]`.
    ///   - labels: The class of each image, in `0..<classCount`.
    public func reconstruct(_ images: Tensor, labels: [Int]) throws -> Tensor {
        try withoutGradient { decodedMean(try decode(encode(images, labels: labels).mean, labels: labels)) }
    }

    /// One image per entry of `classes`, decoded from `z ~ N(0, I)` drawn with `seed`, `[N, pixels]`.
    /// For a class-conditional grid, repeat each class: `(0..<10).flatMap { Array(repeating: $0, count: 8) }`.
    ///
    /// - Parameters:
    ///   - classes: The class of each image to draw, in `0..<classCount`.
    ///   - seed: The seed of z ~ N(0, I).
    public func sample(classes: [Int], seed: UInt64 = 0) throws -> Tensor {
        var noise = RandomGenerator(seed: seed)
        let latents = noise.normal([classes.count, latentCount])
        return try withoutGradient { decodedMean(try decode(latents, labels: classes)) }
    }

    /// Throws unless there is one label per image and each lies in `0..<classCount`.
    private func checkLabels(_ labels: [Int], count: Int) throws {
        guard labels.count == count else {
            throw ModelsError.invalidInput(
                operation: "ConditionalVAE", reason: "\(labels.count) labels for \(count) images")
        }
        if let bad = labels.first(where: { $0 < 0 || $0 >= classCount }) {
            throw ModelsError.invalidInput(
                operation: "ConditionalVAE", reason: "label \(bad) is outside 0..<\(classCount)")
        }
    }
}
