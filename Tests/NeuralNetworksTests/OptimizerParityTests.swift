import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

/// Three optimizer steps with given gradients, and learning-rate schedules, against PyTorch
/// (Fixtures/optimizers.json).
@Suite struct OptimizerParityTests {
    struct Case: Decodable {
        let name: String
        let options: [String: Float]
        let initial: [String: EncodedTensor]
        let gradients: [[String: EncodedTensor]]
        let after: [[String: EncodedTensor]]
    }

    struct Fixture: Decodable {
        let cases: [Case]
        let schedules: [String: [Float]]
    }

    static let fixture = try? loadFixture("optimizers", as: Fixture.self)

    /// The Swift optimizer configured as the PyTorch one of the same name.
    static func optimizer(named name: String, options: [String: Float]) -> Optimizer? {
        switch name {
        case "sgdMomentum": return SGD(learningRate: 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01)
        case "sgdNesterov": return SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)
        case "adam": return Adam(learningRate: 0.01, beta1: 0.8, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.1)
        case "adamW": return AdamW(learningRate: 0.01, weightDecay: 0.1)
        case "adagrad":
            return Adagrad(learningRate: 0.1, learningRateDecay: 0.01, initialAccumulatorValue: 0.1, weightDecay: 0.01)
        case "adamClipped": return Adam(learningRate: 0.01, maximumGradientNorm: options["maximumGradientNorm"])
        default: return nil
        }
    }

    @Test func fixtureCoversEveryOptimizer() throws {
        let fixture = try #require(Self.fixture)
        #expect(fixture.cases.map(\.name) == ["sgdMomentum", "sgdNesterov", "adam", "adamW", "adagrad", "adamClipped"])
    }

    @Test(arguments: ["sgdMomentum", "sgdNesterov", "adam", "adamW", "adagrad", "adamClipped"])
    func threeStepsMatchPyTorch(name: String) throws {
        let fixture = try #require(Self.fixture?.cases.first { $0.name == name })
        let optimizer = try #require(Self.optimizer(named: name, options: fixture.options))
        var parameters = fixture.initial.mapValues(\.tensor)
        for (step, gradients) in fixture.gradients.enumerated() {
            try optimizer.update(parameters: &parameters, along: gradients.mapValues(\.tensor))
            for (parameter, expected) in fixture.after[step] {
                let difference = largestDifference(parameters[parameter]!, expected)
                #expect(difference < 2e-6, "\(name) step \(step + 1) \(parameter): off by \(difference)")
            }
        }
        #expect(optimizer.updateCount == 3)
    }

    @Test func schedulesMatchPyTorch() throws {
        let schedules = try #require(Self.fixture?.schedules)
        let step = LearningRateSchedule.step(every: 3, factor: 0.5)
        let cosine = LearningRateSchedule.cosine(steps: 8, minimum: 0.01)
        for (index, expected) in try #require(schedules["step"]).enumerated() {
            #expect(Swift.abs(step.learningRate(base: 0.1, step: index) - expected) < 1e-6)
        }
        // Up to `steps`; after that PyTorch's closed form rises again while ours stays at the minimum.
        for (index, expected) in try #require(schedules["cosine"]).enumerated() where index <= 8 {
            #expect(Swift.abs(cosine.learningRate(base: 0.1, step: index) - expected) < 1e-6, "step \(index)")
        }
    }
}
