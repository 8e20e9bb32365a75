import Foundation

/// Draws a chart figure — lines, scatter points and bars on shared axes — onto a canvas.
struct ChartRenderer {
    let figure: Figure
    let canvas: Canvas
    let marks: [Figure.Mark]
    /// One resolved colour per mark (categorical scatter marks colour points by category instead).
    let colors: [Color]

    init(figure: Figure, canvas: Canvas) throws {
        self.figure = figure
        self.canvas = canvas
        self.marks = figure.marks
        var colors: [Color] = []
        var paletteIndex = 0
        for mark in marks {
            let explicit: Color?
            switch mark {
            case .line(let series): explicit = series.color
            case .scatter(let series): explicit = series.color
            case .bars(let series): explicit = series.color
            }
            colors.append(explicit ?? Color.categorical(paletteIndex))
            if explicit == nil { paletteIndex += 1 }
        }
        self.colors = colors
        try validate()
    }

    /// Checks lengths and emptiness before anything is drawn.
    private func validate() throws {
        guard !marks.isEmpty else { throw PlotsError.empty(what: "figure '\(figure.title)' (no series added)") }
        for mark in marks {
            switch mark {
            case .line(let series):
                let what = "line series '\(series.name)'"
                guard !series.y.isEmpty else { throw PlotsError.empty(what: what) }
                guard series.x.count == series.y.count else {
                    throw PlotsError.lengthMismatch(what: "\(what) x", expected: series.y.count, actual: series.x.count)
                }
            case .scatter(let series):
                let what = "scatter series '\(series.name)'"
                guard !series.x.isEmpty else { throw PlotsError.empty(what: what) }
                guard series.y.count == series.x.count else {
                    throw PlotsError.lengthMismatch(what: "\(what) y", expected: series.x.count, actual: series.y.count)
                }
                guard series.categories.isEmpty || series.categories.count == series.x.count else {
                    throw PlotsError.lengthMismatch(what: "\(what) labels", expected: series.x.count,
                                                    actual: series.categories.count)
                }
            case .bars(let series):
                guard !series.height.isEmpty else { throw PlotsError.empty(what: "bar series '\(series.name)'") }
                guard series.categoryLabels.isEmpty || series.categoryLabels.count == series.height.count else {
                    throw PlotsError.lengthMismatch(what: "bar series '\(series.name)' labels",
                                                    expected: series.height.count, actual: series.categoryLabels.count)
                }
            }
        }
        guard figure.smoothingWindow >= 0 else {
            throw PlotsError.invalidArgument(name: "smoothingWindow", value: String(figure.smoothingWindow),
                                             reason: "must be 0 (off) or a positive number of points")
        }
    }

    /// Draws the whole chart.
    func draw() throws {
        let (xScale, yScale) = scales()
        let xTicks = horizontalTicks(scale: xScale)
        let area = plotArea(yTicks: yScale.ticks(targetCount: 6), xTicks: xTicks)
        let yTicks = yScale.ticks(targetCount: max(4, min(9, Int(area.height / 45))))
        let frame = ChartFrame(area: area, xScale: xScale, yScale: yScale)

        if figure.showsGrid { drawGrid(frame: frame, xTicks: xTicks, yTicks: yTicks) }
        canvas.clip(x: area.x, y: area.y, width: area.width, height: area.height)
        drawEpochMarkers(frame: frame)
        drawMarks(frame: frame)
        canvas.resetClip()
        drawAxes(frame: frame, xTicks: xTicks, yTicks: yTicks)
        drawLegend(frame: frame)
        try canvas.checkStatus()
    }

    /// The x and y scales that fit every mark, with 5 % margins (bars stand on an unpadded zero).
    func scales() -> (x: AxisScale, y: AxisScale) {
        var xLow = Double.infinity, xHigh = -Double.infinity
        var yLow = Double.infinity, yHigh = -Double.infinity
        var hasBars = false
        func include(x: Double, y: Double) {
            if x.isFinite {
                xLow = min(xLow, x)
                xHigh = max(xHigh, x)
            }
            if y.isFinite && (!figure.logY || y > 0) {
                yLow = min(yLow, y)
                yHigh = max(yHigh, y)
            }
        }
        for mark in marks {
            switch mark {
            case .line(let series):
                for index in series.y.indices { include(x: series.x[index], y: series.y[index]) }
            case .scatter(let series):
                for index in series.x.indices { include(x: series.x[index], y: series.y[index]) }
            case .bars(let series):
                hasBars = true
                for index in series.height.indices {
                    include(x: series.left[index], y: series.height[index])
                    include(x: series.right[index], y: figure.logY ? series.height[index] : 0)
                }
            }
        }
        let xScale = AxisScale.fitting(lower: xLow, upper: xHigh, logarithmic: false, padding: hasBars ? 0.02 : 0.05)
        var yScale = AxisScale.fitting(lower: yLow, upper: yHigh, logarithmic: figure.logY)
        if hasBars && !figure.logY && yLow >= 0 {
            yScale.lower = 0
        }
        return (xScale, yScale)
    }

    /// Category names under categorical bars, numeric ticks otherwise.
    func horizontalTicks(scale: AxisScale) -> [Tick] {
        for mark in marks {
            if case .bars(let series) = mark, !series.categoryLabels.isEmpty {
                return series.categoryLabels.enumerated().map { index, label in
                    Tick(value: (series.left[index] + series.right[index]) / 2, label: label)
                }
            }
        }
        let estimatedWidth = Double(figure.width) - 90
        return scale.ticks(targetCount: max(4, min(9, Int(estimatedWidth / 75))))
    }

    /// The rectangle inside the margins that hold the title, tick labels and axis labels.
    func plotArea(yTicks: [Tick], xTicks: [Tick]) -> Rectangle {
        let padding = 10.0, tickLength = 4.0, gap = 4.0
        let tickLabelWidth = yTicks.map { canvas.textWidth($0.label, size: FontSize.tick) }.max() ?? 0
        var left = padding + tickLabelWidth + tickLength + gap
        if !figure.yLabel.isEmpty { left += canvas.lineHeight(size: FontSize.label) + gap }
        var bottom = padding + tickLength + gap + canvas.lineHeight(size: FontSize.tick)
        if !figure.xLabel.isEmpty { bottom += canvas.lineHeight(size: FontSize.label) + gap }
        var top = padding
        if !figure.title.isEmpty { top += canvas.lineHeight(size: FontSize.title) + 6 }
        let lastLabelHalf = (xTicks.last.map { canvas.textWidth($0.label, size: FontSize.tick) } ?? 0) / 2
        let right = padding + max(6, lastLabelHalf)
        // Whole points, so the clip to this rectangle is pixel-aligned (Cairo's fast path, no clip mask).
        let x = left.rounded(.up), y = top.rounded(.up)
        return Rectangle(x: x, y: y,
                         width: max(10, (canvas.width - right).rounded(.down) - x),
                         height: max(10, (canvas.height - bottom).rounded(.down) - y))
    }
}

/// A plot area with the scales that map data into it.
struct ChartFrame {
    let area: Rectangle
    let xScale: AxisScale
    let yScale: AxisScale

    /// Horizontal position in points of data value `x` (NaN when not drawable).
    func pointX(_ x: Double) -> Double { area.x + xScale.fraction(of: x) * area.width }
    /// Vertical position in points of data value `y` (NaN when not drawable).
    func pointY(_ y: Double) -> Double { area.maxY - yScale.fraction(of: y) * area.height }
}
