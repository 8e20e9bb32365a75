import Autograd
import Datasets
import NeuralNetworks

/// Training and evaluating a ``ConditionalVAE`` on labelled images.
extension ConditionalVAE {
    /// Trains on `data` (its labels condition the model) with shuffled mini-batches drawn from the
    /// model's seeded generator. The history records per step and per epoch `loss`,
    /// `reconstruction` and `kl` in nats per image, and with `validation` the `validationLoss`,
    /// `validationReconstruction` and `validationKL`. An interrupt (`control.isCancelled`) stops
    /// before the next step with the model intact.
    ///
    /// - Parameters:
    ///   - data: The training images with their labels, e.g. `split.train`.
    ///   - validation: Images evaluated after each validated epoch; nil skips validation.
    ///   - epochs: Passes over the images.
    ///   - batchSize: Images per gradient step.
    ///   - optimizer: Updates the weights; Adam at 1e-3 by default.
    ///   - klWeight: β, the weight of the KL term (1 for the ELBO).
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    ///
    /// ```swift
    /// let history = try cvae.fit(split.train, epochs: 10, batchSize: 64, optimizer: Adam(learningRate: 1e-3))
    /// ```
    public func fit(
        _ data: ImageDataset, validation: ImageDataset? = nil, epochs: Int = 10, batchSize: Int = 64,
        optimizer: Optimizer = Adam(learningRate: 1e-3), klWeight: Float = 1,
        control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        try fitMiniBatches(
            data, validation: validation, epochs: epochs, batchSize: batchSize, control: control,
            optimizers: [optimizer], name: "ConditionalVAE",
            step: { batch in
                let images = try data.imageTensor(batch)
                let labels = batch.map { data.labels[$0] }
                var terms: VAELossTerms?
                let (_, gradients) = try valueAndGradient(of: self) { model in
                    let loss = try model.batchLoss(images, labels: labels, klWeight: klWeight)
                    terms = loss.terms
                    return loss.loss
                }
                try optimizer.update(self, along: gradients)
                return terms?.historyValues ?? [:]
            },
            validate: { try self.evaluate($0, batchSize: batchSize).validationHistoryValues })
    }

    /// The loss parts over a labelled dataset in nats per image, one draw of `z` per image from a
    /// generator seeded with `seed`; no gradients are recorded.
    ///
    /// - Parameters:
    ///   - data: Labelled images to evaluate, of the model's size.
    ///   - batchSize: Images per forward pass (affects memory, not the result).
    ///   - seed: The seed of the draws of z.
    public func evaluate(_ data: ImageDataset, batchSize: Int = 500, seed: UInt64 = 0) throws -> VAELossTerms {
        try GenerativeBatches.check(data, height: imageHeight, width: imageWidth, batchSize: batchSize,
                                    model: "ConditionalVAE")
        let saved = generator
        defer { generator = saved }
        generator = RandomGenerator(seed: seed, stream: 0x4356_4145)
        var parts: [(weight: Int, terms: VAELossTerms)] = []
        try withoutGradient {
            for batch in GenerativeBatches.sequential(count: data.count, batchSize: batchSize) {
                let terms = try batchLoss(data.imageTensor(batch), labels: batch.map { data.labels[$0] }).terms
                parts.append((batch.count, terms))
            }
        }
        return VAELossTerms(averaging: parts)
    }
}
