import Foundation
import Autograd
import Datasets
import NeuralNetworks

/// RecVAE: Multi-VAE with a stronger encoder, a composite prior and alternating training.
///
/// Ilya Shenbin, Anton Alekseev, Elena Tutubalina, Valentin Malykh, Sergey I. Nikolenko. "RecVAE: a
/// New Variational Autoencoder for Top-N Recommendations with Implicit Feedback." WSDM 2020.
///
/// The encoder is ``RecVAEEncoder`` (swish, layer norm, dense skips) on the L2-normalised,
/// dropped-out row; the decoder is one linear layer. Per batch the loss is (eq. 5–7)
/// `−(1/B) Σ_u log p(x_u | z_u) + (1/B) Σ_u β_u Σ_j [log q(z_uj | x_u) − log p(z_uj | φ_old, x_u)]`
/// with `z ~ q` sampled, `β_u = γ · |x_u|` and the composite prior
/// `p(z | φ_old, x) = 3/20 N(z; 0, I) + 3/4 q_φold(z | x) + 1/10 N(z; 0, e¹⁰ I)`,
/// where `q_φold` is a frozen copy of the encoder taken after each block of encoder passes.
/// Each epoch makes 3 passes that update the encoder (input dropout 0.5), copies it into the prior,
/// then 1 pass that updates the decoder (no dropout), each with its own Adam.
///
/// Defaults follow the reference code (ilya-shenbin/RecVAE `run.py`): hidden 600, latent 200,
/// γ = 0.005, Adam at 5e-4, batch 500, 50 epochs, 3 encoder and 1 decoder pass, LayerNorm ε = 0.1.
///
/// ```swift
/// let model = try RecVAE(items: split.itemCount, seed: 7)
/// let history = try model.fit(split.train, validation: split.validation, epochs: 50)
/// let report = try model.evaluate(split.test)
/// ```
public final class RecVAE: Module {
    /// The number of items.
    public let itemCount: Int
    /// The width of the encoder's hidden layers.
    public let hiddenCount: Int
    /// The dimension of the latent code.
    public let latentCount: Int
    /// The input dropout probability in encoder passes.
    public let dropout: Float
    /// β_u = γ · |x_u|, the KL weight per user.
    public var gamma: Double
    /// How reconstructions are scored (multinomial in the paper).
    public var likelihood: Likelihood
    /// The prior's mixture weights: standard normal, old posterior, wide normal.
    public let mixtureWeights: [Double] = [3.0 / 20, 3.0 / 4, 1.0 / 10]
    /// The standard deviation of the reparameterisation noise ε in training: 1 in the paper and its
    /// code; RecBole's RecVAE draws ε ~ N(0, 0.01²).
    public var latentNoiseScale: Double = 1
    /// Gradient steps taken so far over all `fit` calls.
    public private(set) var stepCount = 0

    /// The trained encoder.
    let encoder: RecVAEEncoder
    /// The frozen copy of the encoder inside the composite prior.
    let priorEncoder: RecVAEEncoder
    /// Latent → item logits.
    let decoder: Linear
    /// Draws dropout masks and reparameterisation noise.
    var noise: RandomGenerator
    /// Shuffles the training users each pass.
    var shuffler: SeededGenerator

    /// Creates a RecVAE over `items` items with PyTorch's default initialisation from `seed`.
    ///
    /// - Parameters:
    ///   - items: The number of items (columns of the user–item matrix).
    ///   - hidden: The width of the encoder's hidden layers.
    ///   - latent: The dimension of the latent code.
    ///   - dropout: Input dropout probability in encoder passes, in [0, 1).
    ///   - gamma: γ, the KL weight per interaction: a user's β is γ times their number of items.
    ///   - likelihood: The reconstruction likelihood; `.multinomial` as in the paper.
    ///   - seed: The seed of the weights, the noise and the shuffling of users.
    public init(items: Int, hidden: Int = 600, latent: Int = 200, dropout: Double = 0.5, gamma: Double = 0.005,
                likelihood: Likelihood = .multinomial, seed: UInt64 = 0) throws {
        guard items > 0, hidden > 0, latent > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "RecVAE", reason: "items, hidden and latent must be positive, got \(items), \(hidden), \(latent)")
        }
        guard (0..<1).contains(dropout) else {
            throw ModelsError.invalidConfiguration(component: "RecVAE", reason: "dropout must be in [0, 1), got \(dropout)")
        }
        itemCount = items
        hiddenCount = hidden
        latentCount = latent
        self.dropout = Float(dropout)
        self.gamma = gamma
        self.likelihood = likelihood
        var generator = RandomGenerator(seed: seed)
        encoder = try RecVAEEncoder(items: items, hidden: hidden, latent: latent, generator: &generator)
        priorEncoder = try RecVAEEncoder(items: items, hidden: hidden, latent: latent, generator: &generator)
        decoder = try Linear(latent, items, generator: &generator)
        noise = RandomGenerator(seed: seed, stream: 0x5EED_0F_2EC)
        shuffler = SeededGenerator(seed: seed &+ 1)
        super.init()
    }

    /// Item scores for raw interaction rows in evaluation mode: normalised, no dropout, `z = μ`.
    ///
    /// - Parameter rows: Raw interaction rows (users × items), normalised inside.
    public func logits(for rows: SparseMatrix) throws -> Tensor {
        try decoder(try encoder(try AutoencoderTraining.normalized(rows)).mean)
    }

    /// `log p(z | φ_old, x)` elementwise `[users, latent]` under the composite prior.
    func logPrior(_ latent: Tensor, normalizedInput: SparseMatrix) throws -> Tensor {
        let old = try withoutGradient { try priorEncoder(normalizedInput) }
        let zero = Tensor(zeros: latent.shape)
        let components = [
            try logNormalDensity(latent, mean: zero, logVariance: zero),
            try logNormalDensity(latent, mean: old.mean, logVariance: old.logVariance),
            try logNormalDensity(latent, mean: zero, logVariance: Tensor(repeating: 10, shape: latent.shape)),
        ]
        let weighted = zip(components, mixtureWeights).map { component, weight in component + Float(Foundation.log(weight)) }
        return try Tensor.stacked(weighted, alongAxis: 2).logSumExp(alongAxis: 2)
    }

    /// The loss parts of one batch in training mode with input dropout `dropout`; the
    /// reparameterisation noise ε `[users, latent]` is drawn from ``noise`` unless `latentNoise` gives it.
    func lossParts(_ rows: SparseRows, dropout: Float, latentNoise: Tensor? = nil) throws -> (loss: Tensor, reconstruction: Tensor, kl: Tensor) {
        let clean = try rows.sparseInput(normalized: true, dropout: 0, generator: &noise)
        let input = dropout > 0 ? try rows.sparseInput(normalized: true, dropout: dropout, generator: &noise) : clean
        let (mean, logVariance) = try encoder(input)
        let epsilon = latentNoise ?? noise.normal(mean.shape, standardDeviation: Float(latentNoiseScale))
        let latent = try mean + epsilon * (logVariance * 0.5).exp()
        let targets = try rows.dense()
        let reconstruction = try likelihood.negativeLogLikelihood(logits: try decoder(latent), targets: targets)
        let perUser = try (try logNormalDensity(latent, mean: mean, logVariance: logVariance)
            - logPrior(latent, normalizedInput: clean)).sum(alongAxis: 1)
        let weights = try targets.sum(alongAxis: 1) * Float(gamma)
        let kl = try (perUser * weights).mean()
        return (try reconstruction + kl, reconstruction, kl)
    }

    /// Trains with alternating passes: each epoch, `encoderPasses` passes update the encoder (its own
    /// optimizer, input dropout), the prior takes a copy of the encoder, then `decoderPasses` passes
    /// update the decoder (no dropout). Validates on `validation` after each epoch.
    ///
    /// - Parameters:
    ///   - data: Users × items training rows (ones for implicit feedback), e.g. `split.train`.
    ///   - validation: Held-out users ranked after each epoch, e.g. `split.validation`; nil skips validation.
    ///   - epochs: Epochs, each of `encoderPasses` plus `decoderPasses` passes over the training rows.
    ///   - batchSize: Users per gradient step.
    ///   - encoderOptimizer: Updates the encoder in encoder passes; Adam at 5e-4 by default.
    ///   - decoderOptimizer: Updates the decoder in decoder passes; Adam at 5e-4 by default.
    ///   - encoderPasses: Encoder passes per epoch (with input dropout).
    ///   - decoderPasses: Decoder passes per epoch (no dropout); not both passes may be 0.
    ///   - metrics: Metrics computed on the validation users after each epoch.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    /// - Returns: per-step `loss`, `reconstruction`, `kl`, `phase` (0 encoder, 1 decoder); per-epoch
    ///   means and `metrics`.
    @discardableResult
    public func fit(
        _ data: UserItemMatrix, validation: FoldInUsers? = nil, epochs: Int = 50, batchSize: Int = 500,
        encoderOptimizer: Optimizer = Adam(learningRate: 5e-4), decoderOptimizer: Optimizer = Adam(learningRate: 5e-4),
        encoderPasses: Int = 3, decoderPasses: Int = 1, metrics: [RankingMetric] = [.ndcg(100)],
        control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        try AutoencoderTraining.check(data, itemCount: itemCount, operation: "RecVAE.fit")
        guard encoderPasses >= 0, decoderPasses >= 0, encoderPasses + decoderPasses > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "RecVAE.fit", reason: "passes must be non-negative and not both 0, got \(encoderPasses), \(decoderPasses)")
        }
        let batchCount = TrainingLoop.stepsPerEpoch(count: data.rowCount, batchSize: max(batchSize, 1))
        train()
        defer { eval() }
        return try AutoencoderTraining.fit(
            model: self, data: data, validation: validation, metrics: metrics, epochs: epochs, batchSize: batchSize,
            passes: encoderPasses + decoderPasses, control: control, optimizers: [encoderOptimizer, decoderOptimizer],
            shuffler: &shuffler,
            logits: { [unowned self] in try self.logits(for: $0) },
            step: { rows, position, pass in
                let updatesEncoder = pass < encoderPasses
                if pass == encoderPasses && position.batchIndex % batchCount == 0 && encoderPasses > 0 {
                    try priorEncoder.update(parameters: encoder.parameters())
                }
                var parts: (reconstruction: Tensor, kl: Tensor)?
                let lossFunction = { [unowned self] () throws -> Tensor in
                    let result = try self.lossParts(rows, dropout: updatesEncoder ? self.dropout : 0)
                    parts = (result.reconstruction.detached(), result.kl.detached())
                    return result.loss
                }
                let loss: Tensor
                if updatesEncoder {
                    let (value, gradients) = try valueAndGradient(of: encoder) { _ in try lossFunction() }
                    try encoderOptimizer.update(encoder, along: gradients)
                    loss = value
                } else {
                    let (value, gradients) = try valueAndGradient(of: decoder) { _ in try lossFunction() }
                    try decoderOptimizer.update(decoder, along: gradients)
                    loss = value
                }
                stepCount += 1
                return ["loss": Double(loss.scalar), "reconstruction": Double(parts!.reconstruction.scalar),
                        "kl": Double(parts!.kl.scalar), "phase": updatesEncoder ? 0 : 1]
            })
    }

    /// Ranks all items for held-out users from their fold-in items (fold-in items excluded) and
    /// averages `metrics` over them.
    ///
    /// - Parameters:
    ///   - users: Held-out users with fold-in and target items, e.g. `split.test`.
    ///   - metrics: What to average over the users.
    public func evaluate(_ users: FoldInUsers, metrics: [RankingMetric] = [.ndcg(100), .recall(20), .recall(50)]) throws -> MetricReport {
        try AutoencoderTraining.check(users.foldIn, itemCount: itemCount, operation: "RecVAE.evaluate")
        return try AutoencoderTraining.evaluate(users, metrics: metrics) { try self.logits(for: $0) }
    }

    /// Scores every item for each row of `users` (row-major `[rows × items]`) in evaluation mode.
    ///
    /// - Parameter users: Interaction rows (users × items) to score, e.g. `split.test.foldIn`.
    public func scores(for users: UserItemMatrix) throws -> [Float] {
        try AutoencoderTraining.check(users, itemCount: itemCount, operation: "RecVAE.scores")
        return try AutoencoderTraining.scores(of: users) { try self.logits(for: $0) }
    }
}
