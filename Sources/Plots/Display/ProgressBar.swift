import Foundation

/// The state of a long-running loop — steps done out of a total, epoch, latest loss, timing — shown as one
/// notebook display that is updated in place (an HTML bar plus a text/plain line, as tqdm.notebook does).
///
/// A refresh is worth sending at most ``minimumRefreshInterval`` apart, and always for the first and the
/// final state, so the saved notebook keeps the finished bar. In a notebook (where a ``DisplaySink`` is
/// installed), each such refresh replaces the bar's own display in place; in a compiled program nothing is
/// shown. Times are seconds on any monotonic clock; pass them explicitly (tests do) or let the `update`
/// overloads without a time read ``now()``.
///
/// ```swift
/// var progress = ProgressBar(total: stepCount, label: "train", epochCount: 10)
/// for step in 1...stepCount {
///     let loss = trainStep()
///     progress.update(completed: step, epoch: epoch, loss: loss)     // the bar in the cell's output moves
/// }
/// ```
public struct ProgressBar: RichDisplayable {
    /// Steps in the whole run; 0 when unknown (then no percentage or ETA is shown).
    public let total: Int
    /// A short label in front of the bar, such as "train".
    public var label: String
    /// The number of epochs, when the run has them, shown as "epoch 3/10".
    public var epochCount: Int?
    /// Steps done so far.
    public private(set) var completed: Int = 0
    /// The current epoch (1-based), when known.
    public private(set) var epoch: Int?
    /// The latest loss, when known.
    public private(set) var loss: Double?
    /// When the run started.
    public let startTime: Double
    /// The time of the latest update.
    public private(set) var currentTime: Double
    /// When a refresh was last requested, nil before the first.
    public private(set) var lastRefreshTime: Double?
    /// Whether the final state has already been handed out for display.
    private var finalStateShown = false
    /// The id of the bar's display, which each refresh replaces.
    public let displayID: String = "progress-" + UUID().uuidString

    /// The shortest time between two refreshes: about ten a second.
    public static let minimumRefreshInterval = 0.1

    /// Seconds on a monotonic clock, for timing updates.
    public static func now() -> Double {
        ProcessInfo.processInfo.systemUptime
    }

    /// A bar for `total` steps starting at `startTime` (by default, now).
    ///
    /// - Parameters:
    ///   - total: Steps in the whole run; 0 when unknown.
    ///   - label: A short label in front of the bar, such as "train".
    ///   - epochCount: The number of epochs, shown as "epoch 3/10"; nil for none.
    ///   - startTime: When the run started, in seconds on the clock of `ProgressBar.now()`.
    public init(total: Int, label: String = "", epochCount: Int? = nil, startTime: Double = ProgressBar.now()) {
        self.total = max(0, total)
        self.label = label
        self.epochCount = epochCount
        self.startTime = startTime
        self.currentTime = startTime
    }

    /// Records progress at `time`; returns true when the display should be refreshed now, and then refreshes
    /// the bar's display in a notebook.
    ///
    /// - Parameters:
    ///   - completed: Steps done so far (clamped to the total).
    ///   - epoch: The current epoch, from 1; nil keeps the last one.
    ///   - loss: The latest loss; nil keeps the last one.
    ///   - time: The time of this update, in seconds on the clock of `ProgressBar.now()`.
    @discardableResult
    public mutating func update(completed: Int, epoch: Int? = nil, loss: Double? = nil, at time: Double) -> Bool {
        let isFirstRefresh = lastRefreshTime == nil
        guard record(completed: completed, epoch: epoch, loss: loss, at: time) else { return false }
        Displays.sink?.display(self, id: displayID, isUpdate: !isFirstRefresh)
        return true
    }

    /// Records progress at `time`; returns true when a refresh is due.
    private mutating func record(completed: Int, epoch: Int?, loss: Double?, at time: Double) -> Bool {
        self.completed = max(0, total > 0 ? min(completed, total) : completed)
        if let epoch { self.epoch = epoch }
        if let loss { self.loss = loss }
        currentTime = max(time, startTime)
        if isFinished {
            guard !finalStateShown else { return false }
            finalStateShown = true
            lastRefreshTime = currentTime
            return true
        }
        if let last = lastRefreshTime, currentTime - last < Self.minimumRefreshInterval { return false }
        lastRefreshTime = currentTime
        return true
    }

    /// Records progress now; returns true when the display should be refreshed.
    ///
    /// - Parameters:
    ///   - completed: Steps done so far (clamped to the total).
    ///   - epoch: The current epoch, from 1; nil keeps the last one.
    ///   - loss: The latest loss; nil keeps the last one.
    @discardableResult
    public mutating func update(completed: Int, epoch: Int? = nil, loss: Double? = nil) -> Bool {
        update(completed: completed, epoch: epoch, loss: loss, at: Self.now())
    }

    /// Adds `steps` to the count now; returns true when the display should be refreshed.
    ///
    /// - Parameters:
    ///   - steps: Steps just done.
    ///   - epoch: The current epoch, from 1; nil keeps the last one.
    ///   - loss: The latest loss; nil keeps the last one.
    @discardableResult
    public mutating func advance(by steps: Int = 1, epoch: Int? = nil, loss: Double? = nil) -> Bool {
        update(completed: completed + steps, epoch: epoch, loss: loss, at: Self.now())
    }

    /// Whether every step is done (never true when the total is unknown).
    public var isFinished: Bool { total > 0 && completed >= total }

    /// The fraction done in 0...1, or nil when the total is unknown.
    public var fraction: Double? { total > 0 ? Double(completed) / Double(total) : nil }

    /// Seconds since the start.
    public var elapsed: Double { currentTime - startTime }

    /// Steps per second so far, or nil before any time has passed.
    public var rate: Double? {
        elapsed > 0 && completed > 0 ? Double(completed) / elapsed : nil
    }

    /// Estimated seconds left at the current rate, or nil when unknown.
    public var estimatedRemaining: Double? {
        guard total > 0, let rate, rate > 0 else { return nil }
        return Double(total - completed) / rate
    }
}
