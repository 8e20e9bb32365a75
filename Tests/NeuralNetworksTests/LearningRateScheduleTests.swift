import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct LearningRateScheduleTests {
    @Test func schedulesWarmUpThenDecay() {
        let schedule = LearningRateSchedule.warmUp(steps: 4, then: .cosine(steps: 10, minimum: 0.1))
        #expect(schedule.learningRate(base: 1, step: 0) == 0.25)
        #expect(schedule.learningRate(base: 1, step: 3) == 1)
        #expect(schedule.learningRate(base: 1, step: 4) == 1)
        #expect(Swift.abs(schedule.learningRate(base: 1, step: 9) - 0.55) < 1e-6)
        #expect(Swift.abs(schedule.learningRate(base: 1, step: 100) - 0.1) < 1e-6)
        let optimizer = SGD(learningRate: 2, schedule: .step(every: 2, factor: 0.1))
        #expect(optimizer.currentLearningRate == 2)
    }
}
