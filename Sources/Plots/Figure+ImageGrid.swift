/// Rows of images with optional row labels and per-image captions.
struct ImageGrid {
    var rows: [[PlotImage]]
    var rowLabels: [String]
    var captions: [[String]]
    /// Logical points per source pixel.
    var pixelScale: Int
}

extension Figure {
    /// A grid of images, one row per array — for example inputs above their reconstructions — with
    /// labels left of the rows and captions under the images. Each source pixel becomes a
    /// `pixelScale`×`pixelScale`-point block (nearest neighbour), so the figure's size follows the images.
    ///
    /// - Parameters:
    ///   - rows: One array per row, e.g. inputs above their reconstructions.
    ///   - rowLabels: Labels left of the rows; empty for none.
    ///   - captions: Captions under the images, row by row; empty for none.
    ///   - title: The title above the figure; empty for none.
    ///   - pixelScale: Points per source pixel (at least 1).
    public static func imageGrid(rows: [[PlotImage]], rowLabels: [String] = [], captions: [[String]] = [],
                                 title: String = "", pixelScale: Int = 2) -> Figure {
        let grid = ImageGrid(rows: rows, rowLabels: rowLabels, captions: captions, pixelScale: max(1, pixelScale))
        let layout = ImageGridLayout(grid: grid, title: title, measure: TextMeasurer())
        var figure = Figure(width: layout.width, height: layout.height, title: title)
        figure.showsGrid = false
        figure.content = .imageGrid(grid)
        return figure
    }

    /// A grid of `images` filled row by row, `columns` to a row, with optional captions under each.
    ///
    /// - Parameters:
    ///   - images: The images, filled row by row.
    ///   - columns: Images per row (at least 1).
    ///   - captions: A caption under each image; empty for none.
    ///   - title: The title above the figure; empty for none.
    ///   - pixelScale: Points per source pixel (at least 1).
    public static func imageGrid(_ images: [PlotImage], columns: Int = 8, captions: [String] = [],
                                 title: String = "", pixelScale: Int = 2) -> Figure {
        let columnCount = max(1, columns)
        let rows = stride(from: 0, to: images.count, by: columnCount).map {
            Array(images[$0..<min($0 + columnCount, images.count)])
        }
        let captionRows = captions.isEmpty ? [] : stride(from: 0, to: captions.count, by: columnCount).map {
            Array(captions[$0..<min($0 + columnCount, captions.count)])
        }
        return imageGrid(rows: rows, captions: captionRows, title: title, pixelScale: pixelScale)
    }
}
