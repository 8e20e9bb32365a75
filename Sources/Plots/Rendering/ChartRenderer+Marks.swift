import Foundation

extension ChartRenderer {
    /// Draws every mark in the order it was added, so later series sit on top.
    func drawMarks(frame: ChartFrame) {
        for (index, mark) in marks.enumerated() {
            switch mark {
            case .line(let series): drawLine(series, color: colors[index], frame: frame)
            case .scatter(let series): drawScatter(series, color: colors[index], frame: frame)
            case .bars(let series): drawBars(series, color: colors[index], frame: frame)
            }
        }
    }

    private func drawLine(_ series: LineSeries, color: Color, frame: ChartFrame) {
        let xs = series.x.map(frame.pointX)
        let columnWidth = 1 / canvas.scale
        func stroke(_ values: [Double], color: Color, lineWidth: Double) {
            let points = decimatedForDrawing(x: xs, y: values.map(frame.pointY), columnWidth: columnWidth)
            canvas.strokePolyline(x: points.x, y: points.y, color: color, lineWidth: lineWidth)
        }
        if figure.smoothingWindow > 1 {
            stroke(series.y, color: color.withAlpha(0.25), lineWidth: 1)
            stroke(movingAverage(series.y, window: figure.smoothingWindow), color: color, lineWidth: 1.75)
        } else {
            stroke(series.y, color: color, lineWidth: 1.5)
        }
    }

    private func drawScatter(_ series: ScatterSeries, color: Color, frame: ChartFrame) {
        for index in series.x.indices {
            let x = frame.pointX(series.x[index]), y = frame.pointY(series.y[index])
            guard x.isFinite, y.isFinite else { continue }
            let pointColor = series.categories.isEmpty ? color : Color.categorical(series.categories[index])
            canvas.fillCircle(x: x, y: y, radius: series.pointRadius, color: pointColor.withAlpha(0.75))
        }
    }

    private func drawBars(_ series: BarSeries, color: Color, frame: ChartFrame) {
        let base = frame.yScale.isLogarithmic ? frame.area.maxY : frame.pointY(0)
        for index in series.height.indices {
            let left = frame.pointX(series.left[index]), right = frame.pointX(series.right[index])
            let top = frame.pointY(series.height[index])
            guard left.isFinite, right.isFinite, top.isFinite else { continue }
            let rectangle = Rectangle(x: left, y: min(top, base), width: right - left, height: abs(base - top))
            canvas.fillRectangle(x: rectangle.x, y: rectangle.y, width: rectangle.width, height: rectangle.height,
                                 color: color)
            if rectangle.width > 6 {
                canvas.strokeRectangle(x: rectangle.x, y: rectangle.y, width: rectangle.width,
                                       height: rectangle.height, color: .white, lineWidth: 0.75)
            }
        }
    }

    /// Positions (in points) of the data, for choosing the legend corner that covers the least of it.
    func dataPoints(frame: ChartFrame) -> [(x: Double, y: Double)] {
        var points: [(x: Double, y: Double)] = []
        for mark in marks {
            switch mark {
            case .line(let series):
                let step = max(1, series.y.count / 400)
                for index in stride(from: 0, to: series.y.count, by: step) {
                    points.append((frame.pointX(series.x[index]), frame.pointY(series.y[index])))
                }
            case .scatter(let series):
                for index in series.x.indices {
                    points.append((frame.pointX(series.x[index]), frame.pointY(series.y[index])))
                }
            case .bars(let series):
                let base = frame.yScale.isLogarithmic ? frame.area.maxY : frame.pointY(0)
                for index in series.height.indices {
                    let x = frame.pointX((series.left[index] + series.right[index]) / 2)
                    let top = frame.pointY(series.height[index])
                    for fraction in stride(from: 0.0, through: 1.0, by: 0.125) {
                        points.append((x, top + (base - top) * fraction))
                    }
                }
            }
        }
        // Epoch labels sit along the top of the plot; the legend should not hide them either.
        var previous = max(frame.xScale.lower, 0)
        for position in figure.epochMarkers.filter(\.isFinite).sorted() {
            let centre = (frame.pointX(previous) + frame.pointX(position)) / 2
            for offset in stride(from: -20.0, through: 20, by: 5) {
                points.append((centre + offset, frame.area.y + 8))
            }
            previous = position
        }
        return points
    }
}
