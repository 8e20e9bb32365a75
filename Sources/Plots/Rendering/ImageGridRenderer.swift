import Foundation

/// Measures text for layout before a figure's canvas exists, on a 1×1 scratch canvas.
struct TextMeasurer {
    private let canvas = try? Canvas(width: 1, height: 1, scale: 1)

    func width(_ text: String, size: Double) -> Double { canvas?.textWidth(text, size: size) ?? Double(text.count) * size * 0.6 }
    func lineHeight(size: Double) -> Double { canvas?.lineHeight(size: size) ?? size * 1.2 }
}

/// Where each part of an image grid goes, in logical points.
struct ImageGridLayout {
    static let padding = 8.0, gap = 4.0, rowGap = 6.0
    let cellWidth: Double
    let cellHeight: Double
    let labelColumnWidth: Double
    let captionHeight: Double
    let titleHeight: Double
    let rowHeights: [Double]
    let width: Int
    let height: Int

    init(grid: ImageGrid, title: String, measure: TextMeasurer) {
        let images = grid.rows.joined()
        let scale = Double(grid.pixelScale)
        cellWidth = Double(images.map(\.width).max() ?? 1) * scale
        cellHeight = Double(images.map(\.height).max() ?? 1) * scale
        let labelWidth = grid.rowLabels.map { measure.width($0, size: FontSize.label) }.max() ?? 0
        labelColumnWidth = labelWidth > 0 ? labelWidth + 8 : 0
        captionHeight = measure.lineHeight(size: FontSize.annotation) + 2
        titleHeight = title.isEmpty ? 0 : measure.lineHeight(size: FontSize.title) + 6
        let captioned = grid.rows.indices.map { index in
            index < grid.captions.count && grid.captions[index].contains { !$0.isEmpty }
        }
        rowHeights = captioned.map { [cellHeight, captionHeight] in $0 ? cellHeight + captionHeight : cellHeight }
        let columns = grid.rows.map(\.count).max() ?? 0
        let contentWidth = labelColumnWidth + Double(columns) * cellWidth + Double(max(0, columns - 1)) * Self.gap
        let contentHeight = rowHeights.reduce(0, +) + Double(max(0, rowHeights.count - 1)) * Self.rowGap
        let titleWidth = title.isEmpty ? 0 : measure.width(title, size: FontSize.title)
        width = Int((max(contentWidth, titleWidth) + 2 * Self.padding).rounded(.up))
        height = Int((titleHeight + contentHeight + 2 * Self.padding).rounded(.up))
    }
}

/// Draws rows of images scaled up with nearest-neighbour sampling, with row labels and captions.
struct ImageGridRenderer {
    let figure: Figure
    let grid: ImageGrid
    let canvas: Canvas

    init(figure: Figure, grid: ImageGrid, canvas: Canvas) throws {
        self.figure = figure
        self.grid = grid
        self.canvas = canvas
        guard grid.rows.contains(where: { !$0.isEmpty }) else { throw PlotsError.empty(what: "image grid") }
        for image in grid.rows.joined() { try image.validate() }
        guard grid.rowLabels.isEmpty || grid.rowLabels.count == grid.rows.count else {
            throw PlotsError.lengthMismatch(what: "image grid row labels", expected: grid.rows.count,
                                            actual: grid.rowLabels.count)
        }
    }

    func draw() throws {
        let layout = ImageGridLayout(grid: grid, title: figure.title, measure: TextMeasurer())
        let padding = ImageGridLayout.padding
        if !figure.title.isEmpty {
            canvas.drawText(figure.title, x: canvas.width / 2, y: padding, size: FontSize.title,
                            horizontal: .center, vertical: .top)
        }
        var top = padding + layout.titleHeight
        let scale = Double(grid.pixelScale)
        for (rowIndex, row) in grid.rows.enumerated() {
            if rowIndex < grid.rowLabels.count {
                canvas.drawText(grid.rowLabels[rowIndex], x: padding + layout.labelColumnWidth - 8,
                                y: top + layout.cellHeight / 2, size: FontSize.label,
                                horizontal: .trailing, vertical: .center)
            }
            for (columnIndex, image) in row.enumerated() {
                let cellX = padding + layout.labelColumnWidth + Double(columnIndex) * (layout.cellWidth + ImageGridLayout.gap)
                let imageWidth = Double(image.width) * scale, imageHeight = Double(image.height) * scale
                let target = Rectangle(x: cellX + (layout.cellWidth - imageWidth) / 2,
                                       y: top + (layout.cellHeight - imageHeight) / 2,
                                       width: imageWidth, height: imageHeight)
                canvas.drawBitmap(width: image.width, height: image.height, into: target) { column, row in
                    image.color(column: column, row: row)
                }
                if rowIndex < grid.captions.count, columnIndex < grid.captions[rowIndex].count {
                    let caption = canvas.truncated(grid.captions[rowIndex][columnIndex],
                                                   toWidth: layout.cellWidth + ImageGridLayout.gap,
                                                   size: FontSize.annotation)
                    canvas.drawText(caption, x: cellX + layout.cellWidth / 2, y: top + layout.cellHeight + 1,
                                    size: FontSize.annotation, horizontal: .center, vertical: .top)
                }
            }
            top += layout.rowHeights[rowIndex] + ImageGridLayout.rowGap
        }
        try canvas.checkStatus()
    }
}
