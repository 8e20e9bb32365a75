import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct LayerNormTests {
    @Test func layerNormNormalisesTheLastAxis() throws {
        let norm = try LayerNorm(4)
        let output = try norm(Tensor(rows: [[1, 2, 3, 4], [2, 2, 2, 6]]))
        for row in 0..<2 {
            let values = Array(output.scalars[(row * 4)..<(row * 4 + 4)])
            #expect(Swift.abs(values.reduce(0, +)) < 1e-5)
            #expect(Swift.abs(values.map { $0 * $0 }.reduce(0, +) / 4 - 1) < 1e-3)
        }
        #expect(try LayerNorm(4, elementwiseAffine: false).parameterNames.isEmpty)
        #expect(throws: NeuralNetworksError.self) { try norm(Tensor(zeros: [2, 3])) }
    }

    @Test func aNegativeOrUncountableDimensionIsAnError() {
        #expect(throws: AutogradError.invalidShape(operation: "LayerNorm(-4)", shape: [-4], reason: "sizes cannot be negative")) {
            try LayerNorm(-4)
        }
        #expect(throws: AutogradError.self) { try LayerNorm(1 << 40) }
    }
}
