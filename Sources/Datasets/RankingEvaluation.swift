/// Ranking metrics averaged over users, with the standard error of each mean, as Liang et al.
/// (2018) report them. Displays as an HTML table in a notebook.
public struct MetricReport: Sendable, CustomStringConvertible {
    /// One averaged metric.
    public struct Entry: Sendable {
        /// The metric's display name ("NDCG@100").
        public let name: String
        /// The mean over the users for whom the metric is defined.
        public let mean: Double
        /// The standard error of that mean (sample standard deviation / √users).
        public let standardError: Double
        /// How many users the mean is over.
        public let userCount: Int
    }

    /// The metrics, in the order they were asked for.
    public let entries: [Entry]

    /// The mean of the metric called `name` ("NDCG@100"), if the report has it.
    ///
    /// - Parameter name: The metric's display name, e.g. "NDCG@100".
    public subscript(name: String) -> Double? {
        entries.first { $0.name == name }?.mean
    }

    /// The mean of `metric`, if the report has it.
    ///
    /// - Parameter metric: The metric, e.g. `.ndcg(100)`.
    public subscript(metric: RankingMetric) -> Double? {
        self[metric.description]
    }

    /// One line per metric: "NDCG@100  0.4321 ± 0.0123  (94 users)".
    public var description: String {
        let width = entries.map(\.name.count).max() ?? 0
        return entries.map { entry in
            entry.name + String(repeating: " ", count: width - entry.name.count) + "  "
                + fixed(entry.mean, 4) + " ± " + fixed(entry.standardError, 4) + "  (\(entry.userCount) users)"
        }.joined(separator: "\n")
    }

    /// The report as an HTML table: metric, mean, standard error, users.
    public var html: String {
        let rows = entries.map { entry in
            "<tr><th style=\"text-align:left\">\(escapeHTML(entry.name))</th><td>\(fixed(entry.mean, 4))</td>"
                + "<td>\(fixed(entry.standardError, 4))</td><td>\(entry.userCount)</td></tr>"
        }
        return "<table class=\"swift-experiments-metrics\">\n<tr><th>metric</th><th>mean</th><th>± s.e.</th><th>users</th></tr>\n"
            + rows.joined(separator: "\n") + "\n</table>"
    }

    /// The Jupyter display bundle: `text/plain` and `text/html`.
    public func mimeBundle() -> [String: String] {
        ["text/plain": description, "text/html": html]
    }
}

extension RankingMetric {
    /// Averages `metrics` over users.
    ///
    /// Users for whom a metric is undefined (no relevant item) are left out of that metric's mean.
    ///
    /// - Parameters:
    ///   - metrics: the metrics to average, e.g. `[.ndcg(100), .recall(20)]`.
    ///   - scores: row-major `[users × itemCount]` scores, row `u` for user `u`.
    ///   - itemCount: the number of items (columns of `scores`).
    ///   - relevant: for each user, the items to find.
    ///   - excluded: for each user, the items removed from the ranking (fold-in or training items);
    ///     empty means none.
    public static func evaluate(
        _ metrics: [RankingMetric], scores: [Float], itemCount: Int, relevant: [[Int]], excluded: [[Int]] = []
    ) throws -> MetricReport {
        guard itemCount > 0, scores.count == relevant.count * itemCount else {
            throw DatasetsError.invalidArgument(
                "evaluate: scores must hold \(relevant.count) users × \(itemCount) items, has \(scores.count)")
        }
        guard excluded.isEmpty || excluded.count == relevant.count else {
            throw DatasetsError.invalidArgument(
                "evaluate: \(excluded.count) excluded lists for \(relevant.count) users (one per user, or none)")
        }
        let depth = metrics.compactMap(\.cutoff).max() ?? 0
        var values = Array(repeating: [Double](), count: metrics.count)
        for user in relevant.indices {
            let row = Array(scores[(user * itemCount)..<((user + 1) * itemCount)])
            let ranking = RankedItems(scores: row, excluded: excluded.isEmpty ? [] : Set(excluded[user]), depth: depth)
            let relevantSet = Set(relevant[user])
            for (index, metric) in metrics.enumerated() {
                if let value = ranking.value(of: metric, relevant: relevantSet) { values[index].append(value) }
            }
        }
        return MetricReport(entries: zip(metrics, values).map { metric, userValues in
            let count = Double(userValues.count)
            let mean = userValues.isEmpty ? .nan : userValues.reduce(0, +) / count
            let variance = userValues.count > 1
                ? userValues.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (count - 1) : 0
            return MetricReport.Entry(name: metric.description, mean: mean,
                                      standardError: userValues.isEmpty ? .nan : (variance / count).squareRoot(),
                                      userCount: userValues.count)
        })
    }

    /// Averages `metrics` over held-out users: the targets are relevant, the fold-in items excluded.
    /// `scores` has one row of `users.foldIn.columnCount` scores per held-out user, in their order.
    ///
    /// - Parameters:
    ///   - metrics: The metrics to average, e.g. `[.ndcg(100), .recall(20)]`.
    ///   - scores: Row-major scores, one row of `users.foldIn.columnCount` per held-out user, in their order.
    ///   - users: The held-out users, e.g. `split.test`.
    public static func evaluate(_ metrics: [RankingMetric], scores: [Float], users: FoldInUsers) throws -> MetricReport {
        let rows = 0..<users.userCount
        return try evaluate(metrics, scores: scores, itemCount: users.target.columnCount,
                        relevant: rows.map { Array(users.target.columns(inRow: $0)) },
                        excluded: rows.map { Array(users.foldIn.columns(inRow: $0)) })
    }
}

extension RankingMetric {
    /// Averages `metrics` over the rows of `relevant` (RecBole's full-ranking protocol): row `u` of
    /// `scores` scores every item for user `u`, `relevant` row `u` holds the items to find (say the
    /// test split's matrix), and the items in row `u` of any `excluded` matrix (train, validation)
    /// are removed from the ranking. Users without relevant items are skipped.
    ///
    /// - Parameters:
    ///   - metrics: The metrics to average, e.g. `[.ndcg(100), .recall(20)]`.
    ///   - scores: Row-major `[relevant.rowCount × relevant.columnCount]` scores, row `u` for user `u`.
    ///   - relevant: The items to find per user (row), say the test split's matrix.
    ///   - excluded: Matrices of the same shape whose items are removed from each user's ranking (train, validation).
    public static func evaluate(
        _ metrics: [RankingMetric], scores: [Float], relevant: UserItemMatrix, excluded: [UserItemMatrix] = []
    ) throws -> MetricReport {
        guard excluded.allSatisfy({ $0.rowCount == relevant.rowCount && $0.columnCount == relevant.columnCount }) else {
            throw DatasetsError.invalidArgument("evaluate: excluded matrices must have the shape of the relevant matrix")
        }
        let rows = 0..<relevant.rowCount
        return try evaluate(metrics, scores: scores, itemCount: relevant.columnCount,
                        relevant: rows.map { Array(relevant.columns(inRow: $0)) },
                        excluded: rows.map { row in excluded.flatMap { $0.columns(inRow: row) } })
    }
}

/// `value` with `digits` decimals, without locale-dependent formatting; a value whose scaled digits would not fit
/// an `Int` (10¹⁴ and up with 4 decimals) prints as Swift prints a Double, e.g. "1e+300".
func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    guard abs(value) * scale < 1e18 else { return "\(value)" }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = String(Int(scaled) - whole * Int(scale))
    let padded = String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
    return (value < 0 && scaled > 0 ? "-" : "") + "\(whole)" + (digits > 0 ? "." + padded : "")
}
