import Foundation

/// How the learning rate changes with the update count `t` (0 for the first update); each case
/// scales the optimizer's base learning rate.
///
/// ```swift
/// let optimizer = Adam(learningRate: 1e-3, schedule: .warmUp(steps: 500, then: .cosine(steps: 20_000)))
/// ```
public indirect enum LearningRateSchedule: Sendable, Equatable {
    /// The base rate throughout.
    case constant
    /// The base rate times `factor` every `every` updates: `base · factor^⌊t / every⌋` (PyTorch `StepLR`).
    case step(every: Int, factor: Float)
    /// Cosine annealing from the base rate to `minimum` over `steps` updates, then `minimum`
    /// (PyTorch `CosineAnnealingLR` up to `steps`; PyTorch then rises again, this stays at `minimum`):
    /// `min + (base − min)(1 + cos(π·min(t, steps)/steps))/2`.
    case cosine(steps: Int, minimum: Float = 0)
    /// A linear ramp `base · (t + 1) / steps` for the first `steps` updates, then `then` (counted from 0).
    case warmUp(steps: Int, then: LearningRateSchedule)

    /// The learning rate for update `step` given the base rate.
    ///
    /// - Parameters:
    ///   - base: The optimizer's base learning rate.
    ///   - step: The update count, 0 for the first update.
    public func learningRate(base: Float, step: Int) -> Float {
        switch self {
        case .constant:
            return base
        case let .step(every, factor):
            return base * Foundation.pow(factor, Float(step / Swift.max(every, 1)))
        case let .cosine(steps, minimum):
            let progress = Float(Swift.min(step, steps)) / Float(Swift.max(steps, 1))
            return minimum + (base - minimum) * (1 + Foundation.cos(Float.pi * progress)) / 2
        case let .warmUp(steps, then):
            if step < steps { return base * Float(step + 1) / Float(steps) }
            return then.learningRate(base: base, step: step - steps)
        }
    }
}
