import Foundation

/// Adam (Kingma & Ba, 2015), as `torch.optim.Adam`: moments `m ← β₁m + (1 − β₁)g`,
/// `v ← β₂v + (1 − β₂)g²`, then `p ← p − lr · m̂ / (√v̂ + ε)` with bias-corrected `m̂`, `v̂`.
public class Adam: Optimizer {
    /// The decay of the first moment.
    public let beta1: Float
    /// The decay of the second moment.
    public let beta2: Float
    /// Added to the denominator for stability.
    public let epsilon: Float

    /// Creates the optimizer with coupled (L2) weight decay.
    ///
    /// - Parameters:
    ///   - learningRate: The base step size, which `schedule` scales.
    ///   - beta1: The decay of the first moment.
    ///   - beta2: The decay of the second moment.
    ///   - epsilon: Added to the denominator for stability.
    ///   - weightDecay: Coupled (L2) weight decay added to the gradient; 0 for none.
    ///   - schedule: How the learning rate changes with the update count.
    ///   - maximumGradientNorm: Clips the gradients' global norm to this before each step; nil for no clipping.
    public init(
        learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
        weightDecay: Float = 0, schedule: LearningRateSchedule = .constant, maximumGradientNorm: Float? = nil
    ) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        super.init(learningRate: learningRate, weightDecay: weightDecay, schedule: schedule,
                   maximumGradientNorm: maximumGradientNorm)
    }

    init(
        learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, decoupledWeightDecay: Float,
        schedule: LearningRateSchedule, maximumGradientNorm: Float?
    ) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        super.init(learningRate: learningRate, weightDecay: decoupledWeightDecay, decouplesWeightDecay: true,
                   schedule: schedule, maximumGradientNorm: maximumGradientNorm)
    }

    /// The Adam step.
    ///
    /// - Parameters:
    ///   - values: The parameter's values, updated in place.
    ///   - gradient: Its gradient, already clipped and, for coupled weight decay, including the decay term.
    ///   - slots: The parameter's state (step count, buffers), read and updated in place.
    ///   - learningRate: The scheduled learning rate of this update.
    public override func apply(to values: inout [Float], gradient: [Float], slots: inout OptimizerSlots, learningRate: Float) {
        var first = slots.takeBuffer(0, count: values.count), second = slots.takeBuffer(1, count: values.count)
        let correction1 = 1 - Foundation.pow(beta1, Float(slots.step)), correction2 = 1 - Foundation.pow(beta2, Float(slots.step))
        let stepSize = learningRate / correction1, rootCorrection2 = correction2.squareRoot()
        let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
        // Raw buffers: several arrays mutated in one loop would otherwise re-check uniqueness per value.
        values.withUnsafeMutableBufferPointer { values in
            first.withUnsafeMutableBufferPointer { first in
                second.withUnsafeMutableBufferPointer { second in
                    gradient.withUnsafeBufferPointer { gradient in
                        let kernel = AdamKernel(
                            values: values.baseAddress!, first: first.baseAddress!, second: second.baseAddress!,
                            gradient: gradient.baseAddress!, beta1: beta1, beta2: beta2, epsilon: epsilon,
                            stepSize: stepSize, rootCorrection2: rootCorrection2)
                        ParallelLoop.forEachChunk(count: values.count) { range in kernel.run(range) }
                    }
                }
            }
        }
        slots.buffers = [first, second]
    }
}

/// AdamW (Loshchilov & Hutter, 2019), as `torch.optim.AdamW`: Adam with decoupled weight decay,
/// `p ← p·(1 − lr·weightDecay)` before the Adam step.
public final class AdamW: Adam {
    /// Creates the optimizer (PyTorch's default weight decay 0.01).
    ///
    /// - Parameters:
    ///   - learningRate: The base step size, which `schedule` scales.
    ///   - beta1: The decay of the first moment.
    ///   - beta2: The decay of the second moment.
    ///   - epsilon: Added to the denominator for stability.
    ///   - weightDecay: Decoupled weight decay: values shrink by `1 − learningRate · weightDecay` before each step.
    ///   - schedule: How the learning rate changes with the update count.
    ///   - maximumGradientNorm: Clips the gradients' global norm to this before each step; nil for no clipping.
    public override init(
        learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
        weightDecay: Float = 0.01, schedule: LearningRateSchedule = .constant, maximumGradientNorm: Float? = nil
    ) {
        super.init(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                   decoupledWeightDecay: weightDecay, schedule: schedule, maximumGradientNorm: maximumGradientNorm)
    }
}

/// One Adam update over a range of values, sixteen at a time (the SIMD form computes exactly what the
/// scalar form does, operation for operation, so results do not depend on the split).
private struct AdamKernel {
    let values: UnsafeMutablePointer<Float>
    let first: UnsafeMutablePointer<Float>
    let second: UnsafeMutablePointer<Float>
    let gradient: UnsafePointer<Float>
    let beta1: Float, beta2: Float, epsilon: Float, stepSize: Float, rootCorrection2: Float

    func run(_ range: Range<Int>) {
        typealias Vector = SIMD16<Float>
        let width = Vector.scalarCount
        var index = range.lowerBound
        let (beta1v, beta2v) = (Vector(repeating: beta1), Vector(repeating: beta2))
        let (oneMinusBeta1, oneMinusBeta2) = (Vector(repeating: 1 - beta1), Vector(repeating: 1 - beta2))
        let (stepSizev, rootCorrection2v, epsilonv) =
            (Vector(repeating: stepSize), Vector(repeating: rootCorrection2), Vector(repeating: epsilon))
        func load(_ pointer: UnsafePointer<Float>) -> Vector { UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self) }
        func store(_ vector: Vector, _ pointer: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
        }
        while index + width <= range.upperBound {
            let g = load(gradient + index)
            let m = beta1v * load(first + index) + oneMinusBeta1 * g
            let v = beta2v * load(second + index) + oneMinusBeta2 * g * g
            store(m, first + index)
            store(v, second + index)
            let root = Vector(lowHalf: VectorSquareRoot.squareRoot(v.lowHalf), highHalf: VectorSquareRoot.squareRoot(v.highHalf))
            store(load(values + index) - stepSizev * m / (root / rootCorrection2v + epsilonv), values + index)
            index += width
        }
        while index < range.upperBound {
            first[index] = beta1 * first[index] + (1 - beta1) * gradient[index]
            second[index] = beta2 * second[index] + (1 - beta2) * gradient[index] * gradient[index]
            values[index] -= stepSize * first[index] / (second[index].squareRoot() / rootCorrection2 + epsilon)
            index += 1
        }
    }
}
