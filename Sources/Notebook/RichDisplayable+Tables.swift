import Datasets
import Foundation
import Models
import Plots

// The library's summaries and evaluations that show as HTML tables.

extension Interactions: RichDisplayable {}
extension InteractionsSummary: RichDisplayable {}
extension HeldOutUsersSplit: RichDisplayable {}
extension MetricReport: RichDisplayable {}

/// The terms of a VAE's ELBO as a table.
extension VAELossTerms: RichDisplayable {
    public func mimeBundle() -> [String: String] {
        Table(columns: ["term", "nats per image"],
              rows: [["−ELBO", String(format: "%.4f", negativeELBO)],
                     ["reconstruction", String(format: "%.4f", reconstruction)],
                     ["KL", String(format: "%.4f", klDivergence)]])
            .mimeBundle().merging(["text/plain": description]) { _, new in new }
    }
}

/// A VQ-VAE's test measures as a table.
extension VQVAEEvaluation: RichDisplayable {
    public func mimeBundle() -> [String: String] {
        Table(columns: ["measure", "value"],
              rows: [["MSE", String(format: "%.5f", meanSquaredError)],
                     ["commitment", String(format: "%.5f", commitmentLoss)],
                     ["perplexity", String(format: "%.2f", codebook.perplexity)],
                     ["codes used", "\(codebook.usedCodeCount) of \(codebook.counts.count)"]])
            .mimeBundle().merging(["text/plain": description]) { _, new in new }
    }
}

/// An adversarial autoencoder's three losses beside their values at a matched prior.
extension AdversarialAutoencoderLossTerms: RichDisplayable {
    public func mimeBundle() -> [String: String] {
        Table(columns: ["loss", "value", "when the prior is matched"],
              rows: [["reconstruction (nats per image)", String(format: "%.4f", reconstruction), "—"],
                     ["discriminator", String(format: "%.4f", discriminator), "2 log 2 ≈ 1.386"],
                     ["generator", String(format: "%.4f", generator), "log 2 ≈ 0.693"]])
            .mimeBundle().merging(["text/plain": description]) { _, new in new }
    }
}
