import Autograd

/// Splitting an optimizer's per-value loop across the cores when a parameter is large enough to
/// pay for it. Each value is visited by exactly one call, so results do not depend on the split.
enum ParallelLoop {
    /// Threads to use: Autograd's setting (the cores available unless a benchmark or a user set
    /// `LinearAlgebraBackend.threadCount`).
    static var coreCount: Int { LinearAlgebraBackend.threadCount }

    /// Calls `body` on disjoint ranges covering `0..<count`, concurrently above 65,536 values.
    static func forEachChunk(count: Int, _ body: (Range<Int>) -> Void) {
        Parallel.forEachChunk(count: count, chunkCount: min(coreCount, count / 65_536), body)
    }
}
