import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

/// A new optimizer in one method: sign descent, `p ← p − lr·sign(g)`.
final class SignDescent: Optimizer {
    override func apply(to values: inout [Float], gradient: [Float], slots: inout OptimizerSlots, learningRate: Float) {
        for index in values.indices where gradient[index] != 0 {
            values[index] -= gradient[index] > 0 ? learningRate : -learningRate
        }
    }
}

@Suite struct OptimizerTests {
    @Test func aNewOptimizerIsOneMethod() throws {
        let layer = try Linear(weight: Tensor(rows: [[1, 2]]), bias: Tensor([0]))
        let optimizer = SignDescent(learningRate: 0.5)
        try optimizer.update(layer, along: ["weight": Tensor(shape: [1, 2], scalars: [3, -0.1]), "bias": Tensor([0])])
        let expected = try Tensor(shape: [1, 2], scalars: [0.5, 2.5])
        #expect(layer.weight == expected && layer.bias == Tensor([0]))
        #expect(optimizer.updateCount == 1 && optimizer.slots["weight"]?.step == 1)
    }

    @Test func parametersWithoutGradientsAreLeftAlone() throws {
        var generator = RandomGenerator(seed: 1)
        let layer = try Linear(2, 2, generator: &generator)
        let bias = layer.bias
        try Adam(learningRate: 0.1).update(layer, along: ["weight": Tensor(ones: [2, 2])])
        #expect(layer.bias == bias)
    }

    @Test func rejectsUnknownNamesAndWrongShapes() throws {
        var parameters = ["w": Tensor([1, 2])]
        let optimizer = SGD(learningRate: 0.1)
        #expect(throws: NeuralNetworksError.unknownParameter(name: "v")) {
            try optimizer.update(parameters: &parameters, along: ["v": Tensor([1, 2])])
        }
        #expect(throws: NeuralNetworksError.parameterShapeMismatch(name: "w", expected: [2], actual: [3])) {
            try optimizer.update(parameters: &parameters, along: ["w": Tensor([1, 2, 3])])
        }
    }

    @Test func decoupledWeightDecayShrinksWithoutAGradient() throws {
        var parameters = ["w": Tensor([10])]
        try AdamW(learningRate: 0.1, weightDecay: 0.5).update(parameters: &parameters, along: ["w": Tensor([0])])
        #expect(isClose(parameters["w"]!, [9.5]))
        parameters = ["w": Tensor([10])]
        try SGD(learningRate: 0.1, weightDecay: 0.5).update(parameters: &parameters, along: ["w": Tensor([0])])
        #expect(isClose(parameters["w"]!, [9.5]))
    }

    @Test func trainingASmallNetworkLowersItsLoss() throws {
        var generator = RandomGenerator(seed: 5)
        let model = Sequential(try Linear(2, 16, generator: &generator), Tanh(), try Linear(16, 1, generator: &generator))
        let inputs = try Tensor(rows: [[0, 0], [0, 1], [1, 0], [1, 1]])
        let targets = try Tensor(rows: [[0], [1], [1], [0]])
        let optimizer = Adam(learningRate: 0.05)
        var losses: [Float] = []
        for _ in 0..<300 {
            let (loss, gradients) = try valueAndGradient(of: model) { model in
                try meanSquaredError(predictions: model(inputs), targets: targets)
            }
            try optimizer.update(model, along: gradients)
            losses.append(loss.scalar)
        }
        #expect(losses.last! < 0.01 && losses.first! > 0.1)
    }
}

/// A gradient holding NaN or infinity never reaches the weights unless asked to.
@Suite struct NonFiniteGradientTests {
    private func layerAndGradients() throws -> (Linear, [String: Tensor]) {
        let layer = try Linear(weight: Tensor(rows: [[1, 2]]), bias: Tensor([0]))
        return (layer, ["weight": try Tensor(shape: [1, 2], scalars: [1, .nan]), "bias": Tensor([1])])
    }

    @Test func anUpdateWithANonFiniteGradientThrowsAndChangesNothing() throws {
        let (layer, gradients) = try layerAndGradients()
        let optimizer = Adam(learningRate: 0.1)
        #expect(throws: NeuralNetworksError.nonFiniteGradient(parameter: "weight", learningRate: 0.1)) {
            try optimizer.update(layer, along: gradients)
        }
        #expect(layer.weight == (try Tensor(rows: [[1, 2]])) && layer.bias == Tensor([0]))
        #expect(optimizer.updateCount == 0 && optimizer.slots.isEmpty)
    }

    @Test func theSkipAndApplyPoliciesDoWhatTheySay() throws {
        let (layer, gradients) = try layerAndGradients()
        let optimizer = SGD(learningRate: 0.1)
        optimizer.nonFiniteGradients = .skipUpdate
        try optimizer.update(layer, along: gradients)
        #expect(optimizer.skippedParameter == "weight" && layer.bias == Tensor([0]) && optimizer.updateCount == 0)
        try optimizer.update(layer, along: ["bias": Tensor([1])])
        #expect(optimizer.skippedParameter == nil && optimizer.updateCount == 1)
        optimizer.nonFiniteGradients = .apply
        try optimizer.update(layer, along: gradients)
        #expect(!layer.weight.isFinite)
    }

    @Test func aCheckedValueAndGradientRefusesNonFiniteLossesAndGradients() throws {
        let layer = try Linear(weight: Tensor(rows: [[1, 2]]), bias: Tensor([0]))
        let input = try Tensor(rows: [[1, 1]])
        #expect(throws: NeuralNetworksError.nonFiniteLoss(value: .infinity)) {
            _ = try valueAndGradient(of: layer, checkingFiniteness: true) { layer in try layer(input).sum() * Tensor([.infinity]) }
        }
        #expect(throws: NeuralNetworksError.nonFiniteGradient(parameter: "bias", learningRate: nil)) {
            _ = try valueAndGradient(of: layer, checkingFiniteness: true) { layer in try (layer(input) - Tensor([3])).squareRoot().sum() }
        }
        let (value, _) = try valueAndGradient(of: layer, checkingFiniteness: true) { layer in try layer(input).sum() }
        #expect(value.scalar == 3)
    }
}
