import Foundation

extension BindingTable {
    /// `Int`: conversions, limits and a few members.
    static var intBindings: TypeBindings {
        TypeBindings("Int", summary: "A signed integer value type.", [
            FunctionBinding("Int", kind: .initializer, parameters: [.init(nil, "value", .any("T"))], returns: "Int",
                            summary: "Creates an integer from the given number, rounding toward zero; from a String it returns nil when the text is not a number.") { call in
                switch call.arguments[0] {
                case .int: return call.arguments[0]
                case .double(let number):
                    guard number.isFinite, let converted = Int(exactly: number.rounded(.towardZero)) else {
                        throw CellLanguageError.runtimeFault(
                            "Double value cannot be converted to Int because it is outside the representable range")
                    }
                    return .int(converted)
                case .string(let text): return .optional(Int(text).map(Value.int))
                case .bool(let flag): return .int(flag ? 1 : 0)
                case let other: throw CellLanguageError.cannotConvertArgument(valueType: other.typeName, expectedType: "Int")
                }
            },
            FunctionBinding("max", kind: .staticProperty, returns: "Int", summary: "The maximum representable integer.") { _ in
                .int(.max)
            },
            FunctionBinding("min", kind: .staticProperty, returns: "Int", summary: "The minimum representable integer.") { _ in
                .int(.min)
            },
            FunctionBinding("random", kind: .staticMethod, parameters: [.init("in", "range", .any("Range<Int>"))],
                            returns: "Int", summary: "Returns a random value within the specified range (not seeded).") { call in
                guard case .range(let lower, let upper, let isClosed) = call.arguments[0], isClosed || lower < upper else {
                    throw CellLanguageError.runtimeFault("Can't get random value with an empty range")
                }
                return .int(isClosed ? Int.random(in: lower...upper) : Int.random(in: lower..<upper))
            },
            FunctionBinding("isMultiple", kind: .method, parameters: [.init("of", "other", .int)], returns: "Bool",
                            summary: "Returns true if this value is a multiple of the given value.") { call in
                guard case .int(let number) = call.receiver, case .int(let other) = call.arguments[0] else { return .bool(false) }
                return .bool(number.isMultiple(of: other))
            },
        ])
    }

    /// `Double`: conversions, constants and the usual members.
    static var doubleBindings: TypeBindings {
        TypeBindings("Double", summary: "A double-precision, floating-point value type.", [
            FunctionBinding("Double", kind: .initializer, parameters: [.init(nil, "value", .any("T"))], returns: "Double",
                            summary: "Creates a Double from the given number; from a String it returns nil when the text is not a number.") { call in
                switch call.arguments[0] {
                case .int(let number): return .double(Double(number))
                case .double: return call.arguments[0]
                case .string(let text): return .optional(Double(text).map(Value.double))
                case let other: throw CellLanguageError.cannotConvertArgument(valueType: other.typeName, expectedType: "Double")
                }
            },
            FunctionBinding("pi", kind: .staticProperty, returns: "Double", summary: "The mathematical constant π.") { _ in
                .double(.pi)
            },
            FunctionBinding("infinity", kind: .staticProperty, returns: "Double", summary: "Positive infinity.") { _ in
                .double(.infinity)
            },
            FunctionBinding("nan", kind: .staticProperty, returns: "Double", summary: "A quiet NaN (\"not a number\").") { _ in
                .double(.nan)
            },
            FunctionBinding("squareRoot", kind: .method, returns: "Double", summary: "Returns the square root of the value.") { call in
                .double(call.number.squareRoot())
            },
            FunctionBinding("rounded", kind: .method, returns: "Double",
                            summary: "Returns this value rounded to an integral value, halfway cases away from zero.") { call in
                .double(call.number.rounded())
            },
            FunctionBinding("isNaN", kind: .property, returns: "Bool", summary: "Whether the value is NaN.") { call in
                .bool(call.number.isNaN)
            },
            FunctionBinding("isFinite", kind: .property, returns: "Bool",
                            summary: "Whether the value is neither infinite nor NaN.") { call in
                .bool(call.number.isFinite)
            },
            FunctionBinding("truncatingRemainder", kind: .method, parameters: [.init("dividingBy", "other", .double)],
                            returns: "Double", summary: "Returns the remainder of this value divided by the given value using truncating division.") { call in
                guard case .double(let other) = call.arguments[0] else { return .void }
                return .double(call.number.truncatingRemainder(dividingBy: other))
            },
        ])
    }

    /// `Bool`'s members.
    static var boolBindings: TypeBindings {
        TypeBindings("Bool", summary: "A value type whose instances are either true or false.", [
            FunctionBinding("toggle", kind: .method, returns: "Void", summary: "Toggles the Boolean variable's value.",
                            isMutating: true) { call in
                if case .bool(let flag) = call.receiver { call.receiver = .bool(!flag) }
                return .void
            },
        ])
    }

    /// `Optional`'s members.
    static var optionalBindings: TypeBindings {
        TypeBindings("Optional", summary: "A type that represents either a wrapped value or nil.", [
            FunctionBinding("map", kind: .method, parameters: [.init(nil, "transform", .function("(Wrapped) throws -> U"))],
                            returns: "U?", summary: "Evaluates the given closure when this instance is not nil.") { call in
                guard case .optional(let wrapped?) = call.receiver else { return .optional(nil) }
                return .optional(try call.call(call.arguments[0], [wrapped]))
            },
        ])
    }

    /// `Range` and `ClosedRange` members beyond the sequence ones.
    static var rangeBindings: TypeBindings {
        TypeBindings("Range", summary: "A half-open (`..<`) or closed (`...`) interval of integers.", [
            FunctionBinding("lowerBound", kind: .property, returns: "Int", summary: "The range's lower bound.") { call in
                guard case .range(let lower, _, _) = call.receiver else { return .void }
                return .int(lower)
            },
            FunctionBinding("upperBound", kind: .property, returns: "Int", summary: "The range's upper bound.") { call in
                guard case .range(_, let upper, _) = call.receiver else { return .void }
                return .int(upper)
            },
        ])
    }
}

extension BindingInvocation {
    /// The receiver as a Double (an Int receiver converted).
    var number: Double {
        switch receiver {
        case .double(let number): return number
        case .int(let number): return Double(number)
        default: return .nan
        }
    }
}
