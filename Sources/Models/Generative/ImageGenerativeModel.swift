import Autograd
import Datasets
import NeuralNetworks

/// A generative model of `imageHeight × imageWidth` images that trains on an ``ImageDataset``
/// with mini-batches shuffled by its own seeded generator: what ``VAE``, ``ConditionalVAE``,
/// ``VQVAE`` and ``AdversarialAutoencoder`` share in `fit`.
protocol ImageGenerativeModel: Module {
    /// Image height in pixels.
    var imageHeight: Int { get }
    /// Image width in pixels.
    var imageWidth: Int { get }
    /// The model's seeded source of randomness; it also shuffles the batches.
    var generator: RandomGenerator { get set }
}

extension ImageGenerativeModel {
    /// The loop behind each model's `fit`: checks the data and settings (errors name `name`),
    /// switches to training mode, reshuffles `data` with the model's generator at the start of each
    /// epoch, and runs `step` on each batch's image indices through ``TrainingLoop/run``; with
    /// `validation`, `validate` runs on it after each validated epoch.
    func fitMiniBatches(
        _ data: ImageDataset, validation: ImageDataset?, epochs: Int, batchSize: Int, control: TrainingControl,
        optimizers: [Optimizer], name: String,
        step: ([Int]) throws -> [String: Double],
        validate: @escaping (ImageDataset) throws -> [String: Double]
    ) throws -> TrainingHistory {
        try GenerativeBatches.checkFit(data, validation: validation, height: imageHeight, width: imageWidth,
                                       batchSize: batchSize, epochs: epochs, model: name)
        train()
        var batches: [[Int]] = []
        return try TrainingLoop.run(
            model: self, epochs: epochs, stepsPerEpoch: TrainingLoop.stepsPerEpoch(count: data.count, batchSize: batchSize),
            control: control,
            startEpoch: { _ in
                batches = GenerativeBatches.shuffled(count: data.count, batchSize: batchSize, generator: &generator)
            },
            step: { position in try step(batches[position.batchIndex]) },
            validate: validation.map { validation in { _ in try validate(validation) } }, optimizers: optimizers)
    }
}
