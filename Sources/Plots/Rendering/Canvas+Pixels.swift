import CCairo

extension Canvas {
    /// The rendered pixels as straight (not premultiplied) RGBA bytes, row by row with no padding.
    ///
    /// Cairo's ARGB32 stores each pixel as one native-endian 32-bit word with premultiplied colour;
    /// PNG wants straight alpha, so each colour is divided back by its pixel's alpha.
    func rgbaPixels() -> [UInt8] {
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { return [] }
        let width = pixelWidth, height = pixelHeight
        return [UInt8](unsafeUninitializedCapacity: width * height * 4) { output, initializedCount in
            for row in 0..<height {
                let source = UnsafeRawPointer(data + row * stride)
                var target = row * width * 4
                for column in 0..<width {
                    let word = source.loadUnaligned(fromByteOffset: column * 4, as: UInt32.self)
                    let alpha = UInt32(word >> 24)
                    var red = (word >> 16) & 0xFF, green = (word >> 8) & 0xFF, blue = word & 0xFF
                    if alpha != 255 && alpha != 0 {
                        red = (red * 255 + alpha / 2) / alpha
                        green = (green * 255 + alpha / 2) / alpha
                        blue = (blue * 255 + alpha / 2) / alpha
                    }
                    output[target] = UInt8(truncatingIfNeeded: red)
                    output[target + 1] = UInt8(truncatingIfNeeded: green)
                    output[target + 2] = UInt8(truncatingIfNeeded: blue)
                    output[target + 3] = UInt8(truncatingIfNeeded: alpha)
                    target += 4
                }
            }
            initializedCount = width * height * 4
        }
    }
}
