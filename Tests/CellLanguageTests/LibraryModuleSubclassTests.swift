import Foundation
import Testing
@testable import CellLanguage
import LibraryBindings

/// A `Module` subclass declared in a cell is a real model to the library: parameters by reflection, gradients,
/// optimizers, train/eval, checkpoints, `Sequential`, and the library's `fit` through `TrainableModel`.
@Suite struct LibraryModuleSubclassTests {
    let data = """
        var generator = RandomGenerator(seed: 1)
        let inputs = generator.normal([64, 3])
        let targets = try inputs.matmul(Tensor(shape: [3, 1], scalars: [1, -2, 0.5]))
        """

    let regression = """
        final class Regression: Module, TrainableModel {
            let layer: Linear
            let dropout = Dropout(probability: 0.5)
            @Parameter var scale: Tensor = Tensor(ones: [1])
            init(generator: inout RandomGenerator) throws {
                layer = try Linear(3, 1, generator: &generator)
            }
            func callAsFunction(_ x: Tensor) throws -> Tensor { try layer(x) * scale }
            func trainingLoss(batch: [Int]) throws -> Tensor {
                try meanSquaredError(predictions: self(inputs.indexSelect(alongAxis: 0, indices: batch)),
                                     targets: targets.indexSelect(alongAxis: 0, indices: batch))
            }
            func validationMetrics(epoch: Int) throws -> [String: Double] {
                ["mse": Double(try meanSquaredError(predictions: self(inputs), targets: targets).scalar)]
            }
        }
        """

    @Test func parametersAreItsLayersAndWrappedTensors() {
        var runner = LibraryRunner()
        _ = runner.run(data)
        _ = runner.run(regression)
        #expect(runner.text("let model = try Regression(generator: &generator)\nmodel.parameters().keys.sorted()")
                == #"["layer.bias", "layer.weight", "scale"]"#)
        #expect(runner.text("model").hasPrefix("Regression: 5 parameters"))
        #expect(runner.text("model.isTraining") == "true")
        #expect(runner.text("model.eval()\nmodel.dropout.isTraining") == "false")
        #expect(runner.text("model.train()\nmodel.scale = Tensor(ones: [1]) * 2\nmodel.parameters()[\"scale\"]!.scalars") == "[2.0]")
    }

    @Test func gradientsAndEveryOptimizerUpdateIt() {
        var runner = LibraryRunner()
        _ = runner.run(data)
        _ = runner.run(regression)
        _ = runner.run("""
            let model = try Regression(generator: &generator)
            func improves(_ optimizer: Optimizer) throws -> Bool {
                let before = try model.trainingLoss(batch: Array(0..<64)).scalar
                for _ in 0..<20 {
                    let (_, gradients) = try valueAndGradient(of: model) { model in try model.trainingLoss(batch: Array(0..<64)) }
                    try optimizer.update(model, along: gradients)
                }
                return try model.trainingLoss(batch: Array(0..<64)).scalar < before
            }
            """)
        for optimizer in ["SGD(learningRate: 0.05, momentum: 0.9)", "Adam(learningRate: 0.05)", "AdamW(learningRate: 0.05)",
                          "Adagrad(learningRate: 0.5)"] {
            let text = runner.text("try improves(\(optimizer))")
            #expect(text == "true", "\(optimizer): \(text)")
        }
    }

    @Test func fitTrainsItWithProgressHistoryAndCheckpoints() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cell-regression-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        var runner = LibraryRunner()
        _ = runner.run(data)
        _ = runner.run(regression)
        let text = runner.text("""
            let model = try Regression(generator: &generator)
            let control = TrainingControl(checkpoint: CheckpointPolicy(url: URL(fileURLWithPath: "\(url.path)")))
            let history = try model.fit(examples: 64, epochs: 30, batchSize: 16, optimizer: Adam(learningRate: 0.05), control: control)
            [Double(history.steps.count), history.epochSeries("mse").last! < 0.01 ? 1 : 0]
            """)
        #expect(text == "[120.0, 1.0]")
        #expect(runner.output.displays.last?.output.plainText.contains("120/120") == true)
        #expect(runner.output.displays.last?.output.data["text/html"]?.contains("Regression") == true)
        #expect(FileManager.default.fileExists(atPath: url.path))
        #expect(runner.text("""
            let copy = try Regression(generator: &generator)
            try copy.load(from: URL(fileURLWithPath: "\(url.path)"))
            try copy(inputs).scalars == model(inputs).scalars
            """) == "true")
    }

    @Test func anInterruptStopsFitWithTheModelIntact() {
        var runner = LibraryRunner()
        _ = runner.run(data)
        _ = runner.run(regression)
        _ = runner.run("let model = try Regression(generator: &generator)")
        let session = runner.session
        runner.output.onDisplay = { _ in session.interruption.request() }
        guard case .failure(let failure) = runner.run("try model.fit(examples: 64, epochs: 100_000, batchSize: 16)") else {
            Issue.record("an interrupted fit should fail the cell")
            return
        }
        runner.output.onDisplay = nil
        #expect(failure.name == "CancellationError")
        #expect(runner.text("try model(inputs).shape") == "[64, 1]")
    }

    @Test func aUnaryLayerSitsInSequential() {
        var runner = LibraryRunner()
        _ = runner.run(data)
        let text = runner.text("""
            final class Residual: Module, UnaryLayer {
                let inner: Linear
                init(_ width: Int, generator: inout RandomGenerator) throws {
                    inner = try Linear(width, width, generator: &generator)
                    super.init()
                }
                func callAsFunction(_ input: Tensor) throws -> Tensor { try input + inner(input).relu() }
            }
            let network = Sequential(try Residual(3, generator: &generator), try Linear(3, 1, generator: &generator))
            let (loss, gradients) = try valueAndGradient(of: network) { network in
                try meanSquaredError(predictions: network(inputs), targets: targets)
            }
            gradients.keys.sorted()
            """)
        #expect(text == #"["layers.0.inner.bias", "layers.0.inner.weight", "layers.1.bias", "layers.1.weight"]"#)
    }

    @Test func errorCases() {
        var runner = LibraryRunner()
        #expect(runner.text("final class Broken: Module, UnaryLayer {}")
                == "CompilationError: type 'Broken' does not conform to protocol 'UnaryLayer': it declares no 'callAsFunction'")
        #expect(runner.text("final class Untrainable: Module, TrainableModel {}")
                == "CompilationError: type 'Untrainable' does not conform to protocol 'TrainableModel': it declares no 'trainingLoss'")
        #expect(runner.text("final class Custom: Optimizer {}")
                == "CompilationError: a cell class cannot inherit from 'Optimizer': cell classes can inherit from 'Module' and from cell classes")
        #expect(runner.text("""
            final class Wrong: Module, UnaryLayer { func callAsFunction(_ x: Tensor) -> Int { 1 } }
            try Sequential(Wrong())(Tensor(ones: [1]))
            """).contains("cannot convert return expression of type 'Int' to return type 'Tensor'"))
    }
}
