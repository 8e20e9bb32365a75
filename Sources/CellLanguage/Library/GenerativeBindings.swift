import Autograd
import Datasets
import Foundation
import Models
import NeuralNetworks
import Plots

extension VAE: CellExposed { static var cellTypeName: String { "VAE" } }
extension ConditionalVAE: CellExposed { static var cellTypeName: String { "ConditionalVAE" } }
extension VQVAE: CellExposed { static var cellTypeName: String { "VQVAE" } }

extension VAEArchitecture: CellExposed {
    static var cellTypeName: String { "VAEArchitecture" }
    var cellDescription: String { ".\(self)" }
}

extension DecoderLikelihood: CellExposed {
    static var cellTypeName: String { "DecoderLikelihood" }
    var cellDescription: String { ".\(self)" }
}

extension VAELossTerms: CellExposed {
    static var cellTypeName: String { "VAELossTerms" }
    /// The terms as an HTML table.
    var cellRichOutput: RichOutput? {
        let table = Table(columns: ["term", "nats per image"],
                          rows: [["−ELBO", String(format: "%.4f", negativeELBO)],
                                 ["reconstruction", String(format: "%.4f", reconstruction)],
                                 ["KL", String(format: "%.4f", klDivergence)]])
        return RichOutput(data: table.mimeBundle().merging(["text/plain": description]) { _, new in new })
    }
}

extension VQVAEEvaluation: CellExposed {
    static var cellTypeName: String { "VQVAEEvaluation" }
    /// The evaluation as an HTML table.
    var cellRichOutput: RichOutput? {
        let table = Table(columns: ["measure", "value"],
                          rows: [["MSE", String(format: "%.5f", meanSquaredError)],
                                 ["commitment", String(format: "%.5f", commitmentLoss)],
                                 ["perplexity", String(format: "%.2f", codebook.perplexity)],
                                 ["codes used", "\(codebook.usedCodeCount) of \(codebook.counts.count)"]])
        return RichOutput(data: table.mimeBundle().merging(["text/plain": description]) { _, new in new })
    }
}

extension BindingTable {
    /// Generative image models: VAE, conditional VAE, VQ-VAE, adversarial autoencoder, their options and evaluations.
    static var generativeTypeBindings: [TypeBindings] {
        [vaeBindings, conditionalVAEBindings, vqvaeBindings, vaeArchitectureBindings, decoderLikelihoodBindings,
         lossTermsBindings] + vqvaeInspectionTypeBindings + adversarialAutoencoderTypeBindings
    }

    /// The `fit` parameters of the image models, before their own extras.
    static let imageFitParameters: [ParameterBinding] = [
        .init(nil, "data", .any("ImageDataset"), documentation: "The training images, e.g. `split.train`."),
        .init("validation", .any("ImageDataset?"), defaultValue: .optional(nil), documentation: "Images evaluated after each epoch."),
        .init("epochs", .int, defaultValue: .int(10), documentation: "Passes over the images."),
        .init("batchSize", .int, defaultValue: .int(64), documentation: "Images per gradient step."),
        .init("optimizer", .any("Optimizer?"), defaultValue: .optional(nil), documentation: "nil for `Adam(learningRate: 1e-3)`."),
    ]

    /// `VAE` (Kingma & Welling 2014).
    static var vaeBindings: TypeBindings {
        let vae = VAE.self
        return TypeBindings("VAE", summary: "Variational autoencoder for images (Kingma & Welling 2014).", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("imageHeight", .int, defaultValue: .int(28), documentation: "Image height."),
                                         .init("imageWidth", .int, defaultValue: .int(28), documentation: "Image width."),
                                         .init("latent", .int, defaultValue: .int(20), documentation: "The latent dimension."),
                                         .init("architecture", .any("VAEArchitecture"),
                                               defaultValue: .library(VAEArchitecture.multilayerPerceptron(hidden: 400)),
                                               documentation: "`.multilayerPerceptron(hidden:)` or `.convolutional`."),
                                         .init("likelihood", .any("DecoderLikelihood"), defaultValue: .library(DecoderLikelihood.bernoulli),
                                               documentation: "`.bernoulli` or `.gaussian(standardDeviation:)`."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed.")],
                            returns: "VAE", summary: "Creates the model with PyTorch's default initialisation from `seed`.") { call in
                let height = try call.int(0), width = try call.int(1), latent = try call.int(2)
                let architecture = try call.argument(3, as: VAEArchitecture.self), likelihood = try call.argument(4, as: DecoderLikelihood.self)
                let seed = UInt64(truncatingIfNeeded: try call.int(5))
                return .library(try call.library {
                    try VAE(imageHeight: height, imageWidth: width, latent: latent, architecture: architecture, likelihood: likelihood, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: imageFitParameters + [.init("klWeight", .double, defaultValue: .double(1), documentation: "β of a β-VAE.")],
                            returns: "TrainingHistory", summary: "Trains on shuffled mini-batches with a live progress bar; interrupting keeps the weights.") { call in
                let model = try call.receiver(as: vae), data = try call.argument(0, as: ImageDataset.self)
                let validation = try call.optionalArgument(1, as: ImageDataset.self), epochs = try call.int(2), batchSize = try call.int(3)
                let optimizer = try call.optimizer(4) { Adam(learningRate: 1e-3) }, klWeight = Float(try call.double(5))
                return try TrainingProgressDisplay.train(call, label: "VAE") { control in
                    try model.fit(data, validation: validation, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                                  klWeight: klWeight, control: control)
                }
            },
            FunctionBinding("evaluate", kind: .method, parameters: [.init(nil, "data", .any("ImageDataset"), documentation: "The images.")],
                            returns: "VAELossTerms", summary: "−ELBO, reconstruction and KL in nats per image (an HTML table).") { call in
                let model = try call.receiver(as: vae), data = try call.argument(0, as: ImageDataset.self)
                return .library(try call.library { try model.evaluate(data) })
            },
            FunctionBinding("reconstruct", kind: .method, parameters: [.init(nil, "images", .any("Tensor"), documentation: "`[N, pixels]` images.")],
                            returns: "Tensor", summary: "Reconstructions decoded from the posterior means, in [0, 1].") { call in
                let model = try call.receiver(as: vae), images = try call.argument(0, as: Tensor.self)
                return .library(try call.library { try model.reconstruct(images) })
            },
            FunctionBinding("sample", kind: .method,
                            parameters: [.init("count", .int, documentation: "How many images."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed of z ~ N(0, I).")],
                            returns: "Tensor", summary: "Images decoded from prior samples.") { call in
                let model = try call.receiver(as: vae), count = try call.int(0), seed = UInt64(truncatingIfNeeded: try call.int(1))
                return .library(try call.library { try model.sample(count: count, seed: seed) })
            },
            FunctionBinding("latentMeans", kind: .method, parameters: [.init(nil, "images", .any("Tensor"), documentation: "`[N, pixels]` images.")],
                            returns: "Tensor", summary: "The posterior means `[N, latent]` (a 2-D latent gives a scatter plot).") { call in
                let model = try call.receiver(as: vae), images = try call.argument(0, as: Tensor.self)
                return .library(try call.library { try model.latentMeans(images) })
            },
            FunctionBinding("decodeMeans", kind: .method, parameters: [.init(nil, "latents", .any("Tensor"), documentation: "`[N, latent]` points.")],
                            returns: "Tensor", summary: "The mean images `sigmoid(decoder(z))` of latent points.") { call in
                let model = try call.receiver(as: vae), latents = try call.argument(0, as: Tensor.self)
                return .library(try call.library { try model.decodeMeans(latents) })
            },
            FunctionBinding("latentGrid", kind: .method,
                            parameters: [.init("values", .sequence("[Float]"), documentation: "Positions along each latent axis.")],
                            returns: "Tensor",
                            summary: "For a 2-D latent: images decoded on the grid `values × values` of (z₀, z₁), row by row — the learned manifold.") { call in
                let model = try call.receiver(as: vae), values = try call.doubles(0).map { Float($0) }
                return .library(try call.library { try model.latentGrid(values: values) })
            },
            FunctionBinding("traversal", kind: .method,
                            parameters: [.init("of", "image", .any("Tensor"), documentation: "One image `[1, pixels]`."),
                                         .init("dimensions", .sequence("[Int]"), documentation: "Latent dimensions to vary, one row each."),
                                         .init("values", .sequence("[Float]"), documentation: "Values each dimension takes.")],
                            returns: "Tensor", summary: "From the image's posterior mean, each dimension set to each value in turn and decoded.") { call in
                let model = try call.receiver(as: vae), image = try call.argument(0, as: Tensor.self)
                let dimensions = try call.ints(1), values = try call.doubles(2).map { Float($0) }
                return .library(try call.library { try model.traversal(of: image, dimensions: dimensions, values: values) })
            },
            LibraryBinding.property("latentCount", of: vae, returns: "Int", summary: "The latent dimension.") { .int($0.latentCount) },
        ])
    }

    /// `.multilayerPerceptron(hidden:)`, `.convolutional`.
    static var vaeArchitectureBindings: TypeBindings {
        TypeBindings("VAEArchitecture", summary: "The encoder and decoder networks of a VAE.", [
            FunctionBinding("multilayerPerceptron", kind: .staticMethod, parameters: [.init("hidden", .int, documentation: "Hidden units.")],
                            returns: "VAEArchitecture", summary: "One hidden ReLU layer on each side.") { call in
                .library(VAEArchitecture.multilayerPerceptron(hidden: try call.int(0)))
            },
            LibraryBinding.enumerationCase("convolutional", VAEArchitecture.convolutional, summary: "Strided convolutions."),
        ])
    }

    /// `.bernoulli`, `.gaussian(standardDeviation:)`.
    static var decoderLikelihoodBindings: TypeBindings {
        TypeBindings("DecoderLikelihood", summary: "The distribution of pixels given the latent.", [
            LibraryBinding.enumerationCase("bernoulli", DecoderLikelihood.bernoulli, summary: "Pixels as Bernoulli probabilities."),
            FunctionBinding("gaussian", kind: .staticMethod,
                            parameters: [.init("standardDeviation", .double, documentation: "The fixed σ of each pixel.")],
                            returns: "DecoderLikelihood", summary: "Pixels as Gaussians of fixed σ.") { call in
                .library(DecoderLikelihood.gaussian(standardDeviation: Float(try call.double(0))))
            },
        ])
    }

    /// The numbers inside `VAELossTerms`.
    static var lossTermsBindings: TypeBindings {
        TypeBindings("VAELossTerms", summary: "−ELBO and its parts in nats per image.", [
            LibraryBinding.property("negativeELBO", of: VAELossTerms.self, returns: "Float", summary: "−ELBO.") { .double(Double($0.negativeELBO)) },
            LibraryBinding.property("reconstruction", of: VAELossTerms.self, returns: "Float", summary: "The reconstruction term.") {
                .double(Double($0.reconstruction))
            },
            LibraryBinding.property("klDivergence", of: VAELossTerms.self, returns: "Float", summary: "The KL term.") { .double(Double($0.klDivergence)) },
        ])
    }
}
