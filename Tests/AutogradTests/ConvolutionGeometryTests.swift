import Testing
@testable import Autograd

@Suite struct ConvolutionGeometryTests {
    /// The patch matrix by its definition, entry by entry with bounds tests (the reference for the
    /// zero-bordered scratch-plane copies).
    func referencePatches(_ image: [Float], _ geometry: ConvolutionGeometry) -> [Float] {
        let g = geometry, area = g.outputHeight * g.outputWidth
        var patches = [Float](repeating: .nan, count: g.patchRows * g.patchColumns)
        for c in 0..<g.channels { for i in 0..<g.kernelHeight { for j in 0..<g.kernelWidth {
            let row = (c * g.kernelHeight + i) * g.kernelWidth + j
            for n in 0..<g.batch { for oh in 0..<g.outputHeight { for ow in 0..<g.outputWidth {
                let ih = oh * g.stride - g.padding + i, iw = ow * g.stride - g.padding + j
                let inside = ih >= 0 && ih < g.height && iw >= 0 && iw < g.width
                patches[row * g.patchColumns + n * area + oh * g.outputWidth + ow] =
                    inside ? image[((n * g.channels + c) * g.height + ih) * g.width + iw] : 0
            } } }
        } } }
        return patches
    }

    /// (batch, channels, height, width, kernel, stride, padding): the models' stride-2 4×4 and 1×1
    /// layers, odd sizes whose last rows no window reaches, and a stride larger than the kernel.
    static let geometries: [[Int]] = [
        [3, 2, 8, 8, 4, 2, 1], [2, 3, 7, 7, 1, 1, 0], [2, 2, 5, 6, 3, 1, 1], [2, 2, 7, 5, 3, 2, 0],
        [1, 3, 9, 8, 3, 3, 2], [2, 1, 4, 5, 2, 3, 1], [1, 2, 4, 4, 3, 1, 3],
    ]

    func geometry(_ sizes: [Int]) -> ConvolutionGeometry {
        ConvolutionGeometry(batch: sizes[0], channels: sizes[1], height: sizes[2], width: sizes[3],
                            kernelHeight: sizes[4], kernelWidth: sizes[4], stride: sizes[5], padding: sizes[6])
    }

    @Test(arguments: geometries) func imageToColumnsMatchesTheDefinition(sizes: [Int]) {
        let g = geometry(sizes)
        let image = sample([g.batch, g.channels, g.height, g.width], seed: 7).scalars
        #expect(g.imageToColumns(image) == referencePatches(image, g))
    }

    @Test(arguments: geometries) func columnsToImageIsTheAdjoint(sizes: [Int]) {
        // ⟨im2col(x), P⟩ = ⟨x, col2im(P)⟩, and col2im of one-hot patch entries lands on the right pixel.
        let g = geometry(sizes)
        let image = sample([g.batch, g.channels, g.height, g.width], seed: 8).scalars
        let patches = sample([g.patchRows, g.patchColumns], seed: 9).scalars
        let left = zip(g.imageToColumns(image), patches).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let right = zip(image, g.columnsToImage(patches)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(Swift.abs(left - right) <= 1e-4 * Swift.max(1, Swift.abs(left)))
        let pixels = g.batch * g.channels * g.height * g.width
        for pixel in Swift.stride(from: 0, to: pixels, by: Swift.max(1, pixels / 17)) {
            var oneHot = [Float](repeating: 0, count: pixels)
            oneHot[pixel] = 1
            let reads = referencePatches(oneHot, g)     // the entries that read this pixel
            let expected = zip(reads, patches).reduce(Float(0)) { $0 + $1.0 * $1.1 }
            #expect(Swift.abs(g.columnsToImage(patches)[pixel] - expected) <= 1e-5 * Swift.max(1, Swift.abs(expected)))
        }
    }
}
