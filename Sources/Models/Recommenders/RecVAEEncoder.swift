import Autograd
import NeuralNetworks

/// RecVAE's encoder (Shenbin et al. 2020, §3.2; the reference `Encoder` in ilya-shenbin/RecVAE):
/// five swish layers, each followed by layer normalisation (ε = 0.1), with dense skip connections —
/// layer k's pre-activation adds the outputs of all earlier layers — then linear heads for the
/// posterior's mean and log-variance.
public final class RecVAEEncoder: Module {
    /// Items → hidden (applied to sparse rows), then hidden → hidden four times.
    let layers: [Linear]
    /// One layer normalisation per hidden layer.
    let norms: [LayerNorm]
    /// Hidden → posterior mean.
    let meanHead: Linear
    /// Hidden → posterior log-variance.
    let logVarianceHead: Linear

    /// Creates an encoder over `items` items with PyTorch's default initialisation; throws as `Linear` does.
    ///
    /// - Parameters:
    ///   - items: The number of items (the width of the input rows).
    ///   - hidden: The width of each of the five hidden layers.
    ///   - latent: The dimension of the posterior's mean and log-variance.
    ///   - generator: Draws the initial weights.
    public init(items: Int, hidden: Int, latent: Int, generator: inout RandomGenerator) throws {
        layers = [try Linear(items, hidden, generator: &generator)]
            + (try (1..<5).map { _ in try Linear(hidden, hidden, generator: &generator) })
        norms = try (0..<5).map { _ in try LayerNorm(hidden, epsilon: 0.1) }
        meanHead = try Linear(hidden, latent, generator: &generator)
        logVarianceHead = try Linear(hidden, latent, generator: &generator)
        super.init()
    }

    /// The posterior's mean and log-variance `[users, latent]` for normalised, possibly
    /// dropped-out sparse rows.
    ///
    /// - Parameter input: Normalised, possibly dropped-out sparse interaction rows `[users, items]`.
    public func callAsFunction(_ input: SparseMatrix) throws -> (mean: Tensor, logVariance: Tensor) {
        var outputs: [Tensor] = []
        for (index, layer) in layers.enumerated() {
            var preActivation = index == 0 ? try sparseLinear(input, layer) : try layer(outputs[index - 1])
            for earlier in outputs { preActivation = try preActivation + earlier }
            outputs.append(try norms[index](preActivation.silu()))
        }
        return (try meanHead(outputs[4]), try logVarianceHead(outputs[4]))
    }
}

/// `log N(x; μ, exp(logVariance))` elementwise (the reference's `log_norm_pdf`).
func logNormalDensity(_ x: Tensor, mean: Tensor, logVariance: Tensor) throws -> Tensor {
    let logTwoPi = Float(1.8378770664093453)
    return try (logVariance + logTwoPi + (x - mean).squared() / logVariance.exp()) * -0.5
}
