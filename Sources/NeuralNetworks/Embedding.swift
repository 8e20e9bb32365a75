import Autograd

/// A lookup table of learned vectors, `weight[index]`, as `torch.nn.Embedding` (initialised N(0, 1)).
/// ```swift
/// let items = try Embedding(1682, 64, generator: &generator)
/// let vectors = try items([3, 14, 15, 92], shape: [2, 2])     // [2, 2, 64]
/// ```
public final class Embedding: Module {
    /// The table, `[count, dimension]`.
    @Parameter public var weight: Tensor

    /// Creates a table of `count` vectors of `dimension` values drawn from `initializer` (N(0, 1) by default, as
    /// PyTorch). Throws when a size is negative or the table would not fit in the memory available.
    ///
    /// - Parameters:
    ///   - count: The number of vectors (the valid indices are `0..<count`).
    ///   - dimension: The length of each vector.
    ///   - initializer: Draws the table; N(0, 1) by default.
    ///   - generator: Draws the initial table.
    public init(_ count: Int, _ dimension: Int, initializer: Initializer = .normal(), generator: inout RandomGenerator) throws {
        try MemoryLimit.check([count, dimension], operation: "Embedding(\(count), \(dimension))")
        weight = try initializer.tensor([count, dimension], generator: &generator)
    }

    /// Creates a layer from a given table `[count, dimension]`.
    ///
    /// - Parameter weight: The table `[count, dimension]`.
    public init(weight: Tensor) throws {
        guard weight.rank == 2 else {
            throw NeuralNetworksError.invalidConfiguration(component: "Embedding", reason: "weight \(weight.shape) must be [count, dimension]")
        }
        self.weight = weight
    }

    /// The vectors at `indices`, shaped `shape + [dimension]` (`shape` defaults to `[indices.count]`).
    ///
    /// - Parameters:
    ///   - indices: Rows of the table to look up, each in `0..<count`.
    ///   - shape: The shape of the index grid, with as many positions as `indices`; nil for `[indices.count]`.
    public func callAsFunction(_ indices: [Int], shape: [Int]? = nil) throws -> Tensor {
        if let bad = indices.first(where: { $0 < 0 || $0 >= weight.shape[0] }) {
            throw NeuralNetworksError.invalidInput(
                operation: "Embedding(\(weight.shape[0]), \(weight.shape[1]))", reason: "index \(bad) is outside 0..<\(weight.shape[0])")
        }
        return try weight.embedding(indices: indices, indexShape: shape)
    }
}
