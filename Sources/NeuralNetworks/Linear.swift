import Autograd

/// A fully connected layer, `y = x · Wᵀ + b`, with `W` shaped `[outputCount, inputCount]` as in
/// `torch.nn.Linear` (so checkpoints map one to one). Inputs may have any leading axes: `[…, inputCount]`.
///
/// ```swift
/// var generator = RandomGenerator(seed: 0)
/// let layer = try Linear(784, 400, generator: &generator)
/// let hidden = try layer(images)              // [batch, 400]
/// ```
public final class Linear: Module, UnaryLayer {
    /// The weight matrix, `[outputCount, inputCount]`.
    @Parameter public var weight: Tensor
    /// The bias, `[outputCount]`, or `nil` for a layer without one.
    @Parameter public var bias: Tensor?

    /// Creates a layer with PyTorch's default initialisation: weight and bias uniform on `±1/√inputCount`.
    /// Throws when a size is negative or the weight would not fit in the memory available.
    ///
    /// - Parameters:
    ///   - inputCount: Features per input (the last axis of the input).
    ///   - outputCount: Features per output.
    ///   - hasBias: Whether the layer adds a bias.
    ///   - generator: Draws the initial weights.
    public init(_ inputCount: Int, _ outputCount: Int, bias hasBias: Bool = true, generator: inout RandomGenerator) throws {
        try Linear.checkSizes(inputCount, outputCount)
        let bound = 1 / Float(Swift.max(inputCount, 1)).squareRoot()
        weight = generator.uniform([outputCount, inputCount], lowerBound: -bound, upperBound: bound)
        bias = hasBias ? generator.uniform([outputCount], lowerBound: -bound, upperBound: bound) : nil
    }

    /// Creates a layer whose weight (and bias, zeros unless given) come from initialisers,
    /// e.g. `weightInitializer: .xavierUniform()`. Throws as the default initialiser does, or for an invalid initialiser.
    ///
    /// - Parameters:
    ///   - inputCount: Features per input (the last axis of the input).
    ///   - outputCount: Features per output.
    ///   - hasBias: Whether the layer adds a bias.
    ///   - weightInitializer: Draws the weight `[outputCount, inputCount]`, e.g. `.xavierUniform()`.
    ///   - biasInitializer: Draws the bias `[outputCount]`; zeros by default.
    ///   - generator: Draws the initial weight and bias.
    public init(
        _ inputCount: Int, _ outputCount: Int, bias hasBias: Bool = true,
        weightInitializer: Initializer, biasInitializer: Initializer = .zeros, generator: inout RandomGenerator
    ) throws {
        try Linear.checkSizes(inputCount, outputCount)
        weight = try weightInitializer.tensor([outputCount, inputCount], generator: &generator)
        bias = hasBias ? try biasInitializer.tensor([outputCount], generator: &generator) : nil
    }

    /// Creates a layer from given weights `[outputCount, inputCount]` and an optional bias `[outputCount]`.
    ///
    /// - Parameters:
    ///   - weight: The weight matrix `[outputCount, inputCount]`.
    ///   - bias: The bias `[outputCount]`; nil for a layer without one.
    public init(weight: Tensor, bias: Tensor? = nil) throws {
        guard weight.rank == 2, bias.map({ $0.shape == [weight.shape[0]] }) ?? true else {
            throw NeuralNetworksError.invalidConfiguration(
                component: "Linear", reason: "weight \(weight.shape) and bias \(bias?.shape ?? []) do not fit")
        }
        self.weight = weight
        self.bias = bias
    }

    /// Throws when a weight `[outputCount, inputCount]` cannot be allocated (a negative size, or more than the memory available).
    private static func checkSizes(_ inputCount: Int, _ outputCount: Int) throws {
        try MemoryLimit.check([outputCount, inputCount], operation: "Linear(\(inputCount), \(outputCount))")
    }

    /// `input · Wᵀ + b` for an input `[…, inputCount]`.
    ///
    /// - Parameter input: Features `[…, inputCount]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        guard input.rank >= 1, input.shape.last == weight.shape[1] else {
            throw NeuralNetworksError.invalidInput(
                operation: "Linear(\(weight.shape[1]), \(weight.shape[0]))",
                reason: "expected an input [..., \(weight.shape[1])], got \(input.shape)")
        }
        let flat = input.rank == 1 ? try input.reshaped(to: [1, input.shape[0]]) : input
        var output = try flat.matmul(weight, transposingOther: true)
        if let bias { output = try output + bias }
        return input.rank == 1 ? try output.reshaped(to: [weight.shape[0]]) : output
    }

    /// `input · Wᵀ + b` for sparse rows `[batch, inputCount]` (CSR), e.g. user–item interactions:
    /// one sparse × dense product, with the gradient reaching `W` through Autograd's sparse matmul.
    ///
    /// - Parameter input: Sparse rows `[batch, inputCount]`.
    public func callAsFunction(_ input: SparseMatrix) throws -> Tensor {
        guard input.columnCount == weight.shape[1] else {
            throw NeuralNetworksError.invalidInput(
                operation: "Linear(\(weight.shape[1]), \(weight.shape[0]))",
                reason: "expected sparse rows with \(weight.shape[1]) columns, got \(input.rowCount) × \(input.columnCount)")
        }
        let output = try input.matmul(weight, transposingDense: true)
        guard let bias else { return output }
        return try output + bias
    }
}
