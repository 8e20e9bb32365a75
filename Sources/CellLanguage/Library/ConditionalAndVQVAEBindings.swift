import Autograd
import Datasets
import Models
import NeuralNetworks

extension BindingTable {
    /// `ConditionalVAE` (Sohn et al. 2015).
    static var conditionalVAEBindings: TypeBindings {
        let model = ConditionalVAE.self
        return TypeBindings("ConditionalVAE", summary: "A VAE conditioned on the class label (Sohn et al. 2015).", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("imageHeight", .int, defaultValue: .int(28), documentation: "Image height."),
                                         .init("imageWidth", .int, defaultValue: .int(28), documentation: "Image width."),
                                         .init("classCount", .int, defaultValue: .int(10), documentation: "The number of classes."),
                                         .init("latent", .int, defaultValue: .int(20), documentation: "The latent dimension."),
                                         .init("hidden", .int, defaultValue: .int(400), documentation: "Hidden units on each side."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed.")],
                            returns: "ConditionalVAE", summary: "Creates the model from `seed`.") { call in
                let height = try call.int(0), width = try call.int(1), classes = try call.int(2)
                let latent = try call.int(3), hidden = try call.int(4), seed = UInt64(truncatingIfNeeded: try call.int(5))
                return .library(try call.library {
                    try ConditionalVAE(imageHeight: height, imageWidth: width, classCount: classes, latent: latent, hidden: hidden, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: imageFitParameters + [.init("klWeight", .double, defaultValue: .double(1), documentation: "β.")],
                            returns: "TrainingHistory", summary: "Trains with a live progress bar; interrupting keeps the weights.") { call in
                let cvae = try call.receiver(as: model), data = try call.argument(0, as: ImageDataset.self)
                let validation = try call.optionalArgument(1, as: ImageDataset.self), epochs = try call.int(2), batchSize = try call.int(3)
                let optimizer = try call.optimizer(4) { Adam(learningRate: 1e-3) }, klWeight = Float(try call.double(5))
                return try TrainingProgressDisplay.train(call, label: "ConditionalVAE") { control in
                    try cvae.fit(data, validation: validation, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                                 klWeight: klWeight, control: control)
                }
            },
            FunctionBinding("evaluate", kind: .method, parameters: [.init(nil, "data", .any("ImageDataset"), documentation: "The images.")],
                            returns: "VAELossTerms", summary: "−ELBO, reconstruction and KL in nats per image.") { call in
                let cvae = try call.receiver(as: model), data = try call.argument(0, as: ImageDataset.self)
                return .library(try call.library { try cvae.evaluate(data) })
            },
            FunctionBinding("sample", kind: .method,
                            parameters: [.init("classes", .sequence("[Int]"), documentation: "The class of each image to draw."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed.")],
                            returns: "Tensor", summary: "One image per requested class, decoded from prior samples.") { call in
                let cvae = try call.receiver(as: model), classes = try call.ints(0), seed = UInt64(truncatingIfNeeded: try call.int(1))
                return .library(try call.library { try cvae.sample(classes: classes, seed: seed) })
            },
        ])
    }

    /// `VQVAE` (van den Oord et al. 2017).
    static var vqvaeBindings: TypeBindings {
        let model = VQVAE.self
        return TypeBindings("VQVAE", summary: "Vector-quantised VAE (van den Oord et al. 2017) with a discrete codebook.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("imageHeight", .int, defaultValue: .int(28), documentation: "Image height (a multiple of 4)."),
                                         .init("imageWidth", .int, defaultValue: .int(28), documentation: "Image width (a multiple of 4)."),
                                         .init("codeCount", .int, defaultValue: .int(64), documentation: "Codebook size."),
                                         .init("codeDimension", .int, defaultValue: .int(16), documentation: "Code vector length."),
                                         .init("commitmentCost", .double, defaultValue: .double(0.25), documentation: "β of the commitment loss."),
                                         .init("codebookUpdate", .any("CodebookUpdate"), defaultValue: .library(CodebookUpdate.loss),
                                               documentation: "`.loss` (eq. 3) or `.exponentialMovingAverage()` (appendix A.1)."),
                                         .init("residualBlocks", .int, defaultValue: .int(2), documentation: "Residual blocks per side."),
                                         .init("residualChannels", .int, defaultValue: .int(32), documentation: "Channels in the residual blocks."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed.")],
                            returns: "VQVAE", summary: "Creates the model from `seed`.") { call in
                let height = try call.int(0), width = try call.int(1), codes = try call.int(2), dimension = try call.int(3)
                let commitment = Float(try call.double(4)), update = try call.argument(5, as: CodebookUpdate.self)
                let blocks = try call.int(6), channels = try call.int(7)
                let seed = UInt64(truncatingIfNeeded: try call.int(8))
                return .library(try call.library {
                    try VQVAE(imageHeight: height, imageWidth: width, codeCount: codes, codeDimension: dimension, commitmentCost: commitment,
                              codebookUpdate: update, residualBlocks: blocks, residualChannels: channels, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: imageFitParameters + [.init("restartDeadCodesAfter", .any("Int?"), defaultValue: .optional(nil),
                                                                    documentation: "Move codes unused for this many steps onto encoder outputs.")],
                            returns: "TrainingHistory", summary: "Trains with a live progress bar; interrupting keeps the weights.") { call in
                let vqvae = try call.receiver(as: model), data = try call.argument(0, as: ImageDataset.self)
                let validation = try call.optionalArgument(1, as: ImageDataset.self), epochs = try call.int(2), batchSize = try call.int(3)
                let optimizer = try call.optimizer(4) { Adam(learningRate: 1e-3) }, restart = try call.optionalInt(5)
                return try TrainingProgressDisplay.train(call, label: "VQVAE") { control in
                    try vqvae.fit(data, validation: validation, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                                  restartDeadCodesAfter: restart, control: control)
                }
            },
            FunctionBinding("evaluate", kind: .method, parameters: [.init(nil, "data", .any("ImageDataset"), documentation: "The images.")],
                            returns: "VQVAEEvaluation", summary: "MSE, commitment loss and codebook use (an HTML table).") { call in
                let vqvae = try call.receiver(as: model), data = try call.argument(0, as: ImageDataset.self)
                return .library(try call.library { try vqvae.evaluate(data) })
            },
            FunctionBinding("reconstruct", kind: .method, parameters: [.init(nil, "images", .any("Tensor"), documentation: "`[N, pixels]` images.")],
                            returns: "Tensor", summary: "Images decoded from their nearest codes.") { call in
                let vqvae = try call.receiver(as: model), images = try call.argument(0, as: Tensor.self)
                return .library(try call.library { try vqvae.reconstruct(images) })
            },
            FunctionBinding("codes", kind: .method, parameters: [.init(nil, "images", .any("Tensor"), documentation: "`[N, pixels]` images.")],
                            returns: "CodeGrid", summary: "The nearest-code grid (H/4 × W/4) of each image.") { call in
                let vqvae = try call.receiver(as: model), images = try call.argument(0, as: Tensor.self)
                return .library(try call.library { try vqvae.codes(images) })
            },
            FunctionBinding("decode", kind: .method,
                            parameters: [.init("codes", .sequence("[Int]"), documentation: "Code indices, row-major `[N, height, width]`."),
                                         .init("height", .any("Int?"), defaultValue: .optional(nil), documentation: "Grid rows; nil for H/4."),
                                         .init("width", .any("Int?"), defaultValue: .optional(nil), documentation: "Grid columns; nil for W/4.")],
                            returns: "Tensor", summary: "Images `[N, pixels]` decoded from a (possibly edited) code grid.") { call in
                let vqvae = try call.receiver(as: model), codes = try call.ints(0)
                let height = try call.optionalInt(1), width = try call.optionalInt(2)
                return .library(try call.library { try vqvae.decode(codes: codes, height: height, width: width) })
            },
            FunctionBinding("decode", kind: .method, parameters: [.init(nil, "grid", .any("CodeGrid"), documentation: "A grid from `codes(_:)`.")],
                            returns: "Tensor", summary: "Images `[N, pixels]` decoded from a code grid.") { call in
                let vqvae = try call.receiver(as: model), grid = try call.argument(0, as: CodeGrid.self)
                return .library(try call.library { try vqvae.decode(grid) })
            },
            LibraryBinding.property("gridHeight", of: model, returns: "Int", summary: "Rows of the code grid, H/4.") { .int($0.gridHeight) },
            LibraryBinding.property("gridWidth", of: model, returns: "Int", summary: "Columns of the code grid, W/4.") { .int($0.gridWidth) },
        ])
    }
}
