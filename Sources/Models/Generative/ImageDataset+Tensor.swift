import Autograd
import Datasets
import NeuralNetworks

/// Images and labels of an ``ImageDataset`` as tensors, the form the generative models take.
extension ImageDataset {
    /// The images at `indices` (all images when `nil`) as a `[count, height · width]` tensor.
    ///
    /// - Parameter indices: Positions of the images to take; nil for all.
    ///
    /// ```swift
    /// let digits = try MNIST.loadDigits5k()
    /// let firstSixteen = try digits.imageTensor(Array(0..<16))     // [16, 784]
    /// ```
    public func imageTensor(_ indices: [Int]? = nil) throws -> Tensor {
        guard let indices else { return try Tensor(shape: [count, pixelCount], scalars: pixels) }
        if let bad = indices.first(where: { $0 < 0 || $0 >= count }) {
            throw ModelsError.invalidInput(
                operation: "imageTensor", reason: "index \(bad) is outside 0..<\(count) of '\(name)'")
        }
        var values = [Float]()
        values.reserveCapacity(indices.count * pixelCount)
        for index in indices { values.append(contentsOf: image(at: index)) }
        return try Tensor(shape: [indices.count, pixelCount], scalars: values)
    }

    /// The labels at `indices` (all when `nil`) as one-hot rows `[count, classCount]`.
    ///
    /// - Parameters:
    ///   - indices: Positions of the labels to take; nil for all.
    ///   - classCount: The number of classes (the one-hot width).
    public func oneHotLabels(_ indices: [Int]? = nil, classCount: Int = 10) throws -> Tensor {
        try oneHot(indices.map { $0.map { labels[$0] } } ?? labels, classCount: classCount)
    }
}

/// One-hot rows `[labels.count, classCount]` for integer labels in `0..<classCount`.
///
/// - Parameters:
///   - labels: Integer labels, each in `0..<classCount`.
///   - classCount: The number of classes (the one-hot width).
///
/// ```swift
/// let conditions = try oneHot([3, 3, 7], classCount: 10)    // [3, 10]
/// ```
public func oneHot(_ labels: [Int], classCount: Int) throws -> Tensor {
    var values = [Float](repeating: 0, count: labels.count * classCount)
    for (row, label) in labels.enumerated() {
        guard label >= 0, label < classCount else {
            throw ModelsError.invalidInput(
                operation: "oneHot", reason: "label \(label) is outside 0..<\(classCount)")
        }
        values[row * classCount + label] = 1
    }
    return try Tensor(shape: [labels.count, classCount], scalars: values)
}

/// Checks that `images` is a batch of flattened `[N, height · width]` or `[N, 1, height, width]`
/// images and returns it flattened to `[N, height · width]`.
func flattenedImages(_ images: Tensor, height: Int, width: Int, model: String) throws -> Tensor {
    let pixelCount = height * width
    if images.rank == 2, images.shape[1] == pixelCount { return images }
    if images.rank == 4, images.shape[1] == 1, images.shape[2] == height, images.shape[3] == width {
        return try images.reshaped(to: [images.shape[0], pixelCount])
    }
    throw ModelsError.invalidInput(
        operation: model, reason: "expected images [N, \(pixelCount)] or [N, 1, \(height), \(width)], got \(images.shape)")
}
