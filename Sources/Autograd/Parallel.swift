import Foundation

/// Splitting loops across the cores, only when the work is large enough to pay for it.
public enum Parallel {
    /// Threads the loops may use: the cores available, unless `LinearAlgebraBackend.threadCount` changed it.
    nonisolated(unsafe) static var coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` on disjoint ranges covering `0..<count`, concurrently when `count * costPerItem`
    /// exceeds a threshold. Each range is processed by exactly one call, so results are deterministic.
    @inline(__always)
    static func forEachChunk(count: Int, costPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        forEachChunk(count: count, chunkCount: min(coreCount, count * max(1, costPerItem) / 32_768), body)
    }

    /// Calls `body` on disjoint ranges covering `0..<offsets.count − 1` (concurrently when the work
    /// pays for it), each holding about the same number of entries: item `i` owns entries
    /// `offsets[i]..<offsets[i + 1]`, as the rows or columns of a sparse matrix, whose sizes vary a
    /// lot, and each entry costs `costPerEntry`. Each item is processed by exactly one call.
    static func forEachChunk(entryOffsets offsets: [Int], costPerEntry: Int, _ body: (Range<Int>) -> Void) {
        let count = offsets.count - 1, total = offsets.last ?? 0
        let chunkCount = min(coreCount, count, total * max(1, costPerEntry) / 32_768)
        guard chunkCount > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        // Chunk k starts at the first item whose entries start at or after k/chunkCount of them all.
        let bounds = (0...chunkCount).map { chunk -> Int in
            guard chunk > 0, chunk < chunkCount else { return chunk == 0 ? 0 : count }
            let target = total * chunk / chunkCount
            var (low, high) = (0, count)
            while low < high {
                let middle = (low + high) / 2
                if offsets[middle] < target { low = middle + 1 } else { high = middle }
            }
            return low
        }
        perform(iterations: chunkCount) { chunk in
            if bounds[chunk] < bounds[chunk + 1] { body(bounds[chunk]..<bounds[chunk + 1]) }
        }
    }

    /// Calls `body` on `chunkCount` (at most `count`) disjoint ranges covering `0..<count`, concurrently.
    ///
    /// - Parameters:
    ///   - count: The number of items, `0..<count`.
    ///   - chunkCount: The number of ranges wanted (at most `count` are made).
    ///   - body: Processes one range; called concurrently, so calls must not share mutable state.
    public static func forEachChunk(count: Int, chunkCount: Int, _ body: (Range<Int>) -> Void) {
        let chunkCount = min(chunkCount, count)
        if chunkCount <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        perform(iterations: chunkCount) { chunk in
            let lower = count * chunk / chunkCount
            let upper = count * (chunk + 1) / chunkCount
            if lower < upper { body(lower..<upper) }
        }
    }

    /// Calls `body(i)` for every `i` in `0..<iterations`, spread over up to `coreCount` threads
    /// (``WorkerPool``), and returns when all calls have returned.
    static func perform(iterations: Int, _ body: (Int) -> Void) {
        WorkerPool.shared.perform(iterations: iterations, threads: coreCount, body)
    }
}
