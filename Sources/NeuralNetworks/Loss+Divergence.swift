import Autograd

/// The KL divergence of the diagonal Gaussian `N(mean, exp(logVariance))` from `N(0, I)`, the
/// regulariser of a VAE (Kingma & Welling, 2014, appendix B):
/// `−½ Σ_j (1 + logVariance_j − mean_j² − exp(logVariance_j))` per example (summed over the last
/// axis), then averaged over examples by default.
///
/// - Parameters:
///   - mean: The posterior means `[…, latent]`.
///   - logVariance: The posterior log-variances, the shape of `mean`.
///   - reduction: `.mean` over examples (the default), `.sum`, or `.none` for one value each.
///
/// ```swift
/// let loss = try reconstruction + beta * gaussianKLDivergence(mean: mu, logVariance: logVar)
/// ```
public func gaussianKLDivergence(mean: Tensor, logVariance: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
    try requireSameShape("gaussianKLDivergence", mean, logVariance, ("mean", "logVariance"))
    let terms = try 1 + logVariance - mean.squared() - logVariance.exp()
    return reduction.apply(try terms.sum(alongAxis: -1) * -0.5)
}

/// The KL divergence `KL(N(mean, exp(logVariance)) ‖ N(priorMean, exp(priorLogVariance)))` between
/// two diagonal Gaussians: `½ Σ_j (priorLogVariance − logVariance + (σ² + (μ − μ₀)²) / σ₀² − 1)`
/// per example (summed over the last axis), then averaged over examples by default.
///
/// - Parameters:
///   - mean: The means `[…, latent]`.
///   - logVariance: The log-variances, the shape of `mean`.
///   - priorMean: The prior's means, the shape of `mean`.
///   - priorLogVariance: The prior's log-variances, the shape of `mean`.
///   - reduction: `.mean` over examples (the default), `.sum`, or `.none` for one value each.
public func gaussianKLDivergence(
    mean: Tensor, logVariance: Tensor, priorMean: Tensor, priorLogVariance: Tensor, reduction: LossReduction = .mean
) throws -> Tensor {
    for (name, tensor) in [("logVariance", logVariance), ("priorMean", priorMean), ("priorLogVariance", priorLogVariance)] {
        try requireSameShape("gaussianKLDivergence", mean, tensor, ("mean", name))
    }
    let ratio = try (logVariance.exp() + (mean - priorMean).squared()) / priorLogVariance.exp()
    let terms = try priorLogVariance - logVariance + ratio - 1
    return reduction.apply(try terms.sum(alongAxis: -1) * 0.5)
}
