import Datasets
import Models
import NeuralNetworks

extension MultiVAE: CellExposed { static var cellTypeName: String { "MultiVAE" } }
extension MultiDAE: CellExposed { static var cellTypeName: String { "MultiDAE" } }
extension RecVAE: CellExposed { static var cellTypeName: String { "RecVAE" } }

extension Likelihood: CellExposed {
    static var cellTypeName: String { "Likelihood" }
    var cellDescription: String { ".\(self)" }
}

extension BindingTable {
    /// Recommenders: Multi-VAE, Multi-DAE, RecVAE, AutoRec and the likelihoods they train with.
    static var modelTypeBindings: [TypeBindings] {
        [multiVAEBindings, multiDAEBindings, recVAEBindings, autoRecBindings, autoRecOrientationBindings, likelihoodBindings]
            + generativeTypeBindings
    }

    /// The parameters every autoencoder recommender's initialiser starts with.
    static func autoencoderParameters(hidden: Int) -> [ParameterBinding] {
        [.init("items", .int, documentation: "The number of items (columns of the user–item matrix)."),
         .init("hidden", .int, defaultValue: .int(hidden), documentation: "Units in the hidden layer.")]
    }

    /// The trailing `likelihood:` and `seed:` of the recommenders' initialisers.
    static let likelihoodAndSeed: [ParameterBinding] = [
        .init("likelihood", .any("Likelihood"), defaultValue: .library(Likelihood.multinomial),
              documentation: "The reconstruction likelihood."),
        .init("seed", .int, defaultValue: .int(0), documentation: "The seed of the weights and the noise."),
    ]

    /// `fit(_:validation:epochs:batchSize:` … the parameters the autoencoder recommenders' `fit` share.
    static func fitParameters(epochs: Int, batchSize: Int) -> [ParameterBinding] {
        [.init(nil, "data", .any("UserItemMatrix"), documentation: "Users × items training rows, e.g. `split.train`."),
         .init("validation", .any("FoldInUsers?"), defaultValue: .optional(nil),
               documentation: "Held-out users ranked after each epoch, e.g. `split.validation`."),
         .init("epochs", .int, defaultValue: .int(epochs), documentation: "Passes over the training rows."),
         .init("batchSize", .int, defaultValue: .int(batchSize), documentation: "Users per gradient step.")]
    }

    /// `metrics:` of `fit` (validated each epoch).
    static let validationMetricsParameter = ParameterBinding(
        "metrics", .sequence("[RankingMetric]"), defaultValue: .array([.library(RankingMetric.ndcg(100))]),
        documentation: "Metrics computed on the validation users after each epoch.")

    /// `evaluate(_:metrics:)` for the autoencoder recommenders.
    static func rankingEvaluateBinding<Model: CellExposed>(
        _ type: Model.Type, _ evaluate: @escaping (Model, FoldInUsers, [RankingMetric]) throws -> MetricReport
    ) -> FunctionBinding {
        FunctionBinding("evaluate", kind: .method,
                        parameters: [.init(nil, "users", .any("FoldInUsers"), documentation: "Held-out users, e.g. `split.test`."),
                                     .init("metrics", .sequence("[RankingMetric]"),
                                           defaultValue: .array([.library(RankingMetric.ndcg(100)), .library(RankingMetric.recall(20)),
                                                                 .library(RankingMetric.recall(50))]),
                                           documentation: "What to average over the users.")],
                        returns: "MetricReport",
                        summary: "Ranks all items for held-out users from their fold-in items and averages the metrics (an HTML table).") { call in
            let model = try call.receiver(as: type), users = try call.argument(0, as: FoldInUsers.self)
            let metrics = try call.rankingMetrics(1)
            return .library(try call.library { try evaluate(model, users, metrics) })
        }
    }

    /// `Multi-VAE` (Liang et al. 2018).
    static var multiVAEBindings: TypeBindings {
        TypeBindings("MultiVAE", summary: "Variational autoencoder for collaborative filtering (Liang et al. 2018).", [
            FunctionBinding("init", kind: .initializer,
                            parameters: autoencoderParameters(hidden: 600)
                                + [.init("latent", .int, defaultValue: .int(200), documentation: "The latent dimension."),
                                   .init("dropout", .double, defaultValue: .double(0.5), documentation: "Input dropout in training.")]
                                + likelihoodAndSeed,
                            returns: "MultiVAE", summary: "Creates a Multi-VAE with Xavier-uniform weights from `seed`.") { call in
                let items = try call.int(0), hidden = try call.int(1), latent = try call.int(2), dropout = try call.double(3)
                let likelihood = try call.argument(4, as: Likelihood.self), seed = UInt64(truncatingIfNeeded: try call.int(5))
                return .library(try call.library {
                    try MultiVAE(items: items, hidden: hidden, latent: latent, dropout: dropout, likelihood: likelihood, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: fitParameters(epochs: 50, batchSize: 500)
                                + [.init("optimizer", .any("Optimizer?"), defaultValue: .optional(nil),
                                         documentation: "nil for `Adam(learningRate: 1e-3)`."),
                                   .init("annealing", .any("Annealing"), defaultValue: .library(Annealing.linear(cap: 0.2, steps: 200_000)),
                                         documentation: "The KL weight schedule."),
                                   validationMetricsParameter],
                            returns: "TrainingHistory",
                            summary: "Trains with one annealed ELBO step per batch, showing a live progress bar; interrupting keeps the weights.",
                            discussion: "Records per step `loss`, `reconstruction`, `kl`, `beta`; per epoch their means and the metrics.") { call in
                let model = try call.receiver(as: MultiVAE.self), data = try call.argument(0, as: UserItemMatrix.self)
                let validation = try call.optionalArgument(1, as: FoldInUsers.self), epochs = try call.int(2), batchSize = try call.int(3)
                let optimizer = try call.optimizer(4) { Adam(learningRate: 1e-3) }
                let annealing = try call.argument(5, as: Annealing.self), metrics = try call.rankingMetrics(6)
                return try TrainingProgressDisplay.train(call, label: "MultiVAE") { control in
                    try model.fit(data, validation: validation, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                                  annealing: annealing, metrics: metrics, control: control)
                }
            },
            rankingEvaluateBinding(MultiVAE.self) { try $0.evaluate($1, metrics: $2) },
            LibraryBinding.property("itemCount", of: MultiVAE.self, returns: "Int", summary: "The number of items.") { .int($0.itemCount) },
            LibraryBinding.property("latentCount", of: MultiVAE.self, returns: "Int", summary: "The latent dimension.") { .int($0.latentCount) },
            LibraryBinding.property("stepCount", of: MultiVAE.self, returns: "Int", summary: "Gradient steps taken so far.") { .int($0.stepCount) },
            FunctionBinding("posteriorMeanVariances", kind: .method,
                            parameters: [.init(nil, "users", .any("UserItemMatrix"),
                                               documentation: "Interaction rows to encode, e.g. `split.test.foldIn`.")],
                            returns: "[Double]",
                            summary: "Per latent dimension, the variance over users of the posterior mean; above 0.01 the unit is active.",
                            discussion: "Active units (Burda et al. 2016): a collapsed dimension has the same posterior N(0, 1) for every user.") { call in
                let model = try call.receiver(as: MultiVAE.self), users = try call.argument(0, as: UserItemMatrix.self)
                return LibraryConversion.array(try call.library { try model.posteriorMeanVariances(users) })
            },
        ])
    }

    /// `Multi-DAE` (Liang et al. 2018).
    static var multiDAEBindings: TypeBindings {
        TypeBindings("MultiDAE", summary: "Denoising autoencoder for collaborative filtering (Liang et al. 2018).", [
            FunctionBinding("init", kind: .initializer,
                            parameters: autoencoderParameters(hidden: 200)
                                + [.init("latent", .any("Int?"), defaultValue: .optional(nil),
                                         documentation: "A middle tanh layer (items → hidden → latent → hidden → items); nil for one hidden layer."),
                                   .init("dropout", .double, defaultValue: .double(0.5), documentation: "Input dropout in training.")]
                                + likelihoodAndSeed,
                            returns: "MultiDAE", summary: "Creates a Multi-DAE from `seed`.") { call in
                let items = try call.int(0), hidden = try call.int(1), latent = try call.optionalInt(2), dropout = try call.double(3)
                let likelihood = try call.argument(4, as: Likelihood.self), seed = UInt64(truncatingIfNeeded: try call.int(5))
                return .library(try call.library {
                    try MultiDAE(items: items, hidden: hidden, latent: latent, dropout: dropout, likelihood: likelihood, seed: seed)
                })
            },
            FunctionBinding("fit", kind: .method,
                            parameters: fitParameters(epochs: 50, batchSize: 500)
                                + [.init("optimizer", .any("Optimizer?"), defaultValue: .optional(nil),
                                         documentation: "nil for `Adam(learningRate: 1e-3)`."),
                                   validationMetricsParameter],
                            returns: "TrainingHistory",
                            summary: "Trains with one denoising step per batch, showing a live progress bar; interrupting keeps the weights.") { call in
                let model = try call.receiver(as: MultiDAE.self), data = try call.argument(0, as: UserItemMatrix.self)
                let validation = try call.optionalArgument(1, as: FoldInUsers.self), epochs = try call.int(2), batchSize = try call.int(3)
                let optimizer = try call.optimizer(4) { Adam(learningRate: 1e-3) }, metrics = try call.rankingMetrics(5)
                return try TrainingProgressDisplay.train(call, label: "MultiDAE") { control in
                    try model.fit(data, validation: validation, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                                  metrics: metrics, control: control)
                }
            },
            rankingEvaluateBinding(MultiDAE.self) { try $0.evaluate($1, metrics: $2) },
            LibraryBinding.property("itemCount", of: MultiDAE.self, returns: "Int", summary: "The number of items.") { .int($0.itemCount) },
            LibraryBinding.property("stepCount", of: MultiDAE.self, returns: "Int", summary: "Gradient steps taken so far.") { .int($0.stepCount) },
        ])
    }

    /// `.multinomial`, `.gaussian`, `.logistic`, `.focal(alpha:gamma:)`.
    static var likelihoodBindings: TypeBindings {
        TypeBindings("Likelihood", summary: "The reconstruction likelihood of an autoencoder recommender.", [
            LibraryBinding.enumerationCase("multinomial", Likelihood.multinomial, summary: "Multinomial: softmax over items."),
            LibraryBinding.enumerationCase("gaussian", Likelihood.gaussian, summary: "Gaussian: squared error."),
            LibraryBinding.enumerationCase("logistic", Likelihood.logistic, summary: "Logistic: per-item sigmoid cross-entropy."),
            FunctionBinding("focal", kind: .staticMethod,
                            parameters: [.init("alpha", .double, documentation: "The weight of positives."),
                                         .init("gamma", .double, documentation: "The focusing exponent.")],
                            returns: "Likelihood", summary: "Focal loss (Lin et al. 2017) on per-item sigmoids.") { call in
                .library(Likelihood.focal(alpha: try call.double(0), gamma: try call.double(1)))
            },
        ])
    }
}
