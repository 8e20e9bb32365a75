/// Every error the NeuralNetworks module throws. Messages name the layer, parameter, tensor or file
/// involved and carry the shapes and values, so a failing notebook cell says what went wrong where.
public enum NeuralNetworksError: Error, CustomStringConvertible, Equatable {
    /// A layer, loss, optimizer or initialiser was configured with values it cannot use.
    case invalidConfiguration(component: String, reason: String)
    /// An input has a shape or value the operation cannot use.
    case invalidInput(operation: String, reason: String)
    /// A parameter name that the model does not have (from an update or a checkpoint).
    case unknownParameter(name: String)
    /// A parameter of the model that an update or a checkpoint did not provide.
    case missingParameter(name: String)
    /// A parameter was given a tensor of another shape.
    case parameterShapeMismatch(name: String, expected: [Int], actual: [Int])
    /// A file could not be read or written.
    case fileAccess(path: String, reason: String)
    /// A checkpoint file is not valid safetensors (bad header, bad JSON, bad offsets).
    case malformedCheckpoint(path: String, reason: String)
    /// A tensor's bytes lie past the end of the checkpoint file (an interrupted copy or save).
    case truncatedTensor(name: String, path: String, neededBytes: Int, availableBytes: Int)
    /// A checkpoint does not fit the model: a tensor is missing, extra or of another shape.
    case checkpointMismatch(path: String, name: String, reason: String)
    /// A tensor stored in a dtype this library cannot read.
    case unsupportedDataType(name: String, dataType: String)
    /// A gradient holds NaN or infinity, so an update would spoil the weights; nothing was changed. The learning
    /// rate is the optimizer's for that update (nil outside an optimizer).
    case nonFiniteGradient(parameter: String, learningRate: Float?)
    /// The value a checked `valueAndGradient` differentiated is NaN or infinite.
    case nonFiniteLoss(value: Float)

    /// A one-line message naming what failed and the values involved.
    public var description: String {
        switch self {
        case let .invalidConfiguration(component, reason):
            return "\(component): \(reason)"
        case let .invalidInput(operation, reason):
            return "\(operation): \(reason)"
        case let .unknownParameter(name):
            return "the model has no parameter named '\(name)'"
        case let .missingParameter(name):
            return "no value was given for parameter '\(name)'"
        case let .parameterShapeMismatch(name, expected, actual):
            return "parameter '\(name)' has shape \(expected), got a tensor of shape \(actual)"
        case let .fileAccess(path, reason):
            return "\(path): \(reason)"
        case let .malformedCheckpoint(path, reason):
            return "\(path) is not a valid safetensors file: \(reason)"
        case let .truncatedTensor(name, path, neededBytes, availableBytes):
            return "\(path): tensor '\(name)' needs bytes up to offset \(neededBytes) but the data holds only \(availableBytes) (truncated file?)"
        case let .checkpointMismatch(path, name, reason):
            return "\(path): tensor '\(name)' does not fit the model: \(reason)"
        case let .unsupportedDataType(name, dataType):
            return "tensor '\(name)' has dtype \(dataType); only F32, F64 and BF16 can be read"
        case let .nonFiniteGradient(parameter, learningRate):
            let rate = learningRate.map { " (learning rate \($0))" } ?? ""
            return "the gradient of '\(parameter)' holds NaN or infinity\(rate); no parameter was changed"
        case let .nonFiniteLoss(value):
            return "the loss is \(value); its gradient would spoil the weights"
        }
    }
}
