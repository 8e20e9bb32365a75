import Foundation
import Testing
@testable import Autograd

/// Tensors large enough that loops split across cores, checked against plain serial loops.
@Suite struct ParallelTests {
    @Test func chunksCoverEveryIndexOnce() {
        var seen = [Int](repeating: 0, count: 100_000)
        seen.withUnsafeMutableBufferPointer { buffer in
            Parallel.forEachChunk(count: buffer.count) { range in for i in range { buffer[i] += 1 } }
        }
        #expect(seen.allSatisfy { $0 == 1 })
    }

    /// Items of very different sizes are split by their entries: one item holding most entries is a
    /// chunk on its own; every item is still processed once.
    @Test func entryWeightedChunksCoverEveryItemOnceAndBalance() {
        let original = LinearAlgebraBackend.threadCount
        defer { LinearAlgebraBackend.threadCount = original }
        LinearAlgebraBackend.threadCount = 2
        let offsets = [0, 90_000] + (1...1_000).map { 90_000 + $0 }
        let lock = NSLock()
        var ranges: [Range<Int>] = []
        Parallel.forEachChunk(entryOffsets: offsets, costPerEntry: 8) { range in
            lock.lock()
            ranges.append(range)
            lock.unlock()
        }
        #expect(ranges.sorted { $0.lowerBound < $1.lowerBound } == [0..<1, 1..<1_001])
        var serial: [Range<Int>] = []
        Parallel.forEachChunk(entryOffsets: [0, 3, 3, 5], costPerEntry: 1) { serial.append($0) }
        #expect(serial == [0..<3])
    }

    @Test func largeBroadcastReductionAndPermute() throws {
        let (rows, columns) = (300, 257)
        let x = sample([rows, columns], seed: 111), bias = sample([columns], seed: 112), scale = sample([rows, 1], seed: 113)
        let y = try (x + bias) * scale
        var expected = [Float](repeating: 0, count: rows * columns)
        for r in 0..<rows { for c in 0..<columns {
            expected[r * columns + c] = (x.scalars[r * columns + c] + bias.scalars[c]) * scale.scalars[r]
        } }
        #expect(isClose(y, expected))
        let columnSums = try y.sum(alongAxis: 0)
        let rowSums = try y.sum(alongAxis: 1)
        for c in stride(from: 0, to: columns, by: 37) {
            let total = (0..<rows).reduce(Double(0)) { $0 + Double(expected[$1 * columns + c]) }
            #expect(abs(Double(columnSums.scalars[c]) - total) < 1e-3)
        }
        for r in stride(from: 0, to: rows, by: 41) {
            let total = (0..<columns).reduce(Double(0)) { $0 + Double(expected[r * columns + $1]) }
            #expect(abs(Double(rowSums.scalars[r]) - total) < 1e-3)
        }
        let transposed = try y.transposed()
        #expect(transposed.scalars[5 * rows + 7] == y.scalars[7 * columns + 5])
        #expect(y.exp().scalars[1234] == Foundation.exp(y.scalars[1234]))
    }

    @Test func largeIndexSelectGradientAccumulates() throws {
        let table = sample([50, 1_000], seed: 114)
        let indices = (0..<200).map { $0 % 7 }
        let (_, gradient) = try valueAndGradient(at: table) { try $0.indexSelect(alongAxis: 0, indices: indices).sum() }
        #expect(gradient.scalars[0] == 29 && gradient.scalars[6 * 1_000 + 999] == 28 && gradient.scalars[7 * 1_000] == 0)
    }

    /// Products, convolutions, sums and vectorised elementwise functions, forward and backward,
    /// give the same bits on one thread as split across two (products cut into blocks, col2im in
    /// groups of images), so a notebook's numbers do not depend on the machine's core count.
    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let original = LinearAlgebraBackend.threadCount
        defer { LinearAlgebraBackend.threadCount = original }
        let features = sample([256, 600], seed: 121), weight = sample([1_415, 600], seed: 122)
        let images = sample([16, 32, 14, 14], seed: 123), filters = sample([64, 32, 4, 4], seed: 124)
        let upFilters = sample([64, 32, 4, 4], seed: 125), biases = sample([64], seed: 126), upBiases = sample([32], seed: 127)
        let pointFilters = sample([48, 32, 1, 1], seed: 128), pointBiases = sample([48], seed: 129)
        // About 6% of a [256, 1415] pattern, with rows and columns of different sizes.
        let clicks = try SparseMatrix(dense: Tensor(
            shape: [256, 1_415], scalars: (0..<(256 * 1_415)).map { ($0 / 1_415 * 7 + $0 % 1_415 * 13) % 17 == 0 ? 1 : 0 }))
        func run() throws -> [[Float]] {
            let (loss, gradients) = try valueAndGradient(
                at: [features, weight, images, filters, upFilters, biases, upBiases, pointFilters, pointBiases]
            ) { inputs in
                // [16, 48, 14, 14]: large enough that the layout passes and the 1 × 1 col2im split across cores.
                let pointwise = try inputs[2].convolution2D(filters: inputs[7], bias: inputs[8], rectified: true)
                let logits = try inputs[0].matmul(inputs[1], transposingOther: true)
                let encoded = try inputs[2].convolution2D(filters: inputs[3], bias: inputs[5], stride: 2, padding: 1).relu()
                let decoded = try encoded.transposedConvolution2D(filters: inputs[4], bias: inputs[6], stride: 2, padding: 1)
                let sampled = try clicks.sampledProduct(inputs[0], inputs[1])
                let hidden = try clicks.matmul(inputs[1], transposingDense: false, densityForDenseProduct: 2)
                return try logits.softplus().sum() + (decoded * decoded).sum(alongAxes: [0, 2, 3]).sum()
                    + (sampled * sampled).sum() + hidden.tanh().sum() + (pointwise * pointwise).sum()
            }
            return [loss.scalars] + gradients.map(\.scalars)
        }
        LinearAlgebraBackend.threadCount = 1
        let serial = try run()
        LinearAlgebraBackend.threadCount = 2
        let split = try run()
        for (index, (one, two)) in zip(serial, split).enumerated() {
            #expect(one == two, "result \(index) differs between 1 and 2 threads")
        }
    }
}
