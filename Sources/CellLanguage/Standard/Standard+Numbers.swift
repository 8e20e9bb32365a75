import CellRuntime
import Foundation

extension StandardLibrary {
    /// `Int`: conversions, limits and a few members.
    static var intType: TypeBinding {
        TypeBinding("Int", module: "Swift", kind: .structure, documentation: BindingDocumentation("A signed integer value type."), [
            .standard("init", .initializer, [ParameterBinding(nil, "value", generic("T"))], returns: .int,
                      "Creates an integer from the given number, rounding toward zero; from a String it returns nil when the text is not a number.") { call in
                switch call.arguments[0] {
                case .int: return call.arguments[0]
                case .double(let number): return .int(try integer(from: number, type: "Double"))
                case .float(let number): return .int(try integer(from: Double(number), type: "Float"))
                case .string(let text): return .optional(Int(text).map(Value.int))
                case .bool(let flag): return .int(flag ? 1 : 0)
                case let other: throw CellLanguageError.cannotConvertArgument(valueType: other.typeName, expectedType: "Int")
                }
            },
            .standard("max", .staticProperty, returns: .int, "The maximum representable integer.") { _ in .int(.max) },
            .standard("min", .staticProperty, returns: .int, "The minimum representable integer.") { _ in .int(.min) },
            .standard("random", .staticMethod, [ParameterBinding("in", "range", .generic("Range", constraint: nil))], returns: .int,
                      "Returns a random value within the specified range (not seeded: use a RandomGenerator for repeatable draws).") { call in
                guard case .range(let lower, let upper, let isClosed) = call.arguments[0], isClosed || lower < upper else {
                    throw CellLanguageError.runtimeFault("Can't get random value with an empty range")
                }
                return .int(isClosed ? Int.random(in: lower...upper) : Int.random(in: lower..<upper))
            },
            .standard("isMultiple", .method, [ParameterBinding("of", "other", .int)], returns: .bool,
                      "Returns true if this value is a multiple of the given value.") { call in
                guard case .int(let number) = call.receiverValue else { return .bool(false) }
                return .bool(number.isMultiple(of: call.int(0)))
            },
            .standard("magnitude", .property, returns: .int, "The magnitude of this value.") { call in
                guard case .int(let number) = call.receiverValue, number != .min else {
                    throw CellLanguageError.arithmeticOverflow(operation: "Int.min.magnitude")
                }
                return .int(abs(number))
            },
        ])
    }

    /// A Double's integral part as an Int, or the trap Swift would raise.
    static func integer(from number: Double, type: String) throws -> Int {
        guard number.isFinite, let converted = Int(exactly: number.rounded(.towardZero)) else {
            throw CellLanguageError.runtimeFault("\(type) value cannot be converted to Int because it is outside the representable range")
        }
        return converted
    }

    /// `Double`: conversions, constants and the usual members.
    static var doubleType: TypeBinding {
        floatingType("Double", wrap: { .double($0) }, summary: "A double-precision, floating-point value type.")
    }

    /// `Float`: what tensors hold; the same members as `Double`.
    static var floatType: TypeBinding {
        floatingType("Float", wrap: { .float(Float($0)) }, summary: "A single-precision, floating-point value type (tensor values).")
    }

    /// The members `Double` and `Float` share; `wrap` makes a value of the type from a Double.
    private static func floatingType(_ name: String, wrap: @escaping @Sendable (Double) -> Value, summary: String) -> TypeBinding {
        let type: SwiftType = name == "Double" ? .double : .float
        @Sendable func number(_ value: Value) -> Double {
            switch value {
            case .double(let number): return number
            case .float(let number): return Double(number)
            case .int(let number): return Double(number)
            default: return .nan
            }
        }
        return TypeBinding(name, module: "Swift", kind: .structure, documentation: BindingDocumentation(summary), [
            .standard("init", .initializer, [ParameterBinding(nil, "value", generic("T"))], returns: type,
                      "Creates a value from the given number; from a String it returns nil when the text is not a number.") { call in
                switch call.arguments[0] {
                case .int(let integer): return name == "Double" ? .double(Double(integer)) : .float(Float(integer))
                case .double(let number): return wrap(number)
                case .float(let number): return name == "Double" ? .double(Double(number)) : .float(number)
                case .string(let text):
                    if name == "Double" { return .optional(Double(text).map(Value.double)) }
                    return .optional(Float(text).map(Value.float))
                case let other: throw CellLanguageError.cannotConvertArgument(valueType: other.typeName, expectedType: name)
                }
            },
            .standard("pi", .staticProperty, returns: type, "The mathematical constant π.") { _ in wrap(.pi) },
            .standard("infinity", .staticProperty, returns: type, "Positive infinity.") { _ in wrap(.infinity) },
            .standard("nan", .staticProperty, returns: type, "A quiet NaN (\"not a number\").") { _ in wrap(.nan) },
            .standard("greatestFiniteMagnitude", .staticProperty, returns: type, "The greatest finite number.") { _ in
                name == "Double" ? .double(.greatestFiniteMagnitude) : .float(.greatestFiniteMagnitude)
            },
            .standard("squareRoot", .method, returns: type, "Returns the square root of the value.") { call in
                if case .float(let value) = call.receiverValue { return .float(value.squareRoot()) }
                return wrap(number(call.receiverValue).squareRoot())
            },
            .standard("rounded", .method, returns: type,
                      "Returns this value rounded to an integral value, halfway cases away from zero.") { call in
                if case .float(let value) = call.receiverValue { return .float(value.rounded()) }
                return wrap(number(call.receiverValue).rounded())
            },
            .standard("isNaN", .property, returns: .bool, "Whether the value is NaN.") { call in .bool(number(call.receiverValue).isNaN) },
            .standard("isFinite", .property, returns: .bool, "Whether the value is neither infinite nor NaN.") { call in
                .bool(number(call.receiverValue).isFinite)
            },
            .standard("isInfinite", .property, returns: .bool, "Whether the value is infinite.") { call in
                .bool(number(call.receiverValue).isInfinite)
            },
            .standard("magnitude", .property, returns: type, "The magnitude (absolute value) of this value.") { call in
                if case .float(let value) = call.receiverValue { return .float(value.magnitude) }
                return wrap(number(call.receiverValue).magnitude)
            },
            .standard("truncatingRemainder", .method, [ParameterBinding("dividingBy", "other", type)], returns: type,
                      "Returns the remainder of this value divided by the given value using truncating division.") { call in
                if case .float(let value) = call.receiverValue, case .float(let other) = call.arguments[0] {
                    return .float(value.truncatingRemainder(dividingBy: other))
                }
                return wrap(number(call.receiverValue).truncatingRemainder(dividingBy: number(call.arguments[0])))
            },
        ])
    }

    /// `Bool`'s members.
    static var boolType: TypeBinding {
        TypeBinding("Bool", module: "Swift", kind: .structure,
                    documentation: BindingDocumentation("A value type whose instances are either true or false."), [
            .standard("toggle", .method, returns: .void, mutating: true, "Toggles the Boolean variable's value.") { call in
                if case .bool(let flag) = call.receiverValue { call.receiverValue = .bool(!flag) }
                return .void
            },
        ])
    }

    /// The Foundation math functions notebooks use, for Double and Float: `sqrt`, `exp`, `log`, `pow`,
    /// trigonometry and rounding.
    static var mathFunctions: [FunctionBinding] {
        let unary: [(String, String, @Sendable (Double) -> Double, @Sendable (Float) -> Float)] = [
            ("sqrt", "Returns the square root of the value.", { $0.squareRoot() }, { $0.squareRoot() }),
            ("exp", "Returns e raised to the given power.", { Foundation.exp($0) }, { Foundation.exp($0) }),
            ("log", "Returns the natural logarithm of the value.", { Foundation.log($0) }, { Foundation.log($0) }),
            ("log2", "Returns the base-2 logarithm of the value.", { Foundation.log2($0) }, { Foundation.log2($0) }),
            ("log10", "Returns the base-10 logarithm of the value.", { Foundation.log10($0) }, { Foundation.log10($0) }),
            ("sin", "Returns the sine of an angle in radians.", { Foundation.sin($0) }, { Foundation.sin($0) }),
            ("cos", "Returns the cosine of an angle in radians.", { Foundation.cos($0) }, { Foundation.cos($0) }),
            ("tan", "Returns the tangent of an angle in radians.", { Foundation.tan($0) }, { Foundation.tan($0) }),
            ("tanh", "Returns the hyperbolic tangent of the value.", { Foundation.tanh($0) }, { Foundation.tanh($0) }),
            ("floor", "Returns the largest integral value not greater than the value.", { $0.rounded(.down) }, { $0.rounded(.down) }),
            ("ceil", "Returns the smallest integral value not less than the value.", { $0.rounded(.up) }, { $0.rounded(.up) }),
            ("round", "Returns the value rounded to the nearest integral value, halfway cases away from zero.",
             { $0.rounded() }, { $0.rounded() }),
        ]
        var bindings: [FunctionBinding] = []
        for (name, summary, double, float) in unary {
            bindings.append(.standard(name, .function, [ParameterBinding(nil, "x", .double)], returns: .double, summary) { call in
                guard case .double(let value) = call.arguments[0] else { return .void }
                return .double(double(value))
            })
            bindings.append(.standard(name, .function, [ParameterBinding(nil, "x", .float)], returns: .float, summary) { call in
                guard case .float(let value) = call.arguments[0] else { return .void }
                return .float(float(value))
            })
        }
        bindings.append(.standard("pow", .function, [ParameterBinding(nil, "x", .double), ParameterBinding(nil, "y", .double)],
                                  returns: .double, "Returns `x` raised to the power `y`.") { call in
            guard case .double(let base) = call.arguments[0], case .double(let exponent) = call.arguments[1] else { return .void }
            return .double(Foundation.pow(base, exponent))
        })
        bindings.append(.standard("pow", .function, [ParameterBinding(nil, "x", .float), ParameterBinding(nil, "y", .float)],
                                  returns: .float, "Returns `x` raised to the power `y`.") { call in
            guard case .float(let base) = call.arguments[0], case .float(let exponent) = call.arguments[1] else { return .void }
            return .float(Foundation.pow(base, exponent))
        })
        return bindings
    }
}
