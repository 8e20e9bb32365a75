import Autograd
import NeuralNetworks

/// The reconstruction term of an autoencoder recommender: how the decoder's logits for a user's
/// items are scored against the user's interactions `x`. Each is summed over items per user and
/// averaged over the users of a batch (Liang et al. 2018, §2.1 compare the first three).
public enum Likelihood: Sendable, Equatable {
    /// Multinomial: `−Σ_i x_i · log softmax(logits)_i` (Liang et al.'s choice, RecVAE's too).
    case multinomial
    /// Gaussian with unit variance: `Σ_i (logits_i − x_i)²` (Liang's `c_ui`-free form; an MSE).
    case gaussian
    /// Logistic: `Σ_i BCE(sigmoid(logits_i), x_i)`, independent Bernoulli per item.
    case logistic
    /// The focal loss of Lin et al. (2017) per item, `α_t (1 − p_t)^γ · BCE`, summed over items.
    case focal(alpha: Double, gamma: Double)

    /// A short name for tables and legends ("multinomial", "gaussian", "logistic", "focal").
    public var name: String {
        switch self {
        case .multinomial: return "multinomial"
        case .gaussian: return "gaussian"
        case .logistic: return "logistic"
        case .focal: return "focal"
        }
    }

    /// The negative log-likelihood of `targets` [users, items] under `logits` [users, items]:
    /// summed over items, averaged over users.
    ///
    /// - Parameters:
    ///   - logits: Decoder outputs `[users, items]`.
    ///   - targets: The users' interactions `[users, items]`, the same shape as `logits`.
    public func negativeLogLikelihood(logits: Tensor, targets: Tensor) throws -> Tensor {
        guard logits.shape == targets.shape, logits.rank == 2 else {
            throw ModelsError.shapeMismatch(operation: "Likelihood.\(name)", expected: targets.shape, actual: logits.shape)
        }
        let users = Float(max(logits.shape[0], 1))
        switch self {
        case .multinomial:
            return try multinomialNegativeLogLikelihood(logits: logits, counts: targets)
        case .gaussian:
            return try meanSquaredError(predictions: logits, targets: targets, reduction: .sum) / users
        case .logistic:
            return try binaryCrossEntropy(logits: logits, targets: targets, reduction: .sum) / users
        case let .focal(alpha, gamma):
            return try sigmoidFocalLoss(logits: logits, targets: targets, alpha: Float(alpha), gamma: Float(gamma),
                                        reduction: .sum) / users
        }
    }
}
