import CCairo

extension Canvas {
    /// Copies pixel row `row` into `output` as 8-bit RGB (when `includesAlpha` is false) or straight-alpha RGBA.
    ///
    /// Cairo's ARGB32 stores each pixel as one native-endian 32-bit word with premultiplied colour;
    /// PNG wants straight alpha, so each colour is divided back by its pixel's alpha.
    func copyRow(_ row: Int, into output: UnsafeMutablePointer<UInt8>, includesAlpha: Bool) {
        guard let data = cairo_image_surface_get_data(surface) else { return }
        let stride = Int(cairo_image_surface_get_stride(surface))
        let source = UnsafeRawPointer(data + row * stride)
        let width = pixelWidth
        if !includesAlpha {
            var target = output
            for column in 0..<width {
                let word = source.loadUnaligned(fromByteOffset: column * 4, as: UInt32.self)
                target[0] = UInt8(truncatingIfNeeded: word >> 16)
                target[1] = UInt8(truncatingIfNeeded: word >> 8)
                target[2] = UInt8(truncatingIfNeeded: word)
                target += 3
            }
            return
        }
        var target = output
        for column in 0..<width {
            let word = source.loadUnaligned(fromByteOffset: column * 4, as: UInt32.self)
            let alpha = word >> 24
            var red = (word >> 16) & 0xFF, green = (word >> 8) & 0xFF, blue = word & 0xFF
            if alpha != 255 && alpha != 0 {
                red = (red * 255 + alpha / 2) / alpha
                green = (green * 255 + alpha / 2) / alpha
                blue = (blue * 255 + alpha / 2) / alpha
            }
            target[0] = UInt8(truncatingIfNeeded: red)
            target[1] = UInt8(truncatingIfNeeded: green)
            target[2] = UInt8(truncatingIfNeeded: blue)
            target[3] = UInt8(truncatingIfNeeded: alpha)
            target += 4
        }
    }
}
