import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

/// Loss values and gradients against PyTorch (Fixtures/losses.json).
@Suite struct LossParityTests {
    struct Case: Decodable {
        let name: String
        let inputs: [String: EncodedTensor]
        let constants: [String: EncodedTensor]
        let options: [String: Options]
        let value: Float
        let gradients: [String: EncodedTensor]
    }

    enum Options: Decodable {
        case number(Float)
        case integers([Int])
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let integers = try? container.decode([Int].self) { self = .integers(integers) } else {
                self = .number(try container.decode(Float.self))
            }
        }
        var number: Float { if case let .number(value) = self { return value } else { return .nan } }
        var integers: [Int] { if case let .integers(value) = self { return value } else { return [] } }
    }

    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = (try? loadFixture("losses", as: Fixture.self).cases) ?? []

    /// The Swift spelling of each PyTorch loss, by case name.
    static func loss(for fixture: Case) -> ([String: Tensor]) throws -> Tensor {
        let constant = { (name: String) in fixture.constants[name]!.tensor }
        switch fixture.name {
        case "crossEntropy":
            return { try crossEntropy(logits: $0["logits"]!, labels: fixture.options["labels"]!.integers) }
        case "crossEntropyProbabilities":
            return { try crossEntropy(logits: $0["logits"]!, probabilities: constant("probabilities")) }
        case "multinomial":
            return { try multinomialNegativeLogLikelihood(logits: $0["logits"]!, counts: constant("counts")) }
        case "gaussianKL":
            return { try gaussianKLDivergence(mean: $0["mean"]!, logVariance: $0["logVariance"]!) }
        case "gaussianKLTwoGaussians":
            return {
                try gaussianKLDivergence(mean: $0["mean"]!, logVariance: $0["logVariance"]!,
                                         priorMean: $0["priorMean"]!, priorLogVariance: $0["priorLogVariance"]!)
            }
        case "meanSquaredError":
            return { try meanSquaredError(predictions: $0["predictions"]!, targets: $0["targets"]!) }
        case "meanSquaredErrorMasked":
            return { try meanSquaredError(predictions: $0["predictions"]!, targets: $0["targets"]!, mask: constant("mask")) }
        case "binaryCrossEntropy":
            return { try binaryCrossEntropy(logits: $0["logits"]!, targets: constant("targets")) }
        case "sigmoidFocalLoss":
            return {
                try sigmoidFocalLoss(logits: $0["logits"]!, targets: constant("targets"),
                                     alpha: fixture.options["alpha"]!.number, gamma: fixture.options["gamma"]!.number)
            }
        default:
            return { _ in throw NeuralNetworksError.invalidInput(operation: fixture.name, reason: "no Swift spelling") }
        }
    }

    @Test func fixtureCoversEveryLoss() {
        #expect(Set(Self.cases.map(\.name)) == [
            "crossEntropy", "crossEntropyProbabilities", "multinomial", "gaussianKL", "gaussianKLTwoGaussians",
            "meanSquaredError", "meanSquaredErrorMasked", "binaryCrossEntropy", "sigmoidFocalLoss",
        ])
    }

    @Test(arguments: cases.map(\.name))
    func valueAndGradientsMatchPyTorch(name: String) throws {
        let fixture = try #require(Self.cases.first { $0.name == name })
        let inputs = fixture.inputs.mapValues(\.tensor)
        let (value, gradients) = try valueAndGradient(at: inputs, of: Self.loss(for: fixture))
        #expect(Swift.abs(value.scalar - fixture.value) <= 1e-5 * Swift.max(1, Swift.abs(fixture.value)),
                "\(name): \(value.scalar) vs \(fixture.value)")
        for (input, expected) in fixture.gradients {
            let difference = largestDifference(gradients[input]!, expected)
            #expect(difference < 1e-5, "\(name) ∂\(input): off by \(difference)")
        }
    }
}
