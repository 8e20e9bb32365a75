/// A small grey or RGB picture to show in an image grid, such as a 28×28 MNIST digit.
///
/// Pixels are row-major; RGB pixels are interleaved (`r, g, b, r, g, b, …`) unless `planar` says they are
/// stored channel by channel as a convolution's output is. Floating-point values are read as 0...1 and
/// clamped; bytes as 0...255.
public struct PlotImage {
    /// Width in source pixels.
    public let width: Int
    /// Height in source pixels.
    public let height: Int
    /// 1 for grey, 3 for RGB.
    public let channels: Int
    /// Intensities in 0...1, interleaved.
    let values: [Float]
    /// Number of values supplied, kept to report a mismatch at render time.
    let suppliedCount: Int

    /// An image from values in 0...1; `planar` means all reds, then all greens, then all blues.
    ///
    /// - Parameters:
    ///   - pixels: Row-major values in 0...1 (clamped), `width × height × channels` of them.
    ///   - width: Width in source pixels.
    ///   - height: Height in source pixels.
    ///   - channels: 1 for grey, 3 for RGB.
    ///   - planar: RGB stored channel by channel rather than interleaved.
    public init(pixels: [Float], width: Int, height: Int, channels: Int = 1, planar: Bool = false) {
        self.width = width
        self.height = height
        self.channels = channels
        suppliedCount = pixels.count
        let area = width * height
        if planar && channels > 1 && pixels.count == area * channels {
            var interleaved = [Float](repeating: 0, count: pixels.count)
            for channel in 0..<channels {
                for index in 0..<area { interleaved[index * channels + channel] = pixels[channel * area + index] }
            }
            values = interleaved
        } else {
            values = pixels
        }
    }

    /// An image from double-precision values in 0...1.
    ///
    /// - Parameters:
    ///   - pixels: Row-major values in 0...1 (clamped), `width × height × channels` of them.
    ///   - width: Width in source pixels.
    ///   - height: Height in source pixels.
    ///   - channels: 1 for grey, 3 for RGB.
    ///   - planar: RGB stored channel by channel rather than interleaved.
    @_disfavoredOverload
    public init(pixels: [Double], width: Int, height: Int, channels: Int = 1, planar: Bool = false) {
        self.init(pixels: pixels.map(Float.init), width: width, height: height, channels: channels, planar: planar)
    }

    /// An image from 8-bit values, interleaved.
    ///
    /// - Parameters:
    ///   - bytes: Row-major values in 0...255, interleaved RGB when `channels` is 3.
    ///   - width: Width in source pixels.
    ///   - height: Height in source pixels.
    ///   - channels: 1 for grey, 3 for RGB.
    public init(bytes: [UInt8], width: Int, height: Int, channels: Int = 1) {
        self.init(pixels: bytes.map { Float($0) / 255 }, width: width, height: height, channels: channels)
    }

    /// The same image with its finite values stretched so the smallest becomes black and the largest white —
    /// for pictures outside 0...1 such as convolution filters, decoder logits or data scaled to -1...1.
    public func normalized() -> PlotImage {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max(), high > low else { return self }
        let scaled = values.map { ($0 - low) / (high - low) }
        return PlotImage(pixels: scaled, width: width, height: height, channels: channels, suppliedCount: suppliedCount)
    }

    private init(pixels: [Float], width: Int, height: Int, channels: Int, suppliedCount: Int) {
        self.width = width
        self.height = height
        self.channels = channels
        self.values = pixels
        self.suppliedCount = suppliedCount
    }

    /// Throws when the shape and the number of values disagree.
    func validate() throws {
        guard channels == 1 || channels == 3 else { throw PlotsError.unsupportedChannels(channels) }
        guard width > 0, height > 0, suppliedCount == width * height * channels else {
            throw PlotsError.pixelCountMismatch(width: width, height: height, channels: channels, count: suppliedCount)
        }
    }

    /// The 8-bit colour of the pixel at (`column`, `row`).
    func color(column: Int, row: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        func byte(_ value: Float) -> UInt8 { value.isNaN ? 0 : UInt8((min(max(value, 0), 1) * 255).rounded()) }
        let index = (row * width + column) * channels
        if channels == 1 {
            let grey = byte(values[index])
            return (grey, grey, grey)
        }
        return (byte(values[index]), byte(values[index + 1]), byte(values[index + 2]))
    }
}

extension PlotImage: CustomStringConvertible {
    /// `PlotImage(28×28, grey)`.
    public var description: String { "PlotImage(\(width)×\(height), \(channels == 1 ? "grey" : "RGB"))" }
}
