import Autograd

/// How a loss turns per-element (or per-example) values into its result.
public enum LossReduction: Sendable, Equatable {
    /// The average (PyTorch's default).
    case mean
    /// The total.
    case sum
    /// No reduction: the per-element or per-example values.
    case none

    /// Applies the reduction to `values`.
    func apply(_ values: Tensor) -> Tensor {
        switch self {
        case .mean: return values.mean()
        case .sum: return values.sum()
        case .none: return values
        }
    }
}

/// Throws unless the two shapes are equal, naming the loss and both shapes.
func requireSameShape(_ loss: String, _ first: Tensor, _ second: Tensor, _ names: (String, String)) throws {
    guard first.shape == second.shape else {
        throw NeuralNetworksError.invalidInput(
            operation: loss, reason: "\(names.0) \(first.shape) and \(names.1) \(second.shape) must have the same shape")
    }
}
