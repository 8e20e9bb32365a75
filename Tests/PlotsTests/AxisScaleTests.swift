import Testing
@testable import Plots

@Suite("Axis scales and nice numbers")
struct AxisScaleTests {
    @Test("nice numbers are 1, 2 or 5 times a power of ten")
    func niceNumbers() {
        #expect(NiceNumbers.nice(0.7, rounding: true) == 0.5)
        #expect(NiceNumbers.nice(3.2, rounding: false) == 5)
        #expect(NiceNumbers.nice(180, rounding: true) == 200)
        #expect(NiceNumbers.niceStep(span: 2000, targetCount: 6) == 500)
    }

    @Test("linear ticks fall on round numbers inside the axis")
    func linearTicks() {
        let scale = AxisScale(lower: -0.1, upper: 2.35, isLogarithmic: false)
        let ticks = scale.ticks(targetCount: 6)
        #expect(ticks.map(\.label) == ["0.0", "0.5", "1.0", "1.5", "2.0"])
    }

    @Test("integer steps print without decimals, and zero is never negative")
    func integerLabels() {
        let ticks = AxisScale(lower: -1050, upper: 2100, isLogarithmic: false).ticks(targetCount: 6)
        #expect(ticks.map(\.label) == ["\u{2212}1000", "\u{2212}500", "0", "500", "1000", "1500", "2000"])
    }

    @Test("log ticks are powers of ten over several decades")
    func logTicks() {
        let ticks = AxisScale(lower: 0.0008, upper: 12, isLogarithmic: true).ticks()
        #expect(ticks.map(\.label) == ["10⁻³", "10⁻²", "10⁻¹", "1", "10"])
    }

    @Test("log ticks within one decade use 1-2-5 steps")
    func logTicksNarrow() {
        let ticks = AxisScale(lower: 0.15, upper: 0.9, isLogarithmic: true).ticks()
        #expect(ticks.map(\.label) == ["0.2", "0.5"])
    }

    @Test("fitting pads by 5 % and widens a flat range")
    func fitting() {
        let scale = AxisScale.fitting(lower: 0, upper: 100, logarithmic: false)
        #expect(abs(scale.lower + 5) < 1e-9 && abs(scale.upper - 105) < 1e-9)
        let flat = AxisScale.fitting(lower: 3, upper: 3, logarithmic: false)
        #expect(flat.lower < 3 && flat.upper > 3)
        #expect(scale.fraction(of: 50) > 0.49 && scale.fraction(of: 50) < 0.51)
        #expect(AxisScale(lower: 1, upper: 100, isLogarithmic: true).fraction(of: -1).isNaN)
    }

    @Test("data spanning Double's whole range gives finite bounds, positions and ticks")
    func extremeRanges() {
        let wide = AxisScale.fitting(lower: -1e308, upper: 1e308, logarithmic: false)
        #expect(wide.lower.isFinite && wide.upper.isFinite && wide.lower < -1e308 && wide.upper > 1e308)
        #expect(abs(wide.fraction(of: 0) - 0.5) < 1e-12 && wide.fraction(of: 1e308) < 1)
        let ticks = wide.ticks(targetCount: 6)
        #expect(!ticks.isEmpty && ticks.count <= 25 && ticks.allSatisfy { $0.value.isFinite })
        let logarithmic = AxisScale.fitting(lower: 1e-320, upper: 1e300, logarithmic: true)
        #expect(logarithmic.lower > 0 && logarithmic.upper.isFinite)
        #expect(!logarithmic.ticks().isEmpty)
        // Far from zero, consecutive multiples of the step are more than 2⁵³: the ticks still end.
        #expect(AxisScale(lower: 1e20, upper: 1e20 + 65_536, isLogarithmic: false).ticks(targetCount: 6).count <= 25)
    }
}
