import Autograd
import Datasets
import NeuralNetworks

/// Multi-DAE: a denoising autoencoder over a user's item interactions with a multinomial likelihood.
///
/// Dawen Liang, Rahul G. Krishnan, Matthew D. Hoffman, Tony Jebara. "Variational Autoencoders for
/// Collaborative Filtering." WWW 2018, §2.3.
///
/// For an interaction row `x`, L2-normalised and corrupted by input dropout, the logits are
/// `f(x̃) = W₂ tanh(W₁ x̃ + b₁) + b₂` and training minimises
/// `−(1/B) Σ_u Σ_i x_ui log softmax(f(x̃_u))_i` (eq. 8), plus the optimizer's weight decay.
/// With a `latent` width, two tanh layers sit between: items → hidden → latent → hidden → items,
/// tanh after every layer but the last.
///
/// Defaults follow dawenl/vae_cf: one 200-unit tanh layer, input keep probability 0.5, Adam at
/// 1e-3, batch 500, Xavier-uniform weights, N(0, 0.001²) truncated biases; the reference adds L2
/// regularisation `lam = 0.01 / batch` (pass `Adam(learningRate: 1e-3, weightDecay: …)` for it).
/// RecBole 1.2.1's MultiDAE is `hidden: 600, latent: 64` (its `MLPLayers` put tanh after the
/// latent layer too).
///
/// ```swift
/// let model = try MultiDAE(items: split.itemCount, hidden: 200, dropout: 0.5, seed: 7)
/// let history = try model.fit(split.train, validation: split.validation, epochs: 50, batchSize: 100)
/// let recBole = try MultiDAE(items: split.itemCount, hidden: 600, latent: 64, seed: 7)
/// ```
public final class MultiDAE: Module {
    /// The number of items (input and output width).
    public let itemCount: Int
    /// The width of the tanh layer next to the input and output (the bottleneck without `latentCount`).
    public let hiddenCount: Int
    /// The width of the middle tanh layer, or nil for one hidden layer.
    public let latentCount: Int?
    /// The input dropout probability in training.
    public let dropout: Float
    /// How reconstructions are scored (multinomial in the paper).
    public var likelihood: Likelihood
    /// Gradient steps taken so far over all `fit` calls.
    public private(set) var stepCount = 0

    /// Items → hidden (applied to sparse rows).
    let encoder: Linear
    /// Hidden → latent → hidden, each followed by tanh; empty without a latent layer.
    let latentLayers: [Linear]
    /// Hidden → item logits.
    let decoder: Linear
    /// Draws input-dropout masks.
    var noise: RandomGenerator
    /// Shuffles the training users each epoch.
    var shuffler: SeededGenerator

    /// Creates a Multi-DAE over `items` items with Xavier-uniform weights from `seed`: items → hidden →
    /// items, or items → hidden → latent → hidden → items with a `latent` width.
    ///
    /// - Parameters:
    ///   - items: The number of items (columns of the user–item matrix).
    ///   - hidden: Units in the tanh layer next to the input and output.
    ///   - latent: A middle tanh layer (items → hidden → latent → hidden → items); nil for one hidden layer.
    ///   - dropout: Input dropout probability in training, in [0, 1).
    ///   - likelihood: The reconstruction likelihood; `.multinomial` as in the paper.
    ///   - seed: The seed of the weights, the noise and the shuffling of users.
    public init(items: Int, hidden: Int = 200, latent: Int? = nil, dropout: Double = 0.5,
                likelihood: Likelihood = .multinomial, seed: UInt64 = 0) throws {
        guard items > 0, hidden > 0, (latent ?? 1) > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "MultiDAE",
                reason: "items, hidden and latent must be positive, got \(items), \(hidden), \(latent.map(String.init) ?? "nil")")
        }
        guard (0..<1).contains(dropout) else {
            throw ModelsError.invalidConfiguration(component: "MultiDAE", reason: "dropout must be in [0, 1), got \(dropout)")
        }
        itemCount = items
        hiddenCount = hidden
        latentCount = latent
        self.dropout = Float(dropout)
        self.likelihood = likelihood
        var generator = RandomGenerator(seed: seed)
        let weights = Initializer.xavierUniform()
        let biases = Initializer.truncatedNormal(standardDeviation: 0.001)
        encoder = try Linear(items, hidden, weightInitializer: weights, biasInitializer: biases, generator: &generator)
        latentLayers = try latent.map { latent in
            [try Linear(hidden, latent, weightInitializer: weights, biasInitializer: biases, generator: &generator),
             try Linear(latent, hidden, weightInitializer: weights, biasInitializer: biases, generator: &generator)]
        } ?? []
        decoder = try Linear(hidden, items, weightInitializer: weights, biasInitializer: biases, generator: &generator)
        noise = RandomGenerator(seed: seed, stream: 0x5EED_0F_DAE)
        shuffler = SeededGenerator(seed: seed &+ 1)
        super.init()
    }

    /// Item logits `[users, items]` for already normalised (and possibly corrupted) sparse rows.
    ///
    /// - Parameter input: Normalised (and possibly corrupted) sparse interaction rows `[users, items]`.
    public func reconstruct(_ input: SparseMatrix) throws -> Tensor {
        var hidden = try sparseLinear(input, encoder).tanh()
        for layer in latentLayers { hidden = try layer(hidden).tanh() }
        return try decoder(hidden)
    }

    /// Item scores for raw interaction rows in evaluation mode: normalised, no dropout.
    ///
    /// - Parameter rows: Raw interaction rows (users × items), normalised inside.
    public func logits(for rows: SparseMatrix) throws -> Tensor {
        try reconstruct(try AutoencoderTraining.normalized(rows))
    }

    /// Trains on the rows of `data`, one denoising step per mini-batch, validating on `validation`
    /// after each epoch. Returns per-step `loss` and per-epoch means and `metrics`.
    ///
    /// - Parameters:
    ///   - data: Users × items training rows (ones for implicit feedback), e.g. `split.train`.
    ///   - validation: Held-out users ranked after each epoch, e.g. `split.validation`; nil skips validation.
    ///   - epochs: Passes over the training rows.
    ///   - batchSize: Users per gradient step.
    ///   - optimizer: Updates all weights; Adam at 1e-3 by default (add `weightDecay` for the reference's L2).
    ///   - metrics: Metrics computed on the validation users after each epoch.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    @discardableResult
    public func fit(
        _ data: UserItemMatrix, validation: FoldInUsers? = nil, epochs: Int = 50, batchSize: Int = 500,
        optimizer: Optimizer = Adam(learningRate: 1e-3), metrics: [RankingMetric] = [.ndcg(100)],
        control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        try AutoencoderTraining.check(data, itemCount: itemCount, operation: "MultiDAE.fit")
        train()
        defer { eval() }
        return try AutoencoderTraining.fit(
            model: self, data: data, validation: validation, metrics: metrics, epochs: epochs, batchSize: batchSize,
            control: control, optimizers: [optimizer], shuffler: &shuffler, logits: { [unowned self] in try self.logits(for: $0) },
            step: { rows, _, _ in
                let (loss, gradients) = try valueAndGradient(of: self) { model in
                    let input = try rows.sparseInput(normalized: true, dropout: model.dropout, generator: &model.noise)
                    return try model.likelihood.negativeLogLikelihood(logits: try model.reconstruct(input),
                                                                      targets: try rows.dense())
                }
                try optimizer.update(self, along: gradients)
                stepCount += 1
                return ["loss": Double(loss.scalar), "reconstruction": Double(loss.scalar)]
            })
    }

    /// Ranks all items for held-out users from their fold-in items (fold-in items excluded) and
    /// averages `metrics` over them.
    ///
    /// - Parameters:
    ///   - users: Held-out users with fold-in and target items, e.g. `split.test`.
    ///   - metrics: What to average over the users.
    public func evaluate(_ users: FoldInUsers, metrics: [RankingMetric] = [.ndcg(100), .recall(20), .recall(50)]) throws -> MetricReport {
        try AutoencoderTraining.check(users.foldIn, itemCount: itemCount, operation: "MultiDAE.evaluate")
        return try AutoencoderTraining.evaluate(users, metrics: metrics) { try self.logits(for: $0) }
    }

    /// Scores every item for each row of `users` (row-major `[rows × items]`) in evaluation mode.
    ///
    /// - Parameter users: Interaction rows (users × items) to score, e.g. `split.test.foldIn`.
    public func scores(for users: UserItemMatrix) throws -> [Float] {
        try AutoencoderTraining.check(users, itemCount: itemCount, operation: "MultiDAE.scores")
        return try AutoencoderTraining.scores(of: users) { try self.logits(for: $0) }
    }
}
