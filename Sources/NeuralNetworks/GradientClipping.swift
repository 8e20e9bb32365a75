import Autograd

/// The Euclidean norm of all gradients taken together, `√Σ g²` over every value of every tensor.
///
/// - Parameter gradients: Gradients by parameter path.
public func globalNorm(_ gradients: [String: Tensor]) -> Float {
    var total: Double = 0
    for gradient in gradients.values {
        for value in gradient.scalars { total += Double(value) * Double(value) }
    }
    return Float(total.squareRoot())
}

/// Gradients scaled by `maximumNorm / (norm + 1e-6)` when their global norm exceeds `maximumNorm`
/// (`torch.nn.utils.clip_grad_norm_`), with the norm before clipping.
///
/// - Parameters:
///   - gradients: Gradients by parameter path.
///   - maximumNorm: The largest global norm allowed.
///
/// ```swift
/// let (clipped, norm) = clippedByGlobalNorm(gradients, maximumNorm: 1)
/// ```
public func clippedByGlobalNorm(
    _ gradients: [String: Tensor], maximumNorm: Float
) -> (gradients: [String: Tensor], norm: Float) {
    let norm = globalNorm(gradients)
    guard norm > maximumNorm else { return (gradients, norm) }
    let scale = maximumNorm / (norm + 1e-6)
    return (gradients.mapValues { gradient in gradient.detached() * scale }, norm)
}
