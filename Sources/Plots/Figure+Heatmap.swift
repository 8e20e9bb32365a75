/// A matrix drawn as a grid of coloured cells.
struct Heatmap {
    var values: [[Double]]
    var rowLabels: [String]
    var columnLabels: [String]
    var colorMap: ColorMap
    var showsValues: Bool
}

extension Figure {
    /// A heatmap of `matrix` (rows top to bottom) with a colour bar: attention weights, a confusion matrix.
    ///
    /// - Parameters:
    ///   - matrix: Rows of values, top to bottom, all of one length.
    ///   - rowLabels: Names beside the rows (for a confusion matrix, the true classes); empty for 0, 1, 2, ….
    ///   - columnLabels: Names under the columns (the predicted classes); empty for 0, 1, 2, ….
    ///   - title: The title above the heatmap; empty for none.
    ///   - xLabel: The label under the columns; empty for none.
    ///   - yLabel: The label beside the rows; empty for none.
    ///   - colorMap: The colour scale from the smallest to the largest value.
    ///   - showsValues: Writes each cell's value in it when the cell is large enough.
    ///   - width: Logical width in points.
    ///   - height: Logical height in points.
    public static func heatmap(_ matrix: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                               title: String = "", xLabel: String = "", yLabel: String = "",
                               colorMap: ColorMap = .viridis, showsValues: Bool = false,
                               width: Int = 520, height: Int = 440) -> Figure {
        var figure = Figure(width: width, height: height, title: title, xLabel: xLabel, yLabel: yLabel)
        figure.showsGrid = false
        figure.content = .heatmap(Heatmap(values: matrix, rowLabels: rowLabels, columnLabels: columnLabels,
                                          colorMap: colorMap, showsValues: showsValues))
        return figure
    }

    /// A heatmap of a single-precision matrix, converted to `Double`.
    ///
    /// - Parameters:
    ///   - matrix: Rows of values, top to bottom, all of one length.
    ///   - rowLabels: Names beside the rows; empty for 0, 1, 2, ….
    ///   - columnLabels: Names under the columns; empty for 0, 1, 2, ….
    ///   - title: The title above the heatmap; empty for none.
    ///   - xLabel: The label under the columns; empty for none.
    ///   - yLabel: The label beside the rows; empty for none.
    ///   - colorMap: The colour scale from the smallest to the largest value.
    ///   - showsValues: Writes each cell's value in it when the cell is large enough.
    ///   - width: Logical width in points.
    ///   - height: Logical height in points.
    @_disfavoredOverload
    public static func heatmap(_ matrix: [[Float]], rowLabels: [String] = [], columnLabels: [String] = [],
                               title: String = "", xLabel: String = "", yLabel: String = "",
                               colorMap: ColorMap = .viridis, showsValues: Bool = false,
                               width: Int = 520, height: Int = 440) -> Figure {
        heatmap(matrix.map { $0.map(Double.init) }, rowLabels: rowLabels, columnLabels: columnLabels,
                title: title, xLabel: xLabel, yLabel: yLabel, colorMap: colorMap, showsValues: showsValues,
                width: width, height: height)
    }

    /// A confusion matrix: `counts[true][predicted]`, blue shades, counts written in the cells.
    ///
    /// - Parameters:
    ///   - counts: `counts[true][predicted]`: one row per true class.
    ///   - classNames: The class names, for rows and columns; empty for 0, 1, 2, ….
    ///   - title: The title above the matrix.
    ///   - width: Logical width in points.
    ///   - height: Logical height in points.
    public static func confusionMatrix(_ counts: [[Int]], classNames: [String] = [], title: String = "Confusion matrix",
                                       width: Int = 520, height: Int = 460) -> Figure {
        heatmap(counts.map { $0.map(Double.init) }, rowLabels: classNames, columnLabels: classNames, title: title,
                xLabel: "predicted", yLabel: "true", colorMap: .blues, showsValues: true, width: width, height: height)
    }
}
