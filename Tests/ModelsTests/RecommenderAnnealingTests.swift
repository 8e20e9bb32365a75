import Testing
@testable import Models

@Suite("KL annealing")
struct RecommenderAnnealingTests {
    @Test func linearGrowsByOneOverStepsUpToTheCap() {
        let schedule = Annealing.linear(cap: 0.2, steps: 1_000)
        #expect(schedule.beta(atStep: 0) == 0)
        #expect(abs(schedule.beta(atStep: 100) - 0.1) < 1e-12)
        #expect(schedule.beta(atStep: 200) == 0.2)
        #expect(schedule.beta(atStep: 50_000) == 0.2)
    }

    @Test func constantAndNone() {
        #expect(Annealing.constant(0.3).betas(steps: 3) == [0.3, 0.3, 0.3])
        #expect(Annealing.none.betas(steps: 2) == [1, 1])
    }

    @Test func cyclicalRampsThenHoldsEachPeriod() {
        let schedule = Annealing.cyclical(cap: 1, period: 10, rampFraction: 0.5)
        #expect(schedule.betas(steps: 12) == [0, 0.2, 0.4, 0.6, 0.8, 1, 1, 1, 1, 1, 0, 0.2])
    }
}
