import Autograd

/// What an ``Optimizer`` update does when a gradient holds NaN or infinity. A diverging run (a learning rate far
/// too large, a log of zero) shows up there first; applied, such a gradient makes every weight it touches NaN.
public enum NonFiniteGradientPolicy: Sendable, Equatable {
    /// Throw ``NeuralNetworksError/nonFiniteGradient(parameter:learningRate:)``; no parameter and no optimizer
    /// state changes (the default, for hand-written loops).
    case throwError
    /// Change nothing and record the parameter in ``Optimizer/skippedParameter`` (what `fit` uses, so it can stop
    /// with the whole step's loss terms in its error).
    case skipUpdate
    /// Apply the update anyway (the guard off).
    case apply
}

extension Dictionary where Key == String, Value == Tensor {
    /// The first name, in sorted order, whose tensor holds NaN or infinity (the one an update or a checked
    /// `valueAndGradient` reports); nil when every tensor is finite.
    var firstNonFiniteName: String? {
        keys.sorted().first { !self[$0]!.isFinite }
    }
}
