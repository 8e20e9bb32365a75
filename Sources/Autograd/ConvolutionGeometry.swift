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
                            for oh in 0..<outputHeight {
                                let ih = oh * stride - padding + i
                                for ow in 0..<outputWidth {
                                    let iw = ow * stride - padding + j
                                    target[oh * outputWidth + ow] = ih >= 0 && ih < height && iw >= 0 && iw < width
                                        ? input[plane + ih * width + iw] : 0
                                }
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
                                    for oh in 0..<outputHeight {
                                        let ih = oh * stride - padding + i
                                        guard ih >= 0 && ih < height else { continue }
                                        for ow in 0..<outputWidth {
                                            let iw = ow * stride - padding + j
                                            if iw >= 0 && iw < width {
                                                out[plane + ih * width + iw] += source[oh * outputWidth + ow]
                                            }
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
