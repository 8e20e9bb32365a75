/// 2-D convolution and transposed convolution over NCHW images: im2col, then one sgemm over the
/// whole batch; a patch matrix that is a product (input gradient, transposed forward) is made and
/// added back onto the images a cache-sized group of images at a time. Both are primitives; each
/// is the other's backward with respect to the input.
extension Tensor {
    /// Cross-correlation of this [N, C, H, W] batch with `filters` [O, C, kH, kW] (PyTorch's
    /// `conv2d` without bias), giving [N, O, (H + 2·padding − kH) / stride + 1, …].
    ///
    /// Backward, with `P` the patch matrix and `G` the gradient as [O, N·outputArea]:
    /// `∂filters = G · Pᵀ` and `∂input = col2im(filtersᵀ · G)`.
    public func convolution2D(filters: Tensor, stride: Int = 1, padding: Int = 0) throws -> Tensor {
        let operation = "convolution2D"
        guard rank == 4, filters.rank == 4, shape[1] == filters.shape[1] else {
            throw AutogradError.shapeMismatch(operation: operation, left: shape, right: filters.shape)
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
        let patches = Tensor(uncheckedShape: [geometry.patchRows, geometry.patchColumns],
                             scalars: geometry.imageToColumns(scalars))
        var channelMajor = Tensor.productBuffer(count: outputCount * geometry.patchColumns)
        Tensor.gemm(filters, false, 0, patches, false, 0, into: &channelMajor, outputStride: 0,
                    batch: 1, m: outputCount, n: geometry.patchColumns, k: geometry.patchRows)
        let result = Tensor(uncheckedShape: [outputCount, geometry.batch, area], scalars: channelMajor)
            .permuted([1, 0, 2])
        let output = Tensor(uncheckedShape: [geometry.batch, outputCount, geometry.outputHeight, geometry.outputWidth],
                            scalars: result.scalars)
        let input = self
        return Tensor.recorded(output, operation: operation, inputs: [self, filters]) { gradient in
            let channelMajorGradient = Tensor(uncheckedShape: [geometry.batch, outputCount, area],
                                              scalars: gradient.scalars).permuted([1, 0, 2])
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
            return [inputGradient, filterGradient]
        }
    }

    /// Transposed convolution of this [N, Cin, H, W] batch with `filters` [Cin, Cout, kH, kW]
    /// (PyTorch's `conv_transpose2d` without bias), giving [N, Cout, (H − 1)·stride − 2·padding + kH
    /// + outputPadding, …]: the adjoint of `convolution2D` with the same stride and padding.
    ///
    /// Backward, with `P = im2col(G)`: `∂input = filters · P` and `∂filters = input · Pᵀ`.
    public func transposedConvolution2D(
        filters: Tensor, stride: Int = 1, padding: Int = 0, outputPadding: Int = 0
    ) throws -> Tensor {
        let operation = "transposedConvolution2D"
        guard rank == 4, filters.rank == 4, shape[1] == filters.shape[0] else {
            throw AutogradError.shapeMismatch(operation: operation, left: shape, right: filters.shape)
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
        let channelMajorInput = Tensor(uncheckedShape: [batch, inputChannels, area], scalars: scalars)
            .permuted([1, 0, 2])
        let output = Tensor(uncheckedShape: [batch, outputChannels, outputHeight, outputWidth], scalars: geometry.columnsToImage(
            productOf: filters.scalars, and: channelMajorInput.scalars, innerCount: inputChannels))
        let input = self
        return Tensor.recorded(output, operation: operation, inputs: [self, filters]) { gradient in
            let gradientPatches = Tensor(uncheckedShape: [geometry.patchRows, geometry.patchColumns],
                                         scalars: geometry.imageToColumns(gradient.scalars))
            var inputGradient: Tensor?, filterGradient: Tensor?
            if input.isTracked {
                var values = Tensor.productBuffer(count: inputChannels * batch * area)
                Tensor.gemm(filters, false, 0, gradientPatches, false, 0, into: &values, outputStride: 0,
                            batch: 1, m: inputChannels, n: geometry.patchColumns, k: geometry.patchRows)
                inputGradient = Tensor(uncheckedShape: [inputChannels, batch, area], scalars: values)
                    .permuted([1, 0, 2])
                inputGradient = Tensor(uncheckedShape: input.shape, scalars: inputGradient!.scalars)
            }
            if filters.isTracked {
                var values = Tensor.productBuffer(count: filters.scalarCount)
                Tensor.gemm(channelMajorInput, false, 0, gradientPatches, true, 0, into: &values, outputStride: 0,
                            batch: 1, m: inputChannels, n: geometry.patchRows, k: geometry.patchColumns)
                filterGradient = Tensor(uncheckedShape: filters.shape, scalars: values)
            }
            return [inputGradient, filterGradient]
        }
    }
}
