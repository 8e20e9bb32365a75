import Autograd
import Datasets
import NeuralNetworks

/// Multi-VAE: a variational autoencoder over a user's item interactions with a multinomial
/// likelihood.
///
/// Dawen Liang, Rahul G. Krishnan, Matthew D. Hoffman, Tony Jebara. "Variational Autoencoders for
/// Collaborative Filtering." WWW 2018.
///
/// For a user's interaction row `x` (L2-normalised, then input dropout), the encoder gives
/// `μ, log σ² = W₂ tanh(W₁ x̃ + b₁) + b₂`; in training `z = μ + σ ⊙ ε`, ε ~ N(0, I), in evaluation
/// `z = μ`; the decoder gives logits `f(z) = W₄ tanh(W₃ z + b₃) + b₄`. Training maximises the
/// annealed ELBO of eq. (7), i.e. minimises per batch
/// `−(1/B) Σ_u Σ_i x_ui log softmax(f(z_u))_i + β · (1/B) Σ_u KL(q(z_u | x_u) ‖ N(0, I))`,
/// with the KL summed over the latent dimensions and β from an ``Annealing`` per gradient step.
///
/// Defaults follow the reference code (dawenl/vae_cf): one hidden layer of 600 tanh units, a
/// 200-dimensional latent, input keep probability 0.5, Adam at 1e-3, batch 500 (100 on ML-100K),
/// β annealed as `min(0.2, step / 200,000)`, Xavier-uniform weights and N(0, 0.001²) truncated biases.
/// The first layer multiplies the sparse input rows directly (CSR × dense).
///
/// ```swift
/// let model = try MultiVAE(items: split.itemCount, hidden: 600, latent: 200, dropout: 0.5, seed: 7)
/// let history = try model.fit(split.train, validation: split.validation, epochs: 50, batchSize: 100,
///                             annealing: .linear(cap: 0.2, steps: 20_000))
/// let report = try model.evaluate(split.test, metrics: [.ndcg(100), .recall(20), .recall(50)])
/// ```
public final class MultiVAE: Module {
    /// The number of items (input and output width).
    public let itemCount: Int
    /// The width of the hidden tanh layer of the encoder and of the decoder.
    public let hiddenCount: Int
    /// The dimension of the latent code z.
    public let latentCount: Int
    /// The input dropout probability in training (1 − vae_cf's keep_prob).
    public let dropout: Float
    /// How reconstructions are scored (multinomial in the paper).
    public var likelihood: Likelihood
    /// The standard deviation of the reparameterisation noise ε in training: 1 in the paper and
    /// vae_cf; RecBole's MultiVAE draws ε ~ N(0, 0.01²).
    public var latentNoiseScale: Double = 1
    /// Gradient steps taken so far over all `fit` calls (what the annealing schedule reads).
    public private(set) var stepCount = 0

    /// Items → hidden (applied to sparse rows).
    let encoderHidden: Linear
    /// Hidden → [μ, log σ²].
    let encoderOutput: Linear
    /// Latent → hidden.
    let decoderHidden: Linear
    /// Hidden → item logits.
    let decoderOutput: Linear
    /// Draws input-dropout masks and reparameterisation noise.
    var noise: RandomGenerator
    /// Shuffles the training users each epoch.
    var shuffler: SeededGenerator

    /// Creates a Multi-VAE over `items` items with Xavier-uniform weights from `seed`.
    ///
    /// - Parameters:
    ///   - items: The number of items (columns of the user–item matrix).
    ///   - hidden: Units in the hidden tanh layer of the encoder and of the decoder.
    ///   - latent: The dimension of the latent code z.
    ///   - dropout: Input dropout probability in training, in [0, 1) (1 − vae_cf's keep_prob).
    ///   - likelihood: The reconstruction likelihood; `.multinomial` as in the paper.
    ///   - seed: The seed of the weights, the noise and the shuffling of users.
    public init(items: Int, hidden: Int = 600, latent: Int = 200, dropout: Double = 0.5,
                likelihood: Likelihood = .multinomial, seed: UInt64 = 0) throws {
        guard items > 0, hidden > 0, latent > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "MultiVAE", reason: "items, hidden and latent must be positive, got \(items), \(hidden), \(latent)")
        }
        guard (0..<1).contains(dropout) else {
            throw ModelsError.invalidConfiguration(component: "MultiVAE", reason: "dropout must be in [0, 1), got \(dropout)")
        }
        itemCount = items
        hiddenCount = hidden
        latentCount = latent
        self.dropout = Float(dropout)
        self.likelihood = likelihood
        var generator = RandomGenerator(seed: seed)
        let weights = Initializer.xavierUniform()
        let biases = Initializer.truncatedNormal(standardDeviation: 0.001)
        encoderHidden = try Linear(items, hidden, weightInitializer: weights, biasInitializer: biases, generator: &generator)
        let heads = try CheckedSize.product([2, latent], component: "MultiVAE", what: "the encoder's output width")
        encoderOutput = try Linear(hidden, heads, weightInitializer: weights, biasInitializer: biases, generator: &generator)
        decoderHidden = try Linear(latent, hidden, weightInitializer: weights, biasInitializer: biases, generator: &generator)
        decoderOutput = try Linear(hidden, items, weightInitializer: weights, biasInitializer: biases, generator: &generator)
        noise = RandomGenerator(seed: seed, stream: 0x5EED_0F_D20)
        shuffler = SeededGenerator(seed: seed &+ 1)
        super.init()
    }

    /// The posterior's mean and log-variance, each `[users, latent]`, for already normalised
    /// (and, in training, dropped-out) sparse rows.
    ///
    /// - Parameter input: Normalised (in training, dropped-out) sparse interaction rows `[users, items]`.
    public func encode(_ input: SparseMatrix) throws -> (mean: Tensor, logVariance: Tensor) {
        let output = try encoderOutput(try sparseLinear(input, encoderHidden).tanh())
        return (try output.sliced(alongAxis: 1, range: 0..<latentCount),
                try output.sliced(alongAxis: 1, range: latentCount..<(2 * latentCount)))
    }

    /// Item logits `[users, items]` for latent codes `[users, latent]`.
    ///
    /// - Parameter latent: Latent codes `[users, latent]`.
    public func decode(_ latent: Tensor) throws -> Tensor {
        try decoderOutput(try decoderHidden(latent).tanh())
    }

    /// Item scores for raw interaction rows in evaluation mode: normalised, no dropout, `z = μ`.
    ///
    /// - Parameter rows: Raw interaction rows (users × items), normalised inside.
    public func logits(for rows: SparseMatrix) throws -> Tensor {
        try decode(try encode(try AutoencoderTraining.normalized(rows)).mean)
    }

    /// The loss parts for one batch in training mode at KL weight `beta`; the reparameterisation
    /// noise ε `[users, latent]` is drawn from ``noise`` unless `latentNoise` gives it.
    func lossParts(_ rows: SparseRows, beta: Double, latentNoise: Tensor? = nil) throws -> (loss: Tensor, reconstruction: Tensor, kl: Tensor) {
        let input = try rows.sparseInput(normalized: true, dropout: dropout, generator: &noise)
        let (mean, logVariance) = try encode(input)
        let epsilon = latentNoise ?? noise.normal(mean.shape, standardDeviation: Float(latentNoiseScale))
        let latent = try mean + epsilon * (logVariance * 0.5).exp()
        let reconstruction = try likelihood.negativeLogLikelihood(logits: try decode(latent), targets: try rows.dense())
        let kl = try gaussianKLDivergence(mean: mean, logVariance: logVariance)
        return (try reconstruction + kl * Float(beta), reconstruction, kl)
    }

    /// Trains on the rows of `data` (users × items, stored values as counts — ones for implicit
    /// feedback), one annealed ELBO step per mini-batch, validating on `validation` after each epoch.
    ///
    /// - Parameters:
    ///   - data: Users × items training rows (ones for implicit feedback), e.g. `split.train`.
    ///   - validation: Held-out users ranked after each epoch, e.g. `split.validation`; nil skips validation.
    ///   - epochs: Passes over the training rows.
    ///   - batchSize: Users per gradient step.
    ///   - optimizer: Updates all weights; Adam at 1e-3 by default.
    ///   - annealing: The KL weight β per gradient step, counted over all `fit` calls.
    ///   - metrics: Metrics computed on the validation users after each epoch.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    /// - Returns: per-step `loss`, `reconstruction`, `kl`, `beta`; per-epoch means and `metrics`.
    @discardableResult
    public func fit(
        _ data: UserItemMatrix, validation: FoldInUsers? = nil, epochs: Int = 50, batchSize: Int = 500,
        optimizer: Optimizer = Adam(learningRate: 1e-3), annealing: Annealing = .linear(cap: 0.2, steps: 200_000),
        metrics: [RankingMetric] = [.ndcg(100)], control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        try AutoencoderTraining.check(data, itemCount: itemCount, operation: "MultiVAE.fit")
        train()
        defer { eval() }
        return try AutoencoderTraining.fit(
            model: self, data: data, validation: validation, metrics: metrics, epochs: epochs, batchSize: batchSize,
            control: control, optimizers: [optimizer], shuffler: &shuffler, logits: { [unowned self] in try self.logits(for: $0) },
            step: { rows, _, _ in
                let beta = annealing.beta(atStep: stepCount)
                var parts: (reconstruction: Tensor, kl: Tensor)?
                let (loss, gradients) = try valueAndGradient(of: self) { model in
                    let result = try model.lossParts(rows, beta: beta)
                    parts = (result.reconstruction.detached(), result.kl.detached())
                    return result.loss
                }
                try optimizer.update(self, along: gradients)
                stepCount += 1
                return ["loss": Double(loss.scalar), "reconstruction": Double(parts!.reconstruction.scalar),
                        "kl": Double(parts!.kl.scalar), "beta": beta]
            })
    }

    /// Ranks all items for held-out users from their fold-in items (fold-in items excluded) and
    /// averages `metrics` over them.
    ///
    /// - Parameters:
    ///   - users: Held-out users with fold-in and target items, e.g. `split.test`.
    ///   - metrics: What to average over the users.
    public func evaluate(_ users: FoldInUsers, metrics: [RankingMetric] = [.ndcg(100), .recall(20), .recall(50)]) throws -> MetricReport {
        try AutoencoderTraining.check(users.foldIn, itemCount: itemCount, operation: "MultiVAE.evaluate")
        return try AutoencoderTraining.evaluate(users, metrics: metrics) { try self.logits(for: $0) }
    }

    /// Scores every item for each row of `users` (row-major `[rows × items]`) in evaluation mode.
    ///
    /// - Parameter users: Interaction rows (users × items) to score, e.g. `split.test.foldIn`.
    public func scores(for users: UserItemMatrix) throws -> [Float] {
        try AutoencoderTraining.check(users, itemCount: itemCount, operation: "MultiVAE.scores")
        return try AutoencoderTraining.scores(of: users) { try self.logits(for: $0) }
    }
}
