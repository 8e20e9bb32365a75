import Foundation
import Testing
import Datasets
@testable import CellLanguage
import LibraryBindings

/// The shape of DESIGN.md's tutorial cells on the real data sets (skipped when `make data` has not run).
@Suite struct LibraryNotebookTests {
    @Test func theRecommenderTutorialRunsOnMovieLens() {
        guard DataDirectory.locate("ml-100k") != nil else { return }
        var runner = LibraryRunner()
        let summary = runner.value("let ratings = try MovieLens.load(.ml100k)\nratings.summary()")
        #expect(summary?.data["text/html"]?.contains("<table") == true)
        _ = runner.run("""
            let split = try ratings.implicit(minRating: 4).holdOutUsers(fraction: 0.1, seed: 42)
            var model = try MultiVAE(items: split.itemCount, hidden: 20, latent: 10, dropout: 0.5, seed: 7)
            let history = try model.fit(split.train, epochs: 1, batchSize: 100,
                                    optimizer: Adam(learningRate: 1e-3),
                                    annealing: .linear(cap: 0.2, steps: 20_000))
            """)
        #expect(isPNG(runner.value("try history.plot(\"loss\", \"kl\", \"beta\")")?.data["image/png"]))
        let report = runner.value("try model.evaluate(split.test, metrics: [.ndcg(100), .recall(20), .recall(50)])")
        #expect(report?.data["text/html"]?.contains("Recall@50") == true)
    }

    @Test func theGenerativeTutorialRunsOnMNIST() {
        guard DataDirectory.locate("mnist-5k") != nil else { return }
        var runner = LibraryRunner()
        let digits = runner.value("let digits = try MNIST.loadDigits5k()\ndigits")
        #expect(isPNG(digits?.data["image/png"]))
        _ = runner.run("""
            let split = try digits.split(trainCount: 4_800)
            let model = try VAE(latent: 2, architecture: .multilayerPerceptron(hidden: 32), seed: 1)
            let history = try model.fit(split.train.selecting(Array(0..<256)), epochs: 1, batchSize: 64)
            """)
        #expect(runner.value("try model.evaluate(split.test)")?.data["text/html"]?.contains("ELBO") == true)
        let grid = runner.value("""
            let originals = try split.test.imageTensor(Array(0..<8))
            try Figure.imageGrid(rows: [originals.plotImages(height: 28, width: 28),
                                    model.reconstruct(originals).plotImages(height: 28, width: 28)],
                             rowLabels: ["input", "reconstruction"])
            """)
        #expect(isPNG(grid?.data["image/png"]))
        #expect(isPNG(runner.value("try Figure.imageGrid(model.sample(count: 8, seed: 3).plotImages(height: 28, width: 28))")?.data["image/png"]))
    }

    @Test func theAdversarialAutoencoderTrainsAndShowsItsCodes() {
        guard DataDirectory.locate("mnist-5k") != nil else { return }
        var runner = LibraryRunner()
        _ = runner.run("""
            let split = try MNIST.loadDigits5k().split(trainCount: 4_800)
            let model = try AdversarialAutoencoder(latent: 2, hidden: [32], discriminatorHidden: [16], seed: 1)
            let history = try model.fit(split.train.selecting(Array(0..<200)), validation: split.test, epochs: 2, batchSize: 50)
            """)
        #expect(isPNG(runner.value("try history.plot(\"reconstruction\", \"discriminator\", \"generator\")")?.data["image/png"]))
        let terms = runner.value("try model.evaluate(split.test)")
        #expect(terms?.data["text/html"]?.contains("discriminator") == true)
        #expect(terms?.data["text/plain"]?.contains("nats per image") == true)
        #expect(runner.value("try model.encode(split.test.imageTensor(Array(0..<5))).shape")?.data["text/plain"] == "[5, 2]")
        #expect(isPNG(runner.value("try Figure.imageGrid(model.sample(count: 4, seed: 2).plotImages(height: 28, width: 28))")?.data["image/png"]))
        #expect(runner.value("history.epochSeries(\"validationDiscriminator\").count")?.data["text/plain"] == "2")
    }
}
