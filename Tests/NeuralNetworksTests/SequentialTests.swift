import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct SequentialTests {
    @Test func appliesLayersInOrderAndNamesThemByPosition() throws {
        let model = Sequential(
            try Linear(weight: Tensor(rows: [[1, -1]]), bias: Tensor([0.5])), Tanh(),
            Lambda { $0 * 2 }, LeakyReLU(negativeSlope: 0.1))
        #expect(model.parameterNames == ["layers.0.weight", "layers.0.bias"])
        let output = try model(Tensor(rows: [[1, 3], [3, 1]]))
        let expected: [Float] = [0.1 * 2 * Foundation.tanh(-1.5), 2 * Foundation.tanh(2.5)]
        #expect(isClose(output, expected))
    }

    @Test func activationsMatchTheirFunctions() throws {
        let input = Tensor([-2, 0.5])
        #expect(try ReLU()(input) == Tensor([0, 0.5]))
        #expect(try Sigmoid()(input) == input.sigmoid())
        #expect(try SiLU()(input) == input.silu())
        #expect(try Softplus()(input) == input.softplus())
    }
}
