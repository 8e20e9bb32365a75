import Autograd
import Datasets

/// Mini-batches of images for the generative models' `fit` and `evaluate`.
enum GenerativeBatches {
    /// `0..<count` in an order drawn from `generator`, cut into batches of `batchSize` (the last
    /// batch holds the remainder).
    static func shuffled(count: Int, batchSize: Int, generator: inout RandomGenerator) -> [[Int]] {
        let order = generator.permutation(count)
        return stride(from: 0, to: count, by: batchSize).map { Array(order[$0..<Swift.min($0 + batchSize, count)]) }
    }

    /// `0..<count` in order, cut into batches of `batchSize`.
    static func sequential(count: Int, batchSize: Int) -> [[Int]] {
        stride(from: 0, to: count, by: batchSize).map { Array($0..<Swift.min($0 + batchSize, count)) }
    }

    /// Throws unless the dataset's images are `height × width` and it holds at least one image,
    /// and the batch size and epoch count are usable.
    static func check(
        _ data: ImageDataset, height: Int, width: Int, batchSize: Int, epochs: Int = 1, model: String
    ) throws {
        guard data.height == height, data.width == width, data.count > 0 else {
            throw ModelsError.invalidInput(
                operation: "\(model).fit",
                reason: "'\(data.name)' holds \(data.count) images of \(data.height)×\(data.width); the model takes \(height)×\(width)")
        }
        guard batchSize > 0, epochs >= 0 else {
            throw ModelsError.invalidConfiguration(
                component: "\(model).fit", reason: "batchSize \(batchSize) must be positive and epochs \(epochs) not negative")
        }
    }

    /// Checks a `fit` call: its training set (with `epochs`) and, when given, its validation set.
    static func checkFit(
        _ data: ImageDataset, validation: ImageDataset?, height: Int, width: Int, batchSize: Int, epochs: Int, model: String
    ) throws {
        try check(data, height: height, width: width, batchSize: batchSize, epochs: epochs, model: model)
        if let validation { try check(validation, height: height, width: width, batchSize: batchSize, model: model) }
    }

    /// Averages per-batch values weighted by batch size: the per-image mean over a whole set.
    static func weightedMean(_ values: [(weight: Int, value: Float)]) -> Float {
        let total = values.reduce(0) { $0 + $1.weight }
        return total == 0 ? .nan : values.reduce(0) { $0 + Float($1.weight) * $1.value } / Float(total)
    }
}
