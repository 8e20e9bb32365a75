import Foundation
import Autograd
import NeuralNetworks

/// The position of one gradient step, handed to a model's step function by ``TrainingLoop``.
public struct TrainingStep: Sendable, Equatable {
    /// The current epoch, counted from 1.
    public var epoch: Int
    /// The index of this step within its epoch, counted from 0 (the mini-batch index).
    public var batchIndex: Int
    /// How many steps were taken before this one in the whole run, counted from 0
    /// (what a per-step schedule such as KL annealing reads).
    public var globalStep: Int
}

/// The epoch/step driver every model's `fit` runs on: it checks cancellation before each step (the
/// control's and the thread's ``TrainingObserver``'s), reports progress to both, records per-step values
/// and per-epoch means, validates, stops early, keeps the
/// best weights and writes checkpoints. A model supplies only what one step and one validation do.
///
/// ```swift
/// let history = try TrainingLoop.run(model: self, epochs: 10, stepsPerEpoch: batches.count, control: control,
///     startEpoch: { epoch in batches = shuffledBatches(epoch) },
///     step: { position in try trainStep(batches[position.batchIndex]) },   // returns ["loss": …]
///     validate: { epoch in try evaluate(validation) })                        // returns ["NDCG@100": …]
/// ```
public enum TrainingLoop {
    /// The batches of `batchSize` (positive) that cover `count` items, the last one partial:
    /// ⌈count / batchSize⌉, without the overflow of `(count + batchSize − 1) / batchSize` near `Int.max`.
    static func stepsPerEpoch(count: Int, batchSize: Int) -> Int {
        count / batchSize + (count % batchSize > 0 ? 1 : 0)
    }

    /// Runs `epochs` epochs of `stepsPerEpoch` steps on `model`.
    ///
    /// - Parameters:
    ///   - model: the module whose parameters early stopping restores and checkpoints save.
    ///   - epochs: the number of epochs to run, at least 0.
    ///   - stepsPerEpoch: gradient steps in each epoch (mini-batches per epoch), at least 1.
    ///   - control: cancellation, progress reporting, early stopping, checkpoints and the validation interval.
    ///   - startEpoch: called with the epoch number (from 1) before its first step (shuffle here).
    ///   - step: takes one gradient step and returns its named values; it must include `"loss"`.
    ///   - validate: returns named validation metrics after an epoch (every
    ///     ``TrainingControl/validationInterval`` epochs and after the last one).
    ///   - optimizers: the optimizers `step` updates: with ``TrainingControl/stopsOnNonFiniteValues`` they skip an
    ///     update whose gradient holds NaN or infinity, and the loop stops there with the step's loss terms and
    ///     learning rates in its error; without it they apply every update.
    /// - Returns: the history; `wasInterrupted` is set when ``TrainingControl/isCancelled`` stopped it.
    public static func run(
        model: Module,
        epochs: Int,
        stepsPerEpoch: Int,
        control: TrainingControl = TrainingControl(),
        startEpoch: (Int) throws -> Void = { _ in },
        step: (TrainingStep) throws -> [String: Double],
        validate: ((Int) throws -> [String: Double])? = nil,
        optimizers: [Optimizer] = []
    ) throws -> TrainingHistory {
        guard epochs >= 0 else {
            throw ModelsError.invalidConfiguration(component: "fit", reason: "epochs must be at least 0, got \(epochs)")
        }
        guard stepsPerEpoch > 0 else {
            throw ModelsError.invalidInput(operation: "fit", reason: "no training batches (stepsPerEpoch is \(stepsPerEpoch))")
        }
        guard control.validationInterval > 0 else {
            throw ModelsError.invalidConfiguration(
                component: "TrainingControl", reason: "validationInterval must be positive, got \(control.validationInterval)")
        }
        if let stopping = control.earlyStopping, validate == nil {
            throw ModelsError.invalidConfiguration(
                component: "EarlyStopping", reason: "watching '\(stopping.metric)' needs validation data")
        }
        if control.checkpoint?.frequency == .bestEpoch, control.earlyStopping == nil {
            throw ModelsError.invalidConfiguration(
                component: "CheckpointPolicy", reason: "saving the best epoch needs an early-stopping metric")
        }

        let clock = ContinuousClock()
        let start = clock.now
        func seconds(since instant: ContinuousClock.Instant) -> Double {
            let duration = clock.now - instant
            return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        }

        let policies = optimizers.map(\.nonFiniteGradients)
        for optimizer in optimizers { optimizer.nonFiniteGradients = control.stopsOnNonFiniteValues ? .skipUpdate : .apply }
        defer { for (optimizer, policy) in zip(optimizers, policies) { optimizer.nonFiniteGradients = policy } }

        let observer = TrainingObservers.current
        let modelName = model.typeName
        defer { observer?.trainingDidEnd(model: modelName) }
        var history = TrainingHistory()
        var globalStep = 0
        var best: (value: Double, epoch: Int, parameters: [String: Tensor])?
        var epochsWithoutImprovement = 0

        epochLoop: for epoch in 1...max(epochs, 1) where epochs > 0 {
            let epochStart = clock.now
            try startEpoch(epoch)
            var sums: [String: Double] = [:]
            for batchIndex in 0..<stepsPerEpoch {
                if control.isCancelled() || observer?.shouldStop == true {
                    history.wasInterrupted = true
                    break epochLoop
                }
                let position = TrainingStep(epoch: epoch, batchIndex: batchIndex, globalStep: globalStep)
                let values = try step(position)
                if control.stopsOnNonFiniteValues, let stop = NonFiniteStop.check(values, optimizers: optimizers, at: position) {
                    history.nonFiniteStop = stop
                    throw ModelsError.nonFiniteTraining(stop, history: history)
                }
                guard let loss = values["loss"] else {
                    throw ModelsError.invalidConfiguration(component: "fit", reason: "a training step must report 'loss'")
                }
                globalStep += 1
                history.recordStep(epoch: epoch, step: globalStep, values: values)
                for (name, value) in values { sums[name, default: 0] += value }
                let progress = TrainingProgress(
                    epoch: epoch, epochs: epochs, step: batchIndex + 1, stepsPerEpoch: stepsPerEpoch,
                    globalStep: globalStep, loss: loss, elapsed: seconds(since: start))
                control.onProgress(progress)
                observer?.trainingDidStep(progress, model: modelName)
            }
            var epochValues = sums.mapValues { $0 / Double(stepsPerEpoch) }
            if let validate, epoch % control.validationInterval == 0 || epoch == epochs {
                for (name, value) in try validate(epoch) { epochValues[name] = value }
            }
            history.recordEpoch(epoch: epoch, step: globalStep, values: epochValues, seconds: seconds(since: epochStart))
            control.onEpochEnd(history.epochs.last!)

            var improved = false
            if let stopping = control.earlyStopping, epochValues.keys.contains(where: { _ in true }) {
                if let value = epochValues[stopping.metric] {
                    if stopping.improves(value, on: best?.value) {
                        best = (value, epoch, stopping.restoresBestWeights ? model.parameters() : [:])
                        epochsWithoutImprovement = 0
                        improved = true
                    } else {
                        epochsWithoutImprovement += 1
                    }
                } else if history.epochs.count == 1 || epoch % control.validationInterval == 0 {
                    throw ModelsError.unknownSeries(name: stopping.metric, available: epochValues.keys.sorted())
                }
            }
            if let checkpoint = control.checkpoint,
               checkpoint.frequency == .everyEpoch || (checkpoint.frequency == .bestEpoch && improved) {
                var metadata = ["epoch": String(epoch), "step": String(globalStep)]
                for (name, value) in epochValues { metadata[name] = String(value) }
                do {
                    try model.save(to: checkpoint.url, metadata: metadata)
                } catch {
                    throw ModelsError.checkpointFailed(path: checkpoint.url.path, reason: String(describing: error))
                }
            }
            if let stopping = control.earlyStopping, epochsWithoutImprovement > stopping.patience {
                history.stoppedEarly = epoch < epochs
                break epochLoop
            }
        }

        if let best, let stopping = control.earlyStopping, !history.wasInterrupted {
            history.bestEpoch = best.epoch
            if stopping.restoresBestWeights { try model.update(parameters: best.parameters) }
        }
        return history
    }
}
