// Neural Discrete Representation Learning — A. van den Oord, O. Vinyals and K. Kavukcuoglu,
// NeurIPS 2017 (arXiv:1711.00937).
//
// The VQ-VAE minimises (eq. 3)
//     L = ‖x − D(z_q(x))‖² + ‖sg[z_e(x)] − e‖² + β ‖z_e(x) − sg[e]‖²,
// the reconstruction here being the mean squared error over pixels. The encoder is
// conv 32 (4×4, stride 2) → ReLU → conv 64 (4×4, stride 2) → residual blocks → ReLU → conv 1×1 to D,
// giving a (H/4)×(W/4) grid of D-vectors; the decoder mirrors it: conv 1×1 from D to 64 → residual
// blocks → ReLU → transposed conv 32 (stride 2) → ReLU → transposed conv 1 (stride 2). Reference
// defaults (the paper and Sonnet's `vqvae_example`, scaled to MNIST): K = 64 codes of D = 16,
// β = 0.25, two residual blocks of 32 hidden channels, Adam 1e-3, EMA decay 0.99.
import Autograd
import NeuralNetworks

/// A vector-quantized VAE for grey-scale images (van den Oord et al., 2017).
///
/// ```swift
/// let model = try VQVAE(codeCount: 64, codeDimension: 16, codebookUpdate: .exponentialMovingAverage(), seed: 3)
/// let history = try model.fit(split.train, validation: split.test, epochs: 10, batchSize: 64)
/// let report = try model.evaluate(split.test)            // report.meanSquaredError, report.codebook.perplexity
/// let grid = try model.codes(split.test.imageTensor([0]))   // 7×7 codes of one digit
/// var edited = grid.codes; edited[24] = 5
/// let decoded = try model.decode(codes: edited, height: grid.height, width: grid.width)
/// ```
public final class VQVAE: Module, ImageGenerativeModel {
    /// Image height in pixels.
    public let imageHeight: Int
    /// Image width in pixels.
    public let imageWidth: Int
    /// Images `[N, 1, H, W]` to encoder outputs `[N, D, H/4, W/4]`.
    let encoder: Sequential
    /// The codebook and nearest-code lookup.
    public let quantizer: VectorQuantizer
    /// Quantized vectors `[N, D, H/4, W/4]` to images `[N, 1, H, W]`.
    let decoder: Sequential
    /// The source of shuffling and dead-code restarts in `fit`, seeded at creation.
    var generator: RandomGenerator

    /// Creates the model with PyTorch's default initialisation (and the reference codebook
    /// initialisation) drawn from `seed`. Image sides must be multiples of 4.
    ///
    /// - Parameters:
    ///   - imageHeight: Image height in pixels, a multiple of 4.
    ///   - imageWidth: Image width in pixels, a multiple of 4.
    ///   - codeCount: K, the number of codes in the codebook.
    ///   - codeDimension: D, the length of each code vector.
    ///   - commitmentCost: β, the weight of the commitment loss.
    ///   - codebookUpdate: `.loss` (eq. 3) or `.exponentialMovingAverage()` (appendix A.1).
    ///   - residualBlocks: Residual blocks in the encoder and in the decoder, at least 0.
    ///   - residualChannels: Hidden channels in each residual block.
    ///   - seed: The seed of the weights, the codebook, the shuffling and dead-code restarts.
    public init(
        imageHeight: Int = 28, imageWidth: Int = 28, codeCount: Int = 64, codeDimension: Int = 16,
        commitmentCost: Float = 0.25, codebookUpdate: CodebookUpdate = .loss,
        residualBlocks: Int = 2, residualChannels: Int = 32, seed: UInt64 = 0
    ) throws {
        guard imageHeight > 0, imageWidth > 0, imageHeight % 4 == 0, imageWidth % 4 == 0,
              codeCount > 0, codeDimension > 0, residualBlocks >= 0, residualChannels > 0, commitmentCost >= 0 else {
            throw ModelsError.invalidConfiguration(
                component: "VQVAE",
                reason: "image \(imageHeight)×\(imageWidth) needs sides that are positive multiples of 4; codeCount \(codeCount), codeDimension \(codeDimension), residualChannels \(residualChannels) must be positive and residualBlocks \(residualBlocks), commitmentCost \(commitmentCost) not negative")
        }
        if case let .exponentialMovingAverage(decay, epsilon) = codebookUpdate, !(decay >= 0 && decay < 1 && epsilon > 0) {
            throw ModelsError.invalidConfiguration(
                component: "VQVAE", reason: "EMA decay \(decay) must lie in [0, 1) and epsilon \(epsilon) be positive")
        }
        // Two stacks of residual blocks, each block 64 × residualChannels × (3·3 + 1) weights: refused as a whole
        // when they cannot fit, since each block alone is too small to be compared with the memory available.
        if residualBlocks > 0 {
            try MemoryLimit.check([2, residualBlocks, 64 * 10, residualChannels],
                                  operation: "VQVAE(residualBlocks: \(residualBlocks), residualChannels: \(residualChannels))")
        }
        var weights = RandomGenerator(seed: seed)
        var encoderLayers: [UnaryLayer] = [
            Lambda { try $0.reshaped(to: [$0.shape[0], 1, imageHeight, imageWidth]) },
            try Conv2d(1, 32, kernelSize: 4, stride: 2, padding: 1, generator: &weights), ReLU(),
            try Conv2d(32, 64, kernelSize: 4, stride: 2, padding: 1, generator: &weights),
        ]
        for _ in 0..<residualBlocks {
            encoderLayers.append(try ResidualBlock(channels: 64, hiddenChannels: residualChannels, generator: &weights))
        }
        encoderLayers += [ReLU(), try Conv2d(64, codeDimension, kernelSize: 1, generator: &weights)]
        encoder = Sequential(encoderLayers)
        quantizer = try VectorQuantizer(codeCount: codeCount, codeDimension: codeDimension, commitmentCost: commitmentCost,
                                    update: codebookUpdate, generator: &weights)
        var decoderLayers: [UnaryLayer] = [try Conv2d(codeDimension, 64, kernelSize: 1, generator: &weights)]
        for _ in 0..<residualBlocks {
            decoderLayers.append(try ResidualBlock(channels: 64, hiddenChannels: residualChannels, generator: &weights))
        }
        decoderLayers += [
            ReLU(), try ConvTranspose2d(64, 32, kernelSize: 4, stride: 2, padding: 1, generator: &weights), ReLU(),
            try ConvTranspose2d(32, 1, kernelSize: 4, stride: 2, padding: 1, generator: &weights),
        ]
        decoder = Sequential(decoderLayers)
        self.imageHeight = imageHeight
        self.imageWidth = imageWidth
        generator = RandomGenerator(seed: seed, stream: 0x5651_5641_45)
    }

    /// The height of the code grid, `imageHeight / 4`.
    public var gridHeight: Int { imageHeight / 4 }
    /// The width of the code grid, `imageWidth / 4`.
    public var gridWidth: Int { imageWidth / 4 }

    /// The encoder outputs `z_e` `[N, D, H/4, W/4]` of images `[N, pixels]` or `[N, 1, H, W]`.
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    public func encode(_ images: Tensor) throws -> Tensor {
        try encoder(flattenedImages(images, height: imageHeight, width: imageWidth, model: "VQVAE.encode"))
    }

    /// Reconstructions `[N, 1, H, W]` of quantized vectors `[N, D, H/4, W/4]`.
    ///
    /// - Parameter quantized: Quantized vectors `[N, D, H/4, W/4]`.
    public func decode(_ quantized: Tensor) throws -> Tensor {
        try decoder(quantized)
    }

    /// The forward pass of a batch: quantizer output, reconstructions `[N, pixels]` and the loss.
    func forward(_ images: Tensor) throws -> (output: QuantizerOutput, reconstructions: Tensor, reconstructionError: Tensor, loss: Tensor) {
        let flat = try flattenedImages(images, height: imageHeight, width: imageWidth, model: "VQVAE")
        let output = try quantizer(encode(flat))
        let reconstructions = try decode(output.quantized).reshaped(to: flat.shape)
        let reconstructionError = try (reconstructions - flat).squared().mean()
        return (output, reconstructions, reconstructionError, try reconstructionError + output.loss)
    }
}

/// A grid of codebook indices for a batch of images, row-major `[count, height, width]`.
public struct CodeGrid: Sendable, Equatable {
    /// The number of images.
    public let count: Int
    /// Rows of codes per image.
    public let height: Int
    /// Columns of codes per image.
    public let width: Int
    /// The code indices, image after image, row after row.
    public var codes: [Int]
}

/// Reconstruction, codes and decoding of code grids.
extension VQVAE {
    /// Reconstructions `[N, pixels]` of images through the nearest codes, without recording gradients.
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    public func reconstruct(_ images: Tensor) throws -> Tensor {
        try withoutGradient { try forward(images).reconstructions }
    }

    /// The nearest-code grid of each image.
    ///
    /// - Parameter images: Images `[N, pixels]` or `[N, 1, H, W]`.
    public func codes(_ images: Tensor) throws -> CodeGrid {
        let encoded = try withoutGradient { try encode(images) }
        let output = try withoutGradient { try quantizer(encoded) }
        return CodeGrid(count: encoded.shape[0], height: encoded.shape[2], width: encoded.shape[3], codes: output.codes)
    }

    /// Images `[N, pixels]` decoded from a (possibly edited) code grid given row-major `[N, height, width]`.
    ///
    /// - Parameters:
    ///   - codes: Code indices, row-major `[N, height, width]`, each in `0..<codeCount`.
    ///   - height: Grid rows; nil for `gridHeight` (H/4).
    ///   - width: Grid columns; nil for `gridWidth` (W/4).
    public func decode(codes: [Int], height: Int? = nil, width: Int? = nil) throws -> Tensor {
        let (rows, columns) = (height ?? gridHeight, width ?? gridWidth)
        guard rows > 0, columns > 0, codes.count % (rows * columns) == 0 else {
            throw ModelsError.invalidInput(
                operation: "VQVAE.decode(codes:)", reason: "\(codes.count) codes are not whole \(rows)×\(columns) grids")
        }
        let count = codes.count / (rows * columns)
        return try withoutGradient {
            let vectors = try quantizer.vectors(codes: codes, batch: count, height: rows, width: columns)
            let images = try decode(vectors)
            return try images.reshaped(to: [count, images.scalarCount / count])
        }
    }

    /// Images decoded from a ``CodeGrid``.
    ///
    /// - Parameter grid: A grid from `codes(_:)`, possibly edited.
    public func decode(_ grid: CodeGrid) throws -> Tensor {
        try decode(codes: grid.codes, height: grid.height, width: grid.width)
    }
}
