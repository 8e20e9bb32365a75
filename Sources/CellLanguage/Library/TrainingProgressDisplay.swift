import Foundation
import Models
import Plots

/// One live display in the running cell, created on first use and then replaced in place: what a progress bar
/// (in a cell or inside `fit`) shows while it runs.
final class LiveDisplay {
    /// The display_id the frontend uses to replace the output in place.
    let displayID = "swift-experiments-progress-" + UUID().uuidString
    private weak var output: CellOutput?
    private var isShown = false

    /// A display that writes to `output` (nothing is shown without one).
    init(output: CellOutput?) {
        self.output = output
    }

    /// Shows `content`: the first time as a new display, afterwards as an update of it.
    func show(_ content: RichOutput) {
        output?.display(content, displayID: displayID, isUpdate: isShown)
        isShown = true
    }
}

/// What a model's `fit` binding hands to training: a ``TrainingControl`` whose progress goes to one live
/// progress bar (at most about ten refreshes a second, as ``ProgressBar`` decides; the final state always
/// shown) and whose cancellation reads the session's interrupt flag.
final class TrainingProgressDisplay {
    private let display: LiveDisplay
    private let interruption: Interruption
    private let label: String
    private var bar: ProgressBar?
    private var hasUnshownState = false

    /// A display for training started by a cell that `evaluator` runs.
    init(evaluator: Evaluator, label: String) {
        display = LiveDisplay(output: evaluator.output)
        interruption = evaluator.interruption
        self.label = label
    }

    /// The control to pass to `fit`.
    var control: TrainingControl {
        TrainingControl(isCancelled: { [interruption] in interruption.isRequested },
                        onProgress: { [weak self] in self?.record($0) })
    }

    /// Records one step and refreshes the bar when it is due.
    func record(_ progress: TrainingProgress) {
        if bar == nil {
            bar = ProgressBar(total: progress.totalSteps, label: label, epochCount: progress.epochs)
        }
        if bar!.update(completed: progress.globalStep, epoch: progress.epoch, loss: progress.loss) {
            display.show(RichOutput(data: bar!.mimeBundle()))
            hasUnshownState = false
        } else {
            hasUnshownState = true
        }
    }

    /// Shows the last state if a refresh was skipped (an interrupted run ends before its total).
    func finish() {
        if hasUnshownState, let bar { display.show(RichOutput(data: bar.mimeBundle())) }
        hasUnshownState = false
    }

    /// Runs a training call with this display's control, then shows the final state; an interrupted run fails
    /// the cell with `CancellationError` while the model keeps the weights of its last completed step.
    static func train(_ call: BindingInvocation, label: String,
                      _ body: (TrainingControl) throws -> TrainingHistory) throws -> Value {
        let progress = TrainingProgressDisplay(evaluator: call.evaluator, label: label)
        let history = try call.library { () throws -> TrainingHistory in
            defer { progress.finish() }
            return try body(progress.control)
        }
        if history.wasInterrupted || call.evaluator.interruption.isRequested { throw CellLanguageError.interrupted }
        return .library(history)
    }
}
