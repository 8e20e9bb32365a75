import Autograd
import NeuralNetworks

/// The residual block of the VQ-VAE encoder and decoder (van den Oord et al., 2017, section 4.1;
/// DeepMind Sonnet's `ResidualStack`): `x + conv1×1(relu(conv3×3(relu(x))))`, both convolutions
/// without bias, the 3×3 one narrowing to `hiddenChannels` and the 1×1 one widening back.
public final class ResidualBlock: Module, UnaryLayer {
    /// The 3×3 convolution, `channels → hiddenChannels`, padding 1.
    let narrow: Conv2d
    /// The 1×1 convolution, `hiddenChannels → channels`.
    let widen: Conv2d

    /// Creates the block with PyTorch's default initialisation; throws as `Conv2d` does.
    ///
    /// - Parameters:
    ///   - channels: Input and output channels.
    ///   - hiddenChannels: Channels between the 3×3 and the 1×1 convolution.
    ///   - generator: Draws the initial weights.
    public init(channels: Int, hiddenChannels: Int, generator: inout RandomGenerator) throws {
        narrow = try Conv2d(channels, hiddenChannels, kernelSize: 3, padding: 1, bias: false, generator: &generator)
        widen = try Conv2d(hiddenChannels, channels, kernelSize: 1, bias: false, generator: &generator)
    }

    /// `input + widen(relu(narrow(relu(input))))` for `[N, channels, H, W]`.
    ///
    /// - Parameter input: Feature maps `[N, channels, H, W]`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor {
        try input + widen(narrow(input.relu()).relu())
    }
}
