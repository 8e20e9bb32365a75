/// Math functions on eight floats at once, branch-free, for loops that libm's scalar calls kept
/// from vectorising (glibc `expf` is a call per value).
enum VectorMath {
    /// Eight floats.
    typealias Vector = SIMD8<Float>

    /// `eˣ` within 2 ulp (Cephes `expf`: `x = n·ln 2 + r`, a degree-6 polynomial for `eʳ`, `2ⁿ` from
    /// the exponent bits). Below −87.34 gives 0 (where the result would be subnormal), above 88.72
    /// gives +∞, NaN stays NaN.
    @inline(__always)
    static func exponential(_ x: Vector) -> Vector {
        let (lowest, highest): (Float, Float) = (-87.336_544_75, 88.722_839_05)
        // Clamped by masks: `clamped(lowerBound:upperBound:)` stayed a generic call per vector.
        var clamped = x
        clamped.replace(with: lowest, where: x .< lowest)
        clamped.replace(with: highest, where: x .> highest)
        // Round x·log₂e to the nearest integer by adding and subtracting 1.5·2²³.
        // The sum's low mantissa bits then hold n itself (1.5·2²³ is 0x4B40_0000).
        let magic: Float = 12_582_912
        let shifted = clamped * 1.442_695_04 + magic
        let n = shifted - magic
        let r = clamped - n * 0.693_359_375 + n * 2.121_944_4e-4
        var polynomial = Vector(repeating: 1.987_569_15e-4)
        polynomial = polynomial * r + 1.398_199_950_7e-3
        polynomial = polynomial * r + 8.333_451_907_3e-3
        polynomial = polynomial * r + 4.166_579_589_4e-2
        polynomial = polynomial * r + 1.666_666_545_9e-1
        polynomial = polynomial * r + 5.000_000_120_1e-1
        polynomial = polynomial * r * r + r + 1
        // 2ⁿ as two factors 2^⌊n/2⌋ · 2^⌈n/2⌉, each a normal float even where 2ⁿ alone is not
        // (n = 128 near the top of the range, where eʳ < 1 brings the product back below the maximum).
        let power = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let half = power &>> 1
        let lowerFactor = unsafeBitCast((half &+ 127) &<< 23, to: Vector.self)
        let upperFactor = unsafeBitCast((power &- half &+ 127) &<< 23, to: Vector.self)
        var result = polynomial * lowerFactor * upperFactor
        result.replace(with: 0, where: x .< lowest)
        result.replace(with: Float.infinity, where: x .> highest)
        result.replace(with: x, where: x .!= x)
        return result
    }

    /// `eˣ` of one value by the same method (for the tails of vector loops, so a value's result
    /// does not depend on its position).
    @inline(__always)
    static func exponential(_ x: Float) -> Float {
        exponential(Vector(repeating: x))[0]
    }

    /// `e^−|x|` of each lane: in (0, 1], so it never overflows (the stable half of sigmoid and softplus).
    @inline(__always)
    static func exponentialOfNegativeMagnitude(_ x: Vector) -> Vector {
        exponential(-x.replacing(with: -x, where: x .< 0))
    }

    /// `ln(1 + u)` for `u` in [0, 1] (the `e^−|x|` of softplus) within 2 ulp: `w = 1 + u` is split
    /// as `2ᵉ·(1 + f)` with `1 + f` in [1, √2), the Cephes `logf` polynomial gives `ln(1 + f)`, and
    /// `(u − (w − 1)) / w` puts back what rounding `1 + u` lost (so tiny `u` gives `u`).
    @inline(__always)
    static func logarithmOfOnePlus(_ u: Vector) -> Vector {
        let w = 1 + u
        let upperHalf = w .>= 1.414_213_56
        let f = (w - 1).replacing(with: w * 0.5 - 1, where: upperHalf)
        let e = Vector(repeating: 0).replacing(with: 1, where: upperHalf)
        let square = f * f
        var polynomial = Vector(repeating: 7.037_683_629_2e-2)
        polynomial = polynomial * f - 1.151_461_031_0e-1
        polynomial = polynomial * f + 1.167_699_874_0e-1
        polynomial = polynomial * f - 1.242_014_084_6e-1
        polynomial = polynomial * f + 1.424_932_278_7e-1
        polynomial = polynomial * f - 1.666_805_766_5e-1
        polynomial = polynomial * f + 2.000_071_476_5e-1
        polynomial = polynomial * f - 2.499_999_399_3e-1
        polynomial = polynomial * f + 3.333_333_117_4e-1
        var logarithm = polynomial * f * square - e * 2.121_944_4e-4 - 0.5 * square
        logarithm = f + logarithm + e * 0.693_359_375
        return logarithm + (u - (w - 1)) / w
    }
}
