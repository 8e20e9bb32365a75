import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

/// One training step of Linear(3, 5)-tanh-Linear(5, 2) with fixed weights against PyTorch
/// (Fixtures/mlp.json): the loss, every gradient by name, and the parameters after one step.
@Suite struct MLPParityTests {
    struct Fixture: Decodable {
        let inputs: EncodedTensor
        let targets: EncodedTensor
        let initial: [String: EncodedTensor]
        let loss: Float
        let gradients: [String: EncodedTensor]
        let afterAdam: [String: EncodedTensor]
        let afterSGDMomentum: [String: EncodedTensor]
    }

    static let fixture = try? loadFixture("mlp", as: Fixture.self)

    func model(_ fixture: Fixture) throws -> Sequential {
        var generator = RandomGenerator(seed: 0)
        let model = Sequential(try Linear(3, 5, generator: &generator), Tanh(), try Linear(5, 2, generator: &generator))
        try model.update(parameters: fixture.initial.mapValues(\.tensor), requiringAll: true)
        return model
    }

    @Test(arguments: ["afterAdam", "afterSGDMomentum"])
    func oneTrainingStepMatchesPyTorch(optimizerName: String) throws {
        let fixture = try #require(Self.fixture)
        let model = try model(fixture)
        let inputs = fixture.inputs.tensor, targets = fixture.targets.tensor
        let (loss, gradients) = try valueAndGradient(of: model) { model in
            try meanSquaredError(predictions: model(inputs), targets: targets)
        }
        #expect(Swift.abs(loss.scalar - fixture.loss) < 1e-5)
        #expect(Set(gradients.keys) == Set(fixture.gradients.keys))
        for (name, expected) in fixture.gradients {
            #expect(largestDifference(gradients[name]!, expected) < 1e-5, "∂\(name)")
        }
        let optimizer: Optimizer = optimizerName == "afterAdam"
            ? Adam(learningRate: 0.01) : SGD(learningRate: 0.1, momentum: 0.9)
        try optimizer.update(model, along: gradients)
        let expectedAfter = optimizerName == "afterAdam" ? fixture.afterAdam : fixture.afterSGDMomentum
        let parameters = model.parameters()
        for (name, expected) in expectedAfter {
            #expect(largestDifference(parameters[name]!, expected) < 2e-6, "\(optimizerName) \(name)")
        }
    }
}
