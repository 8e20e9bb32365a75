/// Pairwise squared Euclidean distances, for codebook search (VQ-VAE) and nearest neighbours.
extension Tensor {
    /// For rows `a` [n, d] and `b` [m, d], the [n, m] matrix `‖aᵢ − bⱼ‖²`, derived as
    /// `‖aᵢ‖² + ‖bⱼ‖² − 2 a bᵀ` (one sgemm), clamped at 0 against rounding.
    ///
    /// - Parameters:
    ///   - a: Rows `[n, d]`.
    ///   - b: Rows `[m, d]`.
    public static func pairwiseSquaredDistances(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.rank == 2, b.rank == 2, a.shape[1] == b.shape[1] else {
            throw AutogradError.shapeMismatch(operation: "pairwiseSquaredDistances", left: a.shape, right: b.shape)
        }
        let aNorms = try a.squared().sum(alongAxis: 1, keepingDimensions: true)
        let bNorms = try b.squared().sum(alongAxis: 1).reshaped(to: [1, b.shape[0]])
        return try (aNorms + bNorms - 2 * a.matmul(b, transposingOther: true)).clamped(minimum: 0)
    }
}
