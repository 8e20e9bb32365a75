extension Figure {
    /// Adds points at (`x[i]`, `y[i]`); with `labels`, each point is coloured by its category and the
    /// legend lists the categories (named by `classNames[label]` when given, else by number) —
    /// for example a VAE's 2-D latent space coloured by digit.
    ///
    /// - Parameters:
    ///   - x: Horizontal positions.
    ///   - y: Vertical positions, one per `x`.
    ///   - labels: A category per point, each coloured and listed in the legend; empty for one colour.
    ///   - classNames: Legend names of the categories by number; empty shows the numbers.
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour of uncategorised points; nil for the next colour of the palette.
    ///   - pointRadius: The radius of each point in points.
    public mutating func scatter(x: [Double], y: [Double], labels: [Int] = [], classNames: [String] = [],
                                 name: String = "", color: Color? = nil, pointRadius: Double = 2.5) {
        append(.scatter(ScatterSeries(name: name, x: x, y: y, categories: labels, categoryNames: classNames,
                                      color: color, pointRadius: pointRadius)))
    }

    /// Adds single-precision points, converted to `Double`.
    ///
    /// - Parameters:
    ///   - x: Horizontal positions.
    ///   - y: Vertical positions, one per `x`.
    ///   - labels: A category per point, each coloured and listed in the legend; empty for one colour.
    ///   - classNames: Legend names of the categories by number; empty shows the numbers.
    ///   - name: The legend entry; empty keeps the series out of the legend.
    ///   - color: The colour of uncategorised points; nil for the next colour of the palette.
    ///   - pointRadius: The radius of each point in points.
    @_disfavoredOverload
    public mutating func scatter(x: [Float], y: [Float], labels: [Int] = [], classNames: [String] = [],
                                 name: String = "", color: Color? = nil, pointRadius: Double = 2.5) {
        scatter(x: x.map(Double.init), y: y.map(Double.init), labels: labels, classNames: classNames,
                name: name, color: color, pointRadius: pointRadius)
    }
}
