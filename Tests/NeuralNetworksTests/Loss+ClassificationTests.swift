import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct ClassificationLossTests {
    @Test func shapeErrorsNameBothShapes() {
        #expect(throws: NeuralNetworksError.invalidInput(
            operation: "binaryCrossEntropy", reason: "logits [2] and targets [3] must have the same shape")) {
            try binaryCrossEntropy(logits: Tensor([1, 2]), targets: Tensor([1, 0, 1]))
        }
        #expect(throws: NeuralNetworksError.invalidInput(operation: "crossEntropy", reason: "label 3 is outside 0..<3")) {
            try crossEntropy(logits: Tensor(zeros: [1, 3]), labels: [3])
        }
    }

    @Test func binaryCrossEntropyIsStableForLargeLogits() throws {
        let loss = try binaryCrossEntropy(logits: Tensor([100, -100]), targets: Tensor([0, 1]), reduction: .none)
        #expect(isClose(loss, [100, 100]))
        let (_, gradient) = try valueAndGradient(at: Tensor([100, -100])) { x in
            try binaryCrossEntropy(logits: x, targets: Tensor([0, 1]), reduction: .sum)
        }
        #expect(isClose(gradient, [1, -1]))
    }

    @Test func focalLossWithoutFocusingIsWeightedCrossEntropy() throws {
        let logits = sample([6], seed: 2), targets = Tensor([1, 0, 1, 1, 0, 0])
        let focal = try sigmoidFocalLoss(logits: logits, targets: targets, alpha: -1, gamma: 0)
        #expect(Swift.abs(focal.scalar - (try binaryCrossEntropy(logits: logits, targets: targets)).scalar) < 1e-6)
        #expect(try gradientError(at: logits) { try sigmoidFocalLoss(logits: $0, targets: targets, gamma: 1.5) } < 1e-2)
    }

    @Test func multinomialLikelihoodAndCrossEntropyAgreeOnOneHotCounts() throws {
        let logits = sample([3, 5], seed: 3)
        var oneHot = [Float](repeating: 0, count: 15)
        for (row, label) in [4, 0, 2].enumerated() { oneHot[row * 5 + label] = 1 }
        let counts = try Tensor(shape: [3, 5], scalars: oneHot)
        let multinomial = try multinomialNegativeLogLikelihood(logits: logits, counts: counts)
        #expect(Swift.abs(multinomial.scalar - (try crossEntropy(logits: logits, labels: [4, 0, 2])).scalar) < 1e-6)
        #expect(Swift.abs(multinomial.scalar - (try crossEntropy(logits: logits, probabilities: counts)).scalar) < 1e-6)
    }
}
