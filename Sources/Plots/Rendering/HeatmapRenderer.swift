import Foundation

/// Draws a heatmap: square cells centred in the plot area, row and column labels, and a colour bar.
struct HeatmapRenderer {
    let figure: Figure
    let heatmap: Heatmap
    let canvas: Canvas

    init(figure: Figure, heatmap: Heatmap, canvas: Canvas) throws {
        self.figure = figure
        self.heatmap = heatmap
        self.canvas = canvas
        guard let first = heatmap.values.first, !first.isEmpty else { throw PlotsError.empty(what: "heatmap matrix") }
        for (index, row) in heatmap.values.enumerated() where row.count != first.count {
            throw PlotsError.raggedMatrix(row: index, expected: first.count, actual: row.count)
        }
        let rows = heatmap.values.count, columns = first.count
        guard heatmap.rowLabels.isEmpty || heatmap.rowLabels.count == rows else {
            throw PlotsError.lengthMismatch(what: "heatmap row labels", expected: rows, actual: heatmap.rowLabels.count)
        }
        guard heatmap.columnLabels.isEmpty || heatmap.columnLabels.count == columns else {
            throw PlotsError.lengthMismatch(what: "heatmap column labels", expected: columns,
                                            actual: heatmap.columnLabels.count)
        }
    }

    private var rowCount: Int { heatmap.values.count }
    private var columnCount: Int { heatmap.values[0].count }

    func draw() throws {
        let finite = heatmap.values.joined().filter(\.isFinite)
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if high - low < 1e-12 { high = low + 1 }
        let valueScale = AxisScale(lower: low, upper: high, isLogarithmic: false)
        let barTicks = valueScale.ticks(targetCount: 6)

        let rowLabels = heatmap.rowLabels.isEmpty ? (0..<rowCount).map(String.init) : heatmap.rowLabels
        let columnLabels = heatmap.columnLabels.isEmpty ? (0..<columnCount).map(String.init) : heatmap.columnLabels
        let padding = 10.0, gap = 4.0, barWidth = 14.0
        let rowLabelWidth = rowLabels.map { canvas.textWidth($0, size: FontSize.tick) }.max() ?? 0
        let barLabelWidth = barTicks.map { canvas.textWidth($0.label, size: FontSize.tick) }.max() ?? 0
        let labelHeight = canvas.lineHeight(size: FontSize.tick)

        var left = padding + rowLabelWidth + gap
        if !figure.yLabel.isEmpty { left += canvas.lineHeight(size: FontSize.label) + gap }
        var top = padding
        if !figure.title.isEmpty { top += canvas.lineHeight(size: FontSize.title) + 6 }
        var bottom = padding + gap + labelHeight
        if !figure.xLabel.isEmpty { bottom += canvas.lineHeight(size: FontSize.label) + gap }
        let right = padding + barLabelWidth + gap + 4 + barWidth + 16

        let availableWidth = max(10, canvas.width - left - right)
        let availableHeight = max(10, canvas.height - top - bottom)
        let cell = min(availableWidth / Double(columnCount), availableHeight / Double(rowCount))
        let grid = Rectangle(x: left + (availableWidth - cell * Double(columnCount)) / 2, y: top,
                             width: cell * Double(columnCount), height: cell * Double(rowCount))

        canvas.drawBitmap(width: columnCount, height: rowCount, into: grid) { column, row in
            bytes(heatmap.colorMap.color(at: valueScale.fraction(of: heatmap.values[row][column])))
        }
        if heatmap.showsValues { drawValues(grid: grid, cell: cell, scale: valueScale) }

        // Labels: thinned so they never overlap.
        let rowStride = max(1, Int(((labelHeight + 1) / cell).rounded(.up)))
        for (index, label) in rowLabels.enumerated() where index % rowStride == 0 {
            canvas.drawText(label, x: grid.x - gap, y: grid.y + (Double(index) + 0.5) * cell, size: FontSize.tick,
                            horizontal: .trailing, vertical: .center)
        }
        let widestColumnLabel = columnLabels.map { canvas.textWidth($0, size: FontSize.tick) }.max() ?? 0
        let columnStride = max(1, Int(((widestColumnLabel + 4) / cell).rounded(.up)))
        for (index, label) in columnLabels.enumerated() where index % columnStride == 0 {
            canvas.drawText(label, x: grid.x + (Double(index) + 0.5) * cell, y: grid.maxY + gap, size: FontSize.tick,
                            horizontal: .center, vertical: .top)
        }
        drawColorBar(grid: grid, barWidth: barWidth, scale: valueScale, ticks: barTicks)
        drawTitles(grid: grid)
        try canvas.checkStatus()
    }

    private func drawValues(grid: Rectangle, cell: Double, scale: AxisScale) {
        let values = heatmap.values.joined()
        let integral = values.allSatisfy { !$0.isFinite || $0 == $0.rounded() }
        let size = min(FontSize.annotation, cell * 0.45)
        guard size >= 6 else { return }
        for row in 0..<rowCount {
            for column in 0..<columnCount {
                let value = heatmap.values[row][column]
                let text = integral && value.isFinite ? String(Int(value)) : String(format: "%.2f", value)
                guard canvas.textWidth(text, size: size) <= cell - 2 else { continue }
                let background = heatmap.colorMap.color(at: scale.fraction(of: value))
                let luminance = 0.2126 * background.red + 0.7152 * background.green + 0.0722 * background.blue
                canvas.drawText(text, x: grid.x + (Double(column) + 0.5) * cell, y: grid.y + (Double(row) + 0.5) * cell,
                                size: size, color: luminance > 0.5 ? Theme.text : .white,
                                horizontal: .center, vertical: .center)
            }
        }
    }

    private func drawColorBar(grid: Rectangle, barWidth: Double, scale: AxisScale, ticks: [Tick]) {
        let bar = Rectangle(x: grid.maxX + 16, y: grid.y, width: barWidth, height: grid.height)
        let steps = 256
        canvas.drawBitmap(width: 1, height: steps, into: bar) { _, row in
            bytes(heatmap.colorMap.color(at: 1 - (Double(row) + 0.5) / Double(steps)))
        }
        canvas.strokeRectangle(x: bar.x, y: bar.y, width: bar.width, height: bar.height, color: Theme.axis,
                               lineWidth: 0.75)
        for tick in ticks {
            let y = bar.maxY - scale.fraction(of: tick.value) * bar.height
            canvas.strokeLine(from: (bar.maxX, y), to: (bar.maxX + 3, y), color: Theme.axis, lineWidth: 0.75)
            canvas.drawText(tick.label, x: bar.maxX + 6, y: y, size: FontSize.tick, vertical: .center)
        }
    }

    private func drawTitles(grid: Rectangle) {
        if !figure.title.isEmpty {
            canvas.drawText(figure.title, x: grid.midX, y: 10, size: FontSize.title, horizontal: .center, vertical: .top)
        }
        if !figure.xLabel.isEmpty {
            canvas.drawText(figure.xLabel, x: grid.midX, y: canvas.height - 10, size: FontSize.label,
                            horizontal: .center, vertical: .bottom)
        }
        if !figure.yLabel.isEmpty {
            canvas.drawText(figure.yLabel, x: 10 + canvas.lineHeight(size: FontSize.label) / 2, y: grid.midY,
                            size: FontSize.label, horizontal: .center, vertical: .center, rotation: -Double.pi / 2)
        }
    }
}

/// 8-bit components of an opaque colour.
func bytes(_ color: Color) -> (red: UInt8, green: UInt8, blue: UInt8) {
    func byte(_ component: Double) -> UInt8 { UInt8((min(max(component, 0), 1) * 255).rounded()) }
    return (byte(color.red), byte(color.green), byte(color.blue))
}
