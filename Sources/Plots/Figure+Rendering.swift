import Foundation

extension Figure {
    /// Draws the figure on a new canvas at `scale` pixels per point.
    func render() throws -> Canvas {
        let canvas = try Canvas(width: width, height: height, scale: scale)
        try draw(on: canvas)
        return canvas
    }

    /// Draws the figure's content on `canvas`, which has the figure's logical size.
    func draw(on canvas: Canvas) throws {
        switch content {
        case .chart:
            try ChartRenderer(figure: self, canvas: canvas).draw()
        case .heatmap(let heatmap):
            try HeatmapRenderer(figure: self, heatmap: heatmap, canvas: canvas).draw()
        case .imageGrid(let grid):
            try ImageGridRenderer(figure: self, grid: grid, canvas: canvas).draw()
        case .panels(let figures, let columns):
            try PanelLayout(figures: figures, columns: columns, title: title, measure: TextMeasurer())
                .draw(figures, title: title, on: canvas)
        }
    }

    /// The figure as a PNG file: `width·scale`×`height·scale` pixels (RGB, as figures are opaque), the same bytes every time for
    /// the same figure.
    ///
    /// - Throws: ``PlotsError`` when the figure has nothing to draw, mismatched arrays, or an invalid size.
    public func pngData() throws -> Data {
        try PNGEncoder.encode(render())
    }

    /// Writes the figure as a PNG file at `path`.
    ///
    /// - Parameter path: Where to write the PNG file.
    /// - Throws: ``PlotsError`` when rendering fails or the file cannot be written.
    public func save(_ path: String) throws {
        let data = try pngData()
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw PlotsError.writeFailed(path: path, reason: error.localizedDescription)
        }
    }
}
