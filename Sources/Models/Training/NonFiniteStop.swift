import NeuralNetworks

/// Where and why `fit` stopped a diverging run: the first step whose loss terms or gradients held NaN or infinity
/// (see ``TrainingControl/stopsOnNonFiniteValues``). The model keeps the weights of the step before.
public struct NonFiniteStop: Sendable, Equatable, CustomStringConvertible {
    /// The epoch, counted from 1.
    public var epoch: Int
    /// The step within its epoch, counted from 1.
    public var step: Int
    /// The step within the whole run, counted from 1.
    public var globalStep: Int
    /// What was not finite: the loss terms by name, or a parameter's gradient.
    public var cause: String
    /// The step's loss terms (what the model's step reported), by name.
    public var terms: [String: Double]
    /// The learning rate each of the run's optimizers would have used for the step.
    public var learningRates: [Float]

    /// Creates a record of a stop.
    ///
    /// - Parameters:
    ///   - epoch: The epoch, counted from 1.
    ///   - step: The step within its epoch, counted from 1.
    ///   - globalStep: The step within the whole run, counted from 1.
    ///   - cause: What was not finite.
    ///   - terms: The step's loss terms by name.
    ///   - learningRates: The learning rate of each optimizer for the step.
    public init(epoch: Int, step: Int, globalStep: Int, cause: String, terms: [String: Double], learningRates: [Float]) {
        self.epoch = epoch
        self.step = step
        self.globalStep = globalStep
        self.cause = cause
        self.terms = terms
        self.learningRates = learningRates
    }

    /// What stopped, where, the loss terms and learning rate, and what to try.
    public var description: String {
        let listed = terms.keys.sorted().map { "\($0) \(terms[$0]!)" }.joined(separator: ", ")
        let rates = learningRates.isEmpty ? "" : "; learning rate " + learningRates.map { "\($0)" }.joined(separator: ", ")
        return "training stopped at epoch \(epoch), step \(step) (step \(globalStep) of the run): \(cause)"
            + "; the step's loss terms: \(listed.isEmpty ? "none reported" : listed)\(rates). The model keeps the weights of"
            + " the step before. A smaller learning rate or gradient clipping (maximumGradientNorm) may help;"
            + " TrainingControl(stopsOnNonFiniteValues: false) trains on regardless."
    }

    /// The stop a step calls for, or nil when its values are finite and no optimizer skipped its update.
    static func check(_ values: [String: Double], optimizers: [Optimizer], at position: TrainingStep) -> NonFiniteStop? {
        let cause: String
        if let skipped = optimizers.lazy.compactMap(\.skippedParameter).first {
            cause = "the gradient of '\(skipped)' holds NaN or infinity"
        } else {
            let nonFinite = values.keys.sorted().filter { !values[$0]!.isFinite }
            guard !nonFinite.isEmpty else { return nil }
            cause = nonFinite.map { "'\($0)' is \(values[$0]!)" }.joined(separator: ", ")
        }
        return NonFiniteStop(epoch: position.epoch, step: position.batchIndex + 1, globalStep: position.globalStep + 1,
                             cause: cause, terms: values, learningRates: optimizers.map(\.currentLearningRate))
    }
}
