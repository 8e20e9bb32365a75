import Foundation
import Testing
import Datasets
import NeuralNetworks
import Models

/// Fidelity runs on the real ML-100K data, reported rather than asserted. They train for minutes,
/// so they run only with `SWIFT_EXPERIMENTS_FIDELITY=1` (build with `-c release`); the data folder
/// is found as `MovieLens.load` finds it (`SWIFT_EXPERIMENTS_DATA` or a `.cache/data` above the
/// working directory). With `SWIFT_EXPERIMENTS_SPLITS` set to a folder, each test also writes its
/// split there for scripts/reference_recommenders.py, which trains the PyTorch references on it.
@Suite("Recommender fidelity (SWIFT_EXPERIMENTS_FIDELITY=1)",
       .enabled(if: ProcessInfo.processInfo.environment["SWIFT_EXPERIMENTS_FIDELITY"] == "1"))
struct RecommenderFidelityTests {
    /// I-AutoRec in d2l's setup: 90/10 random split, hidden 500, dropout 0.05, Adam 0.002 with
    /// weight decay 1e-5, 25 epochs, batch 256. Issue 5 asks for a test RMSE of at most 0.89; on this
    /// split (seed 42) we get 0.904 and d2l's setup re-run in PyTorch gets 0.904–0.908 with our
    /// batching and 0.909–0.912 with its own (scripts/reference_recommenders.py autorec, seeds 1–3):
    /// 0.89 is reached on some random splits and not on this one.
    @Test func itemAutoRecOnMovieLens100K() throws {
        let ratings = try MovieLens.load(.ml100k)
        let split = try ratings.randomSplit(testFraction: 0.1, seed: 42)
        try exportFidelitySplit(named: "autorec", ["train": split.train.matrix(), "test": split.test.matrix()])
        let model = try AutoRec(users: split.userCount, items: split.itemCount, hidden: 500, dropout: 0.05, seed: 1)
        let start = Date()
        let history = try model.fit(split.train, validation: split.test, epochs: 25, batchSize: 256,
                                    optimizer: Adam(learningRate: 0.002, weightDecay: 1e-5))
        let seconds = Date().timeIntervalSince(start)
        let result = try model.evaluate(split.test, given: split.train)
        print("FIDELITY I-AutoRec ml-100k: test RMSE \(result["RMSE"]!) MAE \(result["MAE"]!) "
              + "(best epoch RMSE \(history.epochSeries("RMSE").min()!)), \(seconds) s for 25 epochs, "
              + "\(history.epochSeconds.reduce(0, +) / 25) s/epoch with validation")
        #expect(result["RMSE"]!.isFinite)
    }

    /// Multi-VAE in Liang et al.'s protocol on ML-100K: ratings > 3.5, users with at least 5 of them,
    /// 10% held-out users with 80/20 fold-in, 600-200, batch 100, 50 epochs, β to 0.2 over 20,000
    /// steps, the epoch with the best validation NDCG@100 kept. Liang's Multi-VAE in PyTorch on this
    /// split (scripts/reference_recommenders.py multivae, seeds 1–9) gives test NDCG@100 0.441 on
    /// average (0.424–0.450); ours gives 0.445 (0.437–0.454, seeds 1–9), 0.441 with seed 7. With 94
    /// test users one run's NDCG@100 varies by about ±0.01 with the seed. Liang's Recall@k is
    /// ``RankingMetric/truncatedRecall(_:)``.
    @Test func multiVAEOnMovieLens100K() throws {
        let ratings = try MovieLens.load(.ml100k)
        let split = try ratings.implicit(minRating: 4).kCore(userMinimum: 5, itemMinimum: 0)
            .holdOutUsers(fraction: 0.1, seed: 98765)
        print("FIDELITY Multi-VAE split: \(split.train.rowCount) train users × \(split.itemCount) items, "
              + "\(split.validation.userCount) validation, \(split.test.userCount) test users")
        try exportFidelitySplit(named: "multivae", [
            "train": split.train, "validation-foldin": split.validation.foldIn, "validation-target": split.validation.target,
            "test-foldin": split.test.foldIn, "test-target": split.test.target])

        let timed = try MultiVAE(items: split.itemCount, hidden: 600, latent: 200, dropout: 0.5, seed: 7)
        let epochStart = Date()
        try timed.fit(split.train, epochs: 1, batchSize: 100)
        print("FIDELITY Multi-VAE one epoch (no validation): \(Date().timeIntervalSince(epochStart)) s")

        let model = try MultiVAE(items: split.itemCount, hidden: 600, latent: 200, dropout: 0.5, seed: 7)
        var control = TrainingControl()
        control.earlyStopping = EarlyStopping(metric: "NDCG@100", patience: 50)
        let history = try model.fit(split.train, validation: split.validation, epochs: 50, batchSize: 100,
                                    optimizer: Adam(learningRate: 1e-3), annealing: .linear(cap: 0.2, steps: 20_000),
                                    metrics: [.ndcg(100)], control: control)
        let report = try model.evaluate(split.test, metrics: [.ndcg(100), .recall(20), .recall(50),
                                                              .truncatedRecall(20), .truncatedRecall(50)])
        print("FIDELITY Multi-VAE ml-100k (best epoch \(history.bestEpoch ?? 0), final β \(history.stepSeries("beta").last!)):\n\(report)")
        #expect(report[.ndcg(100)]!.isFinite)
    }
}
