@testable import Autograd

/// Deterministic test inputs: normal values, optionally kept away from zero (the kinks of
/// relu, abs, clamp) so finite differences do not straddle a kink.
func sample(_ shape: [Int], seed: UInt64, awayFromZero: Bool = false, positive: Bool = false) -> Tensor {
    var generator = RandomGenerator(seed: seed)
    var tensor = generator.normal(shape)
    tensor.updateScalars { values in
        for i in values.indices {
            if awayFromZero { values[i] += values[i] >= 0 ? 0.2 : -0.2 }
            if positive { values[i] = Swift.abs(values[i]) + 0.5 }
        }
    }
    return tensor
}

/// Whether every value of `tensor` is within `tolerance` of `expected`.
func isClose(_ tensor: Tensor, _ expected: [Float], tolerance: Float = 1e-5) -> Bool {
    tensor.scalarCount == expected.count
        && zip(tensor.scalars, expected).allSatisfy { Swift.abs($0 - $1) <= tolerance * Swift.max(1, Swift.abs($1)) }
}

/// The gradient-check tolerance for Float32 central differences with step 1e-2.
let gradientTolerance: Float = 1e-2
