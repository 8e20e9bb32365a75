import CCairo

/// Where each panel of a multi-panel figure goes: rows of panels, each row as tall as its tallest panel,
/// at whole-point offsets so every panel's lines stay pixel-aligned.
struct PanelLayout {
    let origins: [(x: Double, y: Double)]
    let titleHeight: Double
    let width: Int
    let height: Int

    init(figures: [Figure], columns: Int, title: String, measure: TextMeasurer) {
        let columnCount = max(1, columns)
        titleHeight = title.isEmpty ? 0 : (measure.lineHeight(size: FontSize.title) + 10).rounded(.up)
        var origins: [(x: Double, y: Double)] = []
        var top = titleHeight, widest = 0.0
        for rowStart in stride(from: 0, to: figures.count, by: columnCount) {
            let row = figures[rowStart..<min(rowStart + columnCount, figures.count)]
            var left = 0.0
            for figure in row {
                origins.append((left, top))
                left += Double(figure.width)
            }
            widest = max(widest, left)
            top += Double(row.map(\.height).max() ?? 0)
        }
        self.origins = origins
        width = max(1, Int(widest))
        height = max(1, Int(top))
    }

    /// Draws the overall title, then each panel translated to its place.
    func draw(_ figures: [Figure], title: String, on canvas: Canvas) throws {
        guard !figures.isEmpty else { throw PlotsError.empty(what: "panel figure '\(title)'") }
        if !title.isEmpty {
            canvas.drawText(title, x: canvas.width / 2, y: 8, size: FontSize.title, bold: true,
                            horizontal: .center, vertical: .top)
        }
        for (figure, origin) in zip(figures, origins) {
            if case .panels = figure.content {
                throw PlotsError.invalidArgument(name: "panel", value: figure.summary, reason: "panels cannot be nested")
            }
            let panel = Canvas(sharing: canvas, width: figure.width, height: figure.height, origin: origin)
            try figure.draw(on: panel)
            panel.restoreOrigin()
        }
        try canvas.checkStatus()
    }
}

extension Canvas {
    /// A view of `parent`'s surface whose point (0, 0) is `origin` in the parent and whose logical size is
    /// `width`×`height`, for drawing one panel. Call ``restoreOrigin()`` when the panel is drawn.
    convenience init(sharing parent: Canvas, width: Int, height: Int, origin: (x: Double, y: Double)) {
        cairo_save(parent.context)
        cairo_translate(parent.context, origin.x, origin.y)
        self.init(surface: cairo_surface_reference(parent.surface), context: cairo_reference(parent.context),
                  width: Double(width), height: Double(height), scale: parent.scale, isOpaque: parent.isOpaque)
    }

    /// Undoes the translation applied by ``init(sharing:width:height:origin:)``.
    func restoreOrigin() {
        cairo_restore(context)
    }
}
