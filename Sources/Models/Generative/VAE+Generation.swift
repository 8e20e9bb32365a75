import Autograd
import NeuralNetworks

/// What a trained VAE shows: reconstructions, prior samples, latent codes and traversals.
/// All of these run without recording gradients and return mean images `[N, pixels]` in [0, 1].
extension VAE {
    /// Reconstructions of `images` decoded from the posterior mean μ (no sampling).
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    ///
    /// ```swift
    /// let pairs = try model.reconstruct(split.test.imageTensor(Array(0..<8)))   // [8, 784]
    /// ```
    public func reconstruct(_ images: Tensor) throws -> Tensor {
        try withoutGradient { decodedMean(try decode(encode(images).mean)) }
    }

    /// `count` images decoded from `z ~ N(0, I)`, drawn from a generator seeded with `seed`; throws when `count` is
    /// negative or the latents would not fit in memory.
    ///
    /// - Parameters:
    ///   - count: How many images, at least 0.
    ///   - seed: The seed of z ~ N(0, I).
    public func sample(count: Int, seed: UInt64 = 0) throws -> Tensor {
        try MemoryLimit.check([count, latentCount], operation: "VAE.sample(count: \(count))")
        var noise = RandomGenerator(seed: seed)
        return try decodeMeans(noise.normal([count, latentCount]))
    }

    /// The mean images `sigmoid(decoder(z))` for latents `[N, latentCount]`.
    ///
    /// - Parameter latents: Latent points `[N, latentCount]`.
    public func decodeMeans(_ latents: Tensor) throws -> Tensor {
        try withoutGradient { decodedMean(try decode(latents)) }
    }

    /// The posterior means μ `[N, latentCount]` of `images`: with a 2-D latent, the points of the
    /// latent-space scatter coloured by digit.
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    public func latentMeans(_ images: Tensor) throws -> Tensor {
        try withoutGradient { try encode(images).mean }
    }

    /// A latent traversal: starting from the posterior mean of one image (`[1, pixels]`), each of
    /// `dimensions` in turn is set to each of `values` with the others held, and decoded.
    /// Returns `[dimensions.count · values.count, pixels]`, one row of the grid per dimension; throws for a dimension
    /// outside the latent or a grid that would not fit in memory.
    ///
    /// - Parameters:
    ///   - image: One image `[1, pixels]`.
    ///   - dimensions: Latent dimensions to vary, one row of the grid each.
    ///   - values: The values each dimension takes, one column each.
    ///
    /// ```swift
    /// let grid = try model.traversal(of: digits.imageTensor([0]), dimensions: [0, 1, 2],
    ///                                values: stride(from: -3, through: 3, by: 0.75).map { Float($0) })
    /// ```
    public func traversal(of image: Tensor, dimensions: [Int], values: [Float]) throws -> Tensor {
        let base = try latentMeans(image)
        guard base.shape[0] == 1 else {
            throw ModelsError.invalidInput(
                operation: "VAE.traversal", reason: "expected one image, got \(base.shape[0])")
        }
        return try decodeMeans(latentTraversal(base: base.scalars, dimensions: dimensions, values: values))
    }

    /// For a 2-D latent: the images decoded on the grid `values × values` of `(z₀, z₁)`, row by row
    /// (`z₁` fixed along a row), `[values.count², pixels]` — the learned manifold. Throws when the grid would not
    /// fit in memory.
    ///
    /// - Parameter values: Positions along each of the two latent axes.
    public func latentGrid(values: [Float]) throws -> Tensor {
        guard latentCount == 2 else {
            throw ModelsError.invalidInput(
                operation: "VAE.latentGrid", reason: "needs a 2-D latent, the model has \(latentCount)")
        }
        try MemoryLimit.check([values.count, values.count, 2], operation: "VAE.latentGrid(values:)")
        var points = [Float]()
        for second in values { for first in values { points += [first, second] } }
        return try decodeMeans(Tensor(shape: [values.count * values.count, 2], scalars: points))
    }
}

/// Latent rows: `base` repeated, with `base[dimension] = value` for each dimension and value.
func latentTraversal(base: [Float], dimensions: [Int], values: [Float]) throws -> Tensor {
    try MemoryLimit.check([dimensions.count, values.count, base.count], operation: "traversal")
    var rows = [Float]()
    for dimension in dimensions {
        guard dimension >= 0, dimension < base.count else {
            throw ModelsError.invalidInput(
                operation: "traversal", reason: "dimension \(dimension) is outside 0..<\(base.count)")
        }
        for value in values {
            var row = base
            row[dimension] = value
            rows += row
        }
    }
    return try Tensor(shape: [dimensions.count * values.count, base.count], scalars: rows)
}
