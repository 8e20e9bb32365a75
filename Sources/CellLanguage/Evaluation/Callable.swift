import SwiftSyntax

/// A parameter of a function declared in a cell.
struct UserParameter {
    /// The argument label; nil for `_`.
    let label: String?
    let name: String
    let annotation: TypeAnnotation?
    let defaultValue: ExprSyntax?
    let isVariadic: Bool
}

/// A `func` declared in a cell (or a struct method).
final class UserFunction {
    let name: String
    let parameters: [UserParameter]
    let returnAnnotation: TypeAnnotation?
    let body: CodeBlockSyntax
    let scope: Scope
    let isMutating: Bool
    /// The `///` comment above the declaration.
    let documentation: String

    init(name: String, parameters: [UserParameter], returnAnnotation: TypeAnnotation?, body: CodeBlockSyntax,
         scope: Scope, isMutating: Bool, documentation: String) {
        self.name = name
        self.parameters = parameters
        self.returnAnnotation = returnAnnotation
        self.body = body
        self.scope = scope
        self.isMutating = isMutating
        self.documentation = documentation
    }

    /// The declaration as Swift writes it: `func f(x: Int, _ y: Int = 2) -> Int`.
    var signature: String {
        let parts = parameters.map { parameter -> String in
            var text = parameter.label == parameter.name ? parameter.name
                : (parameter.label ?? "_") + " " + parameter.name
            text += ": " + (parameter.annotation?.description ?? "Any") + (parameter.isVariadic ? "..." : "")
            if let defaultValue = parameter.defaultValue { text += " = " + defaultValue.trimmedDescription }
            return text
        }
        let result = returnAnnotation.map { " -> " + $0.description } ?? ""
        return "func \(name)(\(parts.joined(separator: ", ")))\(result)"
    }
}

/// Something that can be called: a cell function, a closure, a bound library function, an initialiser.
indirect enum Callable {
    /// A `func` from a cell; `receiver` is `self` for struct methods.
    case user(UserFunction, receiver: Value?)
    /// A closure literal and the scope it captured.
    case closure(ClosureExprSyntax, Scope)
    /// A library function or method from the binding table (overloads by labels), with its receiver.
    case binding(name: String, overloads: [FunctionBinding], receiver: Value?)
    /// The memberwise initialiser of a struct declared in a cell.
    case memberwiseInitializer(StructureDeclaration)
    /// A binary operator used as a function value, as in `reduce(0, +)` or `sorted(by: >)`.
    case operatorFunction(String)
    /// A key path used as a function, as in `map(\.value)`: the property names to read in turn.
    case keyPath([String])

    /// The function type as diagnostics print it.
    var typeDescription: String {
        switch self {
        case .user(let function, _):
            let parameters = function.parameters.map { $0.annotation?.description ?? "Any" }
            return "(" + parameters.joined(separator: ", ") + ") -> " + (function.returnAnnotation?.description ?? "()")
        case .closure: return "() -> ()"
        case .binding(_, let overloads, _): return overloads.first?.functionType ?? "() -> ()"
        case .memberwiseInitializer(let declaration): return "(...) -> " + declaration.name
        case .operatorFunction: return "(T, T) -> T"
        case .keyPath: return "(Root) -> Value"
        }
    }
}
