import CellRuntime

/// A cell function or closure with what it captured, and `self` for a method taken as a value (`point.moved`).
final class CompiledClosure: FunctionValue {
    let function: CompiledFunction
    let captures: [Box]
    /// The receiver of a bound method.
    let receiver: Value?
    /// The type whose method this is (for `self`'s static members and `super`).
    let ownerType: CellNominalType?

    init(function: CompiledFunction, captures: [Box], receiver: Value? = nil, ownerType: CellNominalType? = nil) {
        self.function = function
        self.captures = captures
        self.receiver = receiver
        self.ownerType = ownerType
    }

    override var typeDescription: String { function.typeDescription }
}

/// Library or standard functions of one name (overloads by labels and types), with their receiver for methods.
final class BindingFunctionValue: FunctionValue {
    let name: String
    let overloads: [FunctionBinding]
    let receiver: Value?

    init(name: String, overloads: [FunctionBinding], receiver: Value?) {
        self.name = name
        self.overloads = overloads
        self.receiver = receiver
    }

    override var typeDescription: String { overloads.first?.functionType ?? "() -> ()" }
}

/// A binary operator used as a function value, as in `reduce(0, +)` or `sorted(by: >)`.
final class OperatorFunctionValue: FunctionValue {
    let name: String

    init(name: String) {
        self.name = name
    }

    override var typeDescription: String { "(T, T) -> T" }
}

/// A key path used as a function, as in `map(\.count)`: the property names to read in turn.
final class KeyPathFunctionValue: FunctionValue {
    let names: [String]

    init(names: [String]) {
        self.names = names
    }

    override var typeDescription: String { "(Root) -> Value" }
}

/// An enum case with associated values used as a function: `Shape.circle` in `radii.map(Shape.circle)`.
final class EnumCaseFunctionValue: FunctionValue {
    let type: CellNominalType
    let caseIndex: Int

    init(type: CellNominalType, caseIndex: Int) {
        self.type = type
        self.caseIndex = caseIndex
    }

    override var typeDescription: String { "(...) -> \(type.name)" }
}

/// A type called as a function: its initialisers (`Point(x: 1, y: 2)`, `Double(3)`).
final class InitializerFunctionValue: FunctionValue {
    let type: TypeValue

    init(type: TypeValue) {
        self.type = type
    }

    override var typeDescription: String { "(...) -> \(Value.type(type).typeName.dropLast(5))" }
}

/// Methods of one name a cell type declares (overloads by labels), bound to their receiver; for static
/// methods the receiver is the type.
final class CellMethodValue: FunctionValue {
    let functions: [CompiledFunction]
    let receiver: Value
    let owner: CellNominalType?

    init(functions: [CompiledFunction], receiver: Value, owner: CellNominalType?) {
        self.functions = functions
        self.receiver = receiver
        self.owner = owner
    }

    override var typeDescription: String { functions.first?.typeDescription ?? "() -> ()" }
}
