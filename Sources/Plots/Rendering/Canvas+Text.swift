import CCairo
import Foundation

/// Where a string's reference point sits horizontally.
enum HorizontalAnchor {
    case leading, center, trailing
}

/// Where a string's reference point sits vertically.
enum VerticalAnchor {
    case top, center, baseline, bottom
}

/// Font faces created once and shared: building a toy face asks fontconfig, which is slow.
private enum FontFaces {
    static let regular: OpaquePointer? = cairo_toy_font_face_create(
        Theme.fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    static let bold: OpaquePointer? = cairo_toy_font_face_create(
        Theme.fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD)
}

extension Canvas {
    /// Unhinted, grey anti-aliased text so glyph metrics scale exactly and output is deterministic.
    func configureFonts() {
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    private func selectFont(size: Double, bold: Bool) {
        if let face = bold ? FontFaces.bold : FontFaces.regular {
            cairo_set_font_face(context, face)
        } else {
            cairo_select_font_face(context, Theme.fontFamily, CAIRO_FONT_SLANT_NORMAL,
                                   bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        }
        cairo_set_font_size(context, size)
    }

    /// The advance width of `text` in points.
    func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        selectFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return extents.x_advance
    }

    /// The line height (ascent + descent) of the font at `size` points.
    func lineHeight(size: Double, bold: Bool = false) -> Double {
        let metrics = fontMetrics(size: size, bold: bold)
        return metrics.ascent + metrics.descent
    }

    private func fontMetrics(size: Double, bold: Bool) -> (ascent: Double, descent: Double) {
        selectFont(size: size, bold: bold)
        var extents = cairo_font_extents_t()
        cairo_font_extents(context, &extents)
        return (extents.ascent, extents.descent)
    }

    /// Draws `text` with its anchor point at (`x`, `y`), turned by `rotation` radians about it.
    func drawText(_ text: String, x: Double, y: Double, size: Double, color: Color = Theme.text,
                  bold: Bool = false, horizontal: HorizontalAnchor = .leading,
                  vertical: VerticalAnchor = .baseline, rotation: Double = 0) {
        guard !text.isEmpty else { return }
        let metrics = fontMetrics(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        let dx: Double
        switch horizontal {
        case .leading: dx = 0
        case .center: dx = -extents.x_advance / 2
        case .trailing: dx = -extents.x_advance
        }
        let dy: Double
        switch vertical {
        case .top: dy = metrics.ascent
        case .center: dy = (metrics.ascent - metrics.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -metrics.descent
        }
        cairo_save(context)
        cairo_translate(context, x, y)
        if rotation != 0 { cairo_rotate(context, rotation) }
        setColor(color)
        cairo_move_to(context, dx, dy)
        cairo_show_text(context, text)
        cairo_restore(context)
    }

    /// `text` shortened with "…" so it is at most `maximumWidth` points wide.
    func truncated(_ text: String, toWidth maximumWidth: Double, size: Double, bold: Bool = false) -> String {
        if textWidth(text, size: size, bold: bold) <= maximumWidth { return text }
        var characters = Array(text)
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters) + "…"
            if textWidth(candidate, size: size, bold: bold) <= maximumWidth { return candidate }
        }
        return ""
    }
}
