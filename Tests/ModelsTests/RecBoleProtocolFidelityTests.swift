import Foundation
import Testing
import Autograd
import Datasets
import NeuralNetworks
import Models

/// Multi-VAE, Multi-DAE and RecVAE under RecBole 1.2.1's default protocol on ML-100K, against the
/// test NDCG@10 RecBole reports for them (0.285, 0.298, 0.294; issue 5). Gated like
/// ``RecommenderFidelityTests`` (`SWIFT_EXPERIMENTS_FIDELITY=1`, release build); `SWIFT_EXPERIMENTS_FIDELITY_SEEDS`
/// (comma-separated, default `2020`, RecBole's seed) chooses the split seeds, and
/// `SWIFT_EXPERIMENTS_FIDELITY_MODEL_SEEDS` the model seeds tried on each split (by default the split's own).
///
/// The protocol, from RecBole's `overall.yaml`, `ml-100k.yaml` and the models' yaml files:
/// - every rating is an implicit interaction (no `val_interval` or `threshold`, no k-core);
/// - `eval_args`: per-user random split 0.8/0.1/0.1 (``Interactions/perUserRandomSplit(ratios:seed:)``),
///   full ranking with the training items (and for test also the validation items) masked
///   (``TrainValidationTestSplit/validationUsers()``, ``TrainValidationTestSplit/evaluateTest(_:scores:)``);
/// - NDCG@10 as RecBole's `NDCG` (ideal over min(k, relevant)), ``RankingMetric/ndcg(_:)``;
/// - Adam at 1e-3, no weight decay, up to 300 epochs, validation every epoch on MRR@10 (`valid_metric`)
///   with `stopping_step` 10, the best validation epoch's weights kept for test;
/// - training batches of 2048 *interactions*: RecBole's autoencoders read `interaction[USER_ID]`, so
///   each batch holds one user row per sampled training interaction (users weighted by their
///   activity, about 40 steps an epoch). We train on a matrix with one row per training interaction,
///   shuffled and cut into batches of 2048 by the models' own `fit`.
///
/// RecBole draws Multi-VAE's and RecVAE's reparameterisation noise with standard deviation 0.01
/// (``MultiVAE/latentNoiseScale``, ``RecVAE/latentNoiseScale``; with the paper's 1 Multi-VAE gets
/// 0.271 on seed 2020, best epoch 3). RecBole initialises every linear layer Xavier-normal with zero
/// biases; the tests do the same (``initializeAsRecBole(_:seed:)``). RecBole's Multi-DAE is
/// `[items, 600, 64, 600, items]` (`MultiDAE(hidden: 600, latent: 64)`). The tolerance, 0.01, is about one
/// standard error of a mean NDCG@10 over 943 users (±0.0075 reported), and our split cannot be
/// RecBole's (another random generator).
///
/// Test NDCG@10 for seeds 2020 / 2021 / 2022, against RecBole's models re-done in PyTorch on the same
/// splits (`exportSplits`, then `scripts/reference_recommenders.py recbole`):
/// - Multi-VAE 0.279 / 0.260 / 0.281 (mean 0.273); PyTorch 0.277 / 0.283 / 0.276 (mean 0.279). The
///   model seed moves a run as much as the split does: with model seeds 2020, 2021, 2022 and 7
///   (`SWIFT_EXPERIMENTS_FIDELITY_MODEL_SEEDS`) split 2021 gives 0.277 / 0.260 / 0.286 / 0.282,
///   split 2020 0.279 / 0.276 / 0.280 / 0.279 and split 2022 0.277 / 0.275 / 0.281 / 0.279: mean
///   0.278 over the twelve runs, against 0.279 over eleven PyTorch runs (torch seeds 7 and 8 add
///   0.285 / 0.276 on split 2020, 0.287 / 0.279 on split 2021, 0.276 / 0.277 on split 2022, and
///   seeds 1 and 2 gave 0.283 / 0.273 on split 2021);
/// - Multi-DAE 0.280 / 0.279 / 0.278 (mean 0.279); PyTorch 0.279 / 0.279 / 0.280 (mean 0.279).
/// So on our splits RecBole's own models also land below its published 0.285 and 0.298, and the tests
/// fail by that margin. Each run takes about 3 to 8 minutes and peaks within five epochs (about 200
/// steps of 2048 rows), then overfits. With our layers' own Xavier-uniform initialisation, seed 2020
/// gave Multi-VAE 0.275 and vae_cf's one-layer Multi-DAE (`hidden: 600`) 0.301 (0.294, 0.286 and 0.292
/// with RecBole's initialisation on the three seeds). RecVAE makes four passes an epoch through a
/// five-layer encoder, about twelve times Multi-VAE's work: seed 2020 gives 0.317 with RecBole's
/// initialisation and 0.307 with ours (best epoch 5 of 16 both), 42 minutes niced on two shared cores.
@Suite("RecBole protocol fidelity (SWIFT_EXPERIMENTS_FIDELITY=1)",
       .enabled(if: ProcessInfo.processInfo.environment["SWIFT_EXPERIMENTS_FIDELITY"] == "1"))
struct RecBoleProtocolFidelityTests {
    static let tolerance = 0.01
    static let batchSize = 2048
    static let epochs = 300

    /// The split seeds to run, from `SWIFT_EXPERIMENTS_FIDELITY_SEEDS` or RecBole's 2020.
    var seeds: [Int] { Self.seeds(from: "SWIFT_EXPERIMENTS_FIDELITY_SEEDS") ?? [2020] }

    /// (split seed, model seed) pairs: each split with the model seeds of
    /// `SWIFT_EXPERIMENTS_FIDELITY_MODEL_SEEDS` (initialisation, dropout and noise), or with its own seed.
    var runs: [(split: Int, model: Int)] {
        let modelSeeds = Self.seeds(from: "SWIFT_EXPERIMENTS_FIDELITY_MODEL_SEEDS")
        return seeds.flatMap { split in (modelSeeds ?? [split]).map { (split, $0) } }
    }

    /// The comma-separated integers of an environment variable, if it is set.
    static func seeds(from variable: String) -> [Int]? {
        ProcessInfo.processInfo.environment[variable].map {
            $0.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    /// RecBole's split of ML-100K for `seed`, its training matrix, and the one-row-per-interaction
    /// matrix RecBole's training batches are drawn from.
    func protocolData(seed: Int) throws -> (split: TrainValidationTestSplit, train: UserItemMatrix, trainingRows: UserItemMatrix) {
        let split = try MovieLens.load(.ml100k).perUserRandomSplit(ratios: [0.8, 0.1, 0.1], seed: seed)
        let train = split.train.matrix(binary: true)
        try exportFidelitySplit(named: "recbole-\(seed)", [
            "train": train, "validation": split.validation.matrix(binary: true), "test": split.test.matrix(binary: true),
        ])
        return (split, train, train.selectingRows(split.train.userIndices))
    }

    /// Only writes each seed's split for `scripts/reference_recommenders.py recbole` (with
    /// `SWIFT_EXPERIMENTS_SPLITS` set), without training.
    @Test func exportSplits() throws {
        for seed in seeds { _ = try protocolData(seed: seed) }
    }

    /// RecBole's early stopping (MRR@10 on validation, 10 evaluations without improvement, best
    /// weights back), printing each epoch's validation metrics as `name` trains.
    func control(_ name: String) -> TrainingControl {
        var control = TrainingControl()
        control.earlyStopping = EarlyStopping(metric: "MRR@10", patience: 10)
        control.onEpochEnd = { record in
            print("FIDELITY RecBole protocol \(name) epoch \(record.epoch): validation MRR@10 "
                  + "\(record.values["MRR@10"] ?? .nan) NDCG@10 \(record.values["NDCG@10"] ?? .nan)")
        }
        return control
    }

    /// RecBole's `xavier_normal_initialization`: every linear weight re-drawn from Xavier-normal, every
    /// linear bias 0 (layer norms keep their ones and zeros).
    func initializeAsRecBole(_ model: Module, seed: Int) throws {
        var generator = RandomGenerator(seed: UInt64(seed), stream: 0x2EC_B01E)
        try model.initialize(.xavierNormal(), where: { $0.hasSuffix("weight") && !$0.contains("norms") }, generator: &generator)
        try model.initialize(.constant(0), where: { $0.hasSuffix("bias") && !$0.contains("norms") }, generator: &generator)
    }

    /// Prints and checks one run's test report.
    func report(_ name: String, reference: Double, seeds: (split: Int, model: Int), history: TrainingHistory, seconds: Double,
                split: TrainValidationTestSplit, scores: [Float]) throws -> Double {
        let report = try split.evaluateTest([.ndcg(10), .meanReciprocalRank(10), .recall(10), .hit(10), .precision(10)],
                                            scores: scores)
        print("FIDELITY RecBole protocol \(name) split seed \(seeds.split), model seed \(seeds.model): test NDCG@10 \(report[.ndcg(10)]!) "
              + "(RecBole \(reference)), best epoch \(history.bestEpoch ?? -1) of \(history.epochSeries("MRR@10").count), "
              + "\(Int(seconds)) s\n\(report)")
        return report[.ndcg(10)]!
    }

    /// RecBole's MultiVAE.yaml: mlp_hidden_size [600], latent_dimension 128 (a 64-dimensional z: μ and
    /// log σ² are its two halves), dropout 0.5, β annealed to 0.2 over 200,000 steps.
    @Test func multiVAE() throws {
        for (splitSeed, seed) in runs {
            let data = try protocolData(seed: splitSeed)
            let model = try MultiVAE(items: data.train.columnCount, hidden: 600, latent: 64, dropout: 0.5, seed: UInt64(seed))
            model.latentNoiseScale = 0.01
            try initializeAsRecBole(model, seed: seed)
            let start = Date()
            let history = try model.fit(data.trainingRows, validation: data.split.validationUsers(), epochs: Self.epochs,
                                        batchSize: Self.batchSize, optimizer: Adam(learningRate: 1e-3),
                                        annealing: .linear(cap: 0.2, steps: 200_000),
                                        metrics: [.meanReciprocalRank(10), .ndcg(10)], control: control("Multi-VAE"))
            let ndcg = try report("Multi-VAE", reference: 0.285, seeds: (splitSeed, seed), history: history,
                                  seconds: Date().timeIntervalSince(start), split: data.split,
                                  scores: try model.scores(for: data.train))
            #expect(ndcg >= 0.285 - Self.tolerance)
        }
    }

    /// RecBole's MultiDAE.yaml: mlp_hidden_size [600], latent_dimension 64, dropout 0.5, no weight decay;
    /// its network is items → 600 → 64 → 600 → items with tanh after every layer but the last.
    @Test func multiDAE() throws {
        for (splitSeed, seed) in runs {
            let data = try protocolData(seed: splitSeed)
            let model = try MultiDAE(items: data.train.columnCount, hidden: 600, latent: 64, dropout: 0.5, seed: UInt64(seed))
            try initializeAsRecBole(model, seed: seed)
            let start = Date()
            let history = try model.fit(data.trainingRows, validation: data.split.validationUsers(), epochs: Self.epochs,
                                        batchSize: Self.batchSize, optimizer: Adam(learningRate: 1e-3),
                                        metrics: [.meanReciprocalRank(10), .ndcg(10)], control: control("Multi-DAE"))
            let ndcg = try report("Multi-DAE", reference: 0.298, seeds: (splitSeed, seed), history: history,
                                  seconds: Date().timeIntervalSince(start), split: data.split,
                                  scores: try model.scores(for: data.train))
            #expect(ndcg >= 0.298 - Self.tolerance)
        }
    }

    /// RecBole's RecVAE.yaml: hidden 600, latent 200, dropout 0.5, γ 0.005, mixture weights
    /// [0.15, 0.75, 0.1], 3 encoder passes and 1 decoder pass an epoch, each part with its own Adam at 1e-3.
    @Test func recVAE() throws {
        for (splitSeed, seed) in runs {
            let data = try protocolData(seed: splitSeed)
            let model = try RecVAE(items: data.train.columnCount, hidden: 600, latent: 200, dropout: 0.5, gamma: 0.005,
                                   seed: UInt64(seed))
            model.latentNoiseScale = 0.01
            try initializeAsRecBole(model, seed: seed)
            let start = Date()
            let history = try model.fit(data.trainingRows, validation: data.split.validationUsers(), epochs: Self.epochs,
                                        batchSize: Self.batchSize, encoderOptimizer: Adam(learningRate: 1e-3),
                                        decoderOptimizer: Adam(learningRate: 1e-3), encoderPasses: 3, decoderPasses: 1,
                                        metrics: [.meanReciprocalRank(10), .ndcg(10)], control: control("RecVAE"))
            let ndcg = try report("RecVAE", reference: 0.294, seeds: (splitSeed, seed), history: history,
                                  seconds: Date().timeIntervalSince(start), split: data.split,
                                  scores: try model.scores(for: data.train))
            #expect(ndcg >= 0.294 - Self.tolerance)
        }
    }
}
