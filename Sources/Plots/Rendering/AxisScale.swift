import Foundation

/// Maps data values on one axis to a 0...1 fraction of the plot area, linearly or logarithmically,
/// and chooses the round-number ticks to label it with.
struct AxisScale: Equatable {
    /// The data value at the start of the axis.
    var lower: Double
    /// The data value at the end of the axis.
    var upper: Double
    /// Whether the axis is base-10 logarithmic.
    var isLogarithmic: Bool

    /// A scale covering `lower...upper` of the data, padded by `padding` of its span on each side
    /// (as matplotlib's default 5 % margins). Degenerate ranges are widened so the axis has a span.
    /// The bounds stay finite (and positive on a log axis) for data anywhere in Double's range: spans are
    /// taken as halves (`high/2 − low/2` cannot overflow where `high − low` can) and the padded bounds clamped.
    static func fitting(lower dataLower: Double, upper dataUpper: Double,
                        logarithmic: Bool, padding: Double = 0.05) -> AxisScale {
        if logarithmic {
            var low = log10(dataLower), high = log10(dataUpper)
            if !(low.isFinite && high.isFinite) { low = 0; high = 1 }
            if high - low < 1e-9 { low -= 0.5; high += 0.5 }
            let span = high - low
            return AxisScale(lower: Swift.max(pow(10, low - span * padding), .leastNormalMagnitude),
                             upper: Swift.min(pow(10, high + span * padding), .greatestFiniteMagnitude),
                             isLogarithmic: true)
        }
        var low = dataLower, high = dataUpper
        if !(low.isFinite && high.isFinite) { low = 0; high = 1 }
        if high - low <= abs(high) * 1e-12 {
            let half = high == 0 ? 0.5 : abs(high) * 0.05
            low -= half
            high += half
        }
        let margin = (high / 2 - low / 2) * 2 * padding
        return AxisScale(lower: Swift.max(low - margin, -.greatestFiniteMagnitude),
                         upper: Swift.min(high + margin, .greatestFiniteMagnitude), isLogarithmic: false)
    }

    /// The position of `value` along the axis: 0 at `lower`, 1 at `upper`. NaN when not drawable
    /// (non-finite, or not positive on a log axis).
    func fraction(of value: Double) -> Double {
        if isLogarithmic {
            guard value > 0, value.isFinite else { return .nan }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
        guard value.isFinite else { return .nan }
        return (value / 2 - lower / 2) / (upper / 2 - lower / 2)
    }

    /// Ticks at round numbers inside the axis, about `targetCount` of them, with their labels.
    func ticks(targetCount: Int = 6) -> [Tick] {
        isLogarithmic ? logarithmicTicks() : linearTicks(targetCount: targetCount)
    }

    private func linearTicks(targetCount: Int) -> [Tick] {
        let span = upper - lower
        // Past ±9e307 the span overflows; twice a nice step of half of it is still a round step.
        let step = span.isFinite ? NiceNumbers.niceStep(span: span, targetCount: targetCount)
                                 : 2 * NiceNumbers.niceStep(span: upper / 2 - lower / 2, targetCount: targetCount)
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard first.isFinite, last.isFinite, first <= last else { return [] }
        let decimals = NiceNumbers.decimals(forStep: step)
        // Counted with an integer: a stride of Doubles by 1 never ends past 2⁵³, where adding 1 changes nothing.
        let count = Int(Swift.min(last - first, Double(4 * Swift.max(targetCount, 2))))
        return (0...count).map { offset in
            let value = (first + Double(offset)) * step
            return Tick(value: value, label: NiceNumbers.format(value, decimals: decimals, step: step))
        }
    }

    private func logarithmicTicks() -> [Tick] {
        let lowExponent = Int(log10(lower).rounded(.up))
        let highExponent = Int(log10(upper).rounded(.down))
        let decadeCount = highExponent - lowExponent + 1
        if decadeCount >= 2 {
            let every = max(1, Int((Double(decadeCount) / 7).rounded(.up)))
            return stride(from: lowExponent, through: highExponent, by: every).map { exponent in
                Tick(value: pow(10, Double(exponent)), label: NiceNumbers.powerOfTen(exponent))
            }
        }
        // Less than two decades visible: label 1, 2 and 5 times each power of ten inside the axis.
        var result: [Tick] = []
        for exponent in (lowExponent - 1)...(highExponent + 1) {
            for mantissa in [1.0, 2.0, 5.0] {
                let value = mantissa * pow(10, Double(exponent))
                guard value >= lower * (1 - 1e-9), value <= upper * (1 + 1e-9) else { continue }
                let decimals = max(0, -exponent)
                result.append(Tick(value: value, label: NiceNumbers.format(value, decimals: decimals,
                                                                           step: pow(10, Double(exponent)))))
            }
        }
        return result
    }
}

/// One labelled tick on an axis.
struct Tick: Equatable {
    /// The data value the tick marks.
    var value: Double
    /// The text drawn beside it.
    var label: String
}
