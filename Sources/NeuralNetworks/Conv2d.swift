import Autograd

/// A 2-D convolution over NCHW images with square kernels, as `torch.nn.Conv2d`: filters
/// `[outputChannels, inputChannels, k, k]` and a bias per output channel, both initialised
/// uniform on `±1/√(inputChannels·k²)` (PyTorch's default).
/// ```swift
/// let conv = try Conv2d(1, 32, kernelSize: 4, stride: 2, padding: 1, generator: &generator)
/// let features = try conv(images)      // [N, 1, 28, 28] → [N, 32, 14, 14]
/// ```
public final class Conv2d: Module, UnaryLayer {
    /// The filters, `[outputChannels, inputChannels, kernelSize, kernelSize]`.
    @Parameter public var weight: Tensor
    /// One bias per output channel, or `nil`.
    @Parameter public var bias: Tensor?
    /// The step between kernel positions.
    public let stride: Int
    /// Zeros added on every side of the image.
    public let padding: Int

    /// Creates the layer with PyTorch's default initialisation. Throws when a size is negative or the
    /// filters would not fit in the memory available.
    ///
    /// - Parameters:
    ///   - inputChannels: Channels of the input images.
    ///   - outputChannels: Channels of the output (the number of filters).
    ///   - kernelSize: The side of each square kernel.
    ///   - stride: The step between kernel positions.
    ///   - padding: Zeros added on every side of the image.
    ///   - hasBias: Whether the layer adds a bias per output channel.
    ///   - generator: Draws the initial weights.
    public init(
        _ inputChannels: Int, _ outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
        bias hasBias: Bool = true, generator: inout RandomGenerator
    ) throws {
        try MemoryLimit.check([outputChannels, inputChannels, kernelSize, kernelSize],
                              operation: "Conv2d(\(inputChannels), \(outputChannels), kernelSize: \(kernelSize))")
        let bound = 1 / Float(Swift.max(inputChannels * kernelSize * kernelSize, 1)).squareRoot()
        weight = generator.uniform([outputChannels, inputChannels, kernelSize, kernelSize], lowerBound: -bound, upperBound: bound)
        bias = hasBias ? generator.uniform([outputChannels], lowerBound: -bound, upperBound: bound) : nil
        self.stride = stride
        self.padding = padding
    }

    /// Convolves `input` `[N, inputChannels, H, W]` and adds the bias.
    ///
    /// - Parameter input: Images `[N, inputChannels, H, W]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try self(input, rectified: false)
    }

    /// The convolution followed by a ReLU, in one pass over the output (`Sequential` calls this for
    /// a `Conv2d` followed by a `ReLU`); the same values and gradients as `ReLU()(self(input))`.
    ///
    /// - Parameters:
    ///   - input: Images `[N, inputChannels, H, W]`.
    ///   - rectified: Whether a ReLU is applied to the output.
    public func callAsFunction(_ input: Tensor, rectified: Bool) throws -> Tensor {
        try input.convolution2D(filters: weight, bias: bias, stride: stride, padding: padding, rectified: rectified)
    }
}
