import Autograd
import Datasets
import NeuralNetworks

/// A model of your own that the library trains: say what the loss of a mini-batch is, and `fit` runs the
/// epochs — shuffled batches, one optimizer step each, live progress, interruption, validation, early stopping,
/// checkpoints and a ``TrainingHistory`` — as it does for the library's models (PyTorch Lightning's
/// `training_step`, Keras' `train_step`).
///
/// ```swift
/// final class Regression: Module, TrainableModel {
///     let layer: Linear
///     init(generator: inout RandomGenerator) throws { layer = try Linear(3, 1, generator: &generator) }
///     func trainingLoss(batch: [Int]) throws -> Tensor {
///         try meanSquaredError(predictions: layer(inputs.indexSelect(alongAxis: 0, indices: batch)),
///                              targets: targets.indexSelect(alongAxis: 0, indices: batch))
///     }
/// }
/// let history = try model.fit(examples: 1_000, epochs: 5, batchSize: 32, optimizer: Adam(learningRate: 1e-2))
/// ```
public protocol TrainableModel: Module {
    /// The loss to minimise on the examples at `batch` (indices into your training data, shuffled each epoch).
    ///
    /// - Parameter batch: The indices of the mini-batch's examples, each in `0..<examples`.
    func trainingLoss(batch: [Int]) throws -> Tensor

    /// Metrics to record after an epoch, such as a validation error; no metrics by default.
    ///
    /// - Parameter epoch: The epoch just completed, counted from 1.
    func validationMetrics(epoch: Int) throws -> [String: Double]
}

extension TrainableModel {
    /// No validation metrics.
    ///
    /// - Parameter epoch: The epoch just completed, counted from 1.
    public func validationMetrics(epoch: Int) throws -> [String: Double] { [:] }

    /// Trains for `epochs` passes over `examples` examples in shuffled mini-batches, one optimizer step per batch
    /// on ``trainingLoss(batch:)``, recording ``validationMetrics(epoch:)`` after each epoch.
    ///
    /// - Parameters:
    ///   - examples: How many training examples there are; batches hold indices in `0..<examples`.
    ///   - epochs: Passes over the examples.
    ///   - batchSize: Examples per gradient step (the last batch of an epoch may be smaller).
    ///   - optimizer: Updates every parameter; Adam at 1e-3 by default.
    ///   - seed: The seed of the shuffling of examples.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    /// - Returns: per-step `loss`; per-epoch means and the validation metrics.
    @discardableResult
    public func fit(
        examples: Int, epochs: Int = 10, batchSize: Int = 256, optimizer: Optimizer = Adam(learningRate: 1e-3),
        seed: UInt64 = 0, control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        guard examples > 0, batchSize > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "fit", reason: "examples and batchSize must be positive, got \(examples), \(batchSize)")
        }
        var shuffler = SeededGenerator(seed: seed)
        var batches: [[Int]] = []
        train()
        defer { eval() }
        return try TrainingLoop.run(
            model: self, epochs: epochs, stepsPerEpoch: TrainingLoop.stepsPerEpoch(count: examples, batchSize: batchSize),
            control: control,
            startEpoch: { _ in batches = shuffler.shuffledBatches(count: examples, batchSize: batchSize) },
            step: { position in
                let batch = batches[position.batchIndex]
                let (loss, gradients) = try valueAndGradient(of: self) { model in try model.trainingLoss(batch: batch) }
                try optimizer.update(self, along: gradients)
                return ["loss": Double(loss.scalar)]
            },
            validate: { epoch in
                self.eval()
                defer { self.train() }
                return try self.validationMetrics(epoch: epoch)
            },
            optimizers: [optimizer])
    }
}
