/// The four arithmetic primitives with NumPy broadcasting and the scalar conveniences
/// built from them. Backward rules sum gradients back over broadcast axes.
extension Tensor {
    /// Elementwise sum with broadcasting. Backward: the gradient, summed to each operand's shape.
    ///
    /// - Parameters:
    ///   - left: The left operand.
    ///   - right: The right operand; broadcasts with `left`.
    public static func + (left: Tensor, right: Tensor) throws -> Tensor {
        let result = try broadcastMap(left, right, operation: "+", ScalarSum.self)
        return recorded(result, operation: "+", inputs: [left, right]) { gradient in
            [left.isTracked ? try gradient.summed(toShape: left.shape) : nil,
             right.isTracked ? try gradient.summed(toShape: right.shape) : nil]
        }
    }

    /// Elementwise difference with broadcasting. Backward: the gradient and its negation.
    ///
    /// - Parameters:
    ///   - left: The left operand.
    ///   - right: The right operand; broadcasts with `left`.
    public static func - (left: Tensor, right: Tensor) throws -> Tensor {
        let result = try broadcastMap(left, right, operation: "-", ScalarDifference.self)
        return recorded(result, operation: "-", inputs: [left, right]) { gradient in
            [left.isTracked ? try gradient.summed(toShape: left.shape) : nil,
             right.isTracked ? try gradient.applying(Negation()).summed(toShape: right.shape) : nil]
        }
    }

    /// Elementwise product with broadcasting. Backward: the gradient times the other operand.
    ///
    /// - Parameters:
    ///   - left: The left operand.
    ///   - right: The right operand; broadcasts with `left`.
    public static func * (left: Tensor, right: Tensor) throws -> Tensor {
        let result = try broadcastMap(left, right, operation: "*", ScalarProduct.self)
        return recorded(result, operation: "*", inputs: [left, right]) { gradient in
            [left.isTracked ? try broadcastMap(gradient, right, operation: "*", ScalarProduct.self)
                .summed(toShape: left.shape) : nil,
             right.isTracked ? try broadcastMap(gradient, left, operation: "*", ScalarProduct.self)
                .summed(toShape: right.shape) : nil]
        }
    }

    /// Elementwise quotient with broadcasting. Backward: `g / r` and `-g · l / r²`.
    ///
    /// - Parameters:
    ///   - left: The dividend.
    ///   - right: The divisor; broadcasts with `left`.
    public static func / (left: Tensor, right: Tensor) throws -> Tensor {
        let result = try broadcastMap(left, right, operation: "/", ScalarQuotient.self)
        return recorded(result, operation: "/", inputs: [left, right]) { gradient in
            [left.isTracked ? try broadcastMap(gradient, right, operation: "/", ScalarQuotient.self)
                .summed(toShape: left.shape) : nil,
             right.isTracked ? try broadcastMap(broadcastMap(gradient, result, operation: "/", ScalarNegatedProduct.self),
                                                right, operation: "/", ScalarQuotient.self)
                .summed(toShape: right.shape) : nil]
        }
    }

    /// Adds a constant to every value (derived from `+`).
    ///
    /// - Parameters:
    ///   - left: The tensor.
    ///   - right: The constant.
    public static func + (left: Tensor, right: Float) -> Tensor { try! left + Tensor(right) }
    /// Adds a constant to every value (derived from `+`).
    ///
    /// - Parameters:
    ///   - left: The constant.
    ///   - right: The tensor.
    public static func + (left: Float, right: Tensor) -> Tensor { try! Tensor(left) + right }
    /// Subtracts a constant from every value (derived from `-`).
    ///
    /// - Parameters:
    ///   - left: The tensor.
    ///   - right: The constant.
    public static func - (left: Tensor, right: Float) -> Tensor { try! left - Tensor(right) }
    /// Subtracts every value from a constant (derived from `-`).
    ///
    /// - Parameters:
    ///   - left: The constant.
    ///   - right: The tensor.
    public static func - (left: Float, right: Tensor) -> Tensor { try! Tensor(left) - right }
    /// Multiplies every value by a constant (derived from `*`).
    ///
    /// - Parameters:
    ///   - left: The tensor.
    ///   - right: The constant.
    public static func * (left: Tensor, right: Float) -> Tensor { try! left * Tensor(right) }
    /// Multiplies every value by a constant (derived from `*`).
    ///
    /// - Parameters:
    ///   - left: The constant.
    ///   - right: The tensor.
    public static func * (left: Float, right: Tensor) -> Tensor { try! Tensor(left) * right }
    /// Divides every value by a constant (derived from `/`).
    ///
    /// - Parameters:
    ///   - left: The tensor.
    ///   - right: The constant divisor.
    public static func / (left: Tensor, right: Float) -> Tensor { try! left / Tensor(right) }
    /// Divides a constant by every value (derived from `/`).
    ///
    /// - Parameters:
    ///   - left: The constant dividend.
    ///   - right: The tensor.
    public static func / (left: Float, right: Tensor) -> Tensor { try! Tensor(left) / right }

    /// Every value squared (derived: `self * self`, so the gradient accumulates both uses).
    public func squared() -> Tensor { try! self * self }
}
