import Autograd
import Datasets
import NeuralNetworks

/// Biased matrix factorisation for explicit ratings: `r̂(u, i) = p_u · q_i + b_u + b_i`.
///
/// Yehuda Koren, Robert Bell, Chris Volinsky. "Matrix Factorization Techniques for Recommender Systems."
/// IEEE Computer 42(8), 2009 (eq. 3, with the global mean absorbed into the biases).
///
/// Each user `u` and item `i` has a vector of `factors` latent factors (`p_u`, `q_i`) and a bias. Training
/// minimises the squared error on the observed ratings, reduced as d2l's matrix-factorisation chapter does
/// with Gluon's `L2Loss` (`½ · mean over the batch of (r̂ − r)²`), with weight decay from the optimizer as the
/// regulariser. Defaults follow d2l: 30 factors, N(0, 0.01²) initial factors and biases, Adam at 0.002 with
/// weight decay 1e-5, batch 512, 20 epochs. Evaluation clips predictions to the rating range.
///
/// ```swift
/// let split = try ratings.randomSplit(testFraction: 0.1, seed: 42)
/// let model = try MatrixFactorization(users: split.userCount, items: split.itemCount, factors: 30, seed: 1)
/// let history = try model.fit(split.train, validation: split.test, epochs: 20)
/// try model.evaluate(split.test)          // ["RMSE": …, "MAE": …]
/// ```
public final class MatrixFactorization: Module {
    /// The number of users.
    public let userCount: Int
    /// The number of items.
    public let itemCount: Int
    /// The number of latent factors per user and per item.
    public let factorCount: Int
    /// Predictions are clipped into this range in evaluation.
    public var ratingRange: ClosedRange<Float>
    /// Gradient steps taken so far over all `fit` calls.
    public private(set) var stepCount = 0

    /// The users' factors `[users, factors]`.
    let userFactors: Embedding
    /// The items' factors `[items, factors]`.
    let itemFactors: Embedding
    /// The users' biases `[users, 1]`.
    let userBiases: Embedding
    /// The items' biases `[items, 1]`.
    let itemBiases: Embedding
    /// Shuffles the ratings each epoch.
    var shuffler: SeededGenerator

    /// Creates a model for `users` × `items` ratings with N(0, 0.01²) factors and biases drawn from `seed`.
    ///
    /// - Parameters:
    ///   - users: The number of users.
    ///   - items: The number of items.
    ///   - factors: The number of latent factors per user and per item.
    ///   - ratingRange: Predictions are clipped into this range in evaluation.
    ///   - seed: The seed of the initial factors and of the shuffling of ratings.
    public init(users: Int, items: Int, factors: Int = 30, ratingRange: ClosedRange<Float> = 1...5, seed: UInt64 = 0) throws {
        guard users > 0, items > 0, factors > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "MatrixFactorization", reason: "users, items and factors must be positive, got \(users), \(items), \(factors)")
        }
        userCount = users
        itemCount = items
        factorCount = factors
        self.ratingRange = ratingRange
        var generator = RandomGenerator(seed: seed)
        let initializer = Initializer.normal(standardDeviation: 0.01)
        userFactors = try Embedding(users, factors, initializer: initializer, generator: &generator)
        itemFactors = try Embedding(items, factors, initializer: initializer, generator: &generator)
        userBiases = try Embedding(users, 1, initializer: initializer, generator: &generator)
        itemBiases = try Embedding(items, 1, initializer: initializer, generator: &generator)
        shuffler = SeededGenerator(seed: seed &+ 1)
        super.init()
    }

    /// Predicted ratings `[pairs]` of `users[k]` for `items[k]`, not clipped.
    ///
    /// - Parameters:
    ///   - users: User indices, each in `0..<userCount`.
    ///   - items: Item indices, each in `0..<itemCount`, as many as `users`.
    public func predict(users: [Int], items: [Int]) throws -> Tensor {
        try check(users: users, items: items, operation: "MatrixFactorization.predict")
        let count = users.count
        let products = try (userFactors(users) * itemFactors(items)).sum(alongAxis: 1)
        let biases = try userBiases(users).reshaped(to: [count]) + itemBiases(items).reshaped(to: [count])
        return try products + biases
    }

    /// The training loss `½ · mean((r̂ − r)²)` of the ratings at `positions` of `ratings`.
    ///
    /// - Parameters:
    ///   - ratings: Ratings with users and items indexed as the model's.
    ///   - positions: Which ratings of `ratings` form the batch; nil for all of them.
    public func loss(_ ratings: Interactions, positions: [Int]? = nil) throws -> Tensor {
        let positions = positions ?? Array(0..<ratings.count)
        let predicted = try predict(users: positions.map { ratings.userIndices[$0] }, items: positions.map { ratings.itemIndices[$0] })
        let observed = try Tensor(shape: [positions.count], scalars: positions.map { ratings.ratings[$0] })
        return try meanSquaredError(predictions: predicted, targets: observed) * 0.5
    }

    /// Trains on `ratings`, one gradient step per shuffled mini-batch of ratings, reporting RMSE and MAE on
    /// `validation` after each epoch.
    ///
    /// - Parameters:
    ///   - ratings: The training ratings, with users and items indexed as the model's.
    ///   - validation: Ratings to report RMSE and MAE on after each epoch; nil skips validation.
    ///   - epochs: Passes over the ratings.
    ///   - batchSize: Ratings per gradient step.
    ///   - optimizer: Updates the factors and biases; Adam at 0.002 with weight decay 1e-5 by default, as in d2l.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    /// - Returns: per-step `loss`; per-epoch means and, with validation, `RMSE` and `MAE`.
    @discardableResult
    public func fit(
        _ ratings: Interactions, validation: Interactions? = nil, epochs: Int = 20, batchSize: Int = 512,
        optimizer: Optimizer = Adam(learningRate: 0.002, weightDecay: 1e-5), control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        guard batchSize > 0 else {
            throw ModelsError.invalidConfiguration(component: "MatrixFactorization.fit", reason: "batchSize must be positive, got \(batchSize)")
        }
        guard ratings.count > 0 else {
            throw ModelsError.invalidInput(operation: "MatrixFactorization.fit", reason: "there are no ratings to train on")
        }
        try check(users: ratings.userIndices, items: ratings.itemIndices, operation: "MatrixFactorization.fit")
        if let validation { try check(users: validation.userIndices, items: validation.itemIndices, operation: "MatrixFactorization.fit") }
        var batches: [[Int]] = []
        return try TrainingLoop.run(
            model: self, epochs: epochs, stepsPerEpoch: TrainingLoop.stepsPerEpoch(count: ratings.count, batchSize: batchSize),
            control: control,
            startEpoch: { _ in batches = shuffler.shuffledBatches(count: ratings.count, batchSize: batchSize) },
            step: { position in
                let batch = batches[position.batchIndex]
                let (loss, gradients) = try valueAndGradient(of: self) { model in try model.loss(ratings, positions: batch) }
                try optimizer.update(self, along: gradients)
                stepCount += 1
                return ["loss": Double(loss.scalar)]
            },
            validate: validation.map { validation in { _ in try self.evaluate(validation) } },
            optimizers: [optimizer])
    }

    /// RMSE and MAE of the predictions, clipped to ``ratingRange``, on the ratings of `test`.
    ///
    /// - Parameter test: The ratings to predict, with users and items indexed as the model's.
    public func evaluate(_ test: Interactions) throws -> [String: Double] {
        guard test.count > 0 else {
            throw ModelsError.invalidInput(operation: "MatrixFactorization.evaluate", reason: "there are no ratings to predict")
        }
        var predicted = [Float]()
        predicted.reserveCapacity(test.count)
        try withoutGradient {
            for range in chunks(count: test.count, size: 4096) {
                let values = try predict(users: Array(test.userIndices[range]), items: Array(test.itemIndices[range])).scalars
                predicted += values.map { min(max($0, ratingRange.lowerBound), ratingRange.upperBound) }
            }
        }
        return ["RMSE": try RatingMetric.rootMeanSquaredError.value(predicted: predicted, observed: test.ratings),
                "MAE": try RatingMetric.meanAbsoluteError.value(predicted: predicted, observed: test.ratings)]
    }

    private func check(users: [Int], items: [Int], operation: String) throws {
        guard users.count == items.count else {
            throw ModelsError.invalidInput(operation: operation, reason: "\(users.count) users but \(items.count) items")
        }
        if let user = users.first(where: { !(0..<userCount).contains($0) }) {
            throw ModelsError.invalidInput(operation: operation, reason: "user index \(user) is outside 0..<\(userCount)")
        }
        if let item = items.first(where: { !(0..<itemCount).contains($0) }) {
            throw ModelsError.invalidInput(operation: operation, reason: "item index \(item) is outside 0..<\(itemCount)")
        }
    }
}
