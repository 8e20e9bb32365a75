extension Figure {
    /// Adds a line of `values` drawn at `x` (or at 0, 1, 2, … when `x` is nil).
    ///
    /// Lengths are checked when the figure is rendered; a mismatch raises ``PlotsError/lengthMismatch(what:expected:actual:)``.
    ///
    /// - Parameters:
    ///   - values: The heights of the line's points.
    ///   - x: Horizontal positions, one per value; nil for 0, 1, 2, ….
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour; nil for the next colour of the categorical palette.
    public mutating func plot(_ values: [Double], x: [Double]? = nil, name: String = "", color: Color? = nil) {
        append(.line(LineSeries(name: name, y: values, x: x, color: color)))
    }

    /// Adds a line of single-precision `values`, converted to `Double`.
    ///
    /// - Parameters:
    ///   - values: The heights of the line's points.
    ///   - x: Horizontal positions, one per value; nil for 0, 1, 2, ….
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour; nil for the next colour of the categorical palette.
    @_disfavoredOverload
    public mutating func plot(_ values: [Float], x: [Double]? = nil, name: String = "", color: Color? = nil) {
        plot(values.map(Double.init), x: x, name: name, color: color)
    }

    /// Adds a prepared line series.
    ///
    /// - Parameter series: A prepared line.
    public mutating func plot(_ series: LineSeries) {
        append(.line(series))
    }

    /// Marks the end of every epoch on a step axis: a dashed line at each multiple of `stepsPerEpoch`
    /// up to the largest step plotted so far.
    ///
    /// - Parameter stepsPerEpoch: Steps in one epoch; 0 or less marks nothing.
    public mutating func markEpochs(stepsPerEpoch: Int) {
        guard stepsPerEpoch > 0 else { return }
        let lastStep = marks.reduce(0.0) { largest, mark in
            guard case .line(let series) = mark else { return largest }
            return max(largest, series.x.filter(\.isFinite).max() ?? 0)
        }
        let count = Int(lastStep / Double(stepsPerEpoch))
        epochMarkers = count >= 1 ? (1...count).map { Double($0 * stepsPerEpoch) } : []
    }

    /// A line chart of several named series sharing one pair of axes.
    ///
    /// - Parameters:
    ///   - series: The named lines.
    ///   - title: The title above the figure; empty for none.
    ///   - xLabel: The label under the horizontal axis; empty for none.
    ///   - yLabel: The label beside the vertical axis; empty for none.
    ///   - logY: A base-10 logarithmic vertical axis (values ≤ 0 are skipped).
    ///   - smoothingWindow: Points in a moving average drawn over each line; 0 for none.
    ///   - width: Logical width in points.
    ///   - height: Logical height in points.
    public static func lines(_ series: [LineSeries], title: String = "", xLabel: String = "", yLabel: String = "",
                             logY: Bool = false, smoothingWindow: Int = 0,
                             width: Int = 640, height: Int = 400) -> Figure {
        var figure = Figure(width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel)
        figure.logY = logY
        figure.smoothingWindow = smoothingWindow
        series.forEach { figure.plot($0) }
        return figure
    }
}

/// The trailing moving average of `values` over `window` points; the first points average what exists
/// so far, and non-finite values are left out of the averages.
func movingAverage(_ values: [Double], window: Int) -> [Double] {
    guard window > 1 else { return values }
    var result = [Double](repeating: .nan, count: values.count)
    var sum = 0.0
    var count = 0
    for index in values.indices {
        let incoming = values[index]
        if incoming.isFinite {
            sum += incoming
            count += 1
        }
        if index >= window {
            let outgoing = values[index - window]
            if outgoing.isFinite {
                sum -= outgoing
                count -= 1
            }
        }
        result[index] = count > 0 ? sum / Double(count) : .nan
    }
    return result
}
