import Foundation
import Testing
import Autograd
import NeuralNetworks
@testable import Models

/// The NaN guard: a diverging `fit` stops at its first non-finite step, says where and why, and leaves the model
/// with finite weights; the guard can be turned off.
@Suite struct NonFiniteStopTests {
    private func parametersAreFinite(_ model: Module) -> Bool {
        model.parameters().values.allSatisfy(\.isFinite)
    }

    @Test func aDivergingFitStopsWithTheStepLossTermsAndLearningRate() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 1)
        var caught: (NonFiniteStop, TrainingHistory)?
        do {
            _ = try model.fit(split.train, validation: split.validation, epochs: 20, batchSize: 16,
                              optimizer: Adam(learningRate: 1e12), annealing: .none)
        } catch ModelsError.nonFiniteTraining(let stop, let history) {
            caught = (stop, history)
        }
        let (stop, history) = try #require(caught)
        #expect(stop.epoch >= 1 && stop.step >= 1 && stop.globalStep == history.steps.count + 1)
        #expect(stop.learningRates == [1e12])
        #expect(Set(stop.terms.keys).isSuperset(of: ["loss", "reconstruction", "kl"]))
        #expect(history.nonFiniteStop == stop)
        #expect(history.steps.allSatisfy { $0.values.values.allSatisfy(\.isFinite) })
        #expect(parametersAreFinite(model))
        let message = ModelsError.nonFiniteTraining(stop, history: history).description
        #expect(message.hasPrefix("training stopped at epoch \(stop.epoch), step \(stop.step) (step \(stop.globalStep) of the run): "))
        #expect(message.contains("learning rate 1e+12") && message.contains("loss "))
    }

    @Test func withTheGuardOffTheRunTrainsOn() throws {
        let split = try RecommenderTestData.heldOutSplit()
        let model = try MultiVAE(items: split.itemCount, hidden: 16, latent: 4, seed: 1)
        let optimizer = Adam(learningRate: 1e12)
        let history = try model.fit(split.train, epochs: 3, batchSize: 16, optimizer: optimizer, annealing: .none,
                                    control: TrainingControl(stopsOnNonFiniteValues: false))
        #expect(history.epochs.count == 3 && history.nonFiniteStop == nil)
        #expect(!parametersAreFinite(model))
        // The loop gives the optimizer its own policy back.
        #expect(optimizer.nonFiniteGradients == .throwError)
    }

    @Test func aStepReportingANonFiniteTermStopsTheLoop() throws {
        var generator = RandomGenerator(seed: 1)
        let layer = try Linear(2, 1, generator: &generator)
        var calls = 0
        #expect(throws: ModelsError.self) {
            _ = try TrainingLoop.run(model: layer, epochs: 2, stepsPerEpoch: 3, step: { _ in
                calls += 1
                return ["loss": calls == 4 ? .infinity : 1, "kl": 0]
            })
        }
        #expect(calls == 4)
        do {
            _ = try TrainingLoop.run(model: layer, epochs: 2, stepsPerEpoch: 3, step: { position in
                ["loss": position.globalStep == 4 ? .nan : 1]
            })
        } catch ModelsError.nonFiniteTraining(let stop, let history) {
            #expect(stop.epoch == 2 && stop.step == 2 && stop.globalStep == 5 && stop.cause == "'loss' is nan")
            #expect(history.steps.count == 4 && stop.learningRates.isEmpty)
        }
    }
}
