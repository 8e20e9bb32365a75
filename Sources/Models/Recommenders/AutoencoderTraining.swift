import Autograd
import Datasets
import NeuralNetworks

/// The pieces every user-row autoencoder (Multi-DAE, Multi-VAE, RecVAE) shares: shuffled
/// mini-batches of user rows through ``TrainingLoop``, batched scoring in evaluation mode, and
/// ranking evaluation with fold-in (or training) items excluded.
enum AutoencoderTraining {
    /// Checks the data fits a model over `itemCount` items.
    static func check(_ data: UserItemMatrix, itemCount: Int, operation: String) throws {
        guard data.columnCount == itemCount else {
            throw ModelsError.invalidInput(
                operation: operation, reason: "the model has \(itemCount) items, the data has \(data.columnCount) columns")
        }
        guard data.rowCount > 0 else {
            throw ModelsError.invalidInput(operation: operation, reason: "the data has no users")
        }
    }

    /// Runs `epochs` epochs; each epoch makes `passes` shuffled passes over the rows of `data`
    /// (RecVAE alternates several encoder passes with a decoder pass) in batches of `batchSize`.
    static func fit(
        model: Module, data: UserItemMatrix, validation: FoldInUsers?, metrics: [RankingMetric],
        epochs: Int, batchSize: Int, passes: Int = 1, control: TrainingControl, optimizers: [Optimizer],
        shuffler: inout SeededGenerator,
        logits: @escaping (SparseMatrix) throws -> Tensor,
        step: (SparseRows, TrainingStep, _ pass: Int) throws -> [String: Double]
    ) throws -> TrainingHistory {
        guard batchSize > 0 else {
            throw ModelsError.invalidConfiguration(component: "fit", reason: "batchSize must be positive, got \(batchSize)")
        }
        if let validation { try check(validation.foldIn, itemCount: data.columnCount, operation: "fit(validation:)") }
        let batchCount = TrainingLoop.stepsPerEpoch(count: data.rowCount, batchSize: batchSize)
        var batches: [[Int]] = []
        var generator = shuffler
        defer { shuffler = generator }
        let validate: ((Int) throws -> [String: Double])? = validation.map { users in
            { _ in values(of: try evaluate(users, metrics: metrics, logits: logits)) }
        }
        return try TrainingLoop.run(
            model: model, epochs: epochs, stepsPerEpoch: batchCount * passes, control: control,
            step: { position in
                if position.batchIndex % batchCount == 0 {
                    batches = generator.shuffledBatches(count: data.rowCount, batchSize: batchSize)
                }
                let rows = SparseRows(data, rows: batches[position.batchIndex % batchCount])
                return try step(rows, position, position.batchIndex / batchCount)
            },
            validate: validate, optimizers: optimizers)
    }

    /// Scores every item for every row of `users` (row-major `[rows × items]`), in evaluation
    /// mode and without recording gradients, `batchSize` rows at a time.
    static func scores(of users: UserItemMatrix, batchSize: Int = 500,
                       logits: (SparseMatrix) throws -> Tensor) throws -> [Float] {
        var result = [Float]()
        result.reserveCapacity(users.rowCount * users.columnCount)
        var unused = RandomGenerator(seed: 0)
        try withoutGradient {
            for range in chunks(count: users.rowCount, size: batchSize) {
                let rows = SparseRows(users, rows: Array(range))
                let input = try rows.sparseInput(normalized: false, dropout: 0, generator: &unused)
                result += try logits(input).scalars
            }
        }
        return result
    }

    /// Ranks every item for the held-out users from their fold-in items; targets are relevant,
    /// fold-in items excluded from the ranking.
    static func evaluate(_ users: FoldInUsers, metrics: [RankingMetric],
                         logits: (SparseMatrix) throws -> Tensor) throws -> MetricReport {
        let scores = try scores(of: users.foldIn, logits: logits)
        return try RankingMetric.evaluate(metrics, scores: scores, users: users)
    }

    /// The report as history values, keyed by metric name ("NDCG@100").
    static func values(of report: MetricReport) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: report.entries.map { ($0.name, $0.mean) })
    }

    /// The L2-normalisation the VAE recommenders apply to their input rows, on a sparse matrix.
    static func normalized(_ input: SparseMatrix) throws -> SparseMatrix {
        var values = input.values
        for row in 0..<input.rowCount {
            let range = input.rowOffsets[row]..<input.rowOffsets[row + 1]
            var squares: Float = 0
            for entry in range { squares += values[entry] * values[entry] }
            let norm = max(squares.squareRoot(), 1e-12)
            for entry in range { values[entry] /= norm }
        }
        return try SparseMatrix(rowCount: input.rowCount, columnCount: input.columnCount, rowOffsets: input.rowOffsets,
                                columnIndices: input.columnIndices, values: values)
    }
}
