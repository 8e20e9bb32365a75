import Foundation
import Testing
@testable import CellLanguage
import LibraryBindings

/// Models written by hand in cells agree with the library's: one Multi-VAE training step, with the loss spelled
/// out (multinomial log-likelihood + β·KL), matches `MultiVAE`'s step from the same weights.
@Suite struct HandWrittenModelTests {
    /// Six users × ten items of implicit feedback, a library Multi-VAE without dropout and with the
    /// reparameterisation noise at zero (so both sides see the same latent code), and its weights on disk.
    func librarySetup(checkpoint: URL) -> String {
        """
        let data = try UserItemMatrix(rowCount: 6, columnCount: 10,
                                      rows: [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 4, 5, 5],
                                      columns: [0, 3, 7, 1, 3, 2, 4, 5, 9, 0, 8, 1, 6, 7, 2, 9],
                                      values: Array(repeating: 1, count: 16))
        let library = try MultiVAE(items: 10, hidden: 8, latent: 4, dropout: 0, seed: 3)
        library.latentNoiseScale = 0
        try library.save(to: URL(fileURLWithPath: "\(checkpoint.path)"))
        """
    }

    /// The same network declared in a cell, its property names the library's so the checkpoint loads, and the
    /// Multi-VAE objective written out.
    let handWritten = """
        final class HandMultiVAE: Module {
            let encoderHidden: Linear
            let encoderOutput: Linear
            let decoderHidden: Linear
            let decoderOutput: Linear
            let latentCount: Int

            init(items: Int, hidden: Int, latent: Int) throws {
                var generator = RandomGenerator(seed: 0)
                encoderHidden = try Linear(items, hidden, generator: &generator)
                encoderOutput = try Linear(hidden, 2 * latent, generator: &generator)
                decoderHidden = try Linear(latent, hidden, generator: &generator)
                decoderOutput = try Linear(hidden, items, generator: &generator)
                latentCount = latent
            }
        }

        /// −E_q[log p(x|z)] + β·KL(q(z|x) ‖ N(0, I)), averaged over users, for rows of counts.
        func multiVAELoss(_ model: HandMultiVAE, rows: Tensor, beta: Float, epsilon: Tensor) throws -> Tensor {
            let norms = try rows.squared().sum(alongAxis: 1, keepingDimensions: true).squareRoot().clamped(minimum: 1e-12)
            let output = try model.encoderOutput(try model.encoderHidden(try rows / norms).tanh())
            let mean = try output.sliced(alongAxis: 1, range: 0..<model.latentCount)
            let logVariance = try output.sliced(alongAxis: 1, range: model.latentCount..<(2 * model.latentCount))
            let z = try mean + epsilon * (logVariance * 0.5).exp()
            let logits = try model.decoderOutput(try model.decoderHidden(z).tanh())
            let logProbabilities = try logits - logits.logSumExp(alongAxis: 1, keepingDimensions: true)
            let reconstruction = try -(logProbabilities * rows).sum(alongAxis: 1).mean()
            let kl = try ((1 + logVariance - mean.squared() - logVariance.exp()).sum(alongAxis: 1) * -0.5).mean()
            return try reconstruction + kl * beta
        }
        """

    @Test func oneMultiVAEStepMatchesTheLibrarys() throws {
        let checkpoint = FileManager.default.temporaryDirectory.appendingPathComponent("multivae-\(UUID().uuidString).safetensors")
        defer { try? FileManager.default.removeItem(at: checkpoint) }
        var runner = LibraryRunner()
        #expect(runner.text(librarySetup(checkpoint: checkpoint) + "\nlibrary.parameters().count") == "8")
        _ = runner.run(handWritten)
        #expect(runner.text("""
            let hand = try HandMultiVAE(items: 10, hidden: 8, latent: 4)
            try hand.load(from: URL(fileURLWithPath: "\(checkpoint.path)"))
            hand.parameters().keys.sorted() == library.parameters().keys.sorted()
            """) == "true")

        // The library's step: one full batch at β = 0.2 with Adam.
        _ = runner.run("""
            let history = try library.fit(data, epochs: 1, batchSize: 6, optimizer: Adam(learningRate: 0.001),
                                          annealing: .constant(0.2), metrics: [])
            """)
        // The hand-written step from the same weights.
        _ = runner.run("""
            let rows = try Tensor(shape: [6, 10], scalars: (0..<6).flatMap { user in
                (0..<10).map { item in Float(data.columns(inRow: user).contains(item) ? 1 : 0) }
            })
            let optimizer = Adam(learningRate: 0.001)
            let (handLoss, gradients) = try valueAndGradient(of: hand) { model in
                try multiVAELoss(model, rows: rows, beta: 0.2, epsilon: Tensor(zeros: [6, 4]))
            }
            try optimizer.update(hand, along: gradients)
            """)
        let lossDifference = Double(runner.text("abs(Double(handLoss.scalar) - history.stepSeries(\"loss\")[0])")) ?? .infinity
        #expect(lossDifference < 1e-5, "loss difference \(lossDifference)")
        let weightDifference = Double(runner.text("""
            var largest: Float = 0
            for (name, weight) in library.parameters() {
                largest = max(largest, try (weight - hand.parameters()[name]!).abs().scalars.max()!)
            }
            largest
            """)) ?? .infinity
        #expect(weightDifference < 1e-5, "largest weight difference after the step \(weightDifference)")
        // The step moved the weights (Adam's first step is about the learning rate), so the match means something.
        let moved = Double(runner.text("""
            let initial = try HandMultiVAE(items: 10, hidden: 8, latent: 4)
            try initial.load(from: URL(fileURLWithPath: "\(checkpoint.path)"))
            var smallest = Float.infinity
            for (name, weight) in library.parameters() {
                smallest = min(smallest, try (weight - initial.parameters()[name]!).abs().scalars.max()!)
            }
            smallest
            """)) ?? 0
        #expect(moved > 1e-4, "the step changed every parameter tensor by at most \(moved)")
    }
}
