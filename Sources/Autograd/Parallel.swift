import Foundation

/// Splitting loops across the cores, only when the work is large enough to pay for it.
enum Parallel {
    /// Threads the loops may use: the cores available, unless `LinearAlgebraBackend.threadCount` changed it.
    nonisolated(unsafe) static var coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` on disjoint ranges covering `0..<count`, concurrently when `count * costPerItem`
    /// exceeds a threshold. Each range is processed by exactly one call, so results are deterministic.
    @inline(__always)
    static func forEachChunk(count: Int, costPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        forEachChunk(count: count, chunkCount: min(coreCount, count * max(1, costPerItem) / 32_768), body)
    }

    /// Calls `body` on `chunkCount` (at most `count`) disjoint ranges covering `0..<count`, concurrently.
    static func forEachChunk(count: Int, chunkCount: Int, _ body: (Range<Int>) -> Void) {
        let chunkCount = min(chunkCount, count)
        if chunkCount <= 1 {
            if count > 0 { body(0..<count) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let lower = count * chunk / chunkCount
            let upper = count * (chunk + 1) / chunkCount
            if lower < upper { body(lower..<upper) }
        }
    }
}
