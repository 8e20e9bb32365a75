import Foundation

extension Figure {
    /// Adds one bar per value, labelled on the horizontal axis by `labels` (or 0, 1, 2, … when empty).
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
    @_disfavoredOverload
    public mutating func bar(_ values: [Float], labels: [String] = [], name: String = "", color: Color? = nil) {
        bar(values.map(Double.init), labels: labels, name: name, color: color)
    }

    /// Adds a histogram of `values` split into `bins` equal-width bins over their finite range.
    public mutating func histogram(_ values: [Double], bins: Int = 20, name: String = "", color: Color? = nil) {
        let counts = histogramCounts(values, bins: max(1, bins))
        append(.bars(BarSeries(name: name, left: counts.left, right: counts.right, height: counts.height,
                               categoryLabels: [], color: color)))
    }

    /// Adds a histogram of single-precision values, converted to `Double`.
    @_disfavoredOverload
    public mutating func histogram(_ values: [Float], bins: Int = 20, name: String = "", color: Color? = nil) {
        histogram(values.map(Double.init), bins: bins, name: name, color: color)
    }
}

/// Bin edges and counts for a histogram; the last bin includes its right edge, as in NumPy.
func histogramCounts(_ values: [Double], bins: Int) -> (left: [Double], right: [Double], height: [Double]) {
    let finite = values.filter(\.isFinite)
    guard var low = finite.min(), var high = finite.max() else { return ([], [], []) }
    if low == high {
        low -= 0.5
        high += 0.5
    }
    let width = (high - low) / Double(bins)
    var counts = [Double](repeating: 0, count: bins)
    for value in finite {
        let bin = min(bins - 1, Int((value - low) / width))
        counts[bin] += 1
    }
    let left = (0..<bins).map { low + Double($0) * width }
    let right = (0..<bins).map { $0 == bins - 1 ? high : low + Double($0 + 1) * width }
    return (left, right, counts)
}
