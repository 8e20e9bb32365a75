extension Figure {
    /// Several figures in one picture, `columns` to a row (all in one row when `columns` is 0), under an
    /// optional overall title — for example loss, KL term and β of one training run side by side.
    ///
    /// Each panel keeps its own size, axes and legend; the combined figure is as large as the panels need.
    ///
    /// - Parameters:
    ///   - figures: The panels, in reading order.
    ///   - columns: Panels per row; 0 for one row.
    ///   - title: An overall title; empty for none.
    public static func panels(_ figures: [Figure], columns: Int = 0, title: String = "") -> Figure {
        let columnCount = columns > 0 ? columns : max(1, figures.count)
        let layout = PanelLayout(figures: figures, columns: columnCount, title: title, measure: TextMeasurer())
        var figure = Figure(width: layout.width, height: layout.height, title: title)
        figure.showsGrid = false
        figure.content = .panels(figures, columns: columnCount)
        return figure
    }
}
