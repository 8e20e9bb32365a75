import Foundation
import Autograd

/// How a parameter's initial values are drawn, with the fan conventions of `torch.nn.init`:
/// for a shape `[out, in, k…]`, `fanIn = in · Πk` and `fanOut = out · Πk`.
///
/// ```swift
/// var generator = RandomGenerator(seed: 1)
/// let weights = try Initializer.xavierUniform().tensor([200, 600], generator: &generator)
/// ```
public enum Initializer: Sendable, Equatable {
    /// Which fan scales a Kaiming initialiser.
    public enum FanMode: Sendable, Equatable {
        /// Preserves the variance of activations in the forward pass.
        case fanIn
        /// Preserves the variance of gradients in the backward pass.
        case fanOut
    }

    /// Every value `value`.
    case constant(Float)
    /// Uniform on `[lowerBound, upperBound)`.
    case uniform(lowerBound: Float, upperBound: Float)
    /// Normal with the given mean and standard deviation.
    case normal(mean: Float = 0, standardDeviation: Float = 1)
    /// Normal restricted to `[lowerBound, upperBound]` (absolute bounds, as `trunc_normal_`), by rejection.
    case truncatedNormal(mean: Float = 0, standardDeviation: Float = 1, lowerBound: Float = -2, upperBound: Float = 2)
    /// Glorot & Bengio (2010): uniform with bound `gain · √(6 / (fanIn + fanOut))`.
    case xavierUniform(gain: Float = 1)
    /// Glorot & Bengio (2010): normal with deviation `gain · √(2 / (fanIn + fanOut))`.
    case xavierNormal(gain: Float = 1)
    /// He et al. (2015): uniform with bound `√(6 / ((1 + a²) · fan))` for a leaky-ReLU slope `a`.
    case kaimingUniform(negativeSlope: Float = 0, mode: FanMode = .fanIn)
    /// He et al. (2015): normal with deviation `√(2 / ((1 + a²) · fan))`.
    case kaimingNormal(negativeSlope: Float = 0, mode: FanMode = .fanIn)

    /// All zeros.
    public static let zeros: Initializer = .constant(0)
    /// All ones.
    public static let ones: Initializer = .constant(1)

    /// The fan-in and fan-out of a parameter shape, as `torch.nn.init._calculate_fan_in_and_fan_out`
    /// (a vector counts its length for both).
    ///
    /// - Parameter shape: The parameter shape, `[out, in, k…]`.
    public static func fans(of shape: [Int]) -> (fanIn: Int, fanOut: Int) {
        guard shape.count >= 2 else { return (shape.first ?? 1, shape.first ?? 1) }
        let receptiveField = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptiveField, shape[0] * receptiveField)
    }

    /// Draws a tensor of `shape` from `generator`; throws for an invalid initialiser, a negative size, or a tensor
    /// larger than the memory available.
    ///
    /// - Parameters:
    ///   - shape: The size of each axis.
    ///   - generator: Draws the values.
    public func tensor(_ shape: [Int], generator: inout RandomGenerator) throws -> Tensor {
        try MemoryLimit.check(shape, operation: "Initializer.tensor")
        let (fanIn, fanOut) = Initializer.fans(of: shape)
        switch self {
        case let .constant(value):
            return Tensor(repeating: value, shape: shape)
        case let .uniform(lowerBound, upperBound):
            guard lowerBound <= upperBound else { throw invalid("lower bound \(lowerBound) exceeds upper bound \(upperBound)") }
            return generator.uniform(shape, lowerBound: lowerBound, upperBound: upperBound)
        case let .normal(mean, standardDeviation):
            return generator.normal(shape, mean: mean, standardDeviation: standardDeviation)
        case let .truncatedNormal(mean, standardDeviation, lowerBound, upperBound):
            guard lowerBound < upperBound, mean + 6 * standardDeviation > lowerBound,
                  mean - 6 * standardDeviation < upperBound else {
                throw invalid("bounds [\(lowerBound), \(upperBound)] leave almost no mass of N(\(mean), \(standardDeviation)²)")
            }
            return truncatedNormal(shape, mean: mean, standardDeviation: standardDeviation,
                                   lowerBound: lowerBound, upperBound: upperBound, generator: &generator)
        case let .xavierUniform(gain):
            let bound = gain * (6 / Float(try positive(fanIn + fanOut, shape))).squareRoot()
            return generator.uniform(shape, lowerBound: -bound, upperBound: bound)
        case let .xavierNormal(gain):
            let deviation = gain * (2 / Float(try positive(fanIn + fanOut, shape))).squareRoot()
            return generator.normal(shape, standardDeviation: deviation)
        case let .kaimingUniform(negativeSlope, mode):
            let fan = try positive(mode == .fanIn ? fanIn : fanOut, shape)
            let bound = (6 / ((1 + negativeSlope * negativeSlope) * Float(fan))).squareRoot()
            return generator.uniform(shape, lowerBound: -bound, upperBound: bound)
        case let .kaimingNormal(negativeSlope, mode):
            let fan = try positive(mode == .fanIn ? fanIn : fanOut, shape)
            let deviation = (2 / ((1 + negativeSlope * negativeSlope) * Float(fan))).squareRoot()
            return generator.normal(shape, standardDeviation: deviation)
        }
    }

    private func invalid(_ reason: String) -> NeuralNetworksError {
        .invalidConfiguration(component: "Initializer.\(self)", reason: reason)
    }

    private func positive(_ fan: Int, _ shape: [Int]) throws -> Int {
        guard fan > 0 else { throw invalid("shape \(shape) has a zero fan") }
        return fan
    }

    /// Normal draws, each redrawn until it falls inside the bounds.
    private func truncatedNormal(
        _ shape: [Int], mean: Float, standardDeviation: Float, lowerBound: Float, upperBound: Float,
        generator: inout RandomGenerator
    ) -> Tensor {
        var tensor = generator.normal(shape, mean: mean, standardDeviation: standardDeviation)
        tensor.updateScalars { values in
            for index in values.indices {
                while values[index] < lowerBound || values[index] > upperBound {
                    values[index] = generator.normal([1], mean: mean, standardDeviation: standardDeviation).scalar
                }
            }
        }
        return tensor
    }
}
