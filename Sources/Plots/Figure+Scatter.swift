extension Figure {
    /// Adds points at (`x[i]`, `y[i]`); with `labels`, each point is coloured by its category and the
    /// legend lists the categories (named by `classNames[label]` when given, else by number) —
    /// for example a VAE's 2-D latent space coloured by digit.
    public mutating func scatter(x: [Double], y: [Double], labels: [Int] = [], classNames: [String] = [],
                                 name: String = "", color: Color? = nil, pointRadius: Double = 2.5) {
        append(.scatter(ScatterSeries(name: name, x: x, y: y, categories: labels, categoryNames: classNames,
                                      color: color, pointRadius: pointRadius)))
    }

    /// Adds single-precision points, converted to `Double`.
    @_disfavoredOverload
    public mutating func scatter(x: [Float], y: [Float], labels: [Int] = [], classNames: [String] = [],
                                 name: String = "", color: Color? = nil, pointRadius: Double = 2.5) {
        scatter(x: x.map(Double.init), y: y.map(Double.init), labels: labels, classNames: classNames,
                name: name, color: color, pointRadius: pointRadius)
    }
}
