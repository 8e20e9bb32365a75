/// Sizes of a 2-D convolution over NCHW images and the im2col/col2im copies that turn it into one
/// sgemm: column `n·(outputHeight·outputWidth) + p` of the patch matrix holds the receptive field
/// of output pixel `p` of image `n`; row `(c·kernelHeight + i)·kernelWidth + j` holds one tap.
struct ConvolutionGeometry {
    let batch: Int, channels: Int, height: Int, width: Int
    let kernelHeight: Int, kernelWidth: Int, stride: Int, padding: Int
    let outputHeight: Int, outputWidth: Int

    /// The geometry of a convolution of `image` (with this padding and stride) by a kernel.
    init(batch: Int, channels: Int, height: Int, width: Int,
         kernelHeight: Int, kernelWidth: Int, stride: Int, padding: Int) {
        self.batch = batch
        self.channels = channels
        self.height = height
        self.width = width
        self.kernelHeight = kernelHeight
        self.kernelWidth = kernelWidth
        self.stride = stride
        self.padding = padding
        outputHeight = (height + 2 * padding - kernelHeight) / stride + 1
        outputWidth = (width + 2 * padding - kernelWidth) / stride + 1
    }

    /// Rows of the patch matrix: one per (channel, kernel row, kernel column).
    var patchRows: Int { channels * kernelHeight * kernelWidth }
    /// Columns of the patch matrix: one per output pixel of every image.
    var patchColumns: Int { batch * outputHeight * outputWidth }

    /// Whether the kernel is 1 × 1 with stride 1 and no padding: the patch matrix is then the
    /// images in channel-major order, and col2im only lays a product back out as NCHW.
    var isPointwise: Bool { kernelHeight == 1 && kernelWidth == 1 && stride == 1 && padding == 0 }

    /// Rows of one phase plane: the zero-padded image plane split by row and column remainder
    /// modulo the stride, so that the taps of a kernel offset read consecutive values.
    var phaseHeight: Int { (height + 2 * padding + stride - 1) / stride }
    /// Columns of one phase plane.
    var phaseWidth: Int { (width + 2 * padding + stride - 1) / stride }
    /// Values of the `stride × stride` phase planes of one image plane.
    var phaseCount: Int { stride * stride * phaseHeight * phaseWidth }

    /// Where the taps of each kernel offset (`i`, `j`), in row-major order, start in the phase
    /// planes: padded pixel (`oh·stride + i`, `ow·stride + j`) is value `oh·phaseWidth + ow` from there.
    func tapOffsets() -> [Int] {
        var offsets: [Int] = []
        for i in 0..<kernelHeight {
            for j in 0..<kernelWidth {
                offsets.append(((i % stride) * stride + j % stride) * phaseHeight * phaseWidth
                               + (i / stride) * phaseWidth + j / stride)
            }
        }
        return offsets
    }

    /// The runs of image pixels that land on consecutive phase values, row after row: image pixel
    /// `image + q·stride` of a plane is phase value `phase + q` for `q` in `0..<count`.
    func phaseRuns() -> [(phase: Int, image: Int, count: Int)] {
        var runs: [(phase: Int, image: Int, count: Int)] = []
        for h in 0..<height {
            let y = h + padding
            for remainder in 0..<stride {
                // Padded columns x ≡ remainder (mod stride) whose image column x − padding is in 0..<width.
                let firstColumn = ((remainder - padding) % stride + stride) % stride
                guard firstColumn < width else { continue }
                let x = firstColumn + padding
                runs.append((((y % stride) * stride + remainder) * phaseHeight * phaseWidth + (y / stride) * phaseWidth + x / stride,
                             h * width + firstColumn, (width - 1 - firstColumn) / stride + 1))
            }
        }
        return runs
    }

    /// Copies receptive fields of `image` [N, C, H, W] into the patch matrix (zeros for padding).
    ///
    /// Each (channel, image) plane is first scattered into zero-bordered phase planes (one per row
    /// and column remainder modulo the stride), where every tap row of the patch matrix is a run of
    /// consecutive values; planes are split across cores.
    func imageToColumns(_ image: [Float]) -> [Float] {
        if isPointwise {
            return ChannelLayout.channelMajor(image, batch: batch, channels: channels, area: height * width, channelSums: nil)
        }
        let columns = patchColumns, outputArea = outputHeight * outputWidth, phaseCount = self.phaseCount
        let planeArea = height * width, taps = kernelHeight * kernelWidth, stride = self.stride
        let tapOffsets = tapOffsets(), phaseRuns = phaseRuns()
        return [Float](unsafeUninitializedCapacity: patchRows * columns) { output, initialized in
            let out = output.baseAddress!
            image.withUnsafeBufferPointer { input in
                let source = input.baseAddress!
                Parallel.forEachChunk(count: channels * batch, costPerItem: taps * outputArea) { planes in
                    let phases = UnsafeMutablePointer<Float>.allocate(capacity: phaseCount)
                    phases.initialize(repeating: 0, count: phaseCount)  // padding stays zero
                    defer { phases.deallocate() }
                    for plane in planes {
                        let c = plane / batch, n = plane % batch
                        let imagePlane = source + (n * channels + c) * planeArea
                        for run in phaseRuns {
                            let target = phases + run.phase, source = imagePlane + run.image
                            for q in 0..<run.count { target[q] = source[q &* stride] }
                        }
                        for tap in 0..<taps {
                            var target = out + (c * taps + tap) * columns + n * outputArea
                            var line = phases + tapOffsets[tap]
                            for _ in 0..<outputHeight {
                                copyRun(from: line, to: target, count: outputWidth)
                                target += outputWidth
                                line += phaseWidth
                            }
                        }
                    }
                }
            }
            initialized = patchRows * columns
        }
    }

    /// Values of one tile of the patch matrix made by `columnsToImage(productOf:and:innerCount:)`:
    /// 512 KB, small enough to stay in the core's cache between the sgemm and the scatter.
    static let tileValues = 1 << 17

    /// The image [N, C, H, W] whose patch matrix is the product `filtersᵀ · columns`, each entry
    /// added back onto the pixel it was read from (col2im of a product: the input gradient of a
    /// convolution, the forward pass of a transposed one). `filters` is [k, patchRows] and
    /// `columns` [k, patchColumns], row-major.
    ///
    /// The product is made one group of images at a time, by one sgemm into a tile that stays in
    /// cache, and each tile is added onto its images at once, instead of writing the whole patch
    /// matrix to memory and reading it back; groups, which depend on the shape only, are split across
    /// cores. Each plane is accumulated in zero phase planes, tap after tap in the order (kernel row,
    /// kernel column, output pixel), then gathered into the image, so results do not depend on the
    /// thread count. With a `bias` [channels], `bias[c]` is added to every
    /// pixel of channel `c` as the planes are gathered. A pointwise kernel skips the phase planes.
    func columnsToImage(productOf filters: [Float], and columns: [Float], innerCount k: Int, adding bias: [Float]? = nil) -> [Float] {
        let outputArea = outputHeight * outputWidth, planeArea = height * width
        guard k > 0, batch > 0 else {
            return (0..<(batch * channels * planeArea)).map { bias?[$0 / planeArea % channels] ?? 0 }
        }
        _ = (LinearAlgebraBackend.prepared, AllocatorTuning.applied)
        if isPointwise {  // no two entries land on one pixel: one product, laid out as NCHW
            var product = Tensor.productBuffer(count: patchRows * patchColumns)
            filters.withUnsafeBufferPointer { a in
                columns.withUnsafeBufferPointer { b in
                    product.withUnsafeMutableBufferPointer { c in
                        MatrixProduct(transposeA: true, transposeB: false, m: patchRows, n: patchColumns, k: k,
                                      lda: patchRows, ldb: patchColumns, ldc: patchColumns)
                            .run(a: a.baseAddress!, b: b.baseAddress!, c: c.baseAddress!, beta: 0, parallel: true)
                    }
                }
            }
            return ChannelLayout.batchMajor(product, channels: channels, batch: batch, area: planeArea, adding: bias)
        }
        // Groups come from the shape alone (at least `MatrixProduct.blockCount` of them, for the cores),
        // so each tile is the same sgemm call whatever the thread count.
        let imagesPerBlock = (batch + MatrixProduct.blockCount - 1) / MatrixProduct.blockCount
        let imagesPerTile = Swift.max(1, Swift.min(imagesPerBlock, Self.tileValues / Swift.max(1, patchRows * outputArea)))
        let groupCount = (batch + imagesPerTile - 1) / imagesPerTile
        return [Float](unsafeUninitializedCapacity: batch * channels * planeArea) { output, initialized in
            filters.withUnsafeBufferPointer { a in
                columns.withUnsafeBufferPointer { b in
                    let image = output.baseAddress!
                    Parallel.forEachChunk(count: groupCount, costPerItem: patchRows * imagesPerTile * outputArea * k) { groups in
                        let tile = UnsafeMutablePointer<Float>.allocate(capacity: patchRows * imagesPerTile * outputArea)
                        defer { tile.deallocate() }
                        for group in groups {
                            let first = group * imagesPerTile, count = Swift.min(imagesPerTile, batch - first)
                            let product = MatrixProduct(transposeA: true, transposeB: false, m: patchRows, n: count * outputArea,
                                                        k: k, lda: patchRows, ldb: patchColumns, ldc: count * outputArea)
                            product.run(a: a.baseAddress!, b: b.baseAddress! + first * outputArea, c: tile, beta: 0, parallel: false)
                            addTile(tile, images: first..<(first + count), into: image, adding: bias)
                        }
                    }
                }
            }
            initialized = batch * channels * planeArea
        }
    }

    /// Adds a tile of the patch matrix, the columns of `images`, onto those images' planes of
    /// `image`, plus `bias[c]` on each pixel of channel `c` when a bias is given.
    private func addTile(_ tile: UnsafeMutablePointer<Float>, images: Range<Int>, into image: UnsafeMutablePointer<Float>,
                         adding bias: [Float]?) {
        let outputArea = outputHeight * outputWidth, phaseCount = self.phaseCount
        let planeArea = height * width, taps = kernelHeight * kernelWidth, stride = self.stride
        let tileColumns = images.count * outputArea
        let tapOffsets = tapOffsets(), phaseRuns = phaseRuns()
        let phases = UnsafeMutablePointer<Float>.allocate(capacity: phaseCount)
        defer { phases.deallocate() }
        for plane in 0..<(channels * images.count) {
            let c = plane / images.count, position = plane % images.count
            phases.update(repeating: 0, count: phaseCount)
            for tap in 0..<taps {
                var line = tile + (c * taps + tap) * tileColumns + position * outputArea
                var target = phases + tapOffsets[tap]
                for _ in 0..<outputHeight {
                    addRun(line, onto: target, count: outputWidth)
                    line += outputWidth
                    target += phaseWidth
                }
            }
            let imagePlane = image + ((images.lowerBound + position) * channels + c) * planeArea
            if let shift = bias?[c] {
                for run in phaseRuns {
                    let target = imagePlane + run.image, source = phases + run.phase
                    for q in 0..<run.count { target[q &* stride] = source[q] + shift }
                }
            } else {
                for run in phaseRuns {
                    let target = imagePlane + run.image, source = phases + run.phase
                    for q in 0..<run.count { target[q &* stride] = source[q] }
                }
            }
        }
    }

    /// Adds a short run onto another, 4 values at a time. The last group overlaps the one before
    /// it: both are loaded before either is stored, so the shared values are summed once and
    /// stored twice with the same sum (each value gets the single addition of a plain loop).
    @inline(__always)
    private func addRun(_ source: UnsafeMutablePointer<Float>, onto target: UnsafeMutablePointer<Float>, count: Int) {
        guard count >= 4 else {
            for index in 0..<count { target[index] += source[index] }
            return
        }
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        func load(_ pointer: UnsafeRawPointer, _ offset: Int) -> SIMD4<Float> {
            pointer.loadUnaligned(fromByteOffset: offset * 4, as: SIMD4<Float>.self)
        }
        var offset = 0
        while offset + 8 <= count {
            to.storeBytes(of: load(to, offset) + load(from, offset), toByteOffset: offset * 4, as: SIMD4<Float>.self)
            offset += 4
        }
        let last = count - 4   // between 4 and 7 values remain, from `offset`
        let head = load(to, offset) + load(from, offset), tail = load(to, last) + load(from, last)
        to.storeBytes(of: tail, toByteOffset: last * 4, as: SIMD4<Float>.self)
        to.storeBytes(of: head, toByteOffset: offset * 4, as: SIMD4<Float>.self)
    }
}
