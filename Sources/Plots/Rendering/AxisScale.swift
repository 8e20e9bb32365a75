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
    static func fitting(lower dataLower: Double, upper dataUpper: Double,
                        logarithmic: Bool, padding: Double = 0.05) -> AxisScale {
        if logarithmic {
            var low = log10(dataLower), high = log10(dataUpper)
            if !(low.isFinite && high.isFinite) { low = 0; high = 1 }
            if high - low < 1e-9 { low -= 0.5; high += 0.5 }
            let span = high - low
            return AxisScale(lower: pow(10, low - span * padding), upper: pow(10, high + span * padding),
                             isLogarithmic: true)
        }
        var low = dataLower, high = dataUpper
        if !(low.isFinite && high.isFinite) { low = 0; high = 1 }
        if high - low <= abs(high) * 1e-12 {
            let half = high == 0 ? 0.5 : abs(high) * 0.05
            low -= half
            high += half
        }
        let span = high - low
        return AxisScale(lower: low - span * padding, upper: high + span * padding, isLogarithmic: false)
    }

    /// The position of `value` along the axis: 0 at `lower`, 1 at `upper`. NaN when not drawable
    /// (non-finite, or not positive on a log axis).
    func fraction(of value: Double) -> Double {
        if isLogarithmic {
            guard value > 0, value.isFinite else { return .nan }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
        guard value.isFinite else { return .nan }
        return (value - lower) / (upper - lower)
    }

    /// Ticks at round numbers inside the axis, about `targetCount` of them, with their labels.
    func ticks(targetCount: Int = 6) -> [Tick] {
        isLogarithmic ? logarithmicTicks() : linearTicks(targetCount: targetCount)
    }

    private func linearTicks(targetCount: Int) -> [Tick] {
        let step = NiceNumbers.niceStep(span: upper - lower, targetCount: targetCount)
        let first = (lower / step).rounded(.up)
        let last = (upper / step).rounded(.down)
        guard first <= last else { return [] }
        let decimals = NiceNumbers.decimals(forStep: step)
        return stride(from: first, through: last, by: 1).map { multiple in
            let value = multiple * step
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
