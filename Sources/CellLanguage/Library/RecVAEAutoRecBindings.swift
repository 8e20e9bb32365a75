import Datasets
import Models
import NeuralNetworks

extension AutoRec: CellExposed { static var cellTypeName: String { "AutoRec" } }

extension AutoRec.Orientation: CellExposed {
    static var cellTypeName: String { "AutoRec.Orientation" }
    var cellDescription: String { ".\(self)" }
}

extension BindingTable {
    /// `RecVAE` (Shenbin et al. 2020).
    static var recVAEBindings: TypeBindings {
        TypeBindings("RecVAE", summary: "RecVAE (Shenbin et al. 2020): a Multi-VAE with a composite prior and alternating updates.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: autoencoderParameters(hidden: 600)
                                + [.init("latent", .int, defaultValue: .int(200), documentation: "The latent dimension."),
                                   .init("dropout", .double, defaultValue: .double(0.5), documentation: "Input dropout in encoder passes."),
                                   .init("gamma", .double, defaultValue: .double(0.005), documentation: "The KL weight per interaction.")]
                                + likelihoodAndSeed,
                            returns: "RecVAE", summary: "Creates a RecVAE from `seed`.") { call in
                let items = try call.int(0), hidden = try call.int(1), latent = try call.int(2)
                let dropout = try call.double(3), gamma = try call.double(4)
                let likelihood = try call.argument(5, as: Likelihood.self), seed = UInt64(truncatingIfNeeded: try call.int(6))
                return .library(try call.library {
                    try RecVAE(items: items, hidden: hidden, latent: latent, dropout: dropout, gamma: gamma, likelihood: likelihood, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: fitParameters(epochs: 50, batchSize: 500)
                                + [.init("encoderPasses", .int, defaultValue: .int(3), documentation: "Encoder passes per epoch."),
                                   .init("decoderPasses", .int, defaultValue: .int(1), documentation: "Decoder passes per epoch."),
                                   validationMetricsParameter],
                            returns: "TrainingHistory",
                            summary: "Trains with alternating encoder and decoder passes (Adam 5e-4 each), showing a live progress bar.") { call in
                let model = try call.receiver(as: RecVAE.self), data = try call.argument(0, as: UserItemMatrix.self)
                let validation = try call.optionalArgument(1, as: FoldInUsers.self), epochs = try call.int(2), batchSize = try call.int(3)
                let encoderPasses = try call.int(4), decoderPasses = try call.int(5), metrics = try call.rankingMetrics(6)
                return try TrainingProgressDisplay.train(call, label: "RecVAE") { control in
                    try model.fit(data, validation: validation, epochs: epochs, batchSize: batchSize, encoderPasses: encoderPasses,
                                  decoderPasses: decoderPasses, metrics: metrics, control: control)
                }
            },
            rankingEvaluateBinding(RecVAE.self) { try $0.evaluate($1, metrics: $2) },
            LibraryBinding.property("itemCount", of: RecVAE.self, returns: "Int", summary: "The number of items.") { .int($0.itemCount) },
            LibraryBinding.property("stepCount", of: RecVAE.self, returns: "Int", summary: "Gradient steps taken so far.") { .int($0.stepCount) },
        ])
    }

    /// `AutoRec` (Sedhain et al. 2015).
    static var autoRecBindings: TypeBindings {
        let autoRec = AutoRec.self
        return TypeBindings("AutoRec", summary: "AutoRec (Sedhain et al. 2015): rating prediction by reconstructing item (or user) rows.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("users", .int, documentation: "The number of users."),
                                         .init("items", .int, documentation: "The number of items."),
                                         .init("orientation", .any("AutoRec.Orientation"), defaultValue: .library(AutoRec.Orientation.itemBased),
                                               documentation: "`.itemBased` (I-AutoRec) or `.userBased`."),
                                         .init("hidden", .int, defaultValue: .int(500), documentation: "Hidden units."),
                                         .init("dropout", .double, defaultValue: .double(0.05), documentation: "Hidden dropout in training."),
                                         .init("masksUnobserved", .bool, defaultValue: .bool(true),
                                               documentation: "Whether the loss counts observed ratings only (the paper); false treats missing ratings as zeros."),
                                         .init("seed", .int, defaultValue: .int(0), documentation: "The seed.")],
                            returns: "AutoRec", summary: "Creates an AutoRec with N(0, 0.01²) weights from `seed`.") { call in
                let users = try call.int(0), items = try call.int(1), orientation = try call.argument(2, as: AutoRec.Orientation.self)
                let hidden = try call.int(3), dropout = try call.double(4), masks = try call.bool(5)
                let seed = UInt64(truncatingIfNeeded: try call.int(6))
                return .library(try call.library {
                    try AutoRec(users: users, items: items, orientation: orientation, hidden: hidden, dropout: dropout,
                                masksUnobserved: masks, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: [.init(nil, "ratings", .any("Interactions"), documentation: "The training ratings."),
                                         .init("validation", .any("Interactions?"), defaultValue: .optional(nil),
                                               documentation: "Ratings to report RMSE and MAE on after each epoch."),
                                         .init("epochs", .int, defaultValue: .int(25), documentation: "Passes over the rows."),
                                         .init("batchSize", .int, defaultValue: .int(256), documentation: "Rows per step."),
                                         .init("optimizer", .any("Optimizer?"), defaultValue: .optional(nil),
                                               documentation: "nil for `Adam(learningRate: 0.002, weightDecay: 1e-5)`.")],
                            returns: "TrainingHistory",
                            summary: "Trains on masked reconstruction of rating rows, showing a live progress bar.") { call in
                let model = try call.receiver(as: autoRec), ratings = try call.argument(0, as: Interactions.self)
                let validation = try call.optionalArgument(1, as: Interactions.self), epochs = try call.int(2), batchSize = try call.int(3)
                let optimizer = try call.optimizer(4) { Adam(learningRate: 0.002, weightDecay: 1e-5) }
                return try TrainingProgressDisplay.train(call, label: "AutoRec") { control in
                    try model.fit(ratings, validation: validation, epochs: epochs, batchSize: batchSize, optimizer: optimizer, control: control)
                }
            },
            LibraryBinding.property("masksUnobserved", of: autoRec, returns: "Bool",
                                    summary: "Whether the loss counts observed ratings only.") { .bool($0.masksUnobserved) },
            LibraryBinding.property("stepCount", of: autoRec, returns: "Int", summary: "Gradient steps taken so far.") { .int($0.stepCount) },
            FunctionBinding("evaluate", kind: .method,
                            parameters: [.init(nil, "test", .any("Interactions"), documentation: "The ratings to predict."),
                                         .init("given", "ratings", .any("Interactions"), documentation: "The ratings the model reconstructs from.")],
                            returns: "[String: Double]", summary: "RMSE and MAE on the test ratings.") { call in
                let model = try call.receiver(as: autoRec)
                let test = try call.argument(0, as: Interactions.self), given = try call.argument(1, as: Interactions.self)
                let scores = try call.library { try model.evaluate(test, given: given) }
                var dictionary = ValueDictionary()
                for name in scores.keys.sorted() { dictionary[DictionaryKey(.string(name))!] = .double(scores[name]!) }
                return .dictionary(dictionary)
            },
        ])
    }

    /// `.itemBased`, `.userBased`.
    static var autoRecOrientationBindings: TypeBindings {
        TypeBindings("AutoRec.Orientation", summary: "Whether AutoRec reconstructs item rows or user rows.", [
            LibraryBinding.enumerationCase("itemBased", AutoRec.Orientation.itemBased, summary: "I-AutoRec: one row per item."),
            LibraryBinding.enumerationCase("userBased", AutoRec.Orientation.userBased, summary: "U-AutoRec: one row per user."),
        ])
    }
}
