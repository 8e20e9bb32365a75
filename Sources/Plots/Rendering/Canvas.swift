import CCairo
import Foundation

/// A Cairo image surface with its drawing context, addressed in logical points and rendered at
/// `scale` device pixels per point. Owns both C objects and releases them on deinit.
final class Canvas {
    /// Logical width in points.
    let width: Double
    /// Logical height in points.
    let height: Double
    /// Device pixels per logical point.
    let scale: Double
    /// Width of the pixel buffer.
    let pixelWidth: Int
    /// Height of the pixel buffer.
    let pixelHeight: Int
    /// Whether every pixel is opaque (the background is), so the PNG needs no alpha channel.
    let isOpaque: Bool

    let surface: OpaquePointer
    let context: OpaquePointer

    /// A white canvas of `width`×`height` points at `scale` pixels per point.
    init(width: Int, height: Int, scale: Double, background: Color = .white) throws {
        guard (1...8192).contains(width), (1...8192).contains(height), (0.25...8).contains(scale) else {
            throw PlotsError.invalidSize(width: width, height: height, scale: scale)
        }
        self.width = Double(width)
        self.height = Double(height)
        self.scale = scale
        pixelWidth = max(1, Int((Double(width) * scale).rounded()))
        pixelHeight = max(1, Int((Double(height) * scale).rounded()))
        isOpaque = background.alpha >= 1
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(pixelWidth), Int32(pixelHeight)) else {
            throw PlotsError.cairoFailure(status: "no surface for \(pixelWidth)×\(pixelHeight) pixels")
        }
        let surfaceStatus = cairo_surface_status(surface)
        guard surfaceStatus == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw PlotsError.cairoFailure(status: String(cString: cairo_status_to_string(surfaceStatus)))
        }
        self.surface = surface
        self.context = context
        cairo_scale(context, scale, scale)
        cairo_set_antialias(context, CAIRO_ANTIALIAS_GRAY)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        configureFonts()
        setColor(background)
        cairo_paint(context)
    }

    /// Wraps references to an existing surface and context (each released on deinit).
    init(surface: OpaquePointer, context: OpaquePointer, width: Double, height: Double, scale: Double,
         isOpaque: Bool) {
        self.surface = surface
        self.context = context
        self.width = width
        self.height = height
        self.scale = scale
        self.isOpaque = isOpaque
        pixelWidth = max(1, Int((width * scale).rounded()))
        pixelHeight = max(1, Int((height * scale).rounded()))
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Throws if Cairo recorded an error while drawing.
    func checkStatus() throws {
        let status = cairo_status(context)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotsError.cairoFailure(status: String(cString: cairo_status_to_string(status)))
        }
    }

    /// Finishes pending drawing so the pixel buffer can be read.
    func flush() {
        cairo_surface_flush(surface)
    }

    func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    /// The coordinate on which a line `lineWidth` points wide covers whole device pixels, so axes and
    /// grid lines stay crisp.
    func snap(_ coordinate: Double, lineWidth: Double = 1) -> Double {
        let devicePixels = max(1, (lineWidth * scale).rounded())
        let base = (coordinate * scale).rounded()
        let offset = devicePixels.truncatingRemainder(dividingBy: 2) == 1 ? 0.5 : 0
        return (base + offset) / scale
    }

    /// Fills an axis-aligned rectangle.
    func fillRectangle(x: Double, y: Double, width: Double, height: Double, color: Color) {
        setColor(color)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    /// Strokes the outline of an axis-aligned rectangle.
    func strokeRectangle(x: Double, y: Double, width: Double, height: Double, color: Color, lineWidth: Double = 1) {
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_rectangle(context, x, y, width, height)
        cairo_stroke(context)
    }

    /// Strokes a straight segment, optionally dashed with alternating on/off lengths in points.
    func strokeLine(from start: (x: Double, y: Double), to end: (x: Double, y: Double), color: Color,
                    lineWidth: Double = 1, dash: [Double] = []) {
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_dash(context, dash, Int32(dash.count), 0)
        cairo_move_to(context, start.x, start.y)
        cairo_line_to(context, end.x, end.y)
        cairo_stroke(context)
        cairo_set_dash(context, nil, 0, 0)
    }

    /// Strokes a polyline through (`xs[i]`, `ys[i]`), starting a new piece wherever a coordinate is not finite.
    ///
    /// Data lines use Cairo's FAST anti-aliasing (4×4 coverage samples): at 2× device scale it looks the same
    /// as the full 256-level coverage but rasterises a 2,000-point curve about three times faster. Bevel joins
    /// look the same as round ones at these widths and save Cairo tessellating an arc at every vertex.
    func strokePolyline(x xs: [Double], y ys: [Double], color: Color, lineWidth: Double) {
        setColor(color)
        cairo_set_line_width(context, lineWidth)
        cairo_set_antialias(context, CAIRO_ANTIALIAS_FAST)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_BEVEL)
        defer {
            cairo_set_antialias(context, CAIRO_ANTIALIAS_GRAY)
            cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        }
        var penDown = false
        for index in 0..<min(xs.count, ys.count) {
            let x = xs[index], y = ys[index]
            guard x.isFinite, y.isFinite else {
                penDown = false
                continue
            }
            if penDown { cairo_line_to(context, x, y) } else { cairo_move_to(context, x, y) }
            penDown = true
        }
        cairo_stroke(context)
    }

    /// Fills a disc, for scatter markers.
    func fillCircle(x: Double, y: Double, radius: Double, color: Color) {
        setColor(color)
        cairo_new_sub_path(context)
        cairo_arc(context, x, y, radius, 0, 2 * Double.pi)
        cairo_fill(context)
    }

    /// Restricts drawing to a rectangle until `resetClip()`.
    func clip(x: Double, y: Double, width: Double, height: Double) {
        cairo_rectangle(context, x, y, width, height)
        cairo_clip(context)
    }

    /// Removes the clip set by `clip(...)`.
    func resetClip() {
        cairo_reset_clip(context)
    }
}
