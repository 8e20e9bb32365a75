import Autograd
import Datasets
import NeuralNetworks

/// AutoRec: an autoencoder that reconstructs a partially observed rating vector.
///
/// Suvash Sedhain, Aditya Krishna Menon, Scott Sanner, Lexing Xie. "AutoRec: Autoencoders Meet
/// Collaborative Filtering." WWW 2015 (companion).
///
/// Item-based (I-AutoRec) rows are items and their inputs the ratings of every user; user-based
/// (U-AutoRec) rows are users. For a row `r`, `h(r) = f(W · g(V r + μ) + b)` with `g` the sigmoid
/// and `f` the identity (eq. 2), optionally with dropout on the hidden units. Training minimises the
/// squared error on the observed ratings only (eq. 3, `‖(r − h(r)) ⊙ m‖²` with `m` the observed mask)
/// plus weight decay from the optimizer. With ``masksUnobserved`` off, unobserved ratings count as
/// zeros to reconstruct — the mistake the mask exists to avoid.
///
/// The loss is reduced as d2l's AutoRec does with Gluon's `L2Loss`: `½ · mean over the batch's
/// rows × columns of m ⊙ (h(r) − r)²`, which sets how weight decay weighs against it. Defaults follow
/// d2l (chapter "AutoRec: Rating Prediction with Autoencoders"): hidden 500, dropout 0.05 on the
/// hidden layer, N(0, 0.01²) weights and zero biases, Adam at 0.002 with weight decay 1e-5, batch
/// 256, 25 epochs. Evaluation feeds each row's training ratings, predicts the observed test entries
/// only and clips them to the rating range. Weight decay is coupled and reaches the biases too, as
/// with Gluon's `Trainer(..., {"wd": 1e-5})`. Two details differ from d2l and are kept: d2l's loader
/// rolls the last short batch over into the next epoch (`last_batch="rollover"`, 164 steps in 25
/// epochs) where `fit` takes it as a short batch (175 steps), and d2l's evaluator does not clip.
/// `scripts/reference_recommenders.py autorec` re-runs d2l's setup in PyTorch on our split.
///
/// ```swift
/// let split = try ratings.randomSplit(testFraction: 0.1, seed: 42)
/// let model = try AutoRec(users: split.userCount, items: split.itemCount, hidden: 500, dropout: 0.05, seed: 1)
/// let history = try model.fit(split.train, validation: split.test, epochs: 25, batchSize: 256)
/// try model.evaluate(split.test, given: split.train)          // ["RMSE": 0.90…, "MAE": 0.70…]
/// ```
public final class AutoRec: Module {
    /// Which vectors are reconstructed.
    public enum Orientation: Sendable, Equatable {
        /// I-AutoRec: one row per item, holding every user's rating of it (the paper's better variant).
        case itemBased
        /// U-AutoRec: one row per user, holding the user's rating of every item.
        case userBased
    }

    /// Item- or user-based.
    public let orientation: Orientation
    /// The number of users.
    public let userCount: Int
    /// The number of items.
    public let itemCount: Int
    /// The number of sigmoid hidden units.
    public let hiddenCount: Int
    /// The dropout probability on the hidden units in training.
    public let dropout: Float
    /// Whether the loss counts observed ratings only (true in the paper).
    public var masksUnobserved: Bool
    /// Predictions are clipped into this range in evaluation.
    public var ratingRange: ClosedRange<Float>
    /// Gradient steps taken so far over all `fit` calls.
    public private(set) var stepCount = 0

    /// Row → hidden units (applied to sparse rows).
    let encoder: Linear
    /// Hidden units → reconstructed row.
    let decoder: Linear
    /// Draws hidden-dropout masks.
    var noise: RandomGenerator
    /// Shuffles the rows each epoch.
    var shuffler: SeededGenerator

    /// Creates an AutoRec for `users` × `items` ratings with N(0, 0.01²) weights from `seed`.
    ///
    /// - Parameters:
    ///   - users: The number of users (rows of the rating matrix).
    ///   - items: The number of items (columns of the rating matrix).
    ///   - orientation: `.itemBased` (I-AutoRec, one row per item) or `.userBased` (U-AutoRec).
    ///   - hidden: The number of sigmoid hidden units.
    ///   - dropout: Dropout probability on the hidden units in training, in [0, 1).
    ///   - masksUnobserved: Whether the loss counts observed ratings only (the paper); false treats missing ratings as zeros.
    ///   - ratingRange: Predictions are clipped into this range in evaluation.
    ///   - seed: The seed of the weights, the dropout masks and the shuffling of rows.
    public init(users: Int, items: Int, orientation: Orientation = .itemBased, hidden: Int = 500,
                dropout: Double = 0.05, masksUnobserved: Bool = true, ratingRange: ClosedRange<Float> = 1...5,
                seed: UInt64 = 0) throws {
        guard users > 0, items > 0, hidden > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "AutoRec", reason: "users, items and hidden must be positive, got \(users), \(items), \(hidden)")
        }
        guard (0..<1).contains(dropout) else {
            throw ModelsError.invalidConfiguration(component: "AutoRec", reason: "dropout must be in [0, 1), got \(dropout)")
        }
        self.orientation = orientation
        userCount = users
        itemCount = items
        hiddenCount = hidden
        self.dropout = Float(dropout)
        self.masksUnobserved = masksUnobserved
        self.ratingRange = ratingRange
        let width = orientation == .itemBased ? users : items
        var generator = RandomGenerator(seed: seed)
        let weights = Initializer.normal(standardDeviation: 0.01)
        encoder = try Linear(width, hidden, weightInitializer: weights, generator: &generator)
        decoder = try Linear(hidden, width, weightInitializer: weights, generator: &generator)
        noise = RandomGenerator(seed: seed, stream: 0x5EED_0F_A7)
        shuffler = SeededGenerator(seed: seed &+ 1)
        super.init()
    }

    /// The width of a reconstructed row (users for I-AutoRec, items for U-AutoRec).
    public var rowWidth: Int { orientation == .itemBased ? userCount : itemCount }

    /// Reconstructions `[rows, rowWidth]` of sparse rating rows; `training` turns hidden dropout on.
    ///
    /// - Parameters:
    ///   - rows: Sparse rating rows `[rows, rowWidth]` (items for I-AutoRec, users for U-AutoRec).
    ///   - training: Whether hidden dropout is on.
    public func reconstruct(_ rows: SparseMatrix, training: Bool = false) throws -> Tensor {
        try decoder(try hiddenUnits(rows, training: training))
    }

    /// The sigmoid hidden units `[rows, hidden]` of sparse rating rows, with dropout in training.
    func hiddenUnits(_ rows: SparseMatrix, training: Bool) throws -> Tensor {
        var hidden = try sparseLinear(rows, encoder).sigmoid()
        if training && dropout > 0 { hidden = try hidden.dropout(probability: dropout, generator: &noise) }
        return hidden
    }

    /// The training loss of a batch of rating rows: `½ · mean(m ⊙ (h(r) − r)²)` over rows × columns,
    /// `m` the observed mask when ``masksUnobserved``, else all ones.
    ///
    /// With the mask, the decoder is evaluated at the observed ratings only (a sampled product,
    /// ``SparseMatrix/sampledProduct(_:_:)``): the same loss and gradients as masking the dense
    /// reconstruction, at about the observed fraction of the decoder's cost.
    ///
    /// - Parameters:
    ///   - rows: A batch of rating rows in the model's orientation (`rowWidth` columns).
    ///   - training: Whether hidden dropout is on.
    public func loss(_ rows: UserItemMatrix, training: Bool = true) throws -> Tensor {
        let batch = SparseRows(rows)
        var unused = RandomGenerator(seed: 0)
        let input = try batch.sparseInput(normalized: false, dropout: 0, generator: &unused)
        let hidden = try hiddenUnits(input, training: training)
        let cellCount = Float(rows.rowCount * rows.columnCount)
        guard masksUnobserved else {
            return try (decoder(hidden) - batch.dense()).squared().mean() * 0.5
        }
        let observed = try input.nonzeroEntries()
        var predictions = try observed.sampledProduct(hidden, decoder.weight)
        if let bias = decoder.bias { predictions = try predictions + bias.indexSelect(alongAxis: 0, indices: observed.columnIndices) }
        return try (predictions - Tensor(observed.values)).squared().sum() * (0.5 / cellCount)
    }

    /// The rows the model reconstructs, from a users × items rating matrix.
    func rows(of ratings: UserItemMatrix) throws -> UserItemMatrix {
        guard ratings.rowCount == userCount, ratings.columnCount == itemCount else {
            throw ModelsError.shapeMismatch(operation: "AutoRec", expected: [userCount, itemCount],
                                            actual: [ratings.rowCount, ratings.columnCount])
        }
        return orientation == .itemBased ? ratings.transposed() : ratings
    }

    /// Trains on a users × items rating matrix, one masked-reconstruction step per mini-batch of rows,
    /// reporting RMSE and MAE on `validation` (predicted from `ratings`) after each epoch.
    ///
    /// - Parameters:
    ///   - ratings: The training ratings, users × items (`userCount` × `itemCount`).
    ///   - validation: Ratings to report RMSE and MAE on after each epoch; nil skips validation.
    ///   - epochs: Passes over the rows.
    ///   - batchSize: Rows per gradient step.
    ///   - optimizer: Updates all weights; Adam at 0.002 with weight decay 1e-5 by default, as in d2l.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    @discardableResult
    public func fit(
        _ ratings: UserItemMatrix, validation: UserItemMatrix? = nil, epochs: Int = 25, batchSize: Int = 256,
        optimizer: Optimizer = Adam(learningRate: 0.002, weightDecay: 1e-5), control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        let data = try rows(of: ratings)
        if let validation { _ = try rows(of: validation) }
        guard batchSize > 0 else {
            throw ModelsError.invalidConfiguration(component: "AutoRec.fit", reason: "batchSize must be positive, got \(batchSize)")
        }
        train()
        defer { eval() }
        var batches: [[Int]] = []
        return try TrainingLoop.run(
            model: self, epochs: epochs, stepsPerEpoch: TrainingLoop.stepsPerEpoch(count: data.rowCount, batchSize: batchSize),
            control: control,
            startEpoch: { _ in batches = shuffler.shuffledBatches(count: data.rowCount, batchSize: batchSize) },
            step: { position in
                let batch = data.selectingRows(batches[position.batchIndex])
                let (loss, gradients) = try valueAndGradient(of: self) { model in try model.loss(batch) }
                try optimizer.update(self, along: gradients)
                stepCount += 1
                return ["loss": Double(loss.scalar)]
            },
            validate: validation.map { validation in { _ in try self.evaluate(validation, given: ratings) } },
            optimizers: [optimizer])
    }

    /// Trains on the ratings of a table (users and items indexed as the model's), validating on another.
    ///
    /// - Parameters:
    ///   - ratings: The training ratings, with users and items indexed as the model's.
    ///   - validation: Ratings to report RMSE and MAE on after each epoch; nil skips validation.
    ///   - epochs: Passes over the rows.
    ///   - batchSize: Rows per gradient step.
    ///   - optimizer: Updates all weights; Adam at 0.002 with weight decay 1e-5 by default, as in d2l.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    @discardableResult
    public func fit(
        _ ratings: Interactions, validation: Interactions? = nil, epochs: Int = 25, batchSize: Int = 256,
        optimizer: Optimizer = Adam(learningRate: 0.002, weightDecay: 1e-5), control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        try fit(ratings.matrix(), validation: validation?.matrix(), epochs: epochs, batchSize: batchSize,
                optimizer: optimizer, control: control)
    }

    /// Predicted ratings for every stored entry of `entries` (users × items), reconstructed from the
    /// rows of `given` (the training ratings) and clipped to ``ratingRange``; in `entries`' CSR order.
    ///
    /// - Parameters:
    ///   - entries: A users × items matrix whose stored positions are predicted (its values are not read).
    ///   - ratings: The ratings (users × items) the model reconstructs from, usually the training ratings.
    public func predictions(for entries: UserItemMatrix, given ratings: UserItemMatrix) throws -> [Float] {
        let inputs = try rows(of: ratings)
        _ = try rows(of: entries)
        var unused = RandomGenerator(seed: 0)
        var reconstruction = [Float]()
        try withoutGradient {
            for range in chunks(count: inputs.rowCount, size: 512) {
                let batch = try SparseRows(inputs, rows: Array(range)).sparseInput(normalized: false, dropout: 0, generator: &unused)
                reconstruction += try reconstruct(batch).scalars
            }
        }
        var result = [Float]()
        result.reserveCapacity(entries.entryCount)
        for user in 0..<entries.rowCount {
            for item in entries.columns(inRow: user) {
                let (row, column) = orientation == .itemBased ? (item, user) : (user, item)
                let value = reconstruction[row * rowWidth + column]
                result.append(min(max(value, ratingRange.lowerBound), ratingRange.upperBound))
            }
        }
        return result
    }

    /// RMSE and MAE on the stored entries of `test` (users × items), predicted from `given`.
    ///
    /// - Parameters:
    ///   - test: The ratings to predict, users × items.
    ///   - ratings: The ratings the model reconstructs from, usually the training ratings.
    public func evaluate(_ test: UserItemMatrix, given ratings: UserItemMatrix) throws -> [String: Double] {
        guard test.entryCount > 0 else {
            throw ModelsError.invalidInput(operation: "AutoRec.evaluate", reason: "the test matrix has no ratings")
        }
        let predicted = try predictions(for: test, given: ratings)
        return ["RMSE": try RatingMetric.rootMeanSquaredError.value(predicted: predicted, observed: test.values),
                "MAE": try RatingMetric.meanAbsoluteError.value(predicted: predicted, observed: test.values)]
    }

    /// RMSE and MAE on the ratings of `test`, predicted from the ratings of `given`.
    ///
    /// - Parameters:
    ///   - test: The ratings to predict.
    ///   - ratings: The ratings the model reconstructs from, usually the training ratings.
    public func evaluate(_ test: Interactions, given ratings: Interactions) throws -> [String: Double] {
        try evaluate(test.matrix(), given: ratings.matrix())
    }
}
