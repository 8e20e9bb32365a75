/// 2-D convolution and transposed convolution over NCHW images: im2col, then one sgemm over the
/// whole batch; a patch matrix that is a product (input gradient, transposed forward) is made and
/// added back onto the images a cache-sized group of images at a time. Both are primitives; each
/// is the other's backward with respect to the input.
extension Tensor {
    /// Cross-correlation of this [N, C, H, W] batch with `filters` [O, C, kH, kW], plus `bias[o]` on
    /// every pixel of output channel `o` when a bias [O] is given (PyTorch's `conv2d`), giving
    /// [N, O, (H + 2·padding − kH) / stride + 1, …].
    ///
    /// Backward, with `P` the patch matrix and `G` the gradient as [O, N·outputArea]:
    /// `∂filters = G · Pᵀ`, `∂input = col2im(filtersᵀ · G)` and `∂bias` the row sums of `G`. The bias
    /// is added while the product is laid out as NCHW, and its gradient summed while the gradient
    /// is laid out back, so it costs no pass of its own. With `rectified`, the output is
    /// `max(·, 0)` of that, as `.relu()` after it would give, bit for bit, in the same pass (and
    /// the gradient is masked in the pass that lays it back): `Sequential` fuses a `Conv2d`
    /// followed by a `ReLU` this way. Throws for shapes that do not fit each other, or when the patch
    /// matrix and the output would not fit in the memory available.
    ///
    /// - Parameters:
    ///   - filters: The filters `[O, C, kH, kW]`.
    ///   - bias: One value per output channel `[O]`; nil for none.
    ///   - stride: The step between kernel positions, at least 1.
    ///   - padding: Zeros added on every side of each image.
    ///   - rectified: Whether the output goes through a ReLU in the same pass.
    public func convolution2D(
        filters: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0, rectified: Bool = false
    ) throws -> Tensor {
        let operation = "convolution2D"
        guard rank == 4, filters.rank == 4, shape[1] == filters.shape[1] else {
            throw AutogradError.shapeMismatch(operation: operation, left: shape, right: filters.shape)
        }
        if let bias, bias.shape != [filters.shape[0]] {
            throw AutogradError.shapeMismatch(operation: operation, left: bias.shape, right: [filters.shape[0]])
        }
        guard stride >= 1, padding >= 0,
              shape[2] + 2 * padding >= filters.shape[2], shape[3] + 2 * padding >= filters.shape[3] else {
            throw AutogradError.invalidArgument(
                operation: operation,
                reason: "stride \(stride), padding \(padding) and filters \(filters.shape) do not fit input \(shape)")
        }
        let geometry = ConvolutionGeometry(
            batch: shape[0], channels: shape[1], height: shape[2], width: shape[3],
            kernelHeight: filters.shape[2], kernelWidth: filters.shape[3], stride: stride, padding: padding)
        let outputCount = filters.shape[0], area = geometry.outputHeight * geometry.outputWidth
        // The patch matrix, the product and the output, refused together when they cannot fit.
        try MemoryLimit.check([geometry.patchRows + 2 * outputCount, geometry.patchColumns], operation: operation)
        let patches = Tensor(uncheckedShape: [geometry.patchRows, geometry.patchColumns],
                             scalars: geometry.imageToColumns(scalars))
        var channelMajor = Tensor.productBuffer(count: outputCount * geometry.patchColumns)
        Tensor.gemm(filters, false, 0, patches, false, 0, into: &channelMajor, outputStride: 0,
                    batch: 1, m: outputCount, n: geometry.patchColumns, k: geometry.patchRows)
        let output = Tensor(
            uncheckedShape: [geometry.batch, outputCount, geometry.outputHeight, geometry.outputWidth],
            scalars: ChannelLayout.batchMajor(channelMajor, channels: outputCount, batch: geometry.batch, area: area,
                                              adding: bias?.scalars, rectifying: rectified))
        let mask = rectified ? output.scalars : nil
        let input = self
        return Tensor.recorded(output, operation: operation, inputs: [self, filters] + (bias.map { [$0] } ?? [])) { gradient in
            let trackedBias = bias.flatMap { $0.isTracked ? $0 : nil }
            var sums = [Float](repeating: 0, count: trackedBias == nil ? 0 : outputCount)
            let values = sums.withUnsafeMutableBufferPointer { sums in
                ChannelLayout.channelMajor(gradient.scalars, batch: geometry.batch, channels: outputCount, area: area,
                                           positiveWhere: mask, channelSums: trackedBias == nil ? nil : sums.baseAddress)
            }
            let channelMajorGradient = Tensor(uncheckedShape: [outputCount, geometry.batch * area], scalars: values)
            let biasGradient = trackedBias.map { Tensor(uncheckedShape: $0.shape, scalars: sums) }
            var inputGradient: Tensor?, filterGradient: Tensor?
            if filters.isTracked {
                var values = Tensor.productBuffer(count: filters.scalarCount)
                Tensor.gemm(channelMajorGradient, false, 0, patches, true, 0, into: &values, outputStride: 0,
                            batch: 1, m: outputCount, n: geometry.patchRows, k: geometry.patchColumns)
                filterGradient = Tensor(uncheckedShape: filters.shape, scalars: values)
            }
            if input.isTracked {
                inputGradient = Tensor(uncheckedShape: input.shape, scalars: geometry.columnsToImage(
                    productOf: filters.scalars, and: channelMajorGradient.scalars, innerCount: outputCount))
            }
            return [inputGradient, filterGradient, biasGradient]
        }
    }

    /// Transposed convolution of this [N, Cin, H, W] batch with `filters` [Cin, Cout, kH, kW], plus
    /// `bias[o]` on every pixel of output channel `o` when a bias [Cout] is given (PyTorch's
    /// `conv_transpose2d`), giving [N, Cout, (H − 1)·stride − 2·padding + kH + outputPadding, …]: the
    /// adjoint of `convolution2D` with the same stride and padding.
    ///
    /// Backward, with `P = im2col(G)`: `∂input = filters · P`, `∂filters = input · Pᵀ` and `∂bias`
    /// the per-channel sums of `G`. The bias is added as col2im writes the images. Throws for shapes
    /// that do not fit each other, or when the output and `P` would not fit in the memory available.
    ///
    /// - Parameters:
    ///   - filters: The filters `[Cin, Cout, kH, kW]`.
    ///   - bias: One value per output channel `[Cout]`; nil for none.
    ///   - stride: The step between kernel positions (the upsampling factor).
    ///   - padding: Rows and columns removed from every side of the output.
    ///   - outputPadding: Extra rows and columns added on one side of the output, less than `stride`.
    public func transposedConvolution2D(
        filters: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0, outputPadding: Int = 0
    ) throws -> Tensor {
        let operation = "transposedConvolution2D"
        guard rank == 4, filters.rank == 4, shape[1] == filters.shape[0] else {
            throw AutogradError.shapeMismatch(operation: operation, left: shape, right: filters.shape)
        }
        if let bias, bias.shape != [filters.shape[1]] {
            throw AutogradError.shapeMismatch(operation: operation, left: bias.shape, right: [filters.shape[1]])
        }
        let (batch, inputChannels, height, width) = (shape[0], shape[1], shape[2], shape[3])
        let (outputChannels, kernelHeight, kernelWidth) = (filters.shape[1], filters.shape[2], filters.shape[3])
        let outputHeight = (height - 1) * stride - 2 * padding + kernelHeight + outputPadding
        let outputWidth = (width - 1) * stride - 2 * padding + kernelWidth + outputPadding
        guard stride >= 1, padding >= 0, outputPadding >= 0, outputPadding < stride,
              outputHeight > 0, outputWidth > 0 else {
            throw AutogradError.invalidArgument(
                operation: operation,
                reason: "stride \(stride), padding \(padding), output padding \(outputPadding) and filters \(filters.shape) do not fit input \(shape)")
        }
        let geometry = ConvolutionGeometry(
            batch: batch, channels: outputChannels, height: outputHeight, width: outputWidth,
            kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride, padding: padding)
        let area = height * width
        // The output and the patch matrix of its gradient (made by the backward pass), refused together when they
        // cannot fit.
        try MemoryLimit.check([batch, outputChannels, outputHeight * outputWidth + kernelHeight * kernelWidth * area],
                              operation: operation)
        let channelMajorInput = Tensor(uncheckedShape: [inputChannels, batch * area], scalars: ChannelLayout.channelMajor(
            scalars, batch: batch, channels: inputChannels, area: area, channelSums: nil))
        let output = Tensor(uncheckedShape: [batch, outputChannels, outputHeight, outputWidth], scalars: geometry.columnsToImage(
            productOf: filters.scalars, and: channelMajorInput.scalars, innerCount: inputChannels, adding: bias?.scalars))
        let input = self
        return Tensor.recorded(output, operation: operation, inputs: [self, filters] + (bias.map { [$0] } ?? [])) { gradient in
            let gradientPatches = Tensor(uncheckedShape: [geometry.patchRows, geometry.patchColumns],
                                         scalars: geometry.imageToColumns(gradient.scalars))
            var inputGradient: Tensor?, filterGradient: Tensor?
            if input.isTracked {
                var values = Tensor.productBuffer(count: inputChannels * batch * area)
                Tensor.gemm(filters, false, 0, gradientPatches, false, 0, into: &values, outputStride: 0,
                            batch: 1, m: inputChannels, n: geometry.patchColumns, k: geometry.patchRows)
                inputGradient = Tensor(uncheckedShape: input.shape, scalars: ChannelLayout.batchMajor(
                    values, channels: inputChannels, batch: batch, area: area, adding: nil))
            }
            if filters.isTracked {
                var values = Tensor.productBuffer(count: filters.scalarCount)
                Tensor.gemm(channelMajorInput, false, 0, gradientPatches, true, 0, into: &values, outputStride: 0,
                            batch: 1, m: inputChannels, n: geometry.patchRows, k: geometry.patchColumns)
                filterGradient = Tensor(uncheckedShape: filters.shape, scalars: values)
            }
            let biasGradient = bias.flatMap { bias in
                !bias.isTracked ? nil : Tensor(uncheckedShape: bias.shape, scalars: ChannelLayout.channelSums(
                    gradient.scalars, batch: batch, channels: outputChannels, area: outputHeight * outputWidth))
            }
            return [inputGradient, filterGradient, biasGradient]
        }
    }
}
