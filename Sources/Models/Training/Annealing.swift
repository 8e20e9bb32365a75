/// How the KL weight β of a VAE's loss `reconstruction + β · KL` moves with the gradient-step count.
///
/// ```swift
/// Annealing.linear(cap: 0.2, steps: 200_000).beta(atStep: 1_000)   // 0.005, capped at 0.2 from step 40,000
/// ```
public enum Annealing: Sendable, Equatable {
    /// No annealing: β is 1 at every step (the plain ELBO).
    case none
    /// β is this value at every step.
    case constant(Double)
    /// Liang et al. (2018, §2.2.2; vae_cf's `min(anneal_cap, update_count / total_anneal_steps)`):
    /// β grows by `1 / steps` per step from 0 and stops at `cap`, reached at step `cap · steps`.
    case linear(cap: Double, steps: Int)
    /// Fu et al. (2019), cyclical annealing: in each cycle of `period` steps, β rises linearly from 0
    /// to `cap` over the first `rampFraction` of the cycle and stays at `cap` for the rest.
    case cyclical(cap: Double, period: Int, rampFraction: Double)

    /// β after `step` gradient steps (the first step reads step 0).
    ///
    /// - Parameter step: Gradient steps taken so far, counted from 0.
    public func beta(atStep step: Int) -> Double {
        switch self {
        case .none:
            return 1
        case let .constant(value):
            return value
        case let .linear(cap, steps):
            guard steps > 0 else { return cap }
            return min(cap, Double(step) / Double(steps))
        case let .cyclical(cap, period, rampFraction):
            guard period > 0 else { return cap }
            let position = Double(step % period) / Double(period)
            guard rampFraction > 0 else { return cap }
            return cap * min(1, position / rampFraction)
        }
    }

    /// β at each of the steps `0..<count`, for plotting a schedule.
    ///
    /// - Parameter count: The number of steps, from step 0.
    public func betas(steps count: Int) -> [Double] {
        (0..<max(count, 0)).map { beta(atStep: $0) }
    }
}
