import CellRuntime
import Models
import Plots

/// What every `fit` in a cell reports to: one live progress bar per training run (a ``ProgressBar``, which
/// refreshes its display in place about ten times a second and always shows its final state), and the cell's
/// interrupt flag, which stops training before its next step with the model keeping its last weights.
final class TrainingProgressObserver: TrainingObserver {
    private unowned let context: CellHostContext
    private var bar: ProgressBar?
    /// The latest step not yet shown (an interrupted run ends before its total).
    private var unshown: TrainingProgress?

    init(context: CellHostContext) {
        self.context = context
    }

    var shouldStop: Bool { context.isInterrupted }

    func trainingDidStep(_ progress: TrainingProgress, model: String) {
        if bar == nil { bar = ProgressBar(total: progress.totalSteps, label: model, epochCount: progress.epochs) }
        unshown = bar!.update(completed: progress.globalStep, epoch: progress.epoch, loss: progress.loss) ? nil : progress
    }

    func trainingDidEnd(model: String) {
        if let bar, unshown != nil {
            context.display(RichOutput(data: bar.mimeBundle()), id: bar.displayID, isUpdate: bar.lastRefreshTime != nil)
        }
        bar = nil
        unshown = nil
    }
}
