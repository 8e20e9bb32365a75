import Foundation

/// Stops training when a validation metric stops improving, optionally putting back the weights of
/// the best epoch (Keras' `EarlyStopping(patience:, restore_best_weights:)`).
public struct EarlyStopping: Sendable, Equatable {
    /// Whether a larger or a smaller metric value is better.
    public enum Direction: Sendable, Equatable {
        /// Larger is better (NDCG, recall).
        case maximize
        /// Smaller is better (RMSE, loss).
        case minimize
    }

    /// The epoch series to watch, e.g. `"NDCG@100"` or `"RMSE"`; the model's validation must record it.
    public var metric: String
    /// How many epochs without improvement are tolerated before stopping.
    public var patience: Int
    /// Whether larger or smaller is better.
    public var direction: Direction
    /// The smallest change that counts as an improvement.
    public var minimumDelta: Double
    /// Whether the model gets the best epoch's weights back when training ends.
    public var restoresBestWeights: Bool

    /// Creates an early-stopping rule.
    ///
    /// - Parameters:
    ///   - metric: The epoch series to watch, e.g. `"NDCG@100"` or `"RMSE"`; the validation must record it.
    ///   - patience: Epochs without improvement tolerated before stopping.
    ///   - direction: `.maximize` when larger is better (NDCG, recall), `.minimize` when smaller is (RMSE, loss).
    ///   - minimumDelta: The smallest change that counts as an improvement.
    ///   - restoresBestWeights: Whether the model gets the best epoch's weights back when training ends.
    public init(metric: String, patience: Int = 5, direction: Direction = .maximize,
                minimumDelta: Double = 0, restoresBestWeights: Bool = true) {
        self.metric = metric
        self.patience = patience
        self.direction = direction
        self.minimumDelta = minimumDelta
        self.restoresBestWeights = restoresBestWeights
    }

    /// Whether `value` improves on `best` by more than ``minimumDelta``.
    ///
    /// - Parameters:
    ///   - value: The metric's latest value.
    ///   - best: The best value so far; nil when there is none yet (any value but NaN improves).
    public func improves(_ value: Double, on best: Double?) -> Bool {
        guard let best else { return !value.isNaN }
        switch direction {
        case .maximize: return value > best + minimumDelta
        case .minimize: return value < best - minimumDelta
        }
    }
}

/// Where and when `fit` writes safetensors checkpoints of the model.
public struct CheckpointPolicy: Sendable, Equatable {
    /// When a checkpoint is written.
    public enum Frequency: Sendable, Equatable {
        /// After every completed epoch (the file is replaced each time).
        case everyEpoch
        /// Only when the early-stopping metric improves (needs ``TrainingControl/earlyStopping``).
        case bestEpoch
    }

    /// The file to write; written atomically, so an interrupted save leaves the previous one intact.
    public var url: URL
    /// When to write it.
    public var frequency: Frequency

    /// Creates a checkpoint policy.
    ///
    /// - Parameters:
    ///   - url: The safetensors file to write; written atomically.
    ///   - frequency: `.everyEpoch`, or `.bestEpoch` when the early-stopping metric improves.
    public init(url: URL, frequency: Frequency = .everyEpoch) {
        self.url = url
        self.frequency = frequency
    }
}

/// How the caller steers a `fit`: cancellation, live progress, early stopping and checkpoints.
///
/// ```swift
/// var control = TrainingControl()
/// control.isCancelled = { interruptFlag.isSet }          // checked before every step
/// control.onProgress = { progress in bar.update(progress.fractionCompleted) }
/// control.earlyStopping = EarlyStopping(metric: "NDCG@100", patience: 5)
/// let history = try model.fit(split.train, validation: split.validation, epochs: 200, control: control)
/// if history.wasInterrupted { print("stopped after \(history.steps.count) steps") }
/// ```
public struct TrainingControl {
    /// Checked before every gradient step; when it returns true, training stops before that step,
    /// the model keeps the weights of the last completed step and the history says it was interrupted.
    public var isCancelled: () -> Bool
    /// Called after every gradient step.
    public var onProgress: (TrainingProgress) -> Void
    /// Called after every completed epoch with that epoch's record (means and validation metrics).
    public var onEpochEnd: (TrainingRecord) -> Void
    /// Stops training when a validation metric stops improving.
    public var earlyStopping: EarlyStopping?
    /// Writes safetensors checkpoints during training.
    public var checkpoint: CheckpointPolicy?
    /// Validate every this many epochs (and always after the last one).
    public var validationInterval: Int
    /// Whether training stops at the first step whose loss terms or gradients hold NaN or infinity, keeping the
    /// weights of the step before and throwing ``ModelsError/nonFiniteTraining(_:history:)`` (the NaN guard).
    public var stopsOnNonFiniteValues: Bool

    /// Creates a control; by default nothing cancels, nothing is reported, nothing is saved.
    ///
    /// - Parameters:
    ///   - isCancelled: Checked before every gradient step; returning true stops training before that step.
    ///   - onProgress: Called after every gradient step.
    ///   - onEpochEnd: Called after every completed epoch with that epoch's record.
    ///   - earlyStopping: Stops training when a validation metric stops improving; nil never stops early.
    ///   - checkpoint: Where and when to write checkpoints; nil writes none.
    ///   - validationInterval: Validate every this many epochs (and always after the last one), at least 1.
    ///   - stopsOnNonFiniteValues: Whether a NaN or infinite loss term or gradient stops training (true), or the run
    ///     trains on regardless (false).
    public init(
        isCancelled: @escaping () -> Bool = { false },
        onProgress: @escaping (TrainingProgress) -> Void = { _ in },
        onEpochEnd: @escaping (TrainingRecord) -> Void = { _ in },
        earlyStopping: EarlyStopping? = nil,
        checkpoint: CheckpointPolicy? = nil,
        validationInterval: Int = 1,
        stopsOnNonFiniteValues: Bool = true
    ) {
        self.isCancelled = isCancelled
        self.onProgress = onProgress
        self.onEpochEnd = onEpochEnd
        self.earlyStopping = earlyStopping
        self.checkpoint = checkpoint
        self.validationInterval = validationInterval
        self.stopsOnNonFiniteValues = stopsOnNonFiniteValues
    }
}
