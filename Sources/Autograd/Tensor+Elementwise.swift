import Foundation

/// Elementwise primitives of one tensor, each with its derivative beside it.
extension Tensor {
    /// Records an elementwise primitive whose backward rule is `gradient · derivative(x, y)`.
    private func unary(
        _ operation: String, _ forward: (Float) -> Float,
        derivative: @escaping (_ input: Float, _ output: Float) -> Float
    ) -> Tensor {
        let result = map(forward)
        let input = self
        return Tensor.recorded(result, operation: operation, inputs: [self]) { gradient in
            [Tensor.zipMap(gradient, input, result) { g, x, y in g * derivative(x, y) }]
        }
    }

    /// `e^x`. Derivative: `e^x`.
    public func exp() -> Tensor { unary("exp", { Foundation.exp($0) }, derivative: { _, y in y }) }

    /// Natural logarithm. Derivative: `1 / x`.
    public func log() -> Tensor { unary("log", { Foundation.log($0) }, derivative: { x, _ in 1 / x }) }

    /// Square root. Derivative: `1 / (2√x)`.
    public func squareRoot() -> Tensor {
        unary("squareRoot", { $0.squareRoot() }, derivative: { _, y in 0.5 / y })
    }

    /// `x^exponent` for a constant exponent. Derivative: `exponent · x^(exponent − 1)`.
    public func pow(_ exponent: Float) -> Tensor {
        unary("pow", { Foundation.pow($0, exponent) },
              derivative: { x, _ in exponent * Foundation.pow(x, exponent - 1) })
    }

    /// Absolute value. Derivative: the sign of `x` (0 at 0).
    public func abs() -> Tensor {
        unary("abs", { Swift.abs($0) }, derivative: { x, _ in x > 0 ? 1 : (x < 0 ? -1 : 0) })
    }

    /// Hyperbolic tangent. Derivative: `1 − tanh²`.
    public func tanh() -> Tensor { unary("tanh", { Foundation.tanh($0) }, derivative: { _, y in 1 - y * y }) }

    /// Logistic sigmoid `1 / (1 + e^−x)`. Derivative: `σ(1 − σ)`.
    public func sigmoid() -> Tensor {
        unary("sigmoid", { x in
            x >= 0 ? 1 / (1 + Foundation.exp(-x)) : Foundation.exp(x) / (1 + Foundation.exp(x))
        }, derivative: { _, y in y * (1 - y) })
    }

    /// `max(x, 0)`. Derivative: 1 where `x > 0`, else 0.
    public func relu() -> Tensor { unary("relu", { Swift.max($0, 0) }, derivative: { x, _ in x > 0 ? 1 : 0 }) }

    /// `x` where positive, `negativeSlope · x` elsewhere. Derivative: 1 or `negativeSlope`.
    public func leakyRelu(negativeSlope: Float = 0.01) -> Tensor {
        unary("leakyRelu", { $0 > 0 ? $0 : negativeSlope * $0 },
              derivative: { x, _ in x > 0 ? 1 : negativeSlope })
    }

    /// `log(1 + e^x)`, computed stably. Derivative: `σ(x)`.
    public func softplus() -> Tensor {
        unary("softplus", { x in Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x))) },
              derivative: { x, _ in 1 / (1 + Foundation.exp(-x)) })
    }

    /// Values limited to `minimum...maximum`. Derivative: 1 inside the interval, 0 outside.
    public func clamped(minimum: Float = -.infinity, maximum: Float = .infinity) -> Tensor {
        unary("clamp", { Swift.min(Swift.max($0, minimum), maximum) },
              derivative: { x, _ in x >= minimum && x <= maximum ? 1 : 0 })
    }

    /// SiLU (swish), `x · σ(x)` (derived from `*` and `sigmoid`).
    public func silu() -> Tensor { try! self * sigmoid() }

    /// `base^exponent` elementwise for positive bases (derived: `exp(exponent · log(base))`).
    public func pow(_ exponent: Tensor) throws -> Tensor { try (exponent * log()).exp() }
}
