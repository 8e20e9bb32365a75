import Testing
@testable import NeuralNetworks

@Suite struct VectorSquareRootTests {
    @Test func matchesTheScalarSquareRootBitForBit() {
        let inputs: [Float] = [0, -0.0, 1, 2, 1e-8, 3.4e38, .leastNonzeroMagnitude, .leastNormalMagnitude, .infinity,
                               0.1, 7.25e-3, 12_345.678, 9.99e-30, 4, 0.5, 1e20]
        for start in stride(from: 0, to: inputs.count, by: 8) {
            let lanes = SIMD8<Float>(inputs[start..<(start + 8)])
            let roots = VectorSquareRoot.squareRoot(lanes)
            for lane in 0..<8 {
                #expect(roots[lane].bitPattern == lanes[lane].squareRoot().bitPattern, "√\(lanes[lane])")
            }
        }
    }

    @Test func negativeAndNaNLanesGiveNaN() {
        let roots = VectorSquareRoot.squareRoot(SIMD8<Float>(-1, .nan, -.infinity, 4, -1e-30, 1, 9, 16))
        #expect(roots[0].isNaN && roots[1].isNaN && roots[2].isNaN && roots[4].isNaN)
        #expect(roots[3] == 2 && roots[5] == 1 && roots[6] == 3 && roots[7] == 4)
    }
}
