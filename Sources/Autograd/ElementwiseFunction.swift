import Foundation

/// A scalar function and its derivative, side by side: the forward value and backward rule of one
/// elementwise primitive. Loops are generic over the conforming type, so each is specialised and
/// the function inlined (no indirect call per element).
protocol ElementwiseFunction {
    /// `f(x)`.
    func value(_ x: Float) -> Float
    /// `f′(x)`, given `x` and the already computed `y = f(x)`.
    func derivative(input x: Float, output y: Float) -> Float
    /// Whether `values` and `derivatives` compute eight values at once by their own method (a
    /// function whose scalar form calls libm, which keeps loops from vectorising). The scalar forms
    /// of such a function must give the same results, so that a value does not depend on its
    /// position in a loop.
    static var isVectorized: Bool { get }
    /// `f` of eight values.
    func values(_ x: VectorMath.Vector) -> VectorMath.Vector
    /// `f′` of eight values.
    func derivatives(input x: VectorMath.Vector, output y: VectorMath.Vector) -> VectorMath.Vector
}

extension ElementwiseFunction {
    static var isVectorized: Bool { false }
    @inline(__always) func values(_ x: VectorMath.Vector) -> VectorMath.Vector {
        var result = x
        for lane in 0..<VectorMath.Vector.scalarCount { result[lane] = value(x[lane]) }
        return result
    }
    @inline(__always) func derivatives(input x: VectorMath.Vector, output y: VectorMath.Vector) -> VectorMath.Vector {
        var result = x
        for lane in 0..<VectorMath.Vector.scalarCount { result[lane] = derivative(input: x[lane], output: y[lane]) }
        return result
    }
}

/// `eˣ`; derivative `eˣ`.
struct Exponential: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { Foundation.exp(x) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { y }
}

/// `ln x`; derivative `1 / x`.
struct NaturalLogarithm: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { Foundation.log(x) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { 1 / x }
}

/// `√x`; derivative `1 / (2√x)`.
struct SquareRoot: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { x.squareRoot() }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { 0.5 / y }
}

/// `xᵖ` for a constant `p`; derivative `p·xᵖ⁻¹`.
struct Power: ElementwiseFunction {
    let exponent: Float
    @inline(__always) func value(_ x: Float) -> Float { Foundation.pow(x, exponent) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float {
        exponent * Foundation.pow(x, exponent - 1)
    }
}

/// The sign of `x` (0 at 0); derivative 0 (everywhere but at 0, where it has none).
struct Sign: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { 0 }
}

/// `|x|`; derivative the sign of `x` (0 at 0).
struct AbsoluteValue: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { Swift.abs(x) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

/// `tanh x`; derivative `1 − tanh² x`.
///
/// The value is Eigen's rational approximation (a degree-13 odd polynomial over a degree-6 even one
/// on [−7.9053, 7.9053], `x` itself below 0.0004): within 7 ulp (relative error under 4·10⁻⁷) of
/// the exact tanh, and branch-free, so the loop over a tensor vectorises — glibc's `tanhf` costs
/// about 14 ns a value and dominated small networks' elementwise time.
struct HyperbolicTangent: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float {
        let bound: Float = 7.905_311_107_635_498_05
        let clamped = Swift.min(Swift.max(x, -bound), bound)
        let square = clamped * clamped
        var numerator: Float = -2.760_768_477_423_55e-16
        numerator = numerator * square + 2.000_187_904_824_77e-13
        numerator = numerator * square - 8.604_671_522_137_35e-11
        numerator = numerator * square + 5.122_297_090_371_14e-08
        numerator = numerator * square + 1.485_722_357_179_79e-05
        numerator = numerator * square + 6.372_619_288_754_36e-04
        numerator = numerator * square + 4.893_524_558_917_86e-03
        numerator *= clamped
        var denominator: Float = 1.198_258_394_667_02e-06
        denominator = denominator * square + 1.185_347_056_866_54e-04
        denominator = denominator * square + 2.268_434_632_439_00e-03
        denominator = denominator * square + 4.893_525_185_543_85e-03
        let approximation = Swift.abs(x) < 0.0004 ? x : numerator / denominator
        return x.isNaN ? x : approximation
    }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { 1 - y * y }
}

/// `σ(x) = 1 / (1 + e⁻ˣ)`, computed without overflow as `1 / (1 + e^−|x|)` or `e^−|x| / (1 + e^−|x|)`;
/// derivative `σ(1 − σ)`. Eight values at a time (`VectorMath.exponential`).
struct Sigmoid: ElementwiseFunction {
    static var isVectorized: Bool { true }
    @inline(__always) func value(_ x: Float) -> Float { values(VectorMath.Vector(repeating: x))[0] }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { y * (1 - y) }
    @inline(__always) func values(_ x: VectorMath.Vector) -> VectorMath.Vector {
        let decay = VectorMath.exponentialOfNegativeMagnitude(x)
        let numerator = VectorMath.Vector(repeating: 1).replacing(with: decay, where: x .< 0)
        return numerator / (1 + decay)
    }
    @inline(__always) func derivatives(input x: VectorMath.Vector, output y: VectorMath.Vector) -> VectorMath.Vector {
        y * (1 - y)
    }
}

/// `max(x, 0)`; derivative 1 where `x > 0`, else 0.
struct RectifiedLinear: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { Swift.max(x, 0) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { x > 0 ? 1 : 0 }
}

/// `x` where positive, `slope·x` elsewhere; derivative 1 or `slope`.
struct LeakyRectifiedLinear: ElementwiseFunction {
    let negativeSlope: Float
    @inline(__always) func value(_ x: Float) -> Float { x > 0 ? x : negativeSlope * x }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { x > 0 ? 1 : negativeSlope }
}

/// `ln(1 + eˣ)` as `max(x, 0) + ln(1 + e^−|x|)`; derivative `σ(x)`. Eight values at a time
/// (`VectorMath.exponential` and `VectorMath.logarithmOfOnePlus`): the loss of BCE with logits.
struct Softplus: ElementwiseFunction {
    static var isVectorized: Bool { true }
    @inline(__always) func value(_ x: Float) -> Float { values(VectorMath.Vector(repeating: x))[0] }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float {
        derivatives(input: VectorMath.Vector(repeating: x), output: VectorMath.Vector(repeating: y))[0]
    }
    @inline(__always) func values(_ x: VectorMath.Vector) -> VectorMath.Vector {
        x.replacing(with: 0, where: x .< 0) + VectorMath.logarithmOfOnePlus(VectorMath.exponentialOfNegativeMagnitude(x))
    }
    @inline(__always) func derivatives(input x: VectorMath.Vector, output y: VectorMath.Vector) -> VectorMath.Vector {
        Sigmoid().values(x)
    }
}

/// `x` limited to `minimum...maximum`; derivative 1 inside the interval, 0 outside.
struct Clamp: ElementwiseFunction {
    let minimum: Float, maximum: Float
    @inline(__always) func value(_ x: Float) -> Float { Swift.min(Swift.max(x, minimum), maximum) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float {
        x >= minimum && x <= maximum ? 1 : 0
    }
}

/// `−x`; derivative −1.
struct Negation: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { -x }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { -1 }
}
