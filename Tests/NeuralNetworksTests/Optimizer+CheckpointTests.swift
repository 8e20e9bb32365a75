import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct OptimizerCheckpointTests {
    func train(_ model: Sequential, _ optimizer: Optimizer, steps: Int) throws {
        let inputs = sample([6, 3], seed: 10), targets = sample([6, 2], seed: 11)
        for _ in 0..<steps {
            let (_, gradients) = try valueAndGradient(of: model) { model in
                try meanSquaredError(predictions: model(inputs), targets: targets)
            }
            try optimizer.update(model, along: gradients)
        }
    }

    @Test func aResumedRunMatchesAnUninterruptedOne() throws {
        let folder = try temporaryFolder()
        let modelURL = folder.appendingPathComponent("model.safetensors")
        let optimizerURL = folder.appendingPathComponent("optimizer.safetensors")
        let model = try smallNetwork(seed: 1), optimizer = Adam(learningRate: 0.05)
        try train(model, optimizer, steps: 3)
        try model.save(to: modelURL)
        try optimizer.save(to: optimizerURL)
        try train(model, optimizer, steps: 2)

        let resumedModel = try smallNetwork(seed: 2), resumedOptimizer = Adam(learningRate: 0.05)
        try resumedModel.load(from: modelURL)
        try resumedOptimizer.load(from: optimizerURL)
        #expect(resumedOptimizer.updateCount == 3 && resumedOptimizer.slots["layers.0.weight"]?.step == 3)
        try train(resumedModel, resumedOptimizer, steps: 2)
        #expect(resumedModel.parameters() == model.parameters())
    }

    @Test func refusesTheStateOfAnotherOptimizer() throws {
        let url = try temporaryFolder().appendingPathComponent("optimizer.safetensors")
        let model = try smallNetwork(seed: 1), optimizer = SGD(learningRate: 0.1, momentum: 0.9)
        try train(model, optimizer, steps: 2)
        try optimizer.save(to: url)
        #expect(throws: NeuralNetworksError.malformedCheckpoint(path: url.path, reason: "it holds the state of SGD, not Adam")) {
            try Adam().load(from: url)
        }
    }
}
