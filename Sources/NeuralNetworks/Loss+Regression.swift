import Autograd

/// Mean squared error, optionally over the observed entries only.
///
/// Without a mask: `reduce((predictions − targets)²)`. With a mask (ones where a rating is observed,
/// zeros elsewhere, or any non-negative weights): `Σ mask·(predictions − targets)² / Σ mask` for
/// `.mean`, the weighted sum for `.sum`, and the weighted values for `.none`. An all-zero mask gives 0.
///
/// - Parameters:
///   - predictions: The predicted values.
///   - targets: The target values, the shape of `predictions`.
///   - mask: Non-negative weights the shape of `predictions` (ones where observed); nil counts every entry.
///   - reduction: `.mean` (the default), `.sum`, or `.none` for the per-element values.
///
/// ```swift
/// let loss = try meanSquaredError(predictions: model(ratings), targets: ratings, mask: observed)
/// ```
public func meanSquaredError(
    predictions: Tensor, targets: Tensor, mask: Tensor? = nil, reduction: LossReduction = .mean
) throws -> Tensor {
    try requireSameShape("meanSquaredError", predictions, targets, ("predictions", "targets"))
    let squaredErrors = try (predictions - targets).squared()
    guard let mask else { return reduction.apply(squaredErrors) }
    try requireSameShape("meanSquaredError", predictions, mask, ("predictions", "mask"))
    let weighted = try squaredErrors * mask.detached()
    switch reduction {
    case .none: return weighted
    case .sum: return weighted.sum()
    case .mean:
        let total = mask.scalars.reduce(0, +)
        return total == 0 ? weighted.sum() * 0 : weighted.sum() / total
    }
}
