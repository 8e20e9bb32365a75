/// Stochastic gradient descent with optional momentum and Nesterov momentum, as `torch.optim.SGD`:
/// `b ← μ·b + (1 − dampening)·g` (`b ← g` on the first step), then `p ← p − lr·(g + μ·b)` with
/// Nesterov or `p ← p − lr·b` without.
public final class SGD: Optimizer {
    /// The momentum factor μ (0 for plain SGD).
    public let momentum: Float
    /// The dampening of new gradients in the momentum buffer.
    public let dampening: Float
    /// Whether to use Nesterov momentum.
    public let nesterov: Bool

    /// Creates the optimizer.
    ///
    /// - Parameters:
    ///   - learningRate: The base step size, which `schedule` scales.
    ///   - momentum: The momentum factor μ; 0 for plain SGD.
    ///   - dampening: The dampening of new gradients in the momentum buffer.
    ///   - nesterov: Use Nesterov momentum.
    ///   - weightDecay: Coupled (L2) weight decay added to the gradient; 0 for none.
    ///   - schedule: How the learning rate changes with the update count.
    ///   - maximumGradientNorm: Clips the gradients' global norm to this before each step; nil for no clipping.
    public init(
        learningRate: Float, momentum: Float = 0, dampening: Float = 0, nesterov: Bool = false,
        weightDecay: Float = 0, schedule: LearningRateSchedule = .constant, maximumGradientNorm: Float? = nil
    ) {
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        super.init(learningRate: learningRate, weightDecay: weightDecay, schedule: schedule,
                   maximumGradientNorm: maximumGradientNorm)
    }

    /// The SGD step.
    ///
    /// - Parameters:
    ///   - values: The parameter's values, updated in place.
    ///   - gradient: Its gradient, already clipped and, for coupled weight decay, including the decay term.
    ///   - slots: The parameter's state (step count, buffers), read and updated in place.
    ///   - learningRate: The scheduled learning rate of this update.
    public override func apply(to values: inout [Float], gradient: [Float], slots: inout OptimizerSlots, learningRate: Float) {
        guard momentum != 0 else {
            for index in values.indices { values[index] -= learningRate * gradient[index] }
            return
        }
        var buffer = slots.step == 1 ? gradient : slots.takeBuffer(0, count: values.count)
        let (momentum, dampening, nesterov, isFirstStep) = (self.momentum, self.dampening, self.nesterov, slots.step == 1)
        values.withUnsafeMutableBufferPointer { values in
            buffer.withUnsafeMutableBufferPointer { buffer in
                gradient.withUnsafeBufferPointer { gradient in
                    ParallelLoop.forEachChunk(count: values.count) { range in for index in range {
                        if !isFirstStep { buffer[index] = momentum * buffer[index] + (1 - dampening) * gradient[index] }
                        values[index] -= learningRate * (nesterov ? gradient[index] + momentum * buffer[index] : buffer[index])
                    }}
                }
            }
        }
        slots.buffers = [buffer]
    }
}
