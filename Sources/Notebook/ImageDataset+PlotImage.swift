import Datasets
import Plots

extension ImageDataset {
    /// The image at `index` as a picture for `Figure.imageGrid` (values outside 0...1, as with `.centered`,
    /// are stretched). Throws when `index` is out of range.
    ///
    /// - Parameter index: the image's position.
    public func plotImage(at index: Int) throws -> PlotImage {
        guard (0..<count).contains(index) else {
            throw DatasetsError.invalidArgument("image index \(index) is out of range 0..<\(count)")
        }
        let pixels = Array(image(at: index))
        let picture = PlotImage(pixels: pixels, width: width, height: height)
        return pixels.contains(where: { $0 < 0 || $0 > 1 }) ? picture.normalized() : picture
    }
}

/// A dataset shows its first 16 images with their labels.
extension ImageDataset: RichDisplayable {
    public func mimeBundle() -> [String: String] {
        grid.mimeBundle().merging(["text/plain": description]) { _, new in new }
    }

    public func mimeMetadata() -> [String: [String: Int]] { grid.mimeMetadata() }

    private var grid: Figure {
        let shown = Array(0..<Swift.min(count, 16))
        return Figure.imageGrid(shown.compactMap { try? plotImage(at: $0) }, columns: 8,
                                captions: shown.map { String(labels[$0]) }, title: description)
    }
}

/// A picture shows itself, four times enlarged.
extension PlotImage: RichDisplayable {
    public func mimeBundle() -> [String: String] {
        figure.mimeBundle().merging(["text/plain": description]) { _, new in new }
    }

    public func mimeMetadata() -> [String: [String: Int]] { figure.mimeMetadata() }

    private var figure: Figure { Figure.imageGrid([self], columns: 1, pixelScale: 4) }
}
