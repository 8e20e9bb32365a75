import Foundation

/// Splitting an optimizer's per-value loop across the cores when a parameter is large enough to
/// pay for it. Each value is visited by exactly one call, so results do not depend on the split.
enum ParallelLoop {
    /// Cores available to the process.
    static let coreCount = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` on disjoint ranges covering `0..<count`, concurrently above 65,536 values.
    static func forEachChunk(count: Int, _ body: (Range<Int>) -> Void) {
        let chunkCount = min(coreCount, count / 65_536)
        guard chunkCount > 1 else {
            if count > 0 { body(0..<count) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            body((count * chunk / chunkCount)..<(count * (chunk + 1) / chunkCount))
        }
    }
}
