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
