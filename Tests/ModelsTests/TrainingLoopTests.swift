import Foundation
import Testing
import Autograd
import NeuralNetworks
@testable import Models

/// A one-layer regression trained by the loop, so that tests see real parameter changes.
private final class TinyRegression {
    let layer: Linear
    let optimizer = SGD(learningRate: 0.1)
    let inputs = try! Tensor(rows: [[1, 0], [0, 1], [1, 1], [2, 1]])
    let targets = try! Tensor(rows: [[1], [2], [3], [4]])

    init(seed: UInt64 = 1) throws {
        var generator = RandomGenerator(seed: seed)
        layer = try Linear(2, 1, generator: &generator)
    }

    func step() throws -> [String: Double] {
        let (loss, gradients) = try valueAndGradient(of: layer) { layer in
            try meanSquaredError(predictions: layer(self.inputs), targets: self.targets)
        }
        try optimizer.update(layer, along: gradients)
        return ["loss": Double(loss.scalar), "twice": 2 * Double(loss.scalar)]
    }
}

@Suite("Training loop")
struct TrainingLoopTests {
    @Test func stepsPerEpochCoverEveryItemWithoutOverflow() {
        #expect(TrainingLoop.stepsPerEpoch(count: 10, batchSize: 3) == 4)
        #expect(TrainingLoop.stepsPerEpoch(count: 9, batchSize: 3) == 3)
        #expect(TrainingLoop.stepsPerEpoch(count: 0, batchSize: 4) == 0)
        #expect(TrainingLoop.stepsPerEpoch(count: 5, batchSize: .max) == 1)
        #expect(TrainingLoop.stepsPerEpoch(count: .max, batchSize: 2) == Int.max / 2 + 1)
        let progress = TrainingProgress(epoch: 1, epochs: .max, step: 1, stepsPerEpoch: 2, globalStep: 1, loss: 0, elapsed: 0)
        #expect(progress.totalSteps == .max && progress.fractionCompleted < 1e-18)
    }

    @Test func recordsStepsAndEpochMeans() throws {
        let model = try TinyRegression()
        var progress: [TrainingProgress] = []
        let control = TrainingControl(onProgress: { progress.append($0) })
        let history = try TrainingLoop.run(model: model.layer, epochs: 3, stepsPerEpoch: 4, control: control,
                                           step: { _ in try model.step() })
        #expect(history.steps.count == 12)
        #expect(history.epochs.count == 3)
        #expect(history.stepSeries("loss").count == 12)
        let firstEpoch = history.stepSeries("loss").prefix(4).reduce(0, +) / 4
        #expect(abs(history.epochSeries("loss")[0] - firstEpoch) < 1e-12)
        #expect(history.stepSeriesNames == ["loss", "twice"])
        #expect(try history.series("twice") == history.stepSeries("twice"))
        #expect(history.stepSeries("loss").last! < history.stepSeries("loss").first!)
        #expect(progress.map(\.globalStep) == Array(1...12))
        #expect(progress.last?.fractionCompleted == 1)
        #expect(progress[5].epoch == 2 && progress[5].step == 2 && progress[5].stepsPerEpoch == 4)
        #expect(!history.wasInterrupted)
        #expect(throws: ModelsError.self) { try history.series("missing") }
    }

    @Test func cancellationStopsBeforeTheNextStepAndKeepsTheModel() throws {
        let model = try TinyRegression()
        var stepsTaken = 0
        var parametersAfterLastStep: [String: Tensor] = [:]
        let control = TrainingControl(isCancelled: { stepsTaken == 5 })
        let history = try TrainingLoop.run(model: model.layer, epochs: 10, stepsPerEpoch: 2, control: control,
                                           step: { _ in
            let values = try model.step()
            stepsTaken += 1
            parametersAfterLastStep = model.layer.parameters()
            return values
        })
        #expect(history.wasInterrupted)
        #expect(stepsTaken == 5)
        #expect(history.steps.count == 5)
        #expect(history.epochs.count == 2)  // epoch 3 was cut short and is not summarised
        #expect(model.layer.parameters() == parametersAfterLastStep)
    }

    @Test func earlyStoppingRestoresTheBestEpoch() throws {
        let model = try TinyRegression()
        let scores = [0.1, 0.5, 0.4, 0.3, 0.2, 0.9]
        var parametersByEpoch: [Int: [String: Tensor]] = [:]
        var control = TrainingControl()
        control.earlyStopping = EarlyStopping(metric: "score", patience: 2)
        let history = try TrainingLoop.run(model: model.layer, epochs: 6, stepsPerEpoch: 1, control: control,
                                           step: { _ in try model.step() },
                                           validate: { epoch in
            parametersByEpoch[epoch] = model.layer.parameters()
            return ["score": scores[epoch - 1]]
        })
        #expect(history.epochs.count == 5)
        #expect(history.stoppedEarly)
        #expect(history.bestEpoch == 2)
        #expect(model.layer.parameters() == parametersByEpoch[2]!)
        #expect(history.epochSeries("score") == [0.1, 0.5, 0.4, 0.3, 0.2])
    }

    @Test func earlyStoppingOnAnUnrecordedMetricThrows() throws {
        let model = try TinyRegression()
        var control = TrainingControl()
        control.earlyStopping = EarlyStopping(metric: "ndcg@100")
        #expect(throws: ModelsError.self) {
            try TrainingLoop.run(model: model.layer, epochs: 2, stepsPerEpoch: 1, control: control,
                                 step: { _ in try model.step() }, validate: { _ in ["recall@20": 0.1] })
        }
    }

    @Test func checkpointsAreWrittenEachEpoch() throws {
        let model = try TinyRegression()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("training-loop-\(UInt64.random(in: 0...UInt64.max)).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let control = TrainingControl(checkpoint: CheckpointPolicy(url: url))
        _ = try TrainingLoop.run(model: model.layer, epochs: 2, stepsPerEpoch: 3, control: control,
                                 step: { _ in try model.step() })
        let restored = try TinyRegression(seed: 99)
        #expect(restored.layer.parameters() != model.layer.parameters())
        let metadata = try restored.layer.load(from: url)
        #expect(restored.layer.parameters() == model.layer.parameters())
        #expect(metadata["epoch"] == "2")
        #expect(metadata["step"] == "6")
    }

    @Test func appendingHistoriesContinuesTheNumbering() throws {
        var first = TrainingHistory()
        first.recordStep(epoch: 1, step: 1, values: ["loss": 3])
        first.recordEpoch(epoch: 1, step: 1, values: ["loss": 3])
        var second = TrainingHistory()
        second.recordStep(epoch: 1, step: 1, values: ["loss": 2])
        second.recordEpoch(epoch: 1, step: 1, values: ["loss": 2, "rmse": 0.9])
        first.append(second)
        #expect(first.stepNumbers("loss") == [1, 2])
        #expect(first.epochNumbers("rmse") == [2])
        #expect(first.last("loss") == 2)
    }
}
