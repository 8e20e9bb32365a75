/// Every error the Models module throws. Messages name the model, the argument or series involved
/// and carry the shapes and values, so a failing notebook cell says what went wrong where.
public enum ModelsError: Error, CustomStringConvertible, Equatable {
    /// A model, schedule or training option was configured with values it cannot use.
    case invalidConfiguration(component: String, reason: String)
    /// Data given to a model does not fit it (wrong item count, empty, out-of-range rating).
    case invalidInput(operation: String, reason: String)
    /// A tensor has another shape than the operation expects.
    case shapeMismatch(operation: String, expected: [Int], actual: [Int])
    /// A named series (metric, loss part) was asked for but never recorded.
    case unknownSeries(name: String, available: [String])
    /// A checkpoint could not be written or read during training.
    case checkpointFailed(path: String, reason: String)
    /// `fit` stopped at a step whose loss or gradients held NaN or infinity; the history holds the steps before it
    /// and the stop.
    case nonFiniteTraining(NonFiniteStop, history: TrainingHistory)

    /// A one-line message naming what failed and the values involved.
    public var description: String {
        switch self {
        case let .invalidConfiguration(component, reason):
            return "\(component): \(reason)"
        case let .invalidInput(operation, reason):
            return "\(operation): \(reason)"
        case let .shapeMismatch(operation, expected, actual):
            return "\(operation): expected shape \(expected), got \(actual)"
        case let .unknownSeries(name, available):
            let names = available.isEmpty ? "none recorded" : available.joined(separator: ", ")
            return "no series named '\(name)' (available: \(names))"
        case let .checkpointFailed(path, reason):
            return "checkpoint \(path): \(reason)"
        case let .nonFiniteTraining(stop, _):
            return stop.description
        }
    }
}
