import Foundation

/// A scalar function and its derivative, side by side: the forward value and backward rule of one
/// elementwise primitive. Loops are generic over the conforming type, so each is specialised and
/// the function inlined (no indirect call per element).
protocol ElementwiseFunction {
    /// `f(x)`.
    func value(_ x: Float) -> Float
    /// `f′(x)`, given `x` and the already computed `y = f(x)`.
    func derivative(input x: Float, output y: Float) -> Float
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

/// `|x|`; derivative the sign of `x` (0 at 0).
struct AbsoluteValue: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { Swift.abs(x) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}

/// `tanh x`; derivative `1 − tanh² x`.
struct HyperbolicTangent: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float { Foundation.tanh(x) }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { 1 - y * y }
}

/// `σ(x) = 1 / (1 + e⁻ˣ)`, computed without overflow; derivative `σ(1 − σ)`.
struct Sigmoid: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float {
        x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
    }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { y * (1 - y) }
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

/// `ln(1 + eˣ)` as `max(x, 0) + ln(1 + e^−|x|)`; derivative `σ(x)`.
struct Softplus: ElementwiseFunction {
    @inline(__always) func value(_ x: Float) -> Float {
        Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x)))
    }
    @inline(__always) func derivative(input x: Float, output y: Float) -> Float { 1 / (1 + Foundation.exp(-x)) }
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
