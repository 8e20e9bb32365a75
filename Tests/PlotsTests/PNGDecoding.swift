import CLibPNG
import Foundation
@testable import Plots

/// A PNG decoded by libpng's simplified read API into straight RGBA bytes.
struct DecodedImage {
    let width: Int
    let height: Int
    let rgba: [UInt8]

    /// Decodes `data`, or returns nil when libpng rejects it.
    init?(png data: Data) {
        var image = png_image()
        image.version = UInt32(PNG_IMAGE_VERSION)
        let began = data.withUnsafeBytes { raw in
            png_image_begin_read_from_memory(&image, raw.baseAddress, raw.count)
        }
        guard began != 0 else { return nil }
        image.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        var pixels = [UInt8](repeating: 0, count: Int(image.width) * Int(image.height) * 4)
        let finished = pixels.withUnsafeMutableBytes { raw in
            png_image_finish_read(&image, nil, raw.baseAddress, 0, nil)
        }
        guard finished != 0 else {
            png_image_free(&image)
            return nil
        }
        width = Int(image.width)
        height = Int(image.height)
        rgba = pixels
    }

    /// The pixel at (`x`, `y`) in device pixels.
    func pixel(x: Int, y: Int) -> (red: Int, green: Int, blue: Int, alpha: Int) {
        let index = (y * width + x) * 4
        return (Int(rgba[index]), Int(rgba[index + 1]), Int(rgba[index + 2]), Int(rgba[index + 3]))
    }

    /// How many pixels in the region are clearly darker than white (text, axes, lines).
    func inkCount(x: Range<Int>, y: Range<Int>, threshold: Int = 160) -> Int {
        var count = 0
        for row in y.clamped(to: 0..<height) {
            for column in x.clamped(to: 0..<width) {
                let p = pixel(x: column, y: row)
                if (p.red + p.green + p.blue) / 3 < threshold { count += 1 }
            }
        }
        return count
    }

    /// How many pixels in the region are within `tolerance` of `color` on every channel.
    func count(of color: Color, x: Range<Int>, y: Range<Int>, tolerance: Int = 40) -> Int {
        let target = (Int(color.red * 255), Int(color.green * 255), Int(color.blue * 255))
        var count = 0
        for row in y.clamped(to: 0..<height) {
            for column in x.clamped(to: 0..<width) {
                let p = pixel(x: column, y: row)
                if abs(p.red - target.0) <= tolerance && abs(p.green - target.1) <= tolerance
                    && abs(p.blue - target.2) <= tolerance { count += 1 }
            }
        }
        return count
    }
}

/// Writes `figure` to $PLOTS_SAMPLES_DIR/`name`.png when that variable is set, for looking at by eye.
func saveSampleIfRequested(_ figure: Figure, name: String) throws {
    guard let directory = ProcessInfo.processInfo.environment["PLOTS_SAMPLES_DIR"] else { return }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try figure.save("\(directory)/\(name).png")
}
