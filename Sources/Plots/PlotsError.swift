/// Everything that can go wrong while building, drawing or encoding a figure.
///
/// Each message names the offending value so a notebook user can fix the call that caused it.
public enum PlotsError: Error, CustomStringConvertible, Equatable {
    /// A figure's logical size or scale cannot produce a drawable surface.
    case invalidSize(width: Int, height: Int, scale: Double)
    /// Two arrays that must pair up element by element have different lengths.
    case lengthMismatch(what: String, expected: Int, actual: Int)
    /// A series, matrix or image has no values to draw.
    case empty(what: String)
    /// A pixel buffer does not match the image's declared shape.
    case pixelCountMismatch(width: Int, height: Int, channels: Int, count: Int)
    /// An image has a channel count other than 1 (grey) or 3 (RGB).
    case unsupportedChannels(Int)
    /// A heatmap's rows have different lengths.
    case raggedMatrix(row: Int, expected: Int, actual: Int)
    /// An argument is outside the range the function accepts.
    case invalidArgument(name: String, value: String, reason: String)
    /// Cairo could not create or draw on a surface.
    case cairoFailure(status: String)
    /// libpng could not encode the pixels.
    case pngEncodingFailed(message: String)
    /// Writing the encoded PNG to disk failed.
    case writeFailed(path: String, reason: String)

    /// A human-readable explanation that carries the offending names and values.
    public var description: String {
        switch self {
        case let .invalidSize(width, height, scale):
            return "invalid figure size \(width)×\(height) at scale \(scale): width and height must be in 1...8192 and scale in 0.25...8"
        case let .lengthMismatch(what, expected, actual):
            return "\(what): expected \(expected) values, got \(actual)"
        case let .empty(what):
            return "\(what) is empty: nothing to draw"
        case let .pixelCountMismatch(width, height, channels, count):
            return "image of \(width)×\(height)×\(channels) needs \(width * height * channels) values, got \(count)"
        case let .unsupportedChannels(channels):
            return "images must have 1 (grey) or 3 (RGB) channels, got \(channels)"
        case let .raggedMatrix(row, expected, actual):
            return "matrix row \(row) has \(actual) columns, expected \(expected) like row 0"
        case let .invalidArgument(name, value, reason):
            return "invalid \(name) \(value): \(reason)"
        case let .cairoFailure(status):
            return "cairo failed: \(status)"
        case let .pngEncodingFailed(message):
            return "PNG encoding failed: \(message)"
        case let .writeFailed(path, reason):
            return "could not write '\(path)': \(reason)"
        }
    }
}
