/// A continuous colour scale that maps a value in 0...1 to a colour, for heatmaps and colour bars.
public struct ColorMap: Sendable {
    /// The colours at evenly spaced stops from 0 to 1; values in between are interpolated.
    public let stops: [Color]

    /// Creates a colour map from at least two evenly spaced stops.
    ///
    /// - Parameter stops: At least two colours, from the colour of 0 to the colour of 1.
    public init(stops: [Color]) {
        precondition(stops.count >= 2, "a colour map needs at least two stops, got \(stops.count)")
        self.stops = stops
    }

    /// matplotlib's perceptually uniform default "viridis" (dark purple → teal → yellow).
    public static let viridis: ColorMap = ColorMap(stops: [
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C,
        0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725,
    ].map { Color(hex: $0) })

    /// A white → dark blue scale that suits counts such as a confusion matrix.
    public static let blues: ColorMap = ColorMap(stops: [
        0xF7FBFF, 0xDEEBF7, 0xC6DBEF, 0x9ECAE1, 0x6BAED6,
        0x4292C6, 0x2171B5, 0x08519C, 0x08306B,
    ].map { Color(hex: $0) })

    /// The colour at `fraction` (clamped to 0...1; NaN maps to 0).
    ///
    /// - Parameter fraction: The position on the scale, 0...1.
    public func color(at fraction: Double) -> Color {
        let t = fraction.isNaN ? 0 : min(max(fraction, 0), 1)
        let position = t * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        return stops[lower].mixed(with: stops[lower + 1], fraction: position - Double(lower))
    }
}
