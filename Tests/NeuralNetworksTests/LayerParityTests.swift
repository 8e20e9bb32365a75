import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

/// Layer outputs and gradients against PyTorch (Fixtures/layers.json): for each layer, the output
/// and the gradients of `sum(output · projection)` for the inputs and every parameter.
@Suite struct LayerParityTests {
    struct Case: Decodable {
        let name: String
        let inputs: [String: EncodedTensor]
        let parameters: [String: EncodedTensor]
        let output: EncodedTensor
        let projection: EncodedTensor
        let gradients: [String: EncodedTensor]
    }

    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = (try? loadFixture("layers", as: Fixture.self).cases) ?? []

    /// The Swift layer of each case and how to call it on the named inputs.
    static func layer(_ name: String) throws -> (Module, ([String: Tensor], Module) throws -> Tensor) {
        var generator = RandomGenerator(seed: 0)
        switch name {
        case "layerNorm":
            return (try LayerNorm(4), { try ($1 as! LayerNorm)($0["input"]!) })
        case "conv2d":
            return (try Conv2d(2, 3, kernelSize: 3, stride: 2, padding: 1, generator: &generator),
                    { try ($1 as! Conv2d)($0["input"]!) })
        case "convTranspose2d":
            return (try ConvTranspose2d(3, 2, kernelSize: 3, stride: 2, padding: 1, outputPadding: 1, generator: &generator),
                    { try ($1 as! ConvTranspose2d)($0["input"]!) })
        case "multiHeadAttention":
            return (try MultiHeadAttention(8, headCount: 2, generator: &generator), {
                try ($1 as! MultiHeadAttention)($0["query"]!, key: $0["key"]!, value: $0["value"]!)
            })
        case "transformerEncoderBlock":
            return (try TransformerEncoderBlock(8, headCount: 2, feedForwardDimension: 16, dropout: 0.1, generator: &generator), {
                try ($1 as! TransformerEncoderBlock)($0["input"]!, mask: MultiHeadAttention.causalMask(length: 4))
            })
        default:
            throw NeuralNetworksError.invalidInput(operation: name, reason: "no Swift layer for this case")
        }
    }

    @Test func fixtureCoversEveryLayer() {
        #expect(Self.cases.map(\.name) == [
            "layerNorm", "conv2d", "convTranspose2d", "multiHeadAttention", "transformerEncoderBlock",
        ])
    }

    @Test(arguments: cases.map(\.name))
    func outputAndGradientsMatchPyTorch(name: String) throws {
        let fixture = try #require(Self.cases.first { $0.name == name })
        let (layer, call) = try Self.layer(name)
        try layer.update(parameters: fixture.parameters.mapValues(\.tensor), requiringAll: true)
        layer.eval()
        let inputs = fixture.inputs.mapValues(\.tensor), projection = fixture.projection.tensor
        let output = try call(inputs, layer)
        #expect(largestDifference(output, fixture.output) < 1e-5, "\(name) output")
        let (_, parameterGradients) = try valueAndGradient(of: layer) { layer in
            try (call(inputs, layer) * projection).sum()
        }
        let (_, inputGradients) = try valueAndGradient(at: inputs) { inputs in
            try (call(inputs, layer) * projection).sum()
        }
        for (gradientName, expected) in fixture.gradients {
            let gradient = try #require(parameterGradients[gradientName] ?? inputGradients[gradientName])
            let difference = largestDifference(gradient, expected)
            #expect(difference < 2e-5, "\(name) ∂\(gradientName): off by \(difference)")
        }
    }
}
