import Foundation

/// One row of a training history: named scalars recorded at a gradient step or at the end of an epoch.
public struct TrainingRecord: Sendable, Equatable {
    /// The epoch the record belongs to, counted from 1.
    public var epoch: Int
    /// The global gradient-step count when the record was made (1 after the first step).
    public var step: Int
    /// The recorded values by series name, e.g. `["loss": 412.3, "kl": 12.1, "beta": 0.01]`.
    public var values: [String: Double]

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - epoch: The epoch the record belongs to, counted from 1.
    ///   - step: The global gradient-step count when the record was made.
    ///   - values: The recorded values by series name.
    public init(epoch: Int, step: Int, values: [String: Double]) {
        self.epoch = epoch
        self.step = step
        self.values = values
    }
}

/// What happened during `fit`: per-step and per-epoch records of named scalar series (loss,
/// reconstruction, kl, beta, validation metrics) and how training ended.
///
/// Series come back as plain `[Double]` arrays so anything can draw them; in a notebook the
/// kernel's display layer plots them:
/// ```swift
/// let history = try model.fit(split.train, epochs: 50)
/// history.stepSeries("loss")            // one value per gradient step
/// history.epochSeries("NDCG@100")       // one value per validated epoch
/// ```
public struct TrainingHistory: Sendable, Equatable {
    /// One record per gradient step, in order.
    public private(set) var steps: [TrainingRecord] = []
    /// One record per completed epoch: the mean of that epoch's step values plus validation metrics.
    public private(set) var epochs: [TrainingRecord] = []
    /// Wall-clock seconds each completed epoch took (kept apart from the series so that the
    /// recorded numbers are the same on every run).
    public private(set) var epochSeconds: [Double] = []
    /// Whether training stopped because the control's `isCancelled` returned true.
    public var wasInterrupted = false
    /// Whether early stopping ended training before the last epoch.
    public var stoppedEarly = false
    /// The epoch whose weights the model holds after early stopping with best-weight restore.
    public var bestEpoch: Int?
    /// Where and why training stopped at a non-finite loss or gradient (nil when it did not).
    public var nonFiniteStop: NonFiniteStop?

    /// Creates an empty history.
    public init() {}

    /// Appends a per-step record.
    ///
    /// - Parameters:
    ///   - epoch: The current epoch, counted from 1.
    ///   - step: The global step count after this step (1 after the first).
    ///   - values: The step's values by series name, e.g. `["loss": 412.3]`.
    public mutating func recordStep(epoch: Int, step: Int, values: [String: Double]) {
        steps.append(TrainingRecord(epoch: epoch, step: step, values: values))
    }

    /// Appends a per-epoch record and the seconds the epoch took.
    ///
    /// - Parameters:
    ///   - epoch: The epoch just completed, counted from 1.
    ///   - step: The global step count at the epoch's end.
    ///   - values: The epoch's means and validation metrics by series name.
    ///   - seconds: Wall-clock seconds the epoch took.
    public mutating func recordEpoch(epoch: Int, step: Int, values: [String: Double], seconds: Double = 0) {
        epochs.append(TrainingRecord(epoch: epoch, step: step, values: values))
        epochSeconds.append(seconds)
    }

    /// Appends another history's records after this one's (for a second `fit` on the same model);
    /// its steps and epochs are renumbered to continue from this history's last ones.
    ///
    /// - Parameter other: The history of the later `fit`.
    public mutating func append(_ other: TrainingHistory) {
        let stepOffset = steps.last?.step ?? epochs.last?.step ?? 0
        let epochOffset = epochs.last?.epoch ?? steps.last?.epoch ?? 0
        func shifted(_ record: TrainingRecord) -> TrainingRecord {
            TrainingRecord(epoch: record.epoch + epochOffset, step: record.step + stepOffset, values: record.values)
        }
        steps += other.steps.map(shifted)
        epochs += other.epochs.map(shifted)
        epochSeconds += other.epochSeconds
        wasInterrupted = other.wasInterrupted
        stoppedEarly = other.stoppedEarly
        nonFiniteStop = other.nonFiniteStop
        bestEpoch = other.bestEpoch.map { $0 + epochOffset }
    }

    /// The names recorded at gradient steps, sorted.
    public var stepSeriesNames: [String] { Self.names(in: steps) }

    /// The names recorded at epoch ends, sorted.
    public var epochSeriesNames: [String] { Self.names(in: epochs) }

    /// The values of `name` at every step that recorded it (empty when none did).
    ///
    /// - Parameter name: The series, e.g. "loss".
    public func stepSeries(_ name: String) -> [Double] { steps.compactMap { $0.values[name] } }

    /// The global step numbers at which `name` was recorded per step (x-coordinates for a plot).
    ///
    /// - Parameter name: The series, e.g. "loss".
    public func stepNumbers(_ name: String) -> [Double] {
        steps.filter { $0.values[name] != nil }.map { Double($0.step) }
    }

    /// The values of `name` at every epoch end that recorded it (empty when none did).
    ///
    /// - Parameter name: The series, e.g. "NDCG@100".
    public func epochSeries(_ name: String) -> [Double] { epochs.compactMap { $0.values[name] } }

    /// The epoch numbers at which `name` was recorded (x-coordinates for a plot).
    ///
    /// - Parameter name: The series, e.g. "NDCG@100".
    public func epochNumbers(_ name: String) -> [Double] {
        epochs.filter { $0.values[name] != nil }.map { Double($0.epoch) }
    }

    /// The series `name` at the finest granularity it was recorded: per step when any step has it,
    /// otherwise per epoch. Throws ``ModelsError/unknownSeries(name:available:)`` when neither has it.
    ///
    /// - Parameter name: The series, e.g. "loss".
    public func series(_ name: String) throws -> [Double] {
        let perStep = stepSeries(name)
        if !perStep.isEmpty { return perStep }
        let perEpoch = epochSeries(name)
        if !perEpoch.isEmpty { return perEpoch }
        throw ModelsError.unknownSeries(name: name, available: Array(Set(stepSeriesNames + epochSeriesNames)).sorted())
    }

    /// The last recorded value of `name` (epoch records first, then steps), or nil.
    ///
    /// - Parameter name: The series, e.g. "loss" or "NDCG@100".
    public func last(_ name: String) -> Double? {
        epochs.last(where: { $0.values[name] != nil })?.values[name]
            ?? steps.last(where: { $0.values[name] != nil })?.values[name]
    }

    private static func names(in records: [TrainingRecord]) -> [String] {
        var seen = Set<String>()
        for record in records { seen.formUnion(record.values.keys) }
        return seen.sorted()
    }
}

extension TrainingHistory: CustomStringConvertible {
    /// `TrainingHistory(3 epochs, 36 steps, last loss 0.1234)`, with `interrupted` or `stopped early` when so.
    public var description: String {
        let last = last("loss").map { String(format: "%.4f", $0) } ?? "–"
        return "TrainingHistory(\(epochs.count) epochs, \(steps.count) steps, last loss \(last)"
            + (wasInterrupted ? ", interrupted" : "") + (stoppedEarly ? ", stopped early" : "") + ")"
    }
}
