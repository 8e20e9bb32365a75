/// A function of two scalars known at compile time, so the broadcast loops that apply it are
/// specialised per function and vectorised (a closure would cost an indirect call per element).
protocol ScalarCombination {
    /// The combined value.
    static func combine(_ left: Float, _ right: Float) -> Float
}

/// `left + right`.
enum ScalarSum: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { left + right }
}

/// `left − right`.
enum ScalarDifference: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { left - right }
}

/// `left × right`.
enum ScalarProduct: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { left * right }
}

/// `left ÷ right`.
enum ScalarQuotient: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { left / right }
}

/// `−left × right`.
enum ScalarNegatedProduct: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { -left * right }
}

/// `left` where `right` is nonzero, else 0 (a gradient kept where a mask is set).
enum ScalarKeptWhereSet: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { right != 0 ? left : 0 }
}

/// `left` where `right` is zero, else 0 (a gradient kept where a mask is clear).
enum ScalarKeptWhereClear: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { right != 0 ? 0 : left }
}

/// `left`, ignoring `right` (broadcasting a tensor over the shape of another).
enum ScalarLeft: ScalarCombination {
    @inline(__always) static func combine(_ left: Float, _ right: Float) -> Float { left }
}
