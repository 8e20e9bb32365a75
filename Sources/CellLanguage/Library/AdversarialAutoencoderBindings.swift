import Autograd
import Datasets
import Foundation
import Models
import NeuralNetworks
import Plots

extension AdversarialAutoencoder: CellExposed { static var cellTypeName: String { "AdversarialAutoencoder" } }

extension AdversarialAutoencoderLossTerms: CellExposed {
    static var cellTypeName: String { "AdversarialAutoencoderLossTerms" }
    /// The three losses as an HTML table.
    var cellRichOutput: RichOutput? {
        let table = Table(columns: ["loss", "value", "when the prior is matched"],
                          rows: [["reconstruction (nats per image)", String(format: "%.4f", reconstruction), "—"],
                                 ["discriminator", String(format: "%.4f", discriminator), "2 log 2 ≈ 1.386"],
                                 ["generator", String(format: "%.4f", generator), "log 2 ≈ 0.693"]])
        return RichOutput(data: table.mimeBundle().merging(["text/plain": description]) { _, new in new })
    }
}

extension BindingTable {
    /// `AdversarialAutoencoder` (Makhzani et al. 2016) and its loss terms.
    static var adversarialAutoencoderTypeBindings: [TypeBindings] {
        [adversarialAutoencoderBindings, adversarialAutoencoderLossTermsBindings]
    }

    /// `AdversarialAutoencoder`: initialiser, three-phase `fit`, evaluation, codes, reconstructions, samples.
    static var adversarialAutoencoderBindings: TypeBindings {
        let model = AdversarialAutoencoder.self
        return TypeBindings("AdversarialAutoencoder",
                            summary: "An autoencoder whose codes a discriminator pushes towards N(0, I) (Makhzani et al. 2016).", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("imageHeight", .int, defaultValue: .int(28), documentation: "Image height."),
                                         .init("imageWidth", .int, defaultValue: .int(28), documentation: "Image width."),
                                         .init("latent", .int, defaultValue: .int(8), documentation: "The code dimension."),
                                         .init("hidden", .sequence("[Int]"), defaultValue: .array([.int(1_000), .int(1_000)]),
                                               documentation: "Hidden ReLU widths of the encoder; the decoder mirrors them."),
                                         .init("discriminatorHidden", .sequence("[Int]"), defaultValue: .array([.int(1_000), .int(1_000)]),
                                               documentation: "Hidden ReLU widths of the discriminator."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed.")],
                            returns: "AdversarialAutoencoder", summary: "Creates the model with PyTorch's default initialisation from `seed`.") { call in
                let height = try call.int(0), width = try call.int(1), latent = try call.int(2)
                let hidden = try call.ints(3), discriminatorHidden = try call.ints(4)
                let seed = UInt64(truncatingIfNeeded: try call.int(5))
                return .library(try call.library {
                    try AdversarialAutoencoder(imageHeight: height, imageWidth: width, latent: latent, hidden: hidden,
                                               discriminatorHidden: discriminatorHidden, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: [
                                .init(nil, "data", .any("ImageDataset"), documentation: "The training images, e.g. `split.train`."),
                                .init("validation", .any("ImageDataset?"), defaultValue: .optional(nil), documentation: "Images evaluated after each epoch."),
                                .init("epochs", .int, defaultValue: .int(10), documentation: "Passes over the images."),
                                .init("batchSize", .int, defaultValue: .int(100), documentation: "Images per step (each step runs all three phases)."),
                                .init("reconstructionOptimizer", .any("Optimizer?"), defaultValue: .optional(nil),
                                      documentation: "Encoder and decoder on the reconstruction; nil for `Adam(learningRate: 1e-3)`."),
                                .init("discriminatorOptimizer", .any("Optimizer?"), defaultValue: .optional(nil),
                                      documentation: "The discriminator; nil for `Adam(learningRate: 1e-4)`."),
                                .init("generatorOptimizer", .any("Optimizer?"), defaultValue: .optional(nil),
                                      documentation: "The encoder fooling the discriminator; nil for `Adam(learningRate: 1e-4)`."),
                            ],
                            returns: "TrainingHistory",
                            summary: "Reconstruction, discriminator and generator phases per batch, with a live progress bar; interrupting keeps the weights.") { call in
                let autoencoder = try call.receiver(as: model), data = try call.argument(0, as: ImageDataset.self)
                let validation = try call.optionalArgument(1, as: ImageDataset.self), epochs = try call.int(2), batchSize = try call.int(3)
                let reconstruction = try call.optimizer(4) { Adam(learningRate: 1e-3) }
                let discriminator = try call.optimizer(5) { Adam(learningRate: 1e-4) }
                let generator = try call.optimizer(6) { Adam(learningRate: 1e-4) }
                return try TrainingProgressDisplay.train(call, label: "AdversarialAutoencoder") { control in
                    try autoencoder.fit(data, validation: validation, epochs: epochs, batchSize: batchSize,
                                        reconstructionOptimizer: reconstruction, discriminatorOptimizer: discriminator,
                                        generatorOptimizer: generator, control: control)
                }
            },
            FunctionBinding("evaluate", kind: .method, parameters: [.init(nil, "data", .any("ImageDataset"), documentation: "The images.")],
                            returns: "AdversarialAutoencoderLossTerms",
                            summary: "Reconstruction (nats per image), discriminator and generator losses (an HTML table).") { call in
                let autoencoder = try call.receiver(as: model), data = try call.argument(0, as: ImageDataset.self)
                return .library(try call.library { try autoencoder.evaluate(data) })
            },
            FunctionBinding("encode", kind: .method, parameters: [.init(nil, "images", .any("Tensor"), documentation: "`[N, pixels]` images.")],
                            returns: "Tensor", summary: "The codes `[N, latent]` (a 2-D code gives a scatter plot).") { call in
                let autoencoder = try call.receiver(as: model), images = try call.argument(0, as: Tensor.self)
                return .library(try call.library { try withoutGradient { try autoencoder.encode(images) } })
            },
            FunctionBinding("reconstruct", kind: .method, parameters: [.init(nil, "images", .any("Tensor"), documentation: "`[N, pixels]` images.")],
                            returns: "Tensor", summary: "Reconstructions `sigmoid(decode(encode(x)))` in [0, 1].") { call in
                let autoencoder = try call.receiver(as: model), images = try call.argument(0, as: Tensor.self)
                return .library(try call.library { try autoencoder.reconstruct(images) })
            },
            FunctionBinding("sample", kind: .method,
                            parameters: [.init("count", .int, documentation: "How many images."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed of z ~ N(0, I).")],
                            returns: "Tensor", summary: "Mean images decoded from prior samples.") { call in
                let autoencoder = try call.receiver(as: model), count = try call.int(0), seed = UInt64(truncatingIfNeeded: try call.int(1))
                return .library(try call.library { try autoencoder.sample(count: count, seed: seed) })
            },
            LibraryBinding.property("latentCount", of: model, returns: "Int", summary: "The code dimension.") { .int($0.latentCount) },
        ])
    }

    /// The numbers inside `AdversarialAutoencoderLossTerms`.
    static var adversarialAutoencoderLossTermsBindings: TypeBindings {
        let terms = AdversarialAutoencoderLossTerms.self
        return TypeBindings("AdversarialAutoencoderLossTerms", summary: "The losses of the three AAE phases.", [
            LibraryBinding.property("reconstruction", of: terms, returns: "Float", summary: "Binary cross-entropy in nats per image.") {
                .double(Double($0.reconstruction))
            },
            LibraryBinding.property("discriminator", of: terms, returns: "Float", summary: "The discriminator's loss (2 log 2 when fooled).") {
                .double(Double($0.discriminator))
            },
            LibraryBinding.property("generator", of: terms, returns: "Float", summary: "The encoder's adversarial loss (log 2 when matched).") {
                .double(Double($0.generator))
            },
        ])
    }
}
