import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct ModuleFreezingTests {
    @Test func frozenParametersGetNoGradientAndKeepTheirValues() throws {
        let model = try smallNetwork(seed: 1)
        model.freeze(where: { $0.hasPrefix("layers.2.") })
        #expect(model.trainableParameterNames == ["layers.0.weight", "layers.0.bias"])
        #expect(model.parameterNames.count == 4)
        let inputs = sample([5, 3], seed: 2), targets = sample([5, 2], seed: 3)
        let frozenBefore = model.parameters()["layers.2.weight"]
        let (_, gradients) = try valueAndGradient(of: model) { model in
            try meanSquaredError(predictions: model(inputs), targets: targets)
        }
        #expect(Set(gradients.keys) == ["layers.0.weight", "layers.0.bias"])
        try Adam(learningRate: 0.1, weightDecay: 0.1).update(model, along: gradients)
        #expect(model.parameters()["layers.2.weight"] == frozenBefore)
        model.unfreeze()
        #expect(model.trainableParameterNames.count == 4)
        let (_, allGradients) = try valueAndGradient(of: model) { model in try model(inputs).sum() }
        #expect(allGradients.count == 4)
    }
}
