import Foundation

/// Round "nice" numbers (1, 2 or 5 times a power of ten) for axis ticks, after Heckbert,
/// "Nice numbers for graph labels", Graphics Gems (1990).
enum NiceNumbers {
    /// The nice number closest to `value` (when `rounding`), or the smallest nice number ≥ `value`.
    static func nice(_ value: Double, rounding: Bool) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        let exponent = floor(log10(value))
        let power = pow(10, exponent)
        let fraction = value / power
        let niceFraction: Double
        if rounding {
            niceFraction = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            niceFraction = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return niceFraction * power
    }

    /// A tick step that splits `span` into about `targetCount` intervals of a nice size.
    static func niceStep(span: Double, targetCount: Int) -> Double {
        let count = max(2, targetCount)
        return nice(span / Double(count - 1), rounding: true)
    }

    /// How many decimals a tick label needs when ticks are `step` apart.
    static func decimals(forStep step: Double) -> Int {
        max(0, Int(-floor(log10(step) + 1e-9)))
    }

    /// Formats a tick value: fixed point with `decimals` digits, or scientific for huge or tiny values.
    static func format(_ value: Double, decimals: Int, step: Double) -> String {
        // Snap values that are zero up to rounding error, so no tick reads "-0.0".
        let value = abs(value) < step * 1e-6 ? 0 : value
        let magnitude = abs(value)
        if magnitude >= 1e6 || (decimals > 5 && magnitude > 0) {
            return compactScientific(value)
        }
        // A true minus sign (U+2212), as typeset numbers use, not a hyphen.
        return String(format: "%.\(decimals)f", value).replacingOccurrences(of: "-", with: "\u{2212}")
    }

    /// "1.5e-7"-style text without redundant zeros.
    static func compactScientific(_ value: Double) -> String {
        String(format: "%.3g", value)
            .replacingOccurrences(of: "e+0", with: "e")
            .replacingOccurrences(of: "e-0", with: "e-")
            .replacingOccurrences(of: "e+", with: "e")
            .replacingOccurrences(of: "-", with: "\u{2212}")
    }

    /// "10⁻³"-style label for a power of ten, with Unicode superscript digits.
    static func powerOfTen(_ exponent: Int) -> String {
        if exponent == 0 { return "1" }
        if exponent == 1 { return "10" }
        let superscripts: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴",
            "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻",
        ]
        return "10" + String(String(exponent).map { superscripts[$0] ?? $0 })
    }
}
