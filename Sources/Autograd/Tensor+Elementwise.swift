/// Elementwise primitives of one tensor; each forward value and derivative sit together in an
/// `ElementwiseFunction` (ElementwiseFunction.swift).
extension Tensor {
    /// Records an elementwise primitive whose backward rule is `gradient · f′(x, y)`.
    private func unary<Function: ElementwiseFunction>(_ operation: String, _ function: Function) -> Tensor {
        let result = applying(function)
        let input = self
        return Tensor.recorded(result, operation: operation, inputs: [self]) { gradient in
            [Tensor.chainRule(function, gradient: gradient, input: input, output: result)]
        }
    }

    /// `e^x`. Derivative: `e^x`.
    public func exp() -> Tensor { unary("exp", Exponential()) }

    /// Natural logarithm. Derivative: `1 / x`.
    public func log() -> Tensor { unary("log", NaturalLogarithm()) }

    /// Square root. Derivative: `1 / (2√x)`.
    public func squareRoot() -> Tensor { unary("squareRoot", SquareRoot()) }

    /// `x^exponent` for a constant exponent. Derivative: `exponent · x^(exponent − 1)`.
    ///
    /// - Parameter exponent: The constant exponent.
    public func pow(_ exponent: Float) -> Tensor { unary("pow", Power(exponent: exponent)) }

    /// Absolute value. Derivative: the sign of `x` (0 at 0).
    public func abs() -> Tensor { unary("abs", AbsoluteValue()) }

    /// The sign of each value: 1 where positive, −1 where negative, 0 at 0 (`torch.sign`). Its derivative is 0
    /// wherever it exists, so a mask built from data with it (`prediction * input.sign()`) passes no gradient
    /// to the data.
    public func sign() -> Tensor { unary("sign", Sign()) }

    /// Hyperbolic tangent. Derivative: `1 − tanh²`.
    public func tanh() -> Tensor { unary("tanh", HyperbolicTangent()) }

    /// Logistic sigmoid `1 / (1 + e^−x)`. Derivative: `σ(1 − σ)`.
    public func sigmoid() -> Tensor { unary("sigmoid", Sigmoid()) }

    /// `max(x, 0)`. Derivative: 1 where `x > 0`, else 0.
    public func relu() -> Tensor { unary("relu", RectifiedLinear()) }

    /// `x` where positive, `negativeSlope · x` elsewhere. Derivative: 1 or `negativeSlope`.
    ///
    /// - Parameter negativeSlope: The slope for negative values.
    public func leakyRelu(negativeSlope: Float = 0.01) -> Tensor {
        unary("leakyRelu", LeakyRectifiedLinear(negativeSlope: negativeSlope))
    }

    /// `log(1 + e^x)`, computed stably. Derivative: `σ(x)`.
    public func softplus() -> Tensor { unary("softplus", Softplus()) }

    /// Values limited to `minimum...maximum`. Derivative: 1 inside the interval, 0 outside.
    ///
    /// - Parameters:
    ///   - minimum: The lower limit; −∞ for none.
    ///   - maximum: The upper limit; +∞ for none.
    public func clamped(minimum: Float = -.infinity, maximum: Float = .infinity) -> Tensor {
        unary("clamp", Clamp(minimum: minimum, maximum: maximum))
    }

    /// Elementwise negation. Derivative: −1.
    ///
    /// - Parameter operand: The tensor to negate.
    public static prefix func - (operand: Tensor) -> Tensor { operand.unary("negate", Negation()) }

    /// SiLU (swish), `x · σ(x)` (derived from `*` and `sigmoid`).
    public func silu() -> Tensor { try! self * sigmoid() }

    /// `base^exponent` elementwise for positive bases (derived: `exp(exponent · log(base))`).
    ///
    /// - Parameter exponent: The exponents; broadcasts with this tensor.
    public func pow(_ exponent: Tensor) throws -> Tensor { try (exponent * log()).exp() }
}
