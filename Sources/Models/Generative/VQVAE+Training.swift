import Autograd
import Datasets
import NeuralNetworks

/// How well a VQ-VAE reconstructs a set of images and how it uses its codebook there.
public struct VQVAEEvaluation: Sendable, Equatable, CustomStringConvertible {
    /// The mean squared error per pixel between images and reconstructions.
    public let meanSquaredError: Float
    /// The mean commitment loss `‖z_e − sg[e]‖²` per value (before β).
    public let commitmentLoss: Float
    /// Code counts, perplexity and usage over every vector of the set.
    public let codebook: CodebookStatistics

    /// MSE, perplexity and usage in one line.
    public var description: String {
        "MSE \(meanSquaredError), commitment \(commitmentLoss), \(codebook)"
    }
}

/// Training and evaluating a ``VQVAE``.
extension VQVAE {
    /// Trains on `data` with shuffled mini-batches drawn from the model's seeded generator and
    /// returns the history: per step and per epoch `loss` (reconstruction + VQ loss),
    /// `reconstruction` (MSE), `codebook`, `commitment`, `perplexity` and `usage` (the fraction of
    /// codes the batch chose); with `validation`, also `validationReconstruction`,
    /// `validationPerplexity` and `validationUsage`.
    ///
    /// An EMA codebook is updated by its moving averages after each gradient step (the optimizer
    /// never touches it). With `restartDeadCodesAfter: n`, a code not chosen for `n` steps is moved
    /// onto a random encoder output of the current batch, and `restarted` counts them per step.
    /// When `control.isCancelled` returns true, training stops before the next step with the model
    /// intact and `history.wasInterrupted` set.
    ///
    /// - Parameters:
    ///   - data: The training images, e.g. `split.train`.
    ///   - validation: Images evaluated after each validated epoch; nil skips validation.
    ///   - epochs: Passes over the images.
    ///   - batchSize: Images per gradient step.
    ///   - optimizer: Updates the weights (and a loss-trained codebook); Adam at 1e-3 by default.
    ///   - restartDeadCodesAfter: Moves codes unused for this many steps onto encoder outputs; nil never restarts.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    ///
    /// ```swift
    /// let history = try model.fit(split.train, validation: split.test, epochs: 10, batchSize: 64,
    ///                             optimizer: Adam(learningRate: 1e-3), restartDeadCodesAfter: 100)
    /// ```
    public func fit(
        _ data: ImageDataset, validation: ImageDataset? = nil, epochs: Int = 10, batchSize: Int = 64,
        optimizer: Optimizer = Adam(learningRate: 1e-3), restartDeadCodesAfter: Int? = nil,
        control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        if let restartDeadCodesAfter, restartDeadCodesAfter < 1 {
            throw ModelsError.invalidConfiguration(
                component: "VQVAE.fit", reason: "restartDeadCodesAfter \(restartDeadCodesAfter) must be at least 1")
        }
        let codebookName = "quantizer.codebook"
        let usesMovingAverages = quantizer.update != .loss
        return try fitMiniBatches(
            data, validation: validation, epochs: epochs, batchSize: batchSize, control: control, optimizers: [optimizer],
            name: "VQVAE",
            step: { batch in
                let images = try data.imageTensor(batch)
                var output: QuantizerOutput?
                var reconstructionError: Float = .nan
                var (loss, gradients) = try valueAndGradient(of: self) { model in
                    let pass = try model.forward(images)
                    output = pass.output
                    reconstructionError = pass.reconstructionError.scalar
                    return pass.loss
                }
                if usesMovingAverages { gradients[codebookName] = nil }
                try optimizer.update(self, along: gradients)
                guard let output else { return ["loss": Double(loss.scalar)] }
                quantizer.movingAverageUpdate(inputs: output.flatInputs, codes: output.codes)
                let restarted = quantizer.restartDeadCodes(
                    inputs: output.flatInputs, codes: output.codes, afterSteps: restartDeadCodesAfter, generator: &generator)
                let statistics = CodebookStatistics(codes: output.codes, codeCount: quantizer.codeCount)
                loss = loss.detached()
                var values: [String: Double] = [
                    "loss": Double(loss.scalar), "reconstruction": Double(reconstructionError),
                    "codebook": Double(output.codebookLoss), "commitment": Double(output.commitmentLoss),
                    "perplexity": Double(statistics.perplexity), "usage": Double(statistics.usage),
                ]
                if restartDeadCodesAfter != nil { values["restarted"] = Double(restarted.count) }
                return values
            },
            validate: { validation in
                let evaluation = try self.evaluate(validation, batchSize: batchSize)
                return ["validationReconstruction": Double(evaluation.meanSquaredError),
                        "validationPerplexity": Double(evaluation.codebook.perplexity),
                        "validationUsage": Double(evaluation.codebook.usage)]
            })
    }

    /// Reconstruction error and codebook use over a whole dataset, without recording gradients.
    ///
    /// - Parameters:
    ///   - data: The images to evaluate, of the model's size.
    ///   - batchSize: Images per forward pass (affects memory, not the result).
    ///
    /// ```swift
    /// let report = try model.evaluate(split.test)    // MSE ≈ 0.0086, perplexity ≈ 9 after 10 epochs
    /// ```
    public func evaluate(_ data: ImageDataset, batchSize: Int = 500) throws -> VQVAEEvaluation {
        try GenerativeBatches.check(data, height: imageHeight, width: imageWidth, batchSize: batchSize, model: "VQVAE")
        var errors: [(weight: Int, value: Float)] = []
        var commitments: [(weight: Int, value: Float)] = []
        var codes: [Int] = []
        try withoutGradient {
            for batch in GenerativeBatches.sequential(count: data.count, batchSize: batchSize) {
                let pass = try forward(data.imageTensor(batch))
                errors.append((batch.count, pass.reconstructionError.scalar))
                commitments.append((batch.count, pass.output.commitmentLoss))
                codes += pass.output.codes
            }
        }
        return VQVAEEvaluation(
            meanSquaredError: GenerativeBatches.weightedMean(errors),
            commitmentLoss: GenerativeBatches.weightedMean(commitments),
            codebook: CodebookStatistics(codes: codes, codeCount: quantizer.codeCount))
    }
}
