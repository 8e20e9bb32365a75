import Autograd

/// Cross-entropy of `logits` [N, C] against class indices `labels` (N of them): `−log softmax(logits)[label]`,
/// as `torch.nn.functional.cross_entropy`.
///
/// - Parameters:
///   - logits: Unnormalised class scores `[N, C]`.
///   - labels: The class of each row, in `0..<C`.
///   - reduction: `.mean` over rows (the default), `.sum`, or `.none` for one value per row.
///
/// ```swift
/// let loss = try crossEntropy(logits: model(images), labels: digits)
/// ```
public func crossEntropy(logits: Tensor, labels: [Int], reduction: LossReduction = .mean) throws -> Tensor {
    guard logits.rank == 2, logits.shape[0] == labels.count else {
        throw NeuralNetworksError.invalidInput(
            operation: "crossEntropy", reason: "logits \(logits.shape) need shape [\(labels.count), classes] for \(labels.count) labels")
    }
    if let bad = labels.first(where: { $0 < 0 || $0 >= logits.shape[1] }) {
        throw NeuralNetworksError.invalidInput(
            operation: "crossEntropy", reason: "label \(bad) is outside 0..<\(logits.shape[1])")
    }
    let picked = try logits.logSoftmax(alongAxis: 1).gather(alongAxis: 1, indices: labels)
    return reduction.apply(try -picked.reshaped(to: [labels.count]))
}

/// Cross-entropy against target distributions `probabilities` (rows summing to one), both [N, C]:
/// `−Σ_c p_c · log softmax(logits)_c` per row.
///
/// - Parameters:
///   - logits: Unnormalised class scores `[N, C]`.
///   - probabilities: Target distributions `[N, C]`, each row summing to one.
///   - reduction: `.mean` over rows (the default), `.sum`, or `.none` for one value per row.
public func crossEntropy(logits: Tensor, probabilities: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
    try requireSameShape("crossEntropy", logits, probabilities, ("logits", "probabilities"))
    let perRow = try (logits.logSoftmax(alongAxis: -1) * probabilities).sum(alongAxis: -1)
    return reduction.apply(-perRow)
}

/// The multinomial negative log-likelihood of Multi-VAE (Liang et al., 2018, eq. 2):
/// `−Σ_i counts_i · log softmax(logits)_i` per user (row), averaged over users by default.
///
/// - Parameters:
///   - logits: Item scores `[users, items]`.
///   - counts: Interaction counts `[users, items]` (ones for implicit feedback).
///   - reduction: `.mean` over rows (the default), `.sum`, or `.none` for one value per row.
///
/// ```swift
/// let reconstruction = try multinomialNegativeLogLikelihood(logits: decoder(z), counts: clicks)
/// ```
public func multinomialNegativeLogLikelihood(
    logits: Tensor, counts: Tensor, reduction: LossReduction = .mean
) throws -> Tensor {
    try requireSameShape("multinomialNegativeLogLikelihood", logits, counts, ("logits", "counts"))
    let perRow = try (logits.logSoftmax(alongAxis: -1) * counts).sum(alongAxis: -1)
    return reduction.apply(-perRow)
}

/// Binary cross-entropy on logits, `softplus(x) − x·t` (stable for large |x|), as
/// `torch.nn.functional.binary_cross_entropy_with_logits`; the gradient is `sigmoid(x) − t`.
///
/// - Parameters:
///   - logits: Logits, any shape.
///   - targets: Targets in 0...1, the shape of `logits`.
///   - reduction: `.mean` (the default), `.sum`, or `.none` for the per-element values.
public func binaryCrossEntropy(logits: Tensor, targets: Tensor, reduction: LossReduction = .mean) throws -> Tensor {
    try requireSameShape("binaryCrossEntropy", logits, targets, ("logits", "targets"))
    return reduction.apply(try logits.softplus() - logits * targets)
}

/// The focal loss of Lin et al. (2017) on logits, as `torchvision.ops.sigmoid_focal_loss`:
/// `α_t · (1 − p_t)^γ · BCE(x, t)` with `p = sigmoid(x)`, `p_t = p·t + (1 − p)(1 − t)` and
/// `α_t = α·t + (1 − α)(1 − t)`; a negative `alpha` turns the weighting off.
///
/// - Parameters:
///   - logits: Logits, any shape.
///   - targets: Targets in 0...1, the shape of `logits`.
///   - alpha: The weight of positives, in 0...1; negative turns the weighting off.
///   - gamma: The focusing exponent, at least 0 (0 gives plain BCE).
///   - reduction: `.mean` (the default), `.sum`, or `.none` for the per-element values.
public func sigmoidFocalLoss(
    logits: Tensor, targets: Tensor, alpha: Float = 0.25, gamma: Float = 2, reduction: LossReduction = .mean
) throws -> Tensor {
    try requireSameShape("sigmoidFocalLoss", logits, targets, ("logits", "targets"))
    guard gamma >= 0 else {
        throw NeuralNetworksError.invalidConfiguration(component: "sigmoidFocalLoss", reason: "gamma \(gamma) must be ≥ 0")
    }
    let probabilities = logits.sigmoid()
    let crossEntropies = try logits.softplus() - logits * targets
    let correctProbability = try probabilities * targets + (1 - probabilities) * (1 - targets)
    var losses = try crossEntropies * (1 - correctProbability).pow(gamma)
    if alpha >= 0 {
        losses = try losses * (alpha * targets + (1 - alpha) * (1 - targets))
    }
    return reduction.apply(losses)
}
