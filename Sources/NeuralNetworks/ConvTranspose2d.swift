import Autograd

/// A 2-D transposed convolution ("deconvolution") over NCHW images, as `torch.nn.ConvTranspose2d`:
/// filters `[inputChannels, outputChannels, k, k]`, output size `(H − 1)·stride − 2·padding + k +
/// outputPadding`, initialised uniform on `±1/√(outputChannels·k²)` (PyTorch's fan convention).
public final class ConvTranspose2d: Module, UnaryLayer {
    /// The filters, `[inputChannels, outputChannels, kernelSize, kernelSize]`.
    @Parameter public var weight: Tensor
    /// One bias per output channel, or `nil`.
    @Parameter public var bias: Tensor?
    /// The step between kernel positions.
    public let stride: Int
    /// Rows and columns removed from every side of the output.
    public let padding: Int
    /// Extra rows and columns added on one side of the output (less than `stride`).
    public let outputPadding: Int

    /// Creates the layer with PyTorch's default initialisation. Throws when a size is negative or the
    /// filters would not fit in the memory available.
    ///
    /// - Parameters:
    ///   - inputChannels: Channels of the input feature maps.
    ///   - outputChannels: Channels of the output.
    ///   - kernelSize: The side of each square kernel.
    ///   - stride: The step between kernel positions (the upsampling factor).
    ///   - padding: Rows and columns removed from every side of the output.
    ///   - outputPadding: Extra rows and columns added on one side of the output, less than `stride`.
    ///   - hasBias: Whether the layer adds a bias per output channel.
    ///   - generator: Draws the initial weights.
    public init(
        _ inputChannels: Int, _ outputChannels: Int, kernelSize: Int, stride: Int = 1, padding: Int = 0,
        outputPadding: Int = 0, bias hasBias: Bool = true, generator: inout RandomGenerator
    ) throws {
        try MemoryLimit.check([inputChannels, outputChannels, kernelSize, kernelSize],
                              operation: "ConvTranspose2d(\(inputChannels), \(outputChannels), kernelSize: \(kernelSize))")
        let bound = 1 / Float(Swift.max(outputChannels * kernelSize * kernelSize, 1)).squareRoot()
        weight = generator.uniform([inputChannels, outputChannels, kernelSize, kernelSize], lowerBound: -bound, upperBound: bound)
        bias = hasBias ? generator.uniform([outputChannels], lowerBound: -bound, upperBound: bound) : nil
        self.stride = stride
        self.padding = padding
        self.outputPadding = outputPadding
    }

    /// Applies the transposed convolution to `input` `[N, inputChannels, H, W]` and adds the bias.
    ///
    /// - Parameter input: Feature maps `[N, inputChannels, H, W]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try input.transposedConvolution2D(
            filters: weight, bias: bias, stride: stride, padding: padding, outputPadding: outputPadding)
    }
}
