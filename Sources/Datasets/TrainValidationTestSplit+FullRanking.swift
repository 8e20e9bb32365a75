/// RecBole's full-ranking evaluation of a per-user split (``Interactions/perUserRandomSplit(ratios:seed:)``):
/// the model reads each user's training items, ranks every item, and is scored on the items of the
/// split being evaluated, with the items the user has in the earlier splits removed from the ranking
/// (RecBole's `FullSortEvalDataLoader` masks the training history for validation, and training plus
/// validation history for test). Users without items in the evaluated split are left out.
///
/// ```swift
/// let split = try ratings.perUserRandomSplit(seed: 2020)
/// try model.fit(split.train.matrix(binary: true), validation: split.validationUsers(), ...)
/// let report = try split.evaluateTest([.ndcg(10)], scores: try model.scores(for: split.train.matrix(binary: true)))
/// ```
extension TrainValidationTestSplit {
    /// Every user with their training items as fold-in (input, excluded from the ranking) and their
    /// validation items as targets; values are ones (implicit feedback), as RecBole's history matrix.
    public func validationUsers() -> FoldInUsers {
        FoldInUsers(userIDs: train.userIDs, foldIn: train.matrix(binary: true), target: validation.matrix(binary: true))
    }

    /// Averages `metrics` over the users with test items: `scores` is row-major `[userCount × itemCount]`
    /// (row `u` scores every item for user `u`), the test items are relevant, and the user's training and
    /// validation items are removed from the ranking.
    ///
    /// - Parameters:
    ///   - metrics: The metrics to average, e.g. `[.ndcg(100), .recall(20)]`.
    ///   - scores: Row-major `[userCount × itemCount]` scores, row `u` for user `u`, e.g. from `model.scores(for:)`.
    public func evaluateTest(_ metrics: [RankingMetric], scores: [Float]) throws -> MetricReport {
        try RankingMetric.evaluate(metrics, scores: scores, relevant: test.matrix(binary: true),
                                   excluded: [train.matrix(binary: true), validation.matrix(binary: true)])
    }
}
