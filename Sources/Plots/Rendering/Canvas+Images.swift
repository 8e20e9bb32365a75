import CCairo

extension Canvas {
    /// Draws a small bitmap into `rectangle`, stretched with nearest-neighbour sampling so each source
    /// pixel becomes a sharp block (a 28×28 digit stays legible, a heatmap keeps crisp cells).
    ///
    /// `pixel(column, row)` gives each source pixel's opaque colour as 8-bit red, green and blue.
    func drawBitmap(width: Int, height: Int, into rectangle: Rectangle,
                    pixel: (_ column: Int, _ row: Int) -> (red: UInt8, green: UInt8, blue: UInt8)) {
        guard width > 0, height > 0,
              let bitmap = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else { return }
        defer { cairo_surface_destroy(bitmap) }
        guard cairo_surface_status(bitmap) == CAIRO_STATUS_SUCCESS,
              let data = cairo_image_surface_get_data(bitmap) else { return }
        cairo_surface_flush(bitmap)
        let stride = Int(cairo_image_surface_get_stride(bitmap))
        for row in 0..<height {
            let line = UnsafeMutableRawPointer(data + row * stride)
            for column in 0..<width {
                let color = pixel(column, row)
                let word = 0xFF00_0000 | UInt32(color.red) << 16 | UInt32(color.green) << 8 | UInt32(color.blue)
                line.storeBytes(of: word, toByteOffset: column * 4, as: UInt32.self)
            }
        }
        cairo_surface_mark_dirty(bitmap)

        cairo_save(context)
        cairo_translate(context, rectangle.x, rectangle.y)
        cairo_scale(context, rectangle.width / Double(width), rectangle.height / Double(height))
        cairo_set_source_surface(context, bitmap, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        cairo_rectangle(context, 0, 0, Double(width), Double(height))
        cairo_fill(context)
        cairo_restore(context)
    }
}
