import Autograd
import Datasets
import NeuralNetworks

/// Training and evaluating a ``VAE``.
extension VAE {
    /// Trains on `data` with shuffled mini-batches drawn from the model's seeded generator, and
    /// returns the history: per step and per epoch `loss` (−ELBO, or the β-weighted loss),
    /// `reconstruction` and `kl` in nats per image; with `validation`, also `validationLoss`,
    /// `validationReconstruction` and `validationKL` after each validated epoch.
    ///
    /// ```swift
    /// var control = TrainingControl()
    /// control.onProgress = { print("epoch \($0.epoch) step \($0.step): \($0.loss)") }
    /// let history = try model.fit(split.train, validation: split.test, epochs: 10, batchSize: 64,
    ///                             optimizer: Adam(learningRate: 1e-3), control: control)
    /// ```
    /// When `control.isCancelled` returns true, training stops before the next step; the model
    /// keeps the weights of the last completed step and `history.wasInterrupted` is set.
    ///
    /// - Parameters:
    ///   - data: The training images, e.g. `split.train`.
    ///   - validation: Images evaluated after each validated epoch; nil skips validation.
    ///   - epochs: Passes over the images.
    ///   - batchSize: Images per gradient step.
    ///   - optimizer: Updates the weights; Adam at 1e-3 by default.
    ///   - klWeight: β, the weight of the KL term (1 for the ELBO, other values for a β-VAE).
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    public func fit(
        _ data: ImageDataset, validation: ImageDataset? = nil, epochs: Int = 10, batchSize: Int = 64,
        optimizer: Optimizer = Adam(learningRate: 1e-3), klWeight: Float = 1,
        control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        try fitMiniBatches(
            data, validation: validation, epochs: epochs, batchSize: batchSize, control: control, optimizers: [optimizer],
            name: "VAE",
            step: { batch in
                let images = try data.imageTensor(batch)
                var terms: VAELossTerms?
                let (_, gradients) = try valueAndGradient(of: self) { model in
                    let loss = try model.batchLoss(images, klWeight: klWeight)
                    terms = loss.terms
                    return loss.loss
                }
                try optimizer.update(self, along: gradients)
                return terms?.historyValues ?? [:]
            },
            validate: { try self.evaluate($0, batchSize: batchSize).validationHistoryValues })
    }

    /// The loss parts over a whole dataset, in nats per image, with one draw of `z` per image from a
    /// generator seeded with `seed` (the same call gives the same numbers); no gradients are recorded.
    ///
    /// - Parameters:
    ///   - data: The images to evaluate, of the model's size.
    ///   - batchSize: Images per forward pass (affects memory, not the result).
    ///   - seed: The seed of the draws of z.
    ///
    /// ```swift
    /// let test = try model.evaluate(split.test)     // test.negativeELBO ≈ 130 nats after 10 epochs
    /// ```
    public func evaluate(_ data: ImageDataset, batchSize: Int = 500, seed: UInt64 = 0) throws -> VAELossTerms {
        try GenerativeBatches.check(data, height: imageHeight, width: imageWidth, batchSize: batchSize, model: "VAE")
        let saved = generator
        defer { generator = saved }
        generator = RandomGenerator(seed: seed, stream: 0x5641_45)
        var parts: [(weight: Int, terms: VAELossTerms)] = []
        try withoutGradient {
            for batch in GenerativeBatches.sequential(count: data.count, batchSize: batchSize) {
                parts.append((batch.count, try batchLoss(data.imageTensor(batch)).terms))
            }
        }
        return VAELossTerms(averaging: parts)
    }
}
