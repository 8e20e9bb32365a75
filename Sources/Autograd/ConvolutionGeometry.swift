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

    /// The output columns `first..<end` whose input column `ow·stride − padding + kernelColumn`
    /// lies inside the image; the others read padding.
    func validOutputColumns(kernelColumn j: Int) -> (first: Int, end: Int) {
        let offset = j - padding                       // input column of output column 0
        let first = offset >= 0 ? 0 : (-offset + stride - 1) / stride
        let end = offset >= width ? 0 : Swift.min(outputWidth, (width - 1 - offset) / stride + 1)
        return (Swift.min(first, end), end)
    }

    /// Copies receptive fields of `image` [N, C, H, W] into the patch matrix (zeros for padding).
    func imageToColumns(_ image: [Float]) -> [Float] {
        let columns = patchColumns, outputArea = outputHeight * outputWidth
        return [Float](unsafeUninitializedCapacity: patchRows * columns) { output, initialized in
            let out = output.baseAddress!
            image.withUnsafeBufferPointer { input in
                Parallel.forEachChunk(count: patchRows, costPerItem: columns) { rows in
                    for row in rows {
                        let j = row % kernelWidth, i = (row / kernelWidth) % kernelHeight
                        let c = row / (kernelWidth * kernelHeight)
                        for n in 0..<batch {
                            let plane = (n * channels + c) * height * width
                            let target = out + row * columns + n * outputArea
                            let (first, end) = validOutputColumns(kernelColumn: j)
                            for oh in 0..<outputHeight {
                                let ih = oh * stride - padding + i
                                let line = target + oh * outputWidth
                                guard ih >= 0 && ih < height else {
                                    line.update(repeating: 0, count: outputWidth)
                                    continue
                                }
                                let source = input.baseAddress! + plane + ih * width + j - padding
                                for ow in 0..<first { line[ow] = 0 }
                                if stride == 1 {
                                    for ow in first..<end { line[ow] = source[ow] }
                                } else {
                                    for ow in first..<end { line[ow] = source[ow * stride] }
                                }
                                for ow in end..<outputWidth { line[ow] = 0 }
                            }
                        }
                    }
                }
            }
            initialized = patchRows * columns
        }
    }

    /// Adds each patch-matrix entry back onto the image pixel it was read from (the adjoint of
    /// `imageToColumns`); channels are split across cores, so no two threads write the same pixel.
    func columnsToImage(_ patches: [Float]) -> [Float] {
        var image = [Float](repeating: 0, count: batch * channels * height * width)
        let columns = patchColumns, outputArea = outputHeight * outputWidth
        patches.withUnsafeBufferPointer { input in
            image.withUnsafeMutableBufferPointer { output in
                let out = output.baseAddress!
                Parallel.forEachChunk(count: channels, costPerItem: kernelHeight * kernelWidth * columns) { channelRange in
                    for c in channelRange {
                        for i in 0..<kernelHeight {
                            for j in 0..<kernelWidth {
                                let row = (c * kernelHeight + i) * kernelWidth + j
                                for n in 0..<batch {
                                    let plane = (n * channels + c) * height * width
                                    let source = input.baseAddress! + row * columns + n * outputArea
                                    let (first, end) = validOutputColumns(kernelColumn: j)
                                    for oh in 0..<outputHeight {
                                        let ih = oh * stride - padding + i
                                        guard ih >= 0 && ih < height else { continue }
                                        let target = out + plane + ih * width + j - padding
                                        let line = source + oh * outputWidth
                                        if stride == 1 {
                                            for ow in first..<end { target[ow] += line[ow] }
                                        } else {
                                            for ow in first..<end { target[ow * stride] += line[ow] }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return image
    }
}
