import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct LossTests {
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

    @Test func klOfTheStandardNormalToItselfIsZero() throws {
        let zero = Tensor(zeros: [2, 3])
        #expect(try gaussianKLDivergence(mean: zero, logVariance: zero).scalar == 0)
        let same = sample([2, 3], seed: 1)
        let divergence = try gaussianKLDivergence(mean: same, logVariance: same, priorMean: same, priorLogVariance: same)
        #expect(Swift.abs(divergence.scalar) < 1e-6)
        #expect(try gaussianKLDivergence(mean: Tensor(rows: [[1, 0]]), logVariance: Tensor(zeros: [1, 2])).scalar == 0.5)
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
