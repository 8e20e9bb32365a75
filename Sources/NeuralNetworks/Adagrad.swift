/// Adagrad (Duchi et al., 2011), as `torch.optim.Adagrad`: `s ← s + g²`, then
/// `p ← p − lr / (1 + (t − 1)·learningRateDecay) · g / (√s + ε)`.
public final class Adagrad: Optimizer {
    /// The per-step decay of the learning rate.
    public let learningRateDecay: Float
    /// The starting value of the squared-gradient sums.
    public let initialAccumulatorValue: Float
    /// Added to the denominator for stability.
    public let epsilon: Float

    /// Creates the optimizer.
    ///
    /// - Parameters:
    ///   - learningRate: The base step size, which `schedule` scales.
    ///   - learningRateDecay: The per-step decay of the learning rate.
    ///   - initialAccumulatorValue: The starting value of the squared-gradient sums.
    ///   - epsilon: Added to the denominator for stability.
    ///   - weightDecay: Coupled (L2) weight decay added to the gradient; 0 for none.
    ///   - schedule: How the learning rate changes with the update count.
    ///   - maximumGradientNorm: Clips the gradients' global norm to this before each step; nil for no clipping.
    public init(
        learningRate: Float = 1e-2, learningRateDecay: Float = 0, initialAccumulatorValue: Float = 0,
        epsilon: Float = 1e-10, weightDecay: Float = 0, schedule: LearningRateSchedule = .constant,
        maximumGradientNorm: Float? = nil
    ) {
        self.learningRateDecay = learningRateDecay
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
        super.init(learningRate: learningRate, weightDecay: weightDecay, schedule: schedule,
                   maximumGradientNorm: maximumGradientNorm)
    }

    /// The Adagrad step.
    ///
    /// - Parameters:
    ///   - values: The parameter's values, updated in place.
    ///   - gradient: Its gradient, already clipped and, for coupled weight decay, including the decay term.
    ///   - slots: The parameter's state (step count, buffers), read and updated in place.
    ///   - learningRate: The scheduled learning rate of this update.
    public override func apply(to values: inout [Float], gradient: [Float], slots: inout OptimizerSlots, learningRate: Float) {
        var sums = slots.takeBuffer(0, count: values.count, initial: initialAccumulatorValue)
        let rate = learningRate / (1 + Float(slots.step - 1) * learningRateDecay)
        let epsilon = self.epsilon
        values.withUnsafeMutableBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                gradient.withUnsafeBufferPointer { gradient in
                    ParallelLoop.forEachChunk(count: values.count) { range in for index in range {
                        sums[index] += gradient[index] * gradient[index]
                        values[index] -= rate * gradient[index] / (sums[index].squareRoot() + epsilon)
                    }}
                }
            }
        }
        slots.buffers = [sums]
    }
}
