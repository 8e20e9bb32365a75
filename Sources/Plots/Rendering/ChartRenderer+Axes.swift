import Foundation

extension ChartRenderer {
    /// Light lines at every tick, behind the data.
    func drawGrid(frame: ChartFrame, xTicks: [Tick], yTicks: [Tick]) {
        let area = frame.area
        if !hasCategoricalBars {
            for tick in xTicks {
                let x = canvas.snap(frame.pointX(tick.value))
                canvas.strokeLine(from: (x, area.y), to: (x, area.maxY), color: Theme.grid)
            }
        }
        for tick in yTicks {
            let y = canvas.snap(frame.pointY(tick.value))
            canvas.strokeLine(from: (area.x, y), to: (area.maxX, y), color: Theme.grid)
        }
    }

    private var hasCategoricalBars: Bool {
        marks.contains { mark in
            if case .bars(let series) = mark { return !series.categoryLabels.isEmpty }
            return false
        }
    }

    /// The frame, tick marks, tick labels, axis labels and title.
    func drawAxes(frame: ChartFrame, xTicks: [Tick], yTicks: [Tick]) {
        let area = frame.area
        let tickLength = 4.0, gap = 4.0
        let left = canvas.snap(area.x), right = canvas.snap(area.maxX)
        let top = canvas.snap(area.y), bottom = canvas.snap(area.maxY)
        canvas.strokeRectangle(x: left, y: top, width: right - left, height: bottom - top, color: Theme.axis)

        for tick in yTicks {
            let y = canvas.snap(frame.pointY(tick.value))
            canvas.strokeLine(from: (left - tickLength, y), to: (left, y), color: Theme.axis)
            canvas.drawText(tick.label, x: left - tickLength - gap, y: y, size: FontSize.tick,
                            horizontal: .trailing, vertical: .center)
        }

        let stride = labelStride(ticks: xTicks, frame: frame)
        for (index, tick) in xTicks.enumerated() {
            let x = canvas.snap(frame.pointX(tick.value))
            canvas.strokeLine(from: (x, bottom), to: (x, bottom + tickLength), color: Theme.axis)
            guard index % stride == 0 else { continue }
            canvas.drawText(tick.label, x: x, y: bottom + tickLength + gap, size: FontSize.tick,
                            horizontal: .center, vertical: .top)
        }

        if !figure.xLabel.isEmpty {
            canvas.drawText(figure.xLabel, x: area.midX, y: canvas.height - 10, size: FontSize.label,
                            horizontal: .center, vertical: .bottom)
        }
        if !figure.yLabel.isEmpty {
            canvas.drawText(figure.yLabel, x: 10 + canvas.lineHeight(size: FontSize.label) / 2, y: area.midY,
                            size: FontSize.label, horizontal: .center, vertical: .center, rotation: -Double.pi / 2)
        }
        if !figure.title.isEmpty {
            canvas.drawText(figure.title, x: area.midX, y: 10, size: FontSize.title,
                            horizontal: .center, vertical: .top)
        }
    }

    /// Label every n-th tick so neighbouring labels never overlap.
    private func labelStride(ticks: [Tick], frame: ChartFrame) -> Int {
        guard ticks.count > 1 else { return 1 }
        let spacing = abs(frame.pointX(ticks[1].value) - frame.pointX(ticks[0].value))
        let widest = ticks.map { canvas.textWidth($0.label, size: FontSize.tick) }.max() ?? 0
        guard spacing > 0 else { return 1 }
        return max(1, Int(min((widest + 6) / spacing, Double(ticks.count)).rounded(.up)))
    }

    /// Dashed lines where epochs end, each epoch numbered at the top of its span.
    func drawEpochMarkers(frame: ChartFrame) {
        let positions = figure.epochMarkers.filter(\.isFinite).sorted()
        guard !positions.isEmpty else { return }
        let area = frame.area
        var previous = max(frame.xScale.lower, 0)
        var spans: [(start: Double, end: Double)] = []
        for position in positions {
            let x = frame.pointX(position)
            guard x >= area.x, x <= area.maxX else { continue }
            canvas.strokeLine(from: (x, area.y), to: (x, area.maxY), color: Theme.marker.withAlpha(0.8),
                              lineWidth: 1, dash: [4, 3])
            spans.append((frame.pointX(previous), x))
            previous = position
        }
        let narrowest = spans.map { $0.end - $0.start }.min() ?? 0
        let longLabel = "epoch \(spans.count)"
        let useLong = narrowest >= canvas.textWidth(longLabel, size: FontSize.annotation) + 6
        let shortWidth = canvas.textWidth(String(spans.count), size: FontSize.annotation) + 4
        let stride = narrowest > 0 ? max(1, Int(min(shortWidth / narrowest, Double(spans.count)).rounded(.up))) : 1
        for (index, span) in spans.enumerated() where (index + 1) % stride == 0 || useLong {
            let label = useLong ? "epoch \(index + 1)" : String(index + 1)
            canvas.drawText(label, x: (span.start + span.end) / 2, y: area.y + 3, size: FontSize.annotation,
                            color: Theme.marker, horizontal: .center, vertical: .top)
        }
    }
}
