import Foundation
import Testing
@testable import CellLanguage
import LibraryBindings

/// Models assembled in cells from the library's layers, trained with its optimizers and schedules, saved in one
/// cell and loaded in another — all through the generated bindings.
@Suite struct LibraryModelAssemblyTests {
    /// The README's training idiom, as written there, in a loop.
    @Test func theReadmeTrainingIdiomTrains() {
        var runner = LibraryRunner()
        let text = runner.text("""
            var generator = RandomGenerator(seed: 7)
            let model = Sequential(try Linear(4, 16, generator: &generator), Tanh(), try Linear(16, 1, generator: &generator))
            let optimizer = Adam(learningRate: 1e-2)
            let x = generator.normal([8, 4])
            let y = generator.normal([8, 1])
            var losses: [Float] = []
            for _ in 0..<50 {
                let (loss, gradients) = try valueAndGradient(of: model) { model in
                    try meanSquaredError(predictions: model(x), targets: y)
                }
                try optimizer.update(model, along: gradients)
                losses.append(loss.scalar)
            }
            losses.last! < losses.first! / 2
            """)
        #expect(text == "true")
    }

    /// Convolution, embedding, attention and a transformer block assembled into one model, trained with SGD
    /// under a cosine schedule and with AdamW under warm-up.
    @Test func aModelAssembledFromLayersTrainsWithAnyOptimizerAndSchedule() {
        var runner = LibraryRunner()
        _ = runner.run("""
            var generator = RandomGenerator(seed: 3)
            let convolution = try Conv2d(1, 4, kernelSize: 3, padding: 1, generator: &generator)
            let embedding = try Embedding(10, 8, generator: &generator)
            let attention = try MultiHeadAttention(8, headCount: 2, generator: &generator)
            let block = try TransformerEncoderBlock(8, headCount: 2, feedForwardDimension: 16, dropout: 0, generator: &generator)
            let head = Sequential(try Linear(8, 3, generator: &generator))
            """)
        #expect(runner.text("try convolution(generator.normal([2, 1, 5, 5])).shape") == "[2, 4, 5, 5]")
        #expect(runner.text("""
            func logits() throws -> Tensor {
                let tokens = try embedding([1, 2, 3, 4, 5, 6], shape: [2, 3])
                return try head(block(attention(tokens)).mean(alongAxis: 1))
            }
            try logits().shape
            """) == "[2, 3]")
        let trained = runner.text("""
            let sgd = SGD(learningRate: 0.1, momentum: 0.9, schedule: .cosine(steps: 20, minimum: 0.01))
            let adamw = AdamW(learningRate: 1e-2, schedule: .warmUp(steps: 2, then: .constant))
            var first: Float = 0
            var last: Float = 0
            for step in 0..<20 {
                let (loss, gradients) = try valueAndGradient(of: head) { head in
                    try crossEntropy(logits: logits(), labels: [0, 2])
                }
                try (step % 2 == 0 ? sgd : adamw).update(head, along: gradients)
                if step == 0 { first = loss.scalar }
                last = loss.scalar
            }
            last < first
            """)
        #expect(trained == "true")
        #expect(runner.text("sgd.currentLearningRate < 0.1") == "true")
    }

    /// A model saved in one cell loads into a freshly initialised copy in another and computes the same outputs.
    @Test func aModelSavedInOneCellLoadsInAnother() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cell-model-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        var runner = LibraryRunner()
        _ = runner.run("""
            var generator = RandomGenerator(seed: 7)
            let model = Sequential(try Linear(4, 16, generator: &generator), Tanh(), try Linear(16, 1, generator: &generator))
            let x = generator.normal([8, 4])
            """)
        #expect(runner.text("try model.save(to: URL(fileURLWithPath: \"\(url.path)\"))") == "")
        _ = runner.run("""
            var other = RandomGenerator(seed: 99)
            let copy = Sequential(try Linear(4, 16, generator: &other), Tanh(), try Linear(16, 1, generator: &other))
            """)
        #expect(runner.text("try copy(x).scalars == model(x).scalars") == "false")
        _ = runner.run("try copy.load(from: URL(fileURLWithPath: \"\(url.path)\"))")
        #expect(runner.text("try copy(x).scalars == model(x).scalars") == "true")
    }

    /// RecVAE's two optimizers and early stopping, reachable as the library declares them.
    @Test func recVAETakesItsTwoOptimizersAndEarlyStopping() throws {
        let path = try writeTinyRatings()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var runner = LibraryRunner()
        let text = runner.text("""
            let ratings = try MovieLens.loadRatings(path: "\(path)")
            let split = try ratings.implicit(minRating: 1).holdOutUsers(fraction: 0.2, seed: 42)
            let model = try RecVAE(items: split.itemCount, hidden: 8, latent: 4, seed: 7)
            let control = TrainingControl(earlyStopping: EarlyStopping(metric: "NDCG@100", patience: 0))
            let history = try model.fit(split.train, validation: split.validation, epochs: 2, batchSize: 10,
                                        encoderOptimizer: Adam(learningRate: 1e-3), decoderOptimizer: SGD(learningRate: 0.1),
                                        control: control)
            history.epochs.count
            """)
        #expect(text == "1" || text == "2", "\(text)")
    }
}

/// Extensions of library types reach the type's members without `self.`, as in Swift.
@Suite struct LibraryExtensionTests {
    @Test func anExtensionOfTensorUsesItsMembersImplicitly() {
        var runner = LibraryRunner()
        _ = runner.run("""
            extension Tensor {
                var doubledSum: Float { sum().scalar * 2 }
                func scaled(by factor: Float) -> Tensor { self * factor }
                init(counting count: Int) throws { try self.init(shape: [count], scalars: (0..<count).map { Float($0) }) }
            }
            """)
        #expect(runner.text("try Tensor(counting: 3).doubledSum") == "6.0")
        #expect(runner.text("try Tensor(counting: 3).scaled(by: 2).scalars") == "[0.0, 2.0, 4.0]")
    }
}

/// Shift-Tab (detail level 0) on library calls: the signature and each parameter's documentation.
@Suite struct LibraryInspectionTests {
    @Test func shiftTabAfterAnInitialiserShowsItsSignatureAndParameterDocs() throws {
        let session = CellSession(host: LibraryBindings.makeHost())
        let code = "let model = try MultiVAE("
        let found = try #require(session.inspection(in: code, cursor: code.unicodeScalars.count, detailLevel: 0))
        #expect(found.plainText.hasPrefix("init(items: Int, hidden: Int = 600, latent: Int = 200"))
        #expect(found.plainText.contains("- items: "))
        #expect(found.plainText.contains("- dropout: "))
    }

    @Test func shiftTabInsideAMethodCallShowsTheMethod() throws {
        let session = CellSession(host: LibraryBindings.makeHost())
        _ = session.execute("let model = try MultiVAE(items: 10, hidden: 4, latent: 2)", cellNumber: 1, output: LibraryRecordingOutput())
        let code = "try model.fit("
        let found = try #require(session.inspection(in: code, cursor: code.unicodeScalars.count, detailLevel: 0))
        #expect(found.plainText.hasPrefix("func fit(_ data: UserItemMatrix"))
        #expect(found.plainText.contains("- annealing: "))
    }

    @Test func shiftTabOnAnArgumentLabelHighlightsThatParameter() throws {
        let session = CellSession(host: LibraryBindings.makeHost())
        _ = session.execute("let model = try MultiVAE(items: 10, hidden: 4, latent: 2)", cellNumber: 1, output: LibraryRecordingOutput())
        let code = "try model.fit(data, epochs: 3, batchSize: 10)"
        let cursor = try #require(code.range(of: "batchSize")).upperBound.utf16Offset(in: code) - 2
        let found = try #require(session.inspection(in: code, cursor: cursor, detailLevel: 0))
        #expect(found.plainText.hasPrefix("func fit("))
        #expect(found.plainText.contains("Parameters:\n  - batchSize: Users per gradient step."))
    }
}

/// A model added to `Models` after the cell layer was written (`MatrixFactorization`): reachable from cells,
/// completion and Shift-Tab through the generated bindings alone.
@Suite struct LibraryNewModelTests {
    @Test func matrixFactorizationTrainsInACellAndIsDocumented() throws {
        let path = try writeTinyRatings(users: 40, items: 15, itemsPerUser: 6)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var runner = LibraryRunner()
        let text = runner.text("""
            let ratings = try MovieLens.loadRatings(path: "\(path)")
            let split = try ratings.randomSplit(testFraction: 0.1, seed: 4)
            let model = try MatrixFactorization(users: split.userCount, items: split.itemCount, factors: 4, seed: 3)
            let before = try model.evaluate(split.test)["RMSE"]!
            let history = try model.fit(split.train, validation: split.test, epochs: 20, batchSize: 32,
                                        optimizer: Adam(learningRate: 0.05))
            [history.epochSeries("RMSE").count == 20, history.epochSeries("RMSE").last! < before]
            """)
        #expect(text == "[true, true]")
        #expect(runner.output.displays.contains { $0.output.data["text/html"]?.contains("<progress") == true })
        let names = runner.session.completions(in: "Matrix", cursor: 6).items.map(\.text)
        #expect(names.contains("MatrixFactorization"))
        let members = runner.session.completions(in: "model.", cursor: 6).items.map(\.text)
        #expect(members.contains("fit") && members.contains("evaluate") && members.contains("factorCount"))
        let code = "MatrixFactorization("
        let inspection = try #require(runner.session.inspection(in: code, cursor: code.count, detailLevel: 0)).plainText
        #expect(inspection.hasPrefix("init(users: Int, items: Int, factors: Int = 30"))
        #expect(inspection.contains("- factors: The number of latent factors per user and per item."))
    }
}
