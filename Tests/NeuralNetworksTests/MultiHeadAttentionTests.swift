import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

@Suite struct MultiHeadAttentionTests {
    @Test func causalAttentionIgnoresTheFuture() throws {
        var generator = RandomGenerator(seed: 4)
        let attention = try MultiHeadAttention(8, headCount: 2, generator: &generator)
        let sequence = sample([1, 5, 8], seed: 5)
        var changedLast = sequence
        changedLast.updateScalars { values in for index in 32..<40 { values[index] += 3 } }
        let mask = MultiHeadAttention.causalMask(length: 5)
        let before = try attention(sequence, key: sequence, value: sequence, mask: mask)
        let after = try attention(changedLast, key: changedLast, value: changedLast, mask: mask)
        #expect(Array(before.scalars[0..<32]) == Array(after.scalars[0..<32]))
        #expect(Array(before.scalars[32..<40]) != Array(after.scalars[32..<40]))
        let padded = try attention(sequence, key: sequence, value: sequence,
                                   mask: MultiHeadAttention.paddingMask([[false, false, false, false, true]]))
        let paddedChanged = try attention(sequence, key: changedLast, value: changedLast,
                                          mask: MultiHeadAttention.paddingMask([[false, false, false, false, true]]))
        #expect(isClose(padded, paddedChanged.scalars))
        #expect(throws: NeuralNetworksError.invalidConfiguration(
            component: "MultiHeadAttention", reason: "dimension 8 is not divisible by headCount 3")) {
            try MultiHeadAttention(8, headCount: 3, generator: &generator)
        }
    }
}
