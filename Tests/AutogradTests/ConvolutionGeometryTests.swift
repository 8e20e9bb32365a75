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

    @Test(arguments: geometries) func columnsToImageOfAProductScattersEveryEntry(sizes: [Int]) {
        // col2im(Wᵀ · B), tile by tile, against the product written out and each entry added onto
        // the pixel its patch-matrix position reads; also ⟨im2col(x), P⟩ = ⟨x, col2im(P)⟩.
        let g = geometry(sizes), k = 3, area = g.outputHeight * g.outputWidth
        let filters = sample([k, g.patchRows], seed: 8).scalars, columns = sample([k, g.patchColumns], seed: 9).scalars
        var patches = [Float](repeating: 0, count: g.patchRows * g.patchColumns)
        for row in 0..<g.patchRows { for column in 0..<g.patchColumns { for inner in 0..<k {
            patches[row * g.patchColumns + column] += filters[inner * g.patchRows + row] * columns[inner * g.patchColumns + column]
        } } }
        var expected = [Float](repeating: 0, count: g.batch * g.channels * g.height * g.width)
        for c in 0..<g.channels { for i in 0..<g.kernelHeight { for j in 0..<g.kernelWidth {
            let row = (c * g.kernelHeight + i) * g.kernelWidth + j
            for n in 0..<g.batch { for oh in 0..<g.outputHeight { for ow in 0..<g.outputWidth {
                let ih = oh * g.stride - g.padding + i, iw = ow * g.stride - g.padding + j
                guard ih >= 0 && ih < g.height && iw >= 0 && iw < g.width else { continue }
                expected[((n * g.channels + c) * g.height + ih) * g.width + iw] +=
                    patches[row * g.patchColumns + n * area + oh * g.outputWidth + ow]
            } } }
        } } }
        let image = g.columnsToImage(productOf: filters, and: columns, innerCount: k)
        #expect(isClose(Tensor(image), expected, tolerance: 1e-5))
        let x = sample([g.batch, g.channels, g.height, g.width], seed: 10).scalars
        let left = zip(g.imageToColumns(x), patches).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        let right = zip(x, image).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        #expect(Swift.abs(left - right) <= 1e-4 * Swift.max(1, Swift.abs(left)))
    }

    @Test func columnsToImageOfAProductSpansSeveralTiles() {
        // A batch larger than one tile: every group of images lands on its own planes.
        let g = ConvolutionGeometry(batch: 7, channels: 16, height: 28, width: 28, kernelHeight: 4, kernelWidth: 4,
                                    stride: 2, padding: 1)
        let k = 2
        let filters = sample([k, g.patchRows], seed: 11).scalars, columns = sample([k, g.patchColumns], seed: 12).scalars
        #expect(g.patchRows * g.patchColumns > 2 * ConvolutionGeometry.tileValues)
        let whole = g.columnsToImage(productOf: filters, and: columns, innerCount: k)
        let planeValues = g.channels * g.height * g.width, columnsPerImage = g.outputHeight * g.outputWidth
        for n in 0..<g.batch {   // each image alone, as a batch of one
            let single = ConvolutionGeometry(batch: 1, channels: 16, height: 28, width: 28, kernelHeight: 4, kernelWidth: 4,
                                             stride: 2, padding: 1)
            var own: [Float] = []
            for inner in 0..<k {
                let start = inner * g.patchColumns + n * columnsPerImage
                own += columns[start..<(start + columnsPerImage)]
            }
            let alone = single.columnsToImage(productOf: filters, and: own, innerCount: k)
            #expect(isClose(Tensor(Array(whole[(n * planeValues)..<((n + 1) * planeValues)])), alone, tolerance: 1e-5))
        }
    }
}
