import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

/// Deterministic normal test values.
func sample(_ shape: [Int], seed: UInt64) -> Tensor {
    var generator = RandomGenerator(seed: seed)
    return generator.normal(shape)
}

/// Whether every value of `tensor` is within `tolerance` (relative above 1) of `expected`.
func isClose(_ tensor: Tensor, _ expected: [Float], tolerance: Float = 1e-5) -> Bool {
    tensor.scalarCount == expected.count
        && zip(tensor.scalars, expected).allSatisfy { Swift.abs($0 - $1) <= tolerance * Swift.max(1, Swift.abs($1)) }
}

/// The largest difference between a function's gradient and central differences, for a
/// function of one tensor (step 1e-2, Float32).
func gradientError(at point: Tensor, _ function: (Tensor) throws -> Tensor) throws -> Float {
    let (_, gradient) = try valueAndGradient(at: point, of: function)
    var worst: Float = 0
    for index in 0..<point.scalarCount {
        var plus = point, minus = point
        plus.updateScalars { $0[index] += 1e-2 }
        minus.updateScalars { $0[index] -= 1e-2 }
        let numeric = (try function(plus).scalar - function(minus).scalar) / 2e-2
        worst = Swift.max(worst, Swift.abs(numeric - gradient.scalars[index]) / Swift.max(1, Swift.abs(numeric)))
    }
    return worst
}

/// A fresh empty folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("nn-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Linear(3, hidden)-tanh-Linear(hidden, 2) drawn from `seed`.
func smallNetwork(seed: UInt64, hidden: Int = 4) throws -> Sequential {
    var generator = RandomGenerator(seed: seed)
    return Sequential(try Linear(3, hidden, generator: &generator), Tanh(), try Linear(hidden, 2, generator: &generator))
}
