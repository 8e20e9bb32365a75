import Autograd
import Plots

extension Tensor {
    /// Each row of a `[N, height · width]` tensor (images, reconstructions, samples) as a picture for
    /// `Figure.imageGrid`. Throws when the values do not split into images of that size.
    ///
    /// - Parameters:
    ///   - height: image height in pixels.
    ///   - width: image width in pixels.
    public func plotImages(height: Int, width: Int) throws -> [PlotImage] {
        let (pixelCount, overflow) = height.multipliedReportingOverflow(by: width)
        guard height > 0, width > 0, !overflow, scalarCount % pixelCount == 0 else {
            throw AutogradError.invalidShape(operation: "plotImages(height: \(height), width: \(width))", shape: shape,
                                             reason: "\(scalarCount) values do not split into \(height)×\(width) images")
        }
        return stride(from: 0, to: scalarCount, by: pixelCount).map { start in
            PlotImage(pixels: Array(scalars[start..<(start + pixelCount)]), width: width, height: height)
        }
    }
}
