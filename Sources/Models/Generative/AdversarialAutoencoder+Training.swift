import Autograd
import Datasets
import NeuralNetworks

/// Training and evaluating an ``AdversarialAutoencoder``.
extension AdversarialAutoencoder {
    /// Trains on `data` with shuffled mini-batches and prior samples drawn from the model's seeded
    /// generator. Each mini-batch runs the three phases of Makhzani et al. (2016) in turn, each with
    /// its own optimizer: the reconstruction step on the encoder and decoder, then the discriminator
    /// step on prior samples against the (updated) encoder's codes, then the generator step on the
    /// encoder. The history records per step and per epoch `loss` (the reconstruction, in nats per
    /// image), `reconstruction`, `discriminator` and `generator`; with `validation`, also
    /// `validationLoss`, `validationReconstruction`, `validationDiscriminator` and `validationGenerator`.
    ///
    /// ```swift
    /// var control = TrainingControl()
    /// control.onEpochEnd = { print("epoch \($0.epoch): \($0.values)") }
    /// let history = try model.fit(split.train, validation: split.test, epochs: 10, batchSize: 100, control: control)
    /// ```
    /// When `control.isCancelled` returns true, training stops before the next step (all three phases
    /// of a step complete together); the model keeps the weights of the last completed step and
    /// `history.wasInterrupted` is set.
    ///
    /// - Parameters:
    ///   - data: The training images, e.g. `split.train`.
    ///   - validation: Images evaluated after each validated epoch; nil skips validation.
    ///   - epochs: Passes over the images.
    ///   - batchSize: Images per step (each step runs all three phases).
    ///   - reconstructionOptimizer: Updates the encoder and decoder on the reconstruction; Adam at 1e-3 by default.
    ///   - discriminatorOptimizer: Updates the discriminator; Adam at 1e-4 by default.
    ///   - generatorOptimizer: Updates the encoder to fool the discriminator; Adam at 1e-4 by default.
    ///   - control: Cancellation, progress reporting, early stopping and checkpoints.
    public func fit(
        _ data: ImageDataset, validation: ImageDataset? = nil, epochs: Int = 10, batchSize: Int = 100,
        reconstructionOptimizer: Optimizer = Adam(learningRate: 1e-3),
        discriminatorOptimizer: Optimizer = Adam(learningRate: 1e-4),
        generatorOptimizer: Optimizer = Adam(learningRate: 1e-4),
        control: TrainingControl = TrainingControl()
    ) throws -> TrainingHistory {
        try fitMiniBatches(
            data, validation: validation, epochs: epochs, batchSize: batchSize, control: control,
            optimizers: [reconstructionOptimizer, discriminatorOptimizer, generatorOptimizer], name: "AdversarialAutoencoder",
            step: { batch in
                let terms = try trainingStep(
                    data.imageTensor(batch), prior: generator.normal([batch.count, latentCount]),
                    reconstructionOptimizer: reconstructionOptimizer,
                    discriminatorOptimizer: discriminatorOptimizer, generatorOptimizer: generatorOptimizer)
                return ["loss": Double(terms.reconstruction), "reconstruction": Double(terms.reconstruction),
                        "discriminator": Double(terms.discriminator), "generator": Double(terms.generator)]
            },
            validate: { validation in
                let terms = try self.evaluate(validation, batchSize: batchSize)
                return ["validationLoss": Double(terms.reconstruction),
                        "validationReconstruction": Double(terms.reconstruction),
                        "validationDiscriminator": Double(terms.discriminator),
                        "validationGenerator": Double(terms.generator)]
            })
    }

    /// One mini-batch: the reconstruction, discriminator and generator phases in that order, each
    /// updating only its own networks (the encoder and decoder; the discriminator; the encoder), with
    /// `prior` `[N, latentCount]` the discriminator's samples of `N(0, I)`. Returns the loss each phase
    /// saw before its update.
    func trainingStep(
        _ images: Tensor, prior: Tensor, reconstructionOptimizer: Optimizer, discriminatorOptimizer: Optimizer,
        generatorOptimizer: Optimizer
    ) throws -> AdversarialAutoencoderLossTerms {
        let (reconstruction, reconstructionGradients) = try valueAndGradient(of: self) { try $0.reconstructionLoss(images) }
        try reconstructionOptimizer.update(self, along: reconstructionGradients.filter { !$0.key.hasPrefix("discriminator.") })

        let codes = try withoutGradient { try encode(images) }
        let (discriminator, discriminatorGradients) = try valueAndGradient(of: self) {
            try $0.discriminatorLoss(codes: codes, prior: prior)
        }
        try discriminatorOptimizer.update(self, along: discriminatorGradients.filter { $0.key.hasPrefix("discriminator.") })

        let (generator, generatorGradients) = try valueAndGradient(of: self) { try $0.generatorLoss(images) }
        try generatorOptimizer.update(self, along: generatorGradients.filter { $0.key.hasPrefix("encoder.") })
        return AdversarialAutoencoderLossTerms(
            reconstruction: reconstruction.scalar, discriminator: discriminator.scalar, generator: generator.scalar)
    }

    /// The three losses over a whole dataset, averaged over images, with prior samples drawn from a
    /// generator seeded with `seed` (the same call gives the same numbers); no gradients are recorded.
    ///
    /// - Parameters:
    ///   - data: The images to evaluate, of the model's size.
    ///   - batchSize: Images per forward pass (affects memory, not the result).
    ///   - seed: The seed of the prior samples the discriminator sees.
    ///
    /// ```swift
    /// let test = try model.evaluate(split.test)     // test.reconstruction in nats per image
    /// ```
    public func evaluate(_ data: ImageDataset, batchSize: Int = 500, seed: UInt64 = 0) throws -> AdversarialAutoencoderLossTerms {
        try GenerativeBatches.check(data, height: imageHeight, width: imageWidth, batchSize: batchSize,
                                    model: "AdversarialAutoencoder")
        var prior = RandomGenerator(seed: seed, stream: 0x4141_45)
        var parts: [(weight: Int, terms: AdversarialAutoencoderLossTerms)] = []
        try withoutGradient {
            for batch in GenerativeBatches.sequential(count: data.count, batchSize: batchSize) {
                let images = try data.imageTensor(batch)
                let codes = try encode(images)
                parts.append((batch.count, AdversarialAutoencoderLossTerms(
                    reconstruction: try reconstructionLoss(images).scalar,
                    discriminator: try discriminatorLoss(codes: codes, prior: prior.normal([batch.count, latentCount])).scalar,
                    generator: try generatorLoss(images).scalar)))
            }
        }
        return AdversarialAutoencoderLossTerms(
            reconstruction: GenerativeBatches.weightedMean(parts.map { ($0.weight, $0.terms.reconstruction) }),
            discriminator: GenerativeBatches.weightedMean(parts.map { ($0.weight, $0.terms.discriminator) }),
            generator: GenerativeBatches.weightedMean(parts.map { ($0.weight, $0.terms.generator) }))
    }
}
