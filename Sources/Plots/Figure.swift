/// A chart or picture that renders to PNG: line plots, scatter, bars, histograms, heatmaps and image grids.
///
/// Sizes are logical points; the PNG holds `scale` (by default 2) pixels per point so the image stays sharp
/// on high-density screens, and ``displaySize`` gives the size to show it at.
///
/// ```swift
/// var figure = Figure(title: "Training", xLabel: "step", yLabel: "loss")
/// figure.plot(trainLoss, name: "train")
/// figure.plot(validationLoss, x: validationSteps, name: "validation")
/// figure.logY = true
/// figure.smoothingWindow = 50
/// figure.markEpochs(stepsPerEpoch: 469)
/// try figure.save("loss.png")
/// ```
public struct Figure {
    /// Logical width in points.
    public var width: Int
    /// Logical height in points.
    public var height: Int
    /// Device pixels per logical point in the PNG (2 renders "retina" quality).
    public var scale: Double
    /// The title above the chart; empty for none.
    public var title: String
    /// The label under the horizontal axis; empty for none.
    public var xLabel: String
    /// The label beside the vertical axis; empty for none.
    public var yLabel: String
    /// Whether the vertical axis is base-10 logarithmic (values ≤ 0 are skipped).
    public var logY: Bool
    /// Whether light grid lines are drawn at the ticks.
    public var showsGrid: Bool
    /// When above 1, each line series is drawn faintly and a trailing moving average of this many
    /// points is drawn over it.
    public var smoothingWindow: Int
    /// Positions on the horizontal (step) axis where an epoch ends; each gets a dashed line and its
    /// epoch number.
    public var epochMarkers: [Double]

    /// What the figure draws.
    var content: Content

    /// An empty chart of `width`×`height` points; add series with `plot`, `scatter`, `bar` or `histogram`.
    ///
    /// - Parameters:
    ///   - width: Logical width in points.
    ///   - height: Logical height in points.
    ///   - title: The title above the chart; empty for none.
    ///   - xLabel: The label under the horizontal axis; empty for none.
    ///   - yLabel: The label beside the vertical axis; empty for none.
    public init(width: Int = 640, height: Int = 400, title: String = "", xLabel: String = "", yLabel: String = "") {
        self.width = width
        self.height = height
        self.scale = 2
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.logY = false
        self.showsGrid = true
        self.smoothingWindow = 0
        self.epochMarkers = []
        self.content = .chart([])
    }

    /// The size, in logical points, at which to display the PNG (its pixels are `scale` times larger);
    /// this is the `{"width": w, "height": h}` of a Jupyter display's image/png metadata.
    public var displaySize: (width: Int, height: Int) {
        (width, height)
    }
}

extension Figure {
    /// The kinds of picture a figure can hold.
    enum Content {
        /// Marks sharing one pair of axes.
        case chart([Mark])
        /// A matrix drawn as coloured cells with a colour bar.
        case heatmap(Heatmap)
        /// Rows of small images.
        case imageGrid(ImageGrid)
        /// Several figures side by side, `columns` to a row.
        case panels([Figure], columns: Int)
    }

    /// One layer drawn on a chart's axes.
    enum Mark {
        case line(LineSeries)
        case scatter(ScatterSeries)
        case bars(BarSeries)
    }

    /// The chart's marks, or none for heatmaps and image grids.
    var marks: [Mark] {
        if case .chart(let marks) = content { return marks }
        return []
    }

    mutating func append(_ mark: Mark) {
        if case .chart(var marks) = content {
            marks.append(mark)
            content = .chart(marks)
        } else {
            content = .chart([mark])
        }
    }
}
