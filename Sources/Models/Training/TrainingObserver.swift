import Foundation

/// What a host running training on a thread wants to know and decide, beyond one call's
/// ``TrainingControl``: a notebook kernel shows a live progress bar for every `fit` in a cell and stops
/// training when the user interrupts. ``TrainingLoop/run`` consults the observer of the current thread.
public protocol TrainingObserver: AnyObject {
    /// Checked before every step with the control's own `isCancelled`: true stops training as a cancellation does.
    var shouldStop: Bool { get }
    /// Called after every gradient step of a run on `model` (its type name).
    ///
    /// - Parameters:
    ///   - progress: Where training stands after the step.
    ///   - model: The type name of the model being trained, e.g. "MultiVAE".
    func trainingDidStep(_ progress: TrainingProgress, model: String)
    /// Called when a run ends (completed, stopped early, cancelled or failed).
    ///
    /// - Parameter model: The type name of the model that was trained.
    func trainingDidEnd(model: String)
}

/// The training observer of the current thread.
public enum TrainingObservers {
    private static let key = "swift-experiments.training-observer"

    /// The observer ``TrainingLoop/run`` reports to on this thread; nil by default.
    public static var current: TrainingObserver? {
        get { Thread.current.threadDictionary[key] as? TrainingObserver }
        set { Thread.current.threadDictionary[key] = newValue }
    }
}
