import Foundation
import Testing
@testable import Autograd

@Suite struct ReductionTests {
    static let axisCases: [[Int]] = [[0], [1], [2], [-1], [0, 2], [0, 1, 2]]

    @Test(arguments: axisCases) func sumGradientAndValues(axes: [Int]) throws {
        let input = sample([2, 3, 4], seed: 21)
        #expect(try maximumGradientError(at: [input]) { try $0[0].sum(alongAxes: axes) } < gradientTolerance)
        #expect(try maximumGradientError(at: [input]) {
            try $0[0].sum(alongAxes: axes, keepingDimensions: true)
        } < gradientTolerance)
        let total = try input.sum(alongAxes: axes).sum().scalar
        #expect(abs(total - input.scalars.reduce(0, +)) < 1e-4)
    }

    @Test func sumValuesAndShapes() throws {
        let x = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(try x.sum(alongAxis: 0).scalars == [5, 7, 9])
        #expect(try x.sum(alongAxis: 1, keepingDimensions: true).shape == [2, 1])
        #expect(try x.sum(alongAxis: 1).scalars == [6, 15])
        #expect(try x.mean(alongAxis: 0).scalars == [2.5, 3.5, 4.5])
        #expect(x.mean().scalar == 3.5 && x.sum().shape == [])
        #expect(throws: AutogradError.invalidAxis(operation: "sum", axis: 2, rank: 2)) { try x.sum(alongAxis: 2) }
    }

    @Test(arguments: [0, 1, 2]) func meanGradient(axis: Int) throws {
        #expect(try maximumGradientError(at: [sample([2, 3, 4], seed: 22)]) {
            try $0[0].mean(alongAxis: axis)
        } < gradientTolerance)
    }

    @Test(arguments: [0, 1, -1]) func maxGradientAndArgmax(axis: Int) throws {
        let input = sample([3, 5], seed: 23)  // distinct values: the maximum is unique
        #expect(try maximumGradientError(at: [input]) { try $0[0].max(alongAxis: axis) } < gradientTolerance)
        let maxima = try input.max(alongAxis: axis, keepingDimensions: true)
        let positions = try input.argmax(alongAxis: axis)
        #expect(positions.count == maxima.scalarCount)
        let normalized = axis < 0 ? axis + 2 : axis
        for (slot, position) in positions.enumerated() {
            let index = normalized == 0 ? position * 5 + slot : slot * 5 + position
            #expect(input.scalars[index] == maxima.scalars[slot])
        }
    }

    @Test func argmaxTakesFirstOfTies() throws {
        #expect(try Tensor(rows: [[1, 3, 3], [2, 2, 0]]).argmax(alongAxis: 1) == [1, 0])
    }

    @Test(arguments: [0, 1]) func logSumExpGradientAndStability(axis: Int) throws {
        #expect(try maximumGradientError(at: [sample([3, 4], seed: 24)]) {
            try $0[0].logSumExp(alongAxis: axis)
        } < gradientTolerance)
        let large = try Tensor(rows: [[1000, 1000], [-1000, -1000]])
        #expect(isClose(try large.logSumExp(alongAxis: 1), [1000 + log(2), -1000 + log(2)]))
    }
}

@Suite struct MinimumTests {
    @Test func minAndArgmin() throws {
        let distances = try Tensor(rows: [[3, 1, 2], [0, 5, 0]])
        #expect(try distances.argmin(alongAxis: 1) == [1, 0])
        #expect(try distances.min(alongAxis: 0).scalars == [0, 1, 0])
        var generator = RandomGenerator(seed: 25)  // values 0.3 apart: no near-ties within the step
        let spaced = try Tensor(shape: [3, 4], scalars: generator.permutation(12).map { Float($0) * 0.3 })
        #expect(try maximumGradientError(at: [spaced]) { try $0[0].min(alongAxis: 1) } < gradientTolerance)
    }
}
