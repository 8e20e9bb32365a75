/// Where training stands after a gradient step, passed to ``TrainingControl/onProgress`` so a
/// notebook can draw a live progress bar.
public struct TrainingProgress: Sendable, Equatable {
    /// The current epoch, counted from 1.
    public var epoch: Int
    /// The number of epochs asked for.
    public var epochs: Int
    /// The step within the current epoch, counted from 1.
    public var step: Int
    /// The number of steps in one epoch.
    public var stepsPerEpoch: Int
    /// The global step count, counted from 1.
    public var globalStep: Int
    /// The loss of the step just taken.
    public var loss: Double
    /// Seconds since `fit` started.
    public var elapsed: Double

    /// Creates a progress report.
    ///
    /// - Parameters:
    ///   - epoch: The current epoch, counted from 1.
    ///   - epochs: The number of epochs asked for.
    ///   - step: The step within the current epoch, counted from 1.
    ///   - stepsPerEpoch: The number of steps in one epoch.
    ///   - globalStep: The global step count, counted from 1.
    ///   - loss: The loss of the step just taken.
    ///   - elapsed: Seconds since `fit` started.
    public init(epoch: Int, epochs: Int, step: Int, stepsPerEpoch: Int, globalStep: Int, loss: Double, elapsed: Double) {
        self.epoch = epoch
        self.epochs = epochs
        self.step = step
        self.stepsPerEpoch = stepsPerEpoch
        self.globalStep = globalStep
        self.loss = loss
        self.elapsed = elapsed
    }

    /// The steps of the whole run, `epochs × stepsPerEpoch` (`Int.max` when that is more than an `Int` holds).
    public var totalSteps: Int {
        let (total, overflow) = epochs.multipliedReportingOverflow(by: stepsPerEpoch)
        return overflow ? .max : total
    }

    /// The fraction of all steps done, from 0 to 1.
    public var fractionCompleted: Double {
        totalSteps == 0 ? 1 : Double(globalStep) / Double(totalSteps)
    }
}
