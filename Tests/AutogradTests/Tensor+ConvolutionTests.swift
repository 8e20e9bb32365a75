import Testing
@testable import Autograd

@Suite struct ConvolutionTests {
    /// Direct nested-loop cross-correlation, the reference for the im2col + sgemm path.
    func reference(_ x: Tensor, _ w: Tensor, stride: Int, padding: Int) -> [Float] {
        let (n, c, h, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (o, kh, kw) = (w.shape[0], w.shape[2], w.shape[3])
        let oh = (h + 2 * padding - kh) / stride + 1, ow = (width + 2 * padding - kw) / stride + 1
        var out = [Float](repeating: 0, count: n * o * oh * ow)
        for b in 0..<n { for f in 0..<o { for y in 0..<oh { for z in 0..<ow {
            var total: Float = 0
            for ch in 0..<c { for i in 0..<kh { for j in 0..<kw {
                let iy = y * stride - padding + i, iz = z * stride - padding + j
                if iy >= 0 && iy < h && iz >= 0 && iz < width {
                    total += x.scalars[((b * c + ch) * h + iy) * width + iz] * w.scalars[((f * c + ch) * kh + i) * kw + j]
                }
            } } }
            out[((b * o + f) * oh + y) * ow + z] = total
        } } } }
        return out
    }

    static let settings: [(stride: Int, padding: Int)] = [(1, 0), (1, 1), (2, 1), (2, 0), (3, 2), (1, 3)]

    @Test(arguments: settings) func convolutionValuesAndGradient(stride: Int, padding: Int) throws {
        let x = sample([2, 3, 5, 6], seed: 91), w = sample([4, 3, 3, 2], seed: 92)
        let y = try x.convolution2D(filters: w, stride: stride, padding: padding)
        #expect(isClose(y, reference(x, w, stride: stride, padding: padding), tolerance: 1e-4))
        #expect(try maximumGradientError(at: [x, w]) {
            try $0[0].convolution2D(filters: $0[1], stride: stride, padding: padding)
        } < gradientTolerance)
    }

    @Test(arguments: settings) func convolutionWithBiasAddsItPerChannel(stride: Int, padding: Int) throws {
        let x = sample([2, 3, 5, 6], seed: 96), w = sample([4, 3, 3, 2], seed: 97), b = sample([4], seed: 98)
        let y = try x.convolution2D(filters: w, bias: b, stride: stride, padding: padding)
        let area = y.shape[2] * y.shape[3]
        let expected = reference(x, w, stride: stride, padding: padding).enumerated().map { index, value in
            value + b.scalars[index / area % 4]
        }
        #expect(isClose(y, expected, tolerance: 1e-4))
        #expect(try maximumGradientError(at: [x, w, b]) {
            try $0[0].convolution2D(filters: $0[1], bias: $0[2], stride: stride, padding: padding)
        } < gradientTolerance)
    }

    @Test(arguments: settings) func rectifiedConvolutionIsReLUOfTheConvolutionBitForBit(stride: Int, padding: Int) throws {
        let x = sample([3, 3, 6, 5], seed: 102), w = sample([4, 3, 3, 2], seed: 103), b = sample([4], seed: 104)
        let weights = sample(try x.convolution2D(filters: w, stride: stride, padding: padding).shape, seed: 105)
        for bias in [b, nil] {
            let inputs = [x, w] + (bias.map { [$0] } ?? [])
            let (fused, fusedGradients) = try valueAndGradient(at: inputs) {
                try ($0[0].convolution2D(filters: $0[1], bias: $0.count > 2 ? $0[2] : nil, stride: stride, padding: padding,
                                         rectified: true) * weights).sum()
            }
            let (plain, plainGradients) = try valueAndGradient(at: inputs) {
                try ($0[0].convolution2D(filters: $0[1], bias: $0.count > 2 ? $0[2] : nil, stride: stride, padding: padding)
                    .relu() * weights).sum()
            }
            #expect(fused.scalars == plain.scalars)
            #expect(fusedGradients.map(\.scalars) == plainGradients.map(\.scalars))
        }
        // Finite differences need every pre-activation away from ReLU's kink: channels biased far
        // above it (gradient passed) and far below it (gradient stopped).
        let (smallX, smallW) = (x * 0.5, w * 0.2)
        let farBias = try Tensor(shape: [4], scalars: [3, -3, 3, -3])
        #expect(try maximumGradientError(at: [smallX, smallW, farBias]) {
            try $0[0].convolution2D(filters: $0[1], bias: $0[2], stride: stride, padding: padding, rectified: true)
        } < gradientTolerance)
    }

    @Test(arguments: settings) func transposedConvolutionIsTheAdjoint(stride: Int, padding: Int) throws {
        // ⟨conv(x), y⟩ = ⟨x, convᵀ(y)⟩ for the same filters, stride and padding.
        let x = sample([2, 3, 7, 7], seed: 93), w = sample([4, 3, 3, 3], seed: 94)
        let convolved = try x.convolution2D(filters: w, stride: stride, padding: padding)
        let y = sample(convolved.shape, seed: 95)
        let outputPadding = (7 + 2 * padding - 3) % stride
        let transposed = try y.transposedConvolution2D(filters: w, stride: stride, padding: padding,
                                                       outputPadding: outputPadding)
        #expect(transposed.shape == x.shape)
        let left = try (convolved * y).sum().scalar, right = try (x * transposed).sum().scalar
        #expect(abs(left - right) < 1e-3 * max(1, abs(left)))
        #expect(try maximumGradientError(at: [y, w]) {
            try $0[0].transposedConvolution2D(filters: $0[1], stride: stride, padding: padding, outputPadding: outputPadding)
        } < gradientTolerance)
    }

    @Test(arguments: settings) func transposedConvolutionWithBiasAddsItPerChannel(stride: Int, padding: Int) throws {
        let y = sample([2, 4, 5, 6], seed: 99), w = sample([4, 3, 3, 3], seed: 100), b = sample([3], seed: 101)
        let plain = try y.transposedConvolution2D(filters: w, stride: stride, padding: padding)
        let biased = try y.transposedConvolution2D(filters: w, bias: b, stride: stride, padding: padding)
        let area = plain.shape[2] * plain.shape[3]
        #expect(biased.scalars == plain.scalars.enumerated().map { index, value in value + b.scalars[index / area % 3] })
        #expect(try maximumGradientError(at: [y, w, b]) {
            try $0[0].transposedConvolution2D(filters: $0[1], bias: $0[2], stride: stride, padding: padding)
        } < gradientTolerance)
    }

    /// 1 × 1 kernels with stride 1 and no padding take the pointwise path (no phase planes).
    @Test func pointwiseConvolutionsMatchTheReferenceAndTheirAdjoint() throws {
        let x = sample([3, 5, 4, 6], seed: 106), w = sample([7, 5, 1, 1], seed: 107), b = sample([7], seed: 108)
        let y = try x.convolution2D(filters: w)
        #expect(isClose(y, reference(x, w, stride: 1, padding: 0), tolerance: 1e-4))
        let z = sample(y.shape, seed: 109)
        let transposed = try z.transposedConvolution2D(filters: w)
        let left = try (y * z).sum().scalar, right = try (x * transposed).sum().scalar
        #expect(abs(left - right) < 1e-3 * max(1, abs(left)))
        #expect(try maximumGradientError(at: [x, w, b]) {
            try $0[0].convolution2D(filters: $0[1], bias: $0[2])
        } < gradientTolerance)
        #expect(try maximumGradientError(at: [z, w, sample([5], seed: 110)]) {
            try $0[0].transposedConvolution2D(filters: $0[1], bias: $0[2])
        } < gradientTolerance)
    }

    @Test func shapeErrors() {
        #expect(throws: AutogradError.shapeMismatch(operation: "convolution2D", left: [1, 2, 4, 4], right: [3, 1, 3, 3])) {
            try Tensor(zeros: [1, 2, 4, 4]).convolution2D(filters: Tensor(zeros: [3, 1, 3, 3]))
        }
        #expect(throws: AutogradError.self) {
            try Tensor(zeros: [1, 1, 2, 2]).convolution2D(filters: Tensor(zeros: [1, 1, 3, 3]))
        }
        #expect(throws: AutogradError.self) {
            try Tensor(zeros: [1, 2, 4, 4]).transposedConvolution2D(filters: Tensor(zeros: [3, 1, 3, 3]))
        }
        #expect(throws: AutogradError.shapeMismatch(operation: "convolution2D", left: [2], right: [3])) {
            try Tensor(zeros: [1, 1, 4, 4]).convolution2D(filters: Tensor(zeros: [3, 1, 3, 3]), bias: Tensor(zeros: [2]))
        }
        #expect(throws: AutogradError.shapeMismatch(operation: "transposedConvolution2D", left: [1, 3], right: [3])) {
            try Tensor(zeros: [1, 1, 4, 4]).transposedConvolution2D(filters: Tensor(zeros: [1, 3, 3, 3]), bias: Tensor(zeros: [1, 3]))
        }
    }

    @Test func convolutionsWhoseBuffersExceedMemoryAreErrors() throws {
        let image = Tensor(zeros: [1, 1, 4096, 4096])    // 64 MB
        // 4,096 filters over 16.7 million pixels: a product and an output of 275 GB each.
        let error = #expect(throws: AutogradError.self) {
            try image.convolution2D(filters: Tensor(zeros: [4096, 1, 3, 3]), padding: 1)
        }
        #expect("\(error!)".hasPrefix("convolution2D: invalid shape [8201, 16777216]: it needs "))
        // Transposed to 4,096 channels of 8,194²: 1.1 TB.
        #expect(throws: AutogradError.self) {
            try image.transposedConvolution2D(filters: Tensor(zeros: [1, 4096, 4, 4]), stride: 2)
        }
    }
}
