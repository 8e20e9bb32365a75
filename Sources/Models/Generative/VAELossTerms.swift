import Foundation
import Autograd
import NeuralNetworks

/// How a VAE's decoder turns its output into a likelihood `p(x | z)` over pixels.
public enum DecoderLikelihood: Sendable, Equatable {
    /// Independent Bernoulli pixels with probabilities `sigmoid(logits)`; the reconstruction term
    /// is binary cross-entropy with logits summed over pixels (Kingma & Welling, 2014, appendix C.1).
    case bernoulli
    /// Independent Gaussian pixels with mean `sigmoid(output)` and a fixed standard deviation;
    /// the reconstruction term is `Σ ½((x − μ)/σ)² + log σ + ½ log 2π` over pixels (appendix C.2
    /// with the variance held fixed).
    case gaussian(standardDeviation: Float)
}

/// The parts of a VAE's loss for one step, an epoch or a test set, each in nats per image:
/// `negativeELBO = reconstruction + klWeight · klDivergence` (with `klWeight` 1 it is −ELBO).
public struct VAELossTerms: Sendable, Equatable, CustomStringConvertible {
    /// `−E_q[log p(x | z)]`, summed over pixels, averaged over images.
    public var reconstruction: Float
    /// `KL(q(z | x) ‖ N(0, I))`, summed over latent dimensions, averaged over images.
    public var klDivergence: Float
    /// The loss minimised: reconstruction plus the weighted KL divergence.
    public var negativeELBO: Float

    /// Creates the terms from their values.
    ///
    /// - Parameters:
    ///   - reconstruction: `−E_q[log p(x | z)]` in nats per image.
    ///   - klDivergence: `KL(q(z | x) ‖ N(0, I))` in nats per image.
    ///   - negativeELBO: The loss: reconstruction plus the weighted KL divergence.
    public init(reconstruction: Float, klDivergence: Float, negativeELBO: Float) {
        self.reconstruction = reconstruction
        self.klDivergence = klDivergence
        self.negativeELBO = negativeELBO
    }

    /// The per-image means over a set from its batches' terms, each weighted by its image count.
    init(averaging parts: [(weight: Int, terms: VAELossTerms)]) {
        self.init(
            reconstruction: GenerativeBatches.weightedMean(parts.map { ($0.weight, $0.terms.reconstruction) }),
            klDivergence: GenerativeBatches.weightedMean(parts.map { ($0.weight, $0.terms.klDivergence) }),
            negativeELBO: GenerativeBatches.weightedMean(parts.map { ($0.weight, $0.terms.negativeELBO) }))
    }

    /// The terms as a training history records them: `loss`, `reconstruction` and `kl`.
    var historyValues: [String: Double] {
        ["loss": Double(negativeELBO), "reconstruction": Double(reconstruction), "kl": Double(klDivergence)]
    }

    /// The terms as a history records them for the validation set: `validationLoss`,
    /// `validationReconstruction` and `validationKL`.
    var validationHistoryValues: [String: Double] {
        ["validationLoss": Double(negativeELBO), "validationReconstruction": Double(reconstruction),
         "validationKL": Double(klDivergence)]
    }

    /// The three values with their names, in nats per image.
    public var description: String {
        "−ELBO \(negativeELBO) = reconstruction \(reconstruction) + KL \(klDivergence) (nats per image)"
    }
}

/// The differentiable loss of one batch and its parts.
struct VAEBatchLoss {
    /// `reconstruction + klWeight · kl`, a rank-0 tensor to differentiate.
    let loss: Tensor
    /// The parts as numbers.
    let terms: VAELossTerms
}

/// The reconstruction term per image (summed over pixels, averaged over the batch) for decoder
/// outputs `[N, pixels]` against `images` `[N, pixels]`.
func reconstructionTerm(decoderOutput: Tensor, images: Tensor, likelihood: DecoderLikelihood) throws -> Tensor {
    let batchSize = Float(Swift.max(images.shape[0], 1))
    switch likelihood {
    case .bernoulli:
        return try binaryCrossEntropy(logits: decoderOutput, targets: images, reduction: .sum) / batchSize
    case let .gaussian(standardDeviation):
        let constant = Foundation.log(standardDeviation) + 0.5 * Foundation.log(2 * Float.pi)
        let squared = try ((decoderOutput.sigmoid() - images) / standardDeviation).squared()
        return (squared.sum() * 0.5) / batchSize + constant * Float(images.shape[1])
    }
}

/// The VAE loss of a batch: reconstruction from the decoder output, the KL divergence of
/// `N(mean, exp(logVariance))` from the prior, and their weighted sum.
func vaeBatchLoss(
    decoderOutput: Tensor, images: Tensor, mean: Tensor, logVariance: Tensor,
    likelihood: DecoderLikelihood, klWeight: Float
) throws -> VAEBatchLoss {
    let reconstruction = try reconstructionTerm(decoderOutput: decoderOutput, images: images, likelihood: likelihood)
    let divergence = try gaussianKLDivergence(mean: mean, logVariance: logVariance)
    let loss = try reconstruction + divergence * klWeight
    return VAEBatchLoss(loss: loss, terms: VAELossTerms(
        reconstruction: reconstruction.scalar, klDivergence: divergence.scalar, negativeELBO: loss.scalar))
}

/// The decoder's mean image for either likelihood: `sigmoid(output)`.
func decodedMean(_ decoderOutput: Tensor) -> Tensor {
    decoderOutput.sigmoid()
}
