// Neural Discrete Representation Learning — A. van den Oord, O. Vinyals and K. Kavukcuoglu,
// NeurIPS 2017 (arXiv:1711.00937).
//
// Each encoder output vector z_e is replaced by its nearest codebook entry (eq. 1–2),
//     k = argmin_j ‖z_e − e_j‖²,  computed as ‖z_e‖² − 2 z_e·e_j + ‖e_j‖² (one sgemm),
// and the loss adds (eq. 3)
//     ‖sg[z_e] − e_k‖²  (codebook)  +  β ‖z_e − sg[e_k]‖²  (commitment),  β = 0.25,
// with the decoder's gradient copied to the encoder by the straight-through estimator
// z_q = z_e + sg[e_k − z_e]. The EMA variant (appendix A.1) drops the codebook loss and updates
//     N_k ← γ N_k + (1 − γ) n_k,   m_k ← γ m_k + (1 − γ) Σ_{i: k_i = k} z_e,i,   e_k = m_k / N_k,
// with γ = 0.99 and Laplace-smoothed counts N_k ← (N_k + ε) / (n + K ε) · n (Sonnet's
// `VectorQuantizerEMA`, ε = 1e-5; our averages start at N_k = 1, m_k = e_k). Codebook
// initialisation follows zalandoresearch's PyTorch reference: uniform on ±1/K for the
// loss-trained codebook, standard normal for the EMA one.
import Autograd
import NeuralNetworks

/// How the codebook of a ``VectorQuantizer`` learns.
public enum CodebookUpdate: Sendable, Equatable {
    /// By gradient descent on the codebook loss `‖sg[z_e] − e‖²` (the paper's eq. 3).
    case loss
    /// By exponential moving averages of the assigned encoder outputs (the paper's appendix A.1),
    /// with `decay` γ and Laplace smoothing `epsilon` on the counts.
    case exponentialMovingAverage(decay: Float = 0.99, epsilon: Float = 1e-5)
}

/// The result of quantizing a batch of encoder outputs.
public struct QuantizerOutput {
    /// The straight-through quantized vectors `z_e + sg[e_k − z_e]`, shaped like the input `[N, D, H, W]`.
    public let quantized: Tensor
    /// The vector-quantization loss to add to the reconstruction loss: codebook + β · commitment
    /// (β · commitment alone for an EMA codebook).
    public let loss: Tensor
    /// `mean ‖sg[z_e] − e_k‖²` as a number.
    public let codebookLoss: Float
    /// `mean ‖z_e − sg[e_k]‖²` as a number (before β).
    public let commitmentLoss: Float
    /// The chosen code of every vector, in `[N, H, W]` row-major order.
    public let codes: [Int]
    /// The encoder outputs as rows `[N·H·W, D]`, without gradient history (for the EMA update).
    public let flatInputs: Tensor
}

/// A codebook of `codeCount` vectors of `codeDimension` values and the nearest-code lookup of VQ-VAE.
/// ```swift
/// var generator = RandomGenerator(seed: 0)
/// let quantizer = VectorQuantizer(codeCount: 64, codeDimension: 16, generator: &generator)
/// let output = try quantizer(encoded)          // encoded: [N, 16, 7, 7]
/// let perplexity = CodebookStatistics(codes: output.codes, codeCount: 64).perplexity
/// ```
public final class VectorQuantizer: Module {
    /// K, the number of codes.
    public let codeCount: Int
    /// D, the length of each code vector.
    public let codeDimension: Int
    /// β, the weight of the commitment loss.
    public let commitmentCost: Float
    /// How the codebook learns.
    public let update: CodebookUpdate
    /// The codebook `[K, D]`; a trainable parameter for ``CodebookUpdate/loss``, set by the
    /// moving averages for ``CodebookUpdate/exponentialMovingAverage(decay:epsilon:)``.
    @Parameter public var codebook: Tensor
    /// The moving-average counts `N_k` (EMA codebook).
    public internal(set) var clusterSizes: [Float]
    /// The moving-average sums `m_k`, `[K · D]` row-major (EMA codebook).
    public internal(set) var embeddingSums: [Float]
    /// How many training steps ago each code was last chosen (for dead-code restart).
    public internal(set) var stepsSinceUsed: [Int]

    /// Creates the quantizer with the reference initialisation drawn from `generator`; throws when a size is
    /// negative or the codebook would not fit in the memory available.
    ///
    /// - Parameters:
    ///   - codeCount: K, the number of codes.
    ///   - codeDimension: D, the length of each code vector.
    ///   - commitmentCost: β, the weight of the commitment loss.
    ///   - update: How the codebook learns: `.loss` or `.exponentialMovingAverage(decay:epsilon:)`.
    ///   - generator: Draws the initial codebook.
    public init(
        codeCount: Int, codeDimension: Int, commitmentCost: Float = 0.25, update: CodebookUpdate = .loss,
        generator: inout RandomGenerator
    ) throws {
        try MemoryLimit.check([codeCount, codeDimension],
                              operation: "VectorQuantizer(codeCount: \(codeCount), codeDimension: \(codeDimension))")
        self.codeCount = codeCount
        self.codeDimension = codeDimension
        self.commitmentCost = commitmentCost
        self.update = update
        let initial: Tensor
        switch update {
        case .loss:
            let bound = 1 / Float(Swift.max(codeCount, 1))
            initial = generator.uniform([codeCount, codeDimension], lowerBound: -bound, upperBound: bound)
        case .exponentialMovingAverage:
            initial = generator.normal([codeCount, codeDimension])
        }
        codebook = initial
        // The moving averages start as if each code had been chosen once, by a vector equal to
        // itself (N_k = 1, m_k = e_k), so a code unused at first stays where it was initialised
        // instead of being divided by a near-zero count.
        clusterSizes = [Float](repeating: 1, count: codeCount)
        embeddingSums = initial.scalars
        stepsSinceUsed = [Int](repeating: 0, count: codeCount)
    }

    /// The index of the nearest code (squared Euclidean distance) for each row of `vectors` `[M, D]`.
    ///
    /// - Parameter vectors: Rows `[M, D]` to look up.
    public func nearestCodes(_ vectors: Tensor) throws -> [Int] {
        guard vectors.rank == 2, vectors.shape[1] == codeDimension else {
            throw ModelsError.shapeMismatch(operation: "VectorQuantizer.nearestCodes",
                                            expected: [-1, codeDimension], actual: vectors.shape)
        }
        return try withoutGradient {
            let distances = try Tensor.pairwiseSquaredDistances(vectors.detached(), codebook.detached())
            return try (-distances).argmax(alongAxis: 1)
        }
    }

    /// Quantizes encoder outputs `[N, D, H, W]`: nearest codes, losses and the straight-through output.
    ///
    /// - Parameter encoded: Encoder outputs `[N, D, H, W]`.
    public func callAsFunction(_ encoded: Tensor) throws -> QuantizerOutput {
        guard encoded.rank == 4, encoded.shape[1] == codeDimension else {
            throw ModelsError.shapeMismatch(operation: "VectorQuantizer",
                                            expected: [-1, codeDimension, -1, -1], actual: encoded.shape)
        }
        let (batch, height, width) = (encoded.shape[0], encoded.shape[2], encoded.shape[3])
        let flat = try encoded.transposed(permutation: [0, 2, 3, 1]).reshaped(to: [batch * height * width, codeDimension])
        let codes = try nearestCodes(flat)
        let chosen = try codebook.indexSelect(alongAxis: 0, indices: codes)
        let codebookLoss = try (chosen - flat.detached()).squared().mean()
        let commitmentLoss = try (flat - chosen.detached()).squared().mean()
        var loss = commitmentLoss * commitmentCost
        if update == .loss { loss = try codebookLoss + loss }
        let straightThrough = try flat + (chosen - flat).detached()
        let quantized = try straightThrough.reshaped(to: [batch, height, width, codeDimension])
            .transposed(permutation: [0, 3, 1, 2])
        return QuantizerOutput(quantized: quantized, loss: loss, codebookLoss: codebookLoss.scalar,
                               commitmentLoss: commitmentLoss.scalar, codes: codes, flatInputs: flat.detached())
    }

    /// The code vectors `[N, D, H, W]` for a grid of codes given row-major as `[N, H, W]`.
    ///
    /// - Parameters:
    ///   - codes: Code indices, row-major `[batch, height, width]`, each in `0..<codeCount`.
    ///   - batch: The number of grids.
    ///   - height: Rows of each grid.
    ///   - width: Columns of each grid.
    public func vectors(codes: [Int], batch: Int, height: Int, width: Int) throws -> Tensor {
        guard codes.count == batch * height * width else {
            throw ModelsError.invalidInput(
                operation: "VectorQuantizer.vectors", reason: "\(codes.count) codes do not fill \(batch)×\(height)×\(width)")
        }
        if let bad = codes.first(where: { $0 < 0 || $0 >= codeCount }) {
            throw ModelsError.invalidInput(operation: "VectorQuantizer.vectors", reason: "code \(bad) is outside 0..<\(codeCount)")
        }
        return try codebook.indexSelect(alongAxis: 0, indices: codes)
            .reshaped(to: [batch, height, width, codeDimension]).transposed(permutation: [0, 3, 1, 2])
    }
}
