/// A dense, row-major array of `Float` of any rank, with value semantics and copy-on-write storage,
/// that records the operations applied to it so gradients can flow back through them.
///
/// ## Computing with tensors
/// ```swift
/// let x = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
/// let y = try x.matmul(Tensor(ones: [3, 4])) + 1      // shapes broadcast like NumPy
/// let p = try y.softmax(alongAxis: -1)
/// ```
/// Operations whose shapes or axes can be wrong `throw` an ``AutogradError`` naming the operation
/// and both shapes; elementwise functions of one tensor never throw.
///
/// ## Gradients: one idiom
/// ``valueAndGradient(at:of:)`` runs a function of some tensors and returns its value and the
/// gradient of that value with respect to each of them:
/// ```swift
/// var weights = [Tensor(zeros: [784, 10]), Tensor(zeros: [10])]
/// for (images, labels) in batches {
///     let (loss, gradients) = try valueAndGradient(at: weights) { w in
///         try (images.matmul(w[0]) + w[1]).logSoftmax(alongAxis: -1)
///             .gather(alongAxis: 1, indices: labels).mean() * -1
///     }
///     for i in weights.indices { weights[i] = try weights[i] - gradients[i] * 0.1 }
///     print(loss.scalar)
/// }
/// ```
/// Outside `valueAndGradient` nothing is recorded, so evaluation is free of bookkeeping;
/// inside it, ``withoutGradient(_:)`` turns recording off for a block and ``detached()``
/// stops the gradient at one tensor (the straight-through estimator of VQ-VAE).
///
/// ## Primitives and derived operations
/// Each primitive states its backward rule beside its forward code (`Tensor.recorded`):
/// `+ − × ÷` (broadcasting), negation, `broadcast(to:)`, `exp`, `log`, `squareRoot`, `pow(Float)`,
/// `abs`, `tanh`, `sigmoid`, `relu`, `leakyRelu`, `softplus`, `clamped`, `where`,
/// `sum(alongAxes:)`, `max(alongAxis:)`, `logSoftmax`, `matmul` (batched, transpose flags),
/// `reshaped`, `transposed(permutation:)`, `sliced`, `concatenated`, `indexSelect`, `gather`,
/// `convolution2D`, `transposedConvolution2D` and `SparseMatrix.matmul`. Everything else —
/// `mean`, `min`, `logSumExp`, `softmax`, `layerNormalized`, `dropout`, `silu`, `squared`,
/// `pow(Tensor)`, `stacked`, `embedding`, `pairwiseSquaredDistances` and the scalar operators — is
/// written with primitives and has no rule of its own. Every primitive has a finite-difference
/// check (``maximumGradientError(at:step:of:)``) and a PyTorch parity fixture in the tests.
///
/// Values are `Float32`. Matrix products and convolutions run on OpenBLAS `cblas_sgemm`;
/// elementwise loops and reductions split across cores when the tensor is large enough to pay.
public struct Tensor: @unchecked Sendable {
    /// The size of each axis; empty for a single scalar.
    public let shape: [Int]
    /// The values in row-major order; `scalars.count` is the product of `shape`.
    public internal(set) var scalars: [Float]
    /// The operation that produced this tensor while gradients were being recorded, if any.
    var node: GradientNode?

    /// Creates a tensor from its shape and row-major values, checking that the counts agree.
    ///
    /// - Parameters:
    ///   - shape: The size of each axis.
    ///   - scalars: The values in row-major order, as many as the product of `shape`.
    public init(shape: [Int], scalars: [Float]) throws {
        let count = Shape.checkedCount(shape)
        guard count == scalars.count else {
            let needed = count.map { "needs \($0) scalars" } ?? "has no valid count"
            throw AutogradError.invalidShape(operation: "Tensor(shape:scalars:)", shape: shape,
                                             reason: "\(needed), got \(scalars.count)")
        }
        self.shape = shape
        self.scalars = scalars
        self.node = nil
    }

    /// Creates a tensor whose count is known to match (internal, unchecked).
    init(uncheckedShape shape: [Int], scalars: [Float], node: GradientNode? = nil) {
        self.shape = shape
        self.scalars = scalars
        self.node = node
    }

    /// Creates a tensor of `shape` with every value equal to `value`.
    ///
    /// - Parameters:
    ///   - value: The value of every element.
    ///   - shape: The size of each axis.
    public init(repeating value: Float, shape: [Int]) {
        self.init(uncheckedShape: shape, scalars: [Float](repeating: value, count: Shape.count(shape)))
    }

    /// Creates a tensor of zeros.
    ///
    /// - Parameter shape: The size of each axis.
    public init(zeros shape: [Int]) {
        self.init(repeating: 0, shape: shape)
    }

    /// Creates a tensor of ones.
    ///
    /// - Parameter shape: The size of each axis.
    public init(ones shape: [Int]) {
        self.init(repeating: 1, shape: shape)
    }

    /// Creates a rank-0 tensor holding one value.
    ///
    /// - Parameter scalar: The value.
    public init(_ scalar: Float) {
        self.init(uncheckedShape: [], scalars: [scalar])
    }

    /// Creates a rank-1 tensor from a list of values.
    ///
    /// - Parameter vector: The values.
    public init(_ vector: [Float]) {
        self.init(uncheckedShape: [vector.count], scalars: vector)
    }

    /// Creates a rank-2 tensor from equally long rows.
    ///
    /// - Parameter rows: Rows of equal length.
    public init(rows: [[Float]]) throws {
        let columnCount = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == columnCount }) else {
            throw AutogradError.invalidShape(
                operation: "Tensor(rows:)", shape: [rows.count, columnCount],
                reason: "rows have different lengths \(rows.map(\.count))")
        }
        self.init(uncheckedShape: [rows.count, columnCount], scalars: rows.flatMap { $0 })
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of values, the product of the shape.
    public var scalarCount: Int { scalars.count }

    /// The first value (NaN when empty); for a single-value tensor, its value (a loss, a metric).
    public var scalar: Float { scalars.first ?? .nan }

    /// Whether gradients are being recorded through this tensor.
    public var isTracked: Bool { node != nil }

    /// The same values with no gradient history: gradients stop here (stop-gradient).
    public func detached() -> Tensor {
        Tensor(uncheckedShape: shape, scalars: scalars)
    }

    /// Runs `body` on the values for in-place updates (an optimizer step) and drops any
    /// gradient history, since the values no longer match the recorded operations.
    ///
    /// - Parameter body: Updates the row-major values in place; it must keep their count.
    public mutating func updateScalars(_ body: (inout [Float]) throws -> Void) rethrows {
        node = nil
        try body(&scalars)
    }
}

extension Tensor: CustomStringConvertible {
    /// The shape followed by up to the first 8 values.
    public var description: String {
        let shown = scalars.prefix(8).map { "\($0)" }.joined(separator: ", ")
        return "Tensor(shape: \(shape), scalars: [\(shown)\(scalars.count > 8 ? ", …" : "")])"
    }
}

extension Tensor: Equatable {
    /// Tensors are equal when their shapes and values are equal; gradient history is ignored.
    ///
    /// - Parameters:
    ///   - left: A tensor.
    ///   - right: Another tensor.
    public static func == (left: Tensor, right: Tensor) -> Bool {
        left.shape == right.shape && left.scalars == right.scalars
    }
}
