import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct DropoutTests {
    @Test func dropoutIsSeededAndOffInEvaluation() throws {
        let input = Tensor(ones: [1000])
        let first = Dropout(probability: 0.25, seed: 9), second = Dropout(probability: 0.25, seed: 9)
        let dropped = try first(input)
        #expect(dropped == (try second(input)))
        let kept = dropped.scalars.filter { $0 != 0 }
        #expect(kept.allSatisfy { Swift.abs($0 - 4 / Float(3)) < 1e-6 } && kept.count > 700 && kept.count < 800)
        first.eval()
        #expect(try first(input) == input)
        #expect(throws: NeuralNetworksError.self) { try Dropout(probability: 1)(input) }
    }
}
