import Autograd
import Datasets

extension MultiVAE {
    /// For each latent dimension, the variance over the rows of `users` of the posterior mean
    /// `μ_d(x)` (evaluation mode: normalised input, no dropout).
    ///
    /// A dimension is *active* (Burda, Grosse, Salakhutdinov 2016, "Importance Weighted
    /// Autoencoders", §5.2) when this variance exceeds a small threshold such as 0.01: its mean moves
    /// with the input, so the decoder can read something from it. A collapsed dimension has
    /// `q(z_d | x) ≈ N(0, 1)` for every user — variance of the mean near 0 — and carries no
    /// information. Counting active units shows posterior collapse under a strong KL weight.
    ///
    /// - Parameter users: Interaction rows (users × items) to encode, at least two, e.g. `split.test.foldIn`.
    ///
    /// ```swift
    /// let variances = try model.posteriorMeanVariances(split.test.foldIn)
    /// let active = variances.filter { $0 > 0.01 }.count
    /// ```
    public func posteriorMeanVariances(_ users: UserItemMatrix) throws -> [Double] {
        guard users.columnCount == itemCount else {
            throw ModelsError.shapeMismatch(operation: "MultiVAE.posteriorMeanVariances", expected: [users.rowCount, itemCount],
                                            actual: [users.rowCount, users.columnCount])
        }
        guard users.rowCount > 1 else {
            throw ModelsError.invalidInput(operation: "MultiVAE.posteriorMeanVariances", reason: "need at least two rows")
        }
        var sums = [Double](repeating: 0, count: latentCount)
        var squares = [Double](repeating: 0, count: latentCount)
        var unused = RandomGenerator(seed: 0)
        try withoutGradient {
            for range in chunks(count: users.rowCount, size: 500) {
                let input = try SparseRows(users, rows: Array(range)).sparseInput(normalized: true, dropout: 0, generator: &unused)
                let means = try encode(input).mean.scalars
                for (index, value) in means.enumerated() {
                    let dimension = index % latentCount
                    sums[dimension] += Double(value)
                    squares[dimension] += Double(value) * Double(value)
                }
            }
        }
        let count = Double(users.rowCount)
        return (0..<latentCount).map { max(0, squares[$0] / count - (sums[$0] / count) * (sums[$0] / count)) }
    }
}
