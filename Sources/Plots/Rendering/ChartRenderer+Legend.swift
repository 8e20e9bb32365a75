import Foundation

/// One row of a legend: a swatch in the series' style and its name.
struct LegendEntry {
    enum Swatch { case line, marker, box }
    var name: String
    var color: Color
    var swatch: Swatch
}

extension ChartRenderer {
    /// Legend rows for every named series and every category of a labelled scatter.
    func legendEntries() -> [LegendEntry] {
        var entries: [LegendEntry] = []
        for (index, mark) in marks.enumerated() {
            switch mark {
            case .line(let series) where !series.name.isEmpty:
                entries.append(LegendEntry(name: series.name, color: colors[index], swatch: .line))
            case .scatter(let series) where !series.categories.isEmpty:
                for category in Set(series.categories).sorted() {
                    let name = category >= 0 && category < series.categoryNames.count
                        ? series.categoryNames[category] : String(category)
                    entries.append(LegendEntry(name: name, color: Color.categorical(category), swatch: .marker))
                }
            case .scatter(let series) where !series.name.isEmpty:
                entries.append(LegendEntry(name: series.name, color: colors[index], swatch: .marker))
            case .bars(let series) where !series.name.isEmpty:
                entries.append(LegendEntry(name: series.name, color: colors[index], swatch: .box))
            default:
                break
            }
        }
        return entries
    }

    /// Draws the legend in the corner of the plot area that hides the fewest data points.
    func drawLegend(frame: ChartFrame) {
        let entries = legendEntries()
        guard !entries.isEmpty else { return }
        let area = frame.area
        let rowHeight = canvas.lineHeight(size: FontSize.legend) + 3
        let swatchWidth = 22.0, padding = 6.0, inset = 8.0
        let maximumNameWidth = max(20, area.width * 0.5 - swatchWidth - 3 * padding)
        let names = entries.map { canvas.truncated($0.name, toWidth: maximumNameWidth, size: FontSize.legend) }
        let nameWidth = names.map { canvas.textWidth($0, size: FontSize.legend) }.max() ?? 0
        let maximumRows = max(1, Int((area.height - 2 * inset - 2 * padding) / rowHeight))
        let columnCount = (entries.count + maximumRows - 1) / maximumRows
        let rowCount = (entries.count + columnCount - 1) / columnCount
        let columnWidth = swatchWidth + padding + nameWidth + padding
        let boxWidth = padding + Double(columnCount) * columnWidth
        let boxHeight = 2 * padding + Double(rowCount) * rowHeight - 3

        let candidates = [
            Rectangle(x: area.maxX - inset - boxWidth, y: area.y + inset, width: boxWidth, height: boxHeight),
            Rectangle(x: area.x + inset, y: area.y + inset, width: boxWidth, height: boxHeight),
            Rectangle(x: area.x + inset, y: area.maxY - inset - boxHeight, width: boxWidth, height: boxHeight),
            Rectangle(x: area.maxX - inset - boxWidth, y: area.maxY - inset - boxHeight, width: boxWidth,
                      height: boxHeight),
        ]
        let points = dataPoints(frame: frame)
        let box = candidates.min { first, second in
            covered(by: first, points) < covered(by: second, points)
        } ?? candidates[0]

        canvas.fillRectangle(x: box.x, y: box.y, width: box.width, height: box.height, color: Color.white.withAlpha(0.85))
        canvas.strokeRectangle(x: canvas.snap(box.x), y: canvas.snap(box.y), width: box.width.rounded(),
                               height: box.height.rounded(), color: Theme.legendFrame)
        for (index, entry) in entries.enumerated() {
            let column = index / rowCount, row = index % rowCount
            let left = box.x + padding + Double(column) * columnWidth
            let centerY = box.y + padding + Double(row) * rowHeight + (rowHeight - 3) / 2
            switch entry.swatch {
            case .line:
                canvas.strokeLine(from: (left, centerY), to: (left + swatchWidth, centerY), color: entry.color,
                                  lineWidth: 2)
            case .marker:
                canvas.fillCircle(x: left + swatchWidth / 2, y: centerY, radius: 3.5, color: entry.color)
            case .box:
                canvas.fillRectangle(x: left + 4, y: centerY - 5, width: swatchWidth - 8, height: 10, color: entry.color)
            }
            canvas.drawText(names[index], x: left + swatchWidth + padding, y: centerY, size: FontSize.legend,
                            horizontal: .leading, vertical: .center)
        }
    }

    private func covered(by box: Rectangle, _ points: [(x: Double, y: Double)]) -> Int {
        points.reduce(0) { count, point in box.contains(x: point.x, y: point.y) ? count + 1 : count }
    }
}
