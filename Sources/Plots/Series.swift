/// A named line: `y[i]` drawn at `x[i]`.
public struct LineSeries {
    /// The legend entry; empty keeps the series out of the legend.
    public var name: String
    /// Horizontal positions, one per value.
    public var x: [Double]
    /// Values.
    public var y: [Double]
    /// The colour, or nil for the next colour of the categorical palette.
    public var color: Color?

    /// A line through (`x[i]`, `y[i]`); when `x` is nil the values are drawn at 0, 1, 2, ….
    ///
    /// - Parameters:
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - y: The values.
    ///   - x: Horizontal positions, one per value; nil for 0, 1, 2, ….
    ///   - color: The colour; nil for the next colour of the categorical palette.
    public init(name: String = "", y: [Double], x: [Double]? = nil, color: Color? = nil) {
        self.name = name
        self.y = y
        self.x = x ?? y.indices.map(Double.init)
        self.color = color
    }
}

/// Points, optionally split into categories that get their own colour and legend entry.
struct ScatterSeries {
    var name: String
    var x: [Double]
    var y: [Double]
    /// One category per point, or empty when all points share `color`.
    var categories: [Int]
    /// Display names for categories by index; categories without a name show their number.
    var categoryNames: [String]
    var color: Color?
    var pointRadius: Double
}

/// Rectangles standing on zero: categorical bars or histogram bins.
struct BarSeries {
    var name: String
    /// Left edge of each bar.
    var left: [Double]
    /// Right edge of each bar.
    var right: [Double]
    /// Height of each bar.
    var height: [Double]
    /// Tick labels at the bar centres for categorical bars; empty for a numeric axis (histograms).
    var categoryLabels: [String]
    var color: Color?
}

extension LineSeries: CustomStringConvertible {
    /// `LineSeries(name: "loss", 400 points)`.
    public var description: String { "LineSeries(name: \(name.debugDescription), \(y.count) points)" }
}
