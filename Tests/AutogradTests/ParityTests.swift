import Foundation
import Testing
@testable import Autograd

/// Compares ops and their gradients with PyTorch values written by scripts/make_parity_fixtures.py.
@Suite struct ParityTests {
    struct Encoded: Decodable {
        let shape: [Int]
        let values: [Float]
        var tensor: Tensor { get throws { try Tensor(shape: shape, scalars: values) } }
    }

    struct Case: Decodable {
        let name: String
        let inputs: [Encoded]
        let output: Encoded
        let projection: Encoded
        let gradients: [Encoded?]
        let indices: [Int]?
    }

    struct Fixture: Decodable {
        let generator: String
        let cases: [Case]
    }

    static let fixture: Fixture = {
        let url = Bundle.module.url(forResource: "Fixtures/ops", withExtension: "json")!
        return try! JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }()

    /// The Swift spelling of each PyTorch case, by name.
    static func operation(_ name: String, indices: [Int]) -> ([Tensor]) throws -> Tensor {
        switch name {
        case "add": return { try $0[0] + $0[1] }
        case "subtract": return { try $0[0] - $0[1] }
        case "multiply": return { try $0[0] * $0[1] }
        case "divide": return { try $0[0] / $0[1] }
        case "negate": return { -$0[0] }
        case "exp": return { $0[0].exp() }
        case "log": return { $0[0].log() }
        case "squareRoot": return { $0[0].squareRoot() }
        case "pow": return { $0[0].pow(3) }
        case "abs": return { $0[0].abs() }
        case "tanh": return { $0[0].tanh() }
        case "sigmoid": return { $0[0].sigmoid() }
        case "relu": return { $0[0].relu() }
        case "leakyRelu": return { $0[0].leakyRelu(negativeSlope: 0.2) }
        case "silu": return { $0[0].silu() }
        case "softplus": return { $0[0].softplus() }
        case "clamp": return { $0[0].clamped(minimum: -0.5, maximum: 0.7) }
        case "where": return { try Tensor.where($0[0], $0[1], $0[2]) }
        case "sum": return { try $0[0].sum(alongAxes: [0, 2]) }
        case "mean": return { try $0[0].mean(alongAxis: 1) }
        case "max": return { try $0[0].max(alongAxis: 1) }
        case "logSumExp": return { try $0[0].logSumExp(alongAxis: 1) }
        case "matmul", "batchedMatmul": return { try $0[0].matmul($0[1]) }
        case "matmulTransposed": return { try $0[0].matmul($0[1], transposingSelf: true, transposingOther: true) }
        case "transpose": return { try $0[0].transposed(permutation: [2, 0, 1]) }
        case "slice": return { try $0[0].sliced(alongAxis: 1, range: 1..<3) }
        case "concatenate": return { try Tensor.concatenated($0, alongAxis: 1) }
        case "stack": return { try Tensor.stacked($0, alongAxis: 1) }
        case "gather": return { try $0[0].gather(alongAxis: 1, indices: indices) }
        case "indexSelect": return { try $0[0].indexSelect(alongAxis: 0, indices: indices) }
        case "embedding": return { try $0[0].embedding(indices: indices, indexShape: [2, 2]) }
        case "softmax": return { try $0[0].softmax() }
        case "logSoftmax": return { try $0[0].logSoftmax() }
        case "layerNorm": return { try $0[0].layerNormalized() }
        case "convolution2D": return { try $0[0].convolution2D(filters: $0[1], stride: 2, padding: 1) }
        case "transposedConvolution2D":
            return { try $0[0].transposedConvolution2D(filters: $0[1], stride: 2, padding: 1, outputPadding: 1) }
        case "pairwiseSquaredDistances": return { try Tensor.pairwiseSquaredDistances($0[0], $0[1]) }
        case "sparseMatmul": return { try SparseMatrix(dense: $0[0]).matmul($0[1]) }
        default: return { _ in throw AutogradError.invalidArgument(operation: name, reason: "no Swift spelling") }
        }
    }

    @Test func fixtureCoversEveryCase() {
        #expect(Self.fixture.cases.count >= 39)
        #expect(Self.fixture.generator.hasPrefix("torch"))
    }

    @Test(arguments: fixture.cases.map(\.name)) func matchesPyTorch(name: String) throws {
        let testCase = Self.fixture.cases.first { $0.name == name }!
        let function = Self.operation(name, indices: testCase.indices ?? [])
        let inputs = try testCase.inputs.map { try $0.tensor }
        let projection = try testCase.projection.tensor
        let differentiable = testCase.gradients.indices.filter { testCase.gradients[$0] != nil }
        let (_, gradients) = try valueAndGradient(at: differentiable.map { inputs[$0] }) { tracked in
            var arguments = inputs
            for (slot, index) in differentiable.enumerated() { arguments[index] = tracked[slot] }
            let output = try function(arguments)
            #expect(output.shape == testCase.output.shape, "\(name) output shape")
            #expect(isClose(output, testCase.output.values, tolerance: 1e-4), "\(name) output")
            return try (output * projection).sum()
        }
        for (slot, index) in differentiable.enumerated() {
            #expect(isClose(gradients[slot], testCase.gradients[index]!.values, tolerance: 1e-4), "\(name) gradient \(index)")
        }
    }
}
