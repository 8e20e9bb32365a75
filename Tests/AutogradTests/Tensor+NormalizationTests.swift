import Foundation
import Testing
@testable import Autograd

@Suite struct NormalizationTests {
    @Test(arguments: [0, 1]) func softmaxRowsSumToOneAndGradient(axis: Int) throws {
        let x = sample([3, 4], seed: 71)
        let probabilities = try x.softmax(alongAxis: axis)
        let totals = try probabilities.sum(alongAxis: axis)
        #expect(isClose(totals, [Float](repeating: 1, count: totals.scalarCount)))
        #expect(try maximumGradientError(at: [x]) { try $0[0].softmax(alongAxis: axis) } < gradientTolerance)
        #expect(try maximumGradientError(at: [x]) { try $0[0].logSoftmax(alongAxis: axis) } < gradientTolerance)
        #expect(isClose(try x.logSoftmax(alongAxis: axis), probabilities.scalars.map { Foundation.log($0) }, tolerance: 1e-5))
    }

    @Test func layerNormalizedMomentsAndGradient() throws {
        let x = sample([4, 6], seed: 72)
        let normalized = try x.layerNormalized()
        let means = try normalized.mean(alongAxis: 1)
        let variances = try normalized.squared().mean(alongAxis: 1)
        #expect(isClose(means, [0, 0, 0, 0], tolerance: 1e-5))
        #expect(isClose(variances, [1, 1, 1, 1], tolerance: 1e-3))
        #expect(try maximumGradientError(at: [x]) { try $0[0].layerNormalized() } < gradientTolerance)
    }

    @Test func dropoutIsSeededScaledAndDifferentiable() throws {
        var first = RandomGenerator(seed: 9), second = RandomGenerator(seed: 9)
        let x = Tensor(ones: [1_000])
        let dropped = try x.dropout(probability: 0.25, generator: &first)
        #expect(dropped == (try x.dropout(probability: 0.25, generator: &second)))
        #expect(dropped.scalars.allSatisfy { $0 == 0 || abs($0 - 4.0 / 3.0) < 1e-6 })
        let zeros = dropped.scalars.filter { $0 == 0 }.count
        #expect(zeros > 180 && zeros < 320)
        #expect(throws: AutogradError.self) { try x.dropout(probability: 1, generator: &first) }
        var generator = RandomGenerator(seed: 10)
        let (_, gradient) = try valueAndGradient(at: x) { try $0.dropout(probability: 0.5, generator: &generator).sum() }
        #expect(gradient.scalars.allSatisfy { $0 == 0 || $0 == 2 })
    }
}
