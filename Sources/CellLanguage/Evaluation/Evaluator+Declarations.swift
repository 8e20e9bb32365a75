import SwiftSyntax

extension Evaluator {
    /// Runs a declaration: `let`/`var`, `func`, `struct`; `import` is accepted and ignored.
    func declare(_ declaration: DeclSyntax, in scope: Scope) throws {
        if let variables = declaration.as(VariableDeclSyntax.self) {
            try declareVariables(variables, in: scope)
        } else if let function = declaration.as(FunctionDeclSyntax.self) {
            let userFunction = try makeFunction(function, in: scope, isMutating: false)
            scope.define(userFunction.name, Variable(value: .function(.user(userFunction, receiver: nil)),
                                                     isMutable: false, annotation: nil))
        } else if let structure = declaration.as(StructDeclSyntax.self) {
            try declareStructure(structure, in: scope)
        } else if declaration.is(ImportDeclSyntax.self) {
            return
        } else {
            let keyword = declaration.tokens(viewMode: .sourceAccurate).first { $0.tokenKind.isDeclarationKeyword }
            throw LocatedError(error: .unsupported("'\(keyword?.text ?? "this")' declarations are not supported in cells yet"),
                               node: Syntax(declaration))
        }
    }

    private func declareVariables(_ declaration: VariableDeclSyntax, in scope: Scope) throws {
        let isMutable = declaration.bindingSpecifier.tokenKind == .keyword(.var)
        for binding in declaration.bindings {
            let annotation = binding.typeAnnotation.map { TypeAnnotation($0.type) }
            var value: Value
            if let initializer = binding.initializer {
                value = try evaluate(initializer.value, in: scope, expecting: annotation)
                if let annotation {
                    guard let converted = annotation.convert(value) else {
                        throw LocatedError(error: .cannotConvertToSpecified(valueType: value.typeName,
                                                                            specifiedType: annotation.description),
                                           node: Syntax(initializer.value))
                    }
                    value = converted
                }
            } else if case .optional = annotation {
                value = .optional(nil)
            } else {
                throw LocatedError(error: .unsupported("a variable needs an initial value in a cell"), node: Syntax(binding))
            }
            try bind(binding.pattern, to: value, in: scope, isMutable: isMutable,
                     annotation: annotation ?? Evaluator.inferredAnnotation(of: value, initializer: binding.initializer?.value))
        }
    }

    /// The annotation that keeps later assignments to a variable the same type (Int stays Int, Double stays Double,
    /// `[Double]()` stays an array of Double).
    static func inferredAnnotation(of value: Value, initializer: ExprSyntax? = nil) -> TypeAnnotation? {
        if let call = initializer?.as(FunctionCallExprSyntax.self), let array = call.calledExpression.as(ArrayExprSyntax.self),
           array.elements.count == 1, let element = array.elements.first,
           let elementType = typeAnnotation(named: element.expression) {
            return .array(elementType)
        }
        switch value {
        case .int: return .named("Int")
        case .double: return .named("Double")
        case .bool: return .named("Bool")
        case .string: return .named("String")
        case .array(let elements):
            guard let first = elements.first, let element = inferredAnnotation(of: first) else { return nil }
            return .array(element)
        default: return nil
        }
    }

    /// Builds a function value from a `func` declaration.
    func makeFunction(_ function: FunctionDeclSyntax, in scope: Scope, isMutating: Bool) throws -> UserFunction {
        guard let body = function.body else {
            throw LocatedError(error: .typeMismatch("expected '{' in body of function declaration"), node: Syntax(function))
        }
        let parameters = function.signature.parameterClause.parameters.map { parameter in
            let firstName = parameter.firstName.text
            let label: String? = firstName == "_" ? nil : firstName
            return UserParameter(label: label, name: parameter.secondName?.text ?? firstName,
                                 annotation: TypeAnnotation(parameter.type), defaultValue: parameter.defaultValue?.value,
                                 isVariadic: parameter.ellipsis != nil)
        }
        return UserFunction(name: function.name.text, parameters: parameters,
                            returnAnnotation: function.signature.returnClause.map { TypeAnnotation($0.type) },
                            body: body, scope: scope, isMutating: isMutating,
                            documentation: Evaluator.documentation(of: Syntax(function)))
    }

    /// The `///` comment lines before a declaration, without the slashes.
    static func documentation(of node: Syntax) -> String {
        var lines: [String] = []
        for piece in node.leadingTrivia {
            switch piece {
            case .docLineComment(let text):
                lines.append(String(text.dropFirst(3)).trimmingCharacters(in: " "))
            case .docBlockComment(let text):
                lines.append(String(text.dropFirst(3).dropLast(2)).trimmingCharacters(in: " \n"))
            default: continue
            }
        }
        return lines.joined(separator: "\n")
    }

    private func declareStructure(_ structure: StructDeclSyntax, in scope: Scope) throws {
        var properties: [StructureDeclaration.Property] = []
        var functions: [FunctionDeclSyntax] = []
        for member in structure.memberBlock.members {
            if let variables = member.decl.as(VariableDeclSyntax.self) {
                let isMutable = variables.bindingSpecifier.tokenKind == .keyword(.var)
                for binding in variables.bindings {
                    guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { continue }
                    if binding.accessorBlock != nil {
                        throw LocatedError(error: .unsupported("computed properties are not supported"), node: Syntax(binding))
                    }
                    properties.append(.init(name: name, annotation: binding.typeAnnotation.map { TypeAnnotation($0.type) },
                                            isMutable: isMutable, defaultValue: binding.initializer?.value))
                }
            } else if let function = member.decl.as(FunctionDeclSyntax.self) {
                functions.append(function)
            } else {
                throw LocatedError(error: .unsupported("only stored properties and methods are supported in a struct"),
                                   node: Syntax(member))
            }
        }
        let declaration = StructureDeclaration(name: structure.name.text, properties: properties, scope: scope)
        for function in functions {
            let isMutating = function.modifiers.contains { $0.name.tokenKind == .keyword(.mutating) }
            let method = try makeFunction(function, in: scope, isMutating: isMutating)
            declaration.methods[method.name, default: []].append(method)
        }
        structures[declaration.name] = declaration
    }
}

extension String {
    /// The string without leading and trailing characters from `characters`.
    func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        guard let start = firstIndex(where: { !set.contains($0) }),
              let end = lastIndex(where: { !set.contains($0) }) else { return "" }
        return String(self[start...end])
    }
}

extension TokenKind {
    /// Whether the token is the keyword that introduces a declaration (`class`, `enum`, `protocol`, ...).
    var isDeclarationKeyword: Bool {
        switch self {
        case .keyword(.class), .keyword(.enum), .keyword(.protocol), .keyword(.extension), .keyword(.actor),
             .keyword(.typealias), .keyword(.operator), .keyword(.subscript), .keyword(.`init`):
            return true
        default:
            return false
        }
    }
}
