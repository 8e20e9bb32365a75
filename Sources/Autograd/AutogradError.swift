/// Every error the Autograd module throws. Messages name the operation and carry the shapes,
/// axes, indices or values involved, so a failing notebook cell says what went wrong where.
public enum AutogradError: Error, CustomStringConvertible, Equatable {
    /// Two operands cannot be combined: `operation` got shapes `left` and `right`.
    case shapeMismatch(operation: String, left: [Int], right: [Int])
    /// A shape does not fit the data or the operation, e.g. a scalar count that is not the product of the dimensions.
    case invalidShape(operation: String, shape: [Int], reason: String)
    /// An axis is outside `-rank..<rank` for a tensor of that rank.
    case invalidAxis(operation: String, axis: Int, rank: Int)
    /// An index is outside `0..<bound`.
    case indexOutOfRange(operation: String, index: Int, bound: Int)
    /// An argument has a value the operation cannot use.
    case invalidArgument(operation: String, reason: String)
    /// A differentiated function returned a tensor that is not a single value.
    case nonScalarValue(shape: [Int])

    /// A one-line message naming the operation and the offending shapes or values.
    public var description: String {
        switch self {
        case let .shapeMismatch(operation, left, right):
            return "\(operation): shapes \(left) and \(right) are incompatible"
        case let .invalidShape(operation, shape, reason):
            return "\(operation): invalid shape \(shape): \(reason)"
        case let .invalidAxis(operation, axis, rank):
            return "\(operation): axis \(axis) is out of range for a tensor of rank \(rank)"
        case let .indexOutOfRange(operation, index, bound):
            return "\(operation): index \(index) is out of range 0..<\(bound)"
        case let .invalidArgument(operation, reason):
            return "\(operation): \(reason)"
        case let .nonScalarValue(shape):
            return "valueAndGradient: the function must return a single value, got shape \(shape)"
        }
    }
}
