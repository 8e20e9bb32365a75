import Foundation

extension BindingTable {
    /// The Foundation math functions notebooks use: `sqrt`, `exp`, `log`, `pow`, trigonometry and rounding.
    static var mathBindings: [FunctionBinding] {
        let unary: [(String, String, (Double) -> Double)] = [
            ("sqrt", "Returns the square root of the value.", { $0.squareRoot() }),
            ("exp", "Returns e raised to the given power.", { Foundation.exp($0) }),
            ("log", "Returns the natural logarithm of the value.", { Foundation.log($0) }),
            ("log2", "Returns the base-2 logarithm of the value.", { Foundation.log2($0) }),
            ("log10", "Returns the base-10 logarithm of the value.", { Foundation.log10($0) }),
            ("sin", "Returns the sine of an angle in radians.", { Foundation.sin($0) }),
            ("cos", "Returns the cosine of an angle in radians.", { Foundation.cos($0) }),
            ("tan", "Returns the tangent of an angle in radians.", { Foundation.tan($0) }),
            ("tanh", "Returns the hyperbolic tangent of the value.", { Foundation.tanh($0) }),
            ("floor", "Returns the largest integral value not greater than the value.", { $0.rounded(.down) }),
            ("ceil", "Returns the smallest integral value not less than the value.", { $0.rounded(.up) }),
            ("round", "Returns the value rounded to the nearest integral value, halfway cases away from zero.",
             { $0.rounded() }),
        ]
        var bindings = unary.map { name, summary, function in
            FunctionBinding(name, kind: .function, parameters: [.init(nil, "x", .double)], returns: "Double",
                            summary: summary) { call in
                guard case .double(let value) = call.arguments[0] else { return .void }
                return .double(function(value))
            }
        }
        bindings.append(FunctionBinding("pow", kind: .function, parameters: [.init(nil, "x", .double), .init(nil, "y", .double)],
                                        returns: "Double", summary: "Returns `x` raised to the power `y`.") { call in
            guard case .double(let base) = call.arguments[0], case .double(let exponent) = call.arguments[1] else {
                return .void
            }
            return .double(Foundation.pow(base, exponent))
        })
        return bindings
    }
}
