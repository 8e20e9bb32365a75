import Foundation

extension Figure {
    /// Adds one bar per value, labelled on the horizontal axis by `labels` (or 0, 1, 2, … when empty).
    ///
    /// - Parameters:
    ///   - values: One bar height per value.
    ///   - labels: Labels under the bars; empty for 0, 1, 2, ….
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour; nil for the next colour of the categorical palette.
    public mutating func bar(_ values: [Double], labels: [String] = [], name: String = "", color: Color? = nil) {
        let positions = values.indices.map(Double.init)
        append(.bars(BarSeries(
            name: name,
            left: positions.map { $0 - 0.4 },
            right: positions.map { $0 + 0.4 },
            height: values,
            categoryLabels: labels.isEmpty ? values.indices.map(String.init) : labels,
            color: color)))
    }

    /// Adds single-precision bars, converted to `Double`.
    ///
    /// - Parameters:
    ///   - values: One bar height per value.
    ///   - labels: Labels under the bars; empty for 0, 1, 2, ….
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour; nil for the next colour of the categorical palette.
    @_disfavoredOverload
    public mutating func bar(_ values: [Float], labels: [String] = [], name: String = "", color: Color? = nil) {
        bar(values.map(Double.init), labels: labels, name: name, color: color)
    }

    /// Adds a histogram of `values` split into `bins` equal-width bins over their finite range; `bins` is taken
    /// within 1...``maximumHistogramBins``.
    ///
    /// - Parameters:
    ///   - values: The values to count; non-finite ones are skipped.
    ///   - bins: The number of equal-width bins.
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour; nil for the next colour of the categorical palette.
    public mutating func histogram(_ values: [Double], bins: Int = 20, name: String = "", color: Color? = nil) {
        let counts = histogramCounts(values, bins: min(max(1, bins), Figure.maximumHistogramBins))
        append(.bars(BarSeries(name: name, left: counts.left, right: counts.right, height: counts.height,
                               categoryLabels: [], color: color)))
    }

    /// The most bins a histogram is split into: more than a chart has pixels across, and few enough to allocate.
    public static let maximumHistogramBins: Int = 1 << 16

    /// Adds a histogram of single-precision values, converted to `Double`.
    ///
    /// - Parameters:
    ///   - values: The values to count; non-finite ones are skipped.
    ///   - bins: The number of equal-width bins.
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour; nil for the next colour of the categorical palette.
    @_disfavoredOverload
    public mutating func histogram(_ values: [Float], bins: Int = 20, name: String = "", color: Color? = nil) {
        histogram(values.map(Double.init), bins: bins, name: name, color: color)
    }
}

/// Bin edges and counts for a histogram; the last bin includes its right edge, as in NumPy.
///
/// Works on half the range, `high/2 − low/2`, which is finite for any finite values (`high − low` overflows
/// to infinity for ±1e308), and widens a range of one value by at least half a unit or one part in a
/// billion (subtracting 0.5 from 1e300 leaves it unchanged).
func histogramCounts(_ values: [Double], bins: Int) -> (left: [Double], right: [Double], height: [Double]) {
    let finite = values.filter(\.isFinite)
    guard var low = finite.min(), var high = finite.max() else { return ([], [], []) }
    if low == high {
        let spread = Swift.max(0.5, Swift.abs(low) * 1e-9)
        (low, high) = (low - spread, high + spread)
    }
    let halfRange = high / 2 - low / 2
    var counts = [Double](repeating: 0, count: bins)
    for value in finite {
        let position = (value / 2 - low / 2) / halfRange * Double(bins)
        counts[Swift.min(bins - 1, Swift.max(0, Int(position)))] += 1
    }
    // The left edge of bin `index`: `low + index · width`, as two half steps so that it stays finite.
    func edge(_ index: Int) -> Double {
        let halfStep = halfRange * (Double(index) / Double(bins))
        return (low + halfStep) + halfStep
    }
    let left = (0..<bins).map(edge)
    let right = (0..<bins).map { $0 == bins - 1 ? high : edge($0 + 1) }
    return (left, right, counts)
}
