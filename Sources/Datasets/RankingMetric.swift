import Foundation

/// A top-k ranking metric for one user's scores over all items, with binary relevance.
///
/// Items in the excluded set (the user's fold-in or training items) are removed from the ranking
/// before the top k is taken, as Liang et al. (2018) do by setting their scores to −∞. Ties rank
/// the lower item index first. Two recalls are named apart:
/// - ``recall(_:)`` divides the hits in the top k by the number of relevant items (RecBole's Recall@k);
/// - ``truncatedRecall(_:)`` divides by `min(k, relevant)` (Liang et al.'s Recall@k), so a user with
///   more than k relevant items can still reach 1.
///
/// ```swift
/// RankingMetric.ndcg(100).value(scores: scores, relevant: [3, 17], excluded: foldIn)
/// ```
public enum RankingMetric: Hashable, Sendable, CustomStringConvertible {
    /// Normalised discounted cumulative gain: Σ_{i<k} rel_i / log2(i + 2), over the ideal for min(k, relevant).
    case ndcg(Int)
    /// Hits in the top k / relevant count (RecBole).
    case recall(Int)
    /// Hits in the top k / min(k, relevant count) (Liang et al. 2018).
    case truncatedRecall(Int)
    /// Hits in the top k / k.
    case precision(Int)
    /// 1 when the top k holds at least one relevant item, else 0.
    case hit(Int)
    /// 1 / rank of the first relevant item in the top k, 0 when none is there.
    case meanReciprocalRank(Int)
    /// The probability that a relevant item outscores a non-relevant one (ties count one half),
    /// over all ranked items.
    case areaUnderCurve

    /// The cutoff k, or nil for AUC.
    public var cutoff: Int? {
        switch self {
        case let .ndcg(k), let .recall(k), let .truncatedRecall(k), let .precision(k), let .hit(k),
             let .meanReciprocalRank(k):
            return k
        case .areaUnderCurve:
            return nil
        }
    }

    /// The metric's display name: "NDCG@100", "Recall@20", "TruncatedRecall@20", "AUC", ...
    public var description: String {
        switch self {
        case let .ndcg(k): return "NDCG@\(k)"
        case let .recall(k): return "Recall@\(k)"
        case let .truncatedRecall(k): return "TruncatedRecall@\(k)"
        case let .precision(k): return "Precision@\(k)"
        case let .hit(k): return "Hit@\(k)"
        case let .meanReciprocalRank(k): return "MRR@\(k)"
        case .areaUnderCurve: return "AUC"
        }
    }

    /// The metric for one user, or nil when it is undefined: no relevant item left after exclusion
    /// (and, for AUC, no non-relevant one either).
    ///
    /// - Parameters:
    ///   - scores: One score per item, indexed by item.
    ///   - relevant: The items to find.
    ///   - excluded: Items removed from the ranking (the user's fold-in or training items).
    public func value(scores: [Float], relevant: Set<Int>, excluded: Set<Int> = []) -> Double? {
        RankedItems(scores: scores, excluded: excluded, depth: cutoff ?? scores.count)
            .value(of: self, relevant: relevant)
    }
}

/// One user's ranking: the candidates (not excluded) and the first `depth` of them by score.
struct RankedItems {
    let scores: [Float]
    let excluded: Set<Int>
    let top: [Int]

    /// Ranks the non-excluded items by descending score (lower index first on ties), keeping `depth`.
    init(scores: [Float], excluded: Set<Int>, depth: Int) {
        self.scores = scores
        self.excluded = excluded
        var candidates = [Int]()
        candidates.reserveCapacity(scores.count)
        for item in scores.indices where !excluded.contains(item) { candidates.append(item) }
        top = topIndices(candidates, scores: scores, count: depth)
    }

    /// The value of `metric` for this ranking.
    func value(of metric: RankingMetric, relevant givenRelevant: Set<Int>) -> Double? {
        let relevant = givenRelevant.filter { !excluded.contains($0) && $0 >= 0 && $0 < scores.count }
        guard !relevant.isEmpty else { return nil }
        if metric == .areaUnderCurve { return areaUnderCurve(relevant: relevant) }
        let k = metric.cutoff!
        guard k > 0 else { return nil }
        let ranked = top.prefix(k)
        let hits = ranked.reduce(0) { $0 + (relevant.contains($1) ? 1 : 0) }
        switch metric {
        case .ndcg:
            var gain = 0.0
            for (rank, item) in ranked.enumerated() where relevant.contains(item) { gain += 1 / log2(Double(rank + 2)) }
            var ideal = 0.0
            for rank in 0..<min(k, relevant.count) { ideal += 1 / log2(Double(rank + 2)) }
            return gain / ideal
        case .recall:
            return Double(hits) / Double(relevant.count)
        case .truncatedRecall:
            return Double(hits) / Double(min(k, relevant.count))
        case .precision:
            return Double(hits) / Double(k)
        case .hit:
            return hits > 0 ? 1 : 0
        case .meanReciprocalRank:
            guard let rank = ranked.firstIndex(where: relevant.contains) else { return 0 }
            return 1 / Double(rank - ranked.startIndex + 1)
        case .areaUnderCurve:
            return nil
        }
    }

    /// Mann–Whitney AUC over the candidates, with average ranks for tied scores.
    private func areaUnderCurve(relevant: Set<Int>) -> Double? {
        let candidates = scores.indices.filter { !excluded.contains($0) }
        let negativeCount = candidates.count - relevant.count
        guard negativeCount > 0 else { return nil }
        let ascending = candidates.sorted { scores[$0] < scores[$1] }
        var positiveRankSum = 0.0
        var start = 0
        while start < ascending.count {
            var end = start
            while end + 1 < ascending.count && scores[ascending[end + 1]] == scores[ascending[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end where relevant.contains(ascending[position]) { positiveRankSum += averageRank }
            start = end + 1
        }
        let positives = Double(relevant.count)
        return (positiveRankSum - positives * (positives + 1) / 2) / (positives * Double(negativeCount))
    }
}

/// The `count` best of `candidates` by descending score, lower index first on ties, in rank order.
/// Uses a bounded selection when `count` is small next to the candidates, a full sort otherwise.
func topIndices(_ candidates: [Int], scores: [Float], count: Int) -> [Int] {
    func precedes(_ first: Int, _ second: Int) -> Bool {
        scores[first] > scores[second] || (scores[first] == scores[second] && first < second)
    }
    guard count < candidates.count else { return candidates.sorted(by: precedes) }
    guard count > 0 else { return [] }
    // Keep the best `count` seen so far in a min-heap whose root is the worst of them.
    var heap = Array(candidates.prefix(count))
    func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1, right = left + 1
            var worst = parent
            if left < heap.count && precedes(heap[worst], heap[left]) { worst = left }
            if right < heap.count && precedes(heap[worst], heap[right]) { worst = right }
            if worst == parent { return }
            heap.swapAt(parent, worst)
            parent = worst
        }
    }
    for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    for candidate in candidates[count...] where precedes(candidate, heap[0]) {
        heap[0] = candidate
        siftDown(0)
    }
    return heap.sorted(by: precedes)
}
