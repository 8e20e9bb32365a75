import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct LinearTests {
    @Test func computesAnAffineMapOverLeadingAxes() throws {
        let layer = try Linear(weight: Tensor(rows: [[1, 2], [3, 4], [5, 6]]), bias: Tensor([1, 0, -1]))
        #expect(try layer(Tensor([1, 1])) == Tensor([4, 7, 10]))
        let batch = try layer(Tensor(shape: [2, 1, 2], scalars: [1, 0, 0, 1]))
        #expect(batch.shape == [2, 1, 3] && batch.scalars == [2, 3, 4, 3, 4, 5])
    }

    @Test func initialisesLikePyTorch() throws {
        var generator = RandomGenerator(seed: 1)
        let layer = try Linear(16, 4, generator: &generator)
        #expect(layer.weight.shape == [4, 16] && layer.bias?.shape == [4])
        #expect(layer.weight.scalars.allSatisfy { Swift.abs($0) <= 0.25 })
        let withoutBias = try Linear(16, 4, bias: false, generator: &generator)
        #expect(withoutBias.bias == nil && withoutBias.parameterNames == ["weight"])
    }

    @Test func acceptsInitialisers() throws {
        var generator = RandomGenerator(seed: 1)
        let layer = try Linear(3, 2, weightInitializer: .constant(0.5), biasInitializer: .ones, generator: &generator)
        #expect(try layer(Tensor([1, 1, 1])) == Tensor([2.5, 2.5]))
    }

    @Test func rejectsTheWrongInputWidth() throws {
        var generator = RandomGenerator(seed: 1)
        let layer = try Linear(3, 2, generator: &generator)
        #expect(throws: NeuralNetworksError.invalidInput(
            operation: "Linear(3, 2)", reason: "expected an input [..., 3], got [4, 2]")) {
            try layer(Tensor(zeros: [4, 2]))
        }
    }

    @Test func sparseRowsGiveTheDenseResultAndGradient() throws {
        var generator = RandomGenerator(seed: 3)
        let layer = try Linear(5, 3, generator: &generator)
        let dense = try Tensor(rows: [[0, 1, 0, 0, 2], [0, 0, 0, 0, 0], [3, 0, 0, 1, 0]])
        let sparse = try SparseMatrix(dense: dense)
        #expect(isClose(try layer(sparse), try layer(dense).scalars))
        let (_, sparseGradients) = try valueAndGradient(of: layer) { layer in try layer(sparse).squared().sum() }
        let (_, denseGradients) = try valueAndGradient(of: layer) { layer in try layer(dense).squared().sum() }
        #expect(isClose(sparseGradients["weight"]!, denseGradients["weight"]!.scalars))
        #expect(isClose(sparseGradients["bias"]!, denseGradients["bias"]!.scalars))
        #expect(throws: NeuralNetworksError.self) { try layer(try SparseMatrix(dense: Tensor(zeros: [2, 4]))) }
    }

    @Test func aWeightLargerThanMemoryOrANegativeSizeIsAnErrorNamingTheLayer() throws {
        var generator = RandomGenerator(seed: 1)
        let error = #expect(throws: AutogradError.self) { try Linear(1 << 40, 600, generator: &generator) }
        #expect("\(error!)".hasPrefix("Linear(1099511627776, 600): invalid shape [600, 1099511627776]: it needs "))
        #expect(throws: AutogradError.invalidShape(operation: "Linear(-1, 3)", shape: [3, -1], reason: "sizes cannot be negative")) {
            try Linear(-1, 3, weightInitializer: .zeros, generator: &generator)
        }
        #expect(throws: AutogradError.self) { try Linear(Int.max, 2, weightInitializer: .xavierUniform(), generator: &generator) }
    }
}
