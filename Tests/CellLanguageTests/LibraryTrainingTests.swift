import Foundation
import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct LibraryTrainingTests {
    /// Loads the tiny ratings and makes a held-out split in `runner`.
    func prepare(_ runner: inout LibraryRunner, path: String) {
        _ = runner.run("""
            let ratings = try MovieLens.loadRatings(path: "\(path)")
            let split = try ratings.implicit(minRating: 1).holdOutUsers(fraction: 0.2, seed: 42)
            var model = try MultiVAE(items: split.itemCount, hidden: 8, latent: 4, dropout: 0.5, seed: 7)
            """)
    }

    /// The NaN guard seen from a cell: the error says where the run diverged, the model keeps finite weights, and
    /// the error is catchable by its type with the history.
    @Test func aDivergingFitStopsWithAClearErrorAndAFiniteModel() throws {
        let path = try writeTinyRatings()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var runner = LibraryRunner()
        prepare(&runner, path: path)
        let failure = runner.text("try model.fit(split.train, epochs: 5, batchSize: 6, optimizer: Adam(learningRate: 1e12))")
        #expect(failure.contains("training stopped at epoch 1, step "), "\(failure)")
        #expect(failure.contains("learning rate 1e+12"))
        #expect(runner.text("model.parameters().values.allSatisfy { $0.isFinite }") == "true")
        let caught = runner.text("""
            var outcome = "trained"
            do {
                _ = try model.fit(split.train, epochs: 5, batchSize: 6, optimizer: Adam(learningRate: 1e12))
            } catch ModelsError.nonFiniteTraining(let stop, let history) {
                outcome = "stopped at step \\(stop.globalStep) after \\(history.steps.count) finite steps"
            }
            outcome
            """)
        #expect(caught.hasPrefix("\"stopped at step "), "\(caught)")
    }

    @Test func fitShowsOneProgressDisplayUpdatedInPlaceAndEvaluateGivesATable() throws {
        let path = try writeTinyRatings()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var runner = LibraryRunner()
        prepare(&runner, path: path)
        let history = runner.value("""
            let history = try model.fit(split.train, epochs: 3, batchSize: 6,
                                    optimizer: Adam(learningRate: 1e-3),
                                    annealing: .linear(cap: 0.2, steps: 20_000))
            history
            """)
        #expect(isPNG(history?.data["image/png"]))
        let progress = runner.output.displays
        #expect(!progress.isEmpty)
        #expect(Set(progress.map(\.displayID)).count == 1)
        #expect(progress.first?.displayID != nil)
        #expect(progress.first?.isUpdate == false)
        #expect(progress.dropFirst().allSatisfy { $0.isUpdate } == true)
        #expect(progress.last?.output.data["text/html"]?.contains("<progress") == true)
        #expect(progress.last?.output.plainText.contains("9/9") == true)
        #expect(isPNG(runner.value("try history.plot(\"loss\", \"kl\", \"beta\")")?.data["image/png"]))
        let report = runner.value("try model.evaluate(split.test, metrics: [.ndcg(100), .recall(20)])")
        #expect(report?.data["text/html"]?.contains("NDCG@100") == true)
        #expect(runner.text("model.stepCount") == "9")
    }

    @Test func anInterruptStopsFitAndKeepsTheTrainedModel() throws {
        let path = try writeTinyRatings()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var runner = LibraryRunner()
        prepare(&runner, path: path)
        let session = runner.session
        runner.output.onDisplay = { _ in session.interruption.request() }
        guard case .failure(let failure) = runner.run("let history = try model.fit(split.train, epochs: 1000, batchSize: 6)") else {
            Issue.record("an interrupted fit should fail the cell")
            return
        }
        runner.output.onDisplay = nil
        #expect(failure.name == "CancellationError")
        let steps = Int(runner.text("model.stepCount")) ?? 0
        #expect(steps >= 1 && steps < 4000)
        #expect(runner.text("try model.evaluate(split.test)").contains("NDCG@100"))
    }

    @Test func completionAndInspectionDocumentModelMembers() {
        let session = CellSession(host: LibraryBindings.makeHost())
        _ = session.execute("var model = try MultiVAE(items: 10, hidden: 4, latent: 2)", cellNumber: 1, output: LibraryRecordingOutput())
        let names = session.completions(in: "model.", cursor: 6).items.map(\.text)
        #expect(names.contains("fit") && names.contains("evaluate"))
        let inspection = session.inspection(in: "model.fit", cursor: 9, detailLevel: 1)?.plainText ?? ""
        #expect(inspection.contains("annealing: Annealing"))
        #expect(inspection.contains("The KL weight β per gradient step"))
    }

    @Test func tensorsComputeLikeTheLibrary() {
        var runner = LibraryRunner()
        _ = runner.run("let a = try Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])\nlet b = Tensor(zeros: [2, 2]) + 1")
        #expect(runner.text("try (a + b).scalars") == "[2.0, 3.0, 4.0, 5.0]")
        #expect(runner.text("(a * 2 - 1).scalars") == "[1.0, 3.0, 5.0, 7.0]")
        #expect(runner.text("try a.matmul(b).shape") == "[2, 2]")
        #expect(runner.text("a.sum().scalar") == "10.0")
        #expect(runner.text("try a.mean(alongAxis: 0).scalars") == "[2.0, 3.0]")
        #expect(runner.text("a").hasPrefix("Tensor(shape: [2, 2]"))
        #expect(runner.text("var generator = RandomGenerator(seed: 1)\ngenerator.normal([3]).shape") == "[3]")
        #expect(runner.text("try a + \"x\"").hasPrefix("CompilationError"))
    }

    @Test func aTensorTooLargeForMemoryIsAnErrorAndTheSessionLives() {
        var runner = LibraryRunner()
        _ = runner.run("let kept = Tensor(ones: [2])")
        #expect(runner.text("let huge = Tensor(zeros: [10_000_000, 10_000_000])")
            .hasPrefix("RuntimeError: AutogradError: Tensor(zeros:): invalid shape [10000000, 10000000]: it needs 400000.0 GB"))
        #expect(runner.text("var generator = RandomGenerator(seed: 1)\ngenerator.normal([-1, 2])")
            == "RuntimeError: AutogradError: normal: invalid shape [-1, 2]: sizes cannot be negative")
        #expect(runner.text("try Tensor(zeros: [400_000, 1]) + Tensor(zeros: [1, 400_000])").hasPrefix("RuntimeError: AutogradError: +: "))
        #expect(runner.text("try Tensor(ones: [4, 6]).plotImages(height: Int.max, width: 2)")
            == "RuntimeError: AutogradError: plotImages(height: 9223372036854775807, width: 2): invalid shape [4, 6]: "
               + "24 values do not split into 9223372036854775807×2 images")
        #expect(runner.text("try Tensor(ones: [4, 6]).plotImages(height: -2, width: -3)")
            .hasPrefix("RuntimeError: AutogradError: plotImages(height: -2, width: -3): "))
        #expect(runner.text("kept.scalars") == "[1.0, 1.0]")
    }

    @Test func aModelTooLargeForMemoryIsAnErrorAndTheSessionLives() {
        var runner = LibraryRunner()
        _ = runner.run("let kept = Tensor(ones: [2])")
        #expect(runner.text("let model = try MultiVAE(items: 1 << 40, hidden: 600, latent: 200)")
            .hasPrefix("RuntimeError: AutogradError: Linear(1099511627776, 600): invalid shape [600, 1099511627776]: it needs "))
        #expect(runner.text("let model = try ConditionalVAE(classCount: Int.max)")
            == "RuntimeError: ModelsError: ConditionalVAE: the decoder's input width (20 + 9223372036854775807) is more than an Int can count")
        #expect(runner.text("let model = try VQVAE(residualBlocks: 1 << 40)").hasPrefix("RuntimeError: AutogradError: VQVAE(residualBlocks: "))
        #expect(runner.text("kept.scalars") == "[1.0, 1.0]")
    }

    @Test func annealingAndOptimizersAreValues() {
        var runner = LibraryRunner()
        #expect(runner.text("Annealing.linear(cap: 0.2, steps: 100).beta(atStep: 5)") == "0.05")
        #expect(runner.text("Adam(learningRate: 0.01).learningRate") == "0.01")
    }
}
