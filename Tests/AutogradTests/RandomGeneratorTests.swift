import Testing
@testable import Autograd

@Suite struct RandomGeneratorTests {
    @Test func sameSeedSameBits() {
        var first = RandomGenerator(seed: 42), second = RandomGenerator(seed: 42), other = RandomGenerator(seed: 43)
        let a = (0..<16).map { _ in first.nextUInt32() }
        #expect(a == (0..<16).map { _ in second.nextUInt32() })
        #expect(a != (0..<16).map { _ in other.nextUInt32() })
    }

    @Test func matchesPublishedPCG32Sequence() {
        // pcg32_srandom(42, 54) from the PCG reference distribution (pcg32-demo output).
        var generator = RandomGenerator(seed: 42, stream: 54)
        let expected: [UInt32] = [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e]
        #expect((0..<6).map { _ in generator.nextUInt32() } == expected)
    }

    @Test func uniformMomentsAndBounds() {
        var generator = RandomGenerator(seed: 1)
        let values = generator.uniform([20_000], lowerBound: -2, upperBound: 2).scalars
        #expect(values.allSatisfy { $0 >= -2 && $0 < 2 })
        let mean = values.reduce(0, +) / Float(values.count)
        #expect(abs(mean) < 0.05)
    }

    @Test func normalMoments() {
        var generator = RandomGenerator(seed: 2)
        let values = generator.normal([20_001], mean: 3, standardDeviation: 2).scalars
        #expect(values.count == 20_001)
        let mean = values.reduce(0, +) / Float(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Float(values.count)
        #expect(abs(mean - 3) < 0.05)
        #expect(abs(variance.squareRoot() - 2) < 0.05)
    }

    @Test func bernoulliRate() {
        var generator = RandomGenerator(seed: 3)
        let values = generator.bernoulli([10_000], probability: 0.3).scalars
        #expect(values.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(abs(values.reduce(0, +) / 10_000 - 0.3) < 0.02)
    }

    @Test func advancingEqualsDrawing() {
        for count in [0, 1, 2, 3, 1_000, 123_457] {
            var drawn = RandomGenerator(seed: 6, stream: 9), jumped = drawn
            for _ in 0..<count { _ = drawn.nextUInt32() }
            jumped.advance(by: UInt64(count))
            #expect((0..<4).map { _ in jumped.nextUInt32() } == (0..<4).map { _ in drawn.nextUInt32() })
        }
    }

    @Test func permutationIsAPermutationAndReproducible() {
        var first = RandomGenerator(seed: 4), second = RandomGenerator(seed: 4)
        let order = first.permutation(100)
        #expect(order.sorted() == Array(0..<100))
        #expect(order != Array(0..<100))
        #expect(order == second.permutation(100))
        #expect(first.permutation(0).isEmpty)
    }

    @Test func boundedIntegersStayInRange() {
        var generator = RandomGenerator(seed: 5)
        let draws = (0..<1_000).map { _ in generator.nextInt(below: 7) }
        #expect(draws.allSatisfy { (0..<7).contains($0) })
        #expect(Set(draws).count == 7)
    }
}
