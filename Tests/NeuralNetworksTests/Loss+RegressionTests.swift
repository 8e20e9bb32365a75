import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct RegressionLossTests {
    @Test func reductionsAgree() throws {
        let predictions = Tensor([1, 2, 3, 4]), targets = Tensor([1, 0, 3, 0])
        let perElement = try meanSquaredError(predictions: predictions, targets: targets, reduction: .none)
        #expect(perElement == Tensor([0, 4, 0, 16]))
        #expect(try meanSquaredError(predictions: predictions, targets: targets, reduction: .sum).scalar == 20)
        #expect(try meanSquaredError(predictions: predictions, targets: targets).scalar == 5)
    }

    @Test func maskedSquaredErrorAveragesObservedEntriesOnly() throws {
        let predictions = Tensor([1, 2, 3, 4]), targets = Tensor([0, 0, 0, 0])
        let mask = Tensor([1, 0, 0, 1])
        #expect(try meanSquaredError(predictions: predictions, targets: targets, mask: mask).scalar == 8.5)
        #expect(try meanSquaredError(predictions: predictions, targets: targets, mask: mask, reduction: .sum).scalar == 17)
        let (value, gradient) = try valueAndGradient(at: predictions) { p in
            try meanSquaredError(predictions: p, targets: targets, mask: Tensor(zeros: [4]))
        }
        #expect(value.scalar == 0 && gradient == Tensor(zeros: [4]))
    }
}
