import SwiftSyntax

extension Evaluator {
    /// Enters one more level of calls, or fails when recursion is too deep.
    private func enterCall() throws {
        try checkInterruption(at: nil)
        guard callDepth < maximumCallDepth else {
            throw CellLanguageError.callDepthExceeded(limit: maximumCallDepth)
        }
        callDepth += 1
    }

    /// Runs a cell function; for struct methods `receiver` is `self`, written back when the method mutates.
    func invoke(_ function: UserFunction, receiver: inout Value?, arguments: [Argument]) throws -> Value {
        let matched = try matchArguments(arguments, to: function.parameters.map(\.shape))
        try enterCall()
        defer { callDepth -= 1 }
        let selfScope = Scope(parent: function.scope)
        var instance: StructureInstance?
        if case .structure(let value)? = receiver {
            instance = value
            for (property, propertyValue) in zip(value.declaration.properties, value.properties) {
                selfScope.define(property.name, Variable(value: propertyValue, isMutable: function.isMutating && property.isMutable,
                                                         annotation: property.annotation))
            }
            selfScope.define("self", Variable(value: .structure(value), isMutable: false, annotation: nil))
            for (name, methods) in value.declaration.methods where selfScope.variables[name] == nil {
                guard let method = methods.first, !method.isMutating else { continue }
                selfScope.define(name, Variable(value: .function(.user(method, receiver: receiver)), isMutable: false,
                                                annotation: nil))
            }
        }
        let scope = Scope(parent: selfScope)
        for (parameter, match) in zip(function.parameters, matched) {
            var value: Value
            switch match {
            case .value(let argument): value = argument.value
            case .variadic(let gathered): value = .array(gathered.map(\.value))
            case .defaulted: value = try evaluate(parameter.defaultValue!, in: function.scope, expecting: parameter.annotation)
            }
            if let annotation = parameter.annotation, !parameter.isVariadic {
                guard let converted = annotation.convert(value) else {
                    throw CellLanguageError.cannotConvertArgument(valueType: value.typeName, expectedType: annotation.description)
                }
                value = converted
            }
            scope.define(parameter.name, Variable(value: value, isMutable: false, annotation: parameter.annotation))
        }
        var result = try runBody(function.body.statements, in: scope)
        if let annotation = function.returnAnnotation, let converted = annotation.convert(result) { result = converted }
        if var updated = instance, function.isMutating {
            for (index, property) in updated.declaration.properties.enumerated() {
                if let variable = selfScope.variables[property.name] { updated.properties[index] = variable.value }
            }
            receiver = .structure(updated)
        }
        return result
    }

    /// Runs a function or closure body: its `return` value, or the value of a single expression body.
    func runBody(_ statements: CodeBlockItemListSyntax, in scope: Scope) throws -> Value {
        if statements.count == 1, let only = statements.first, let expression = Evaluator.valueExpression(of: only) {
            try checkInterruption(at: Syntax(only))
            return try evaluate(expression, in: scope)
        }
        if case .returned(let value) = try execute(statements, in: scope) { return value }
        return .void
    }

    /// Calls a closure literal; a single tuple argument is spread over several parameters.
    func invokeClosure(_ closure: ClosureExprSyntax, captured: Scope, arguments: [Argument]) throws -> Value {
        try enterCall()
        defer { callDepth -= 1 }
        let plan = closurePlan(closure)
        var names = plan.names
        var values = arguments.map(\.value)
        if names.count > 1, values.count == 1, case .tuple(let parts, _) = values[0], parts.count == names.count {
            values = parts
        }
        if names.isEmpty, values.count == 1 { names = ["$0"] }
        guard names.count == values.count || (!plan.hasSignature && names.count < values.count) else {
            throw CellLanguageError.typeMismatch(
                "contextual closure type expects \(values.count) argument\(values.count == 1 ? "" : "s"), but \(names.count) were used in closure body")
        }
        let scope = Scope(parent: captured)
        for (name, value) in zip(names, values) {
            scope.define(name, Variable(value: value, isMutable: false, annotation: nil))
        }
        if let expression = plan.singleExpression {
            try checkInterruption(at: nil)
            return try evaluate(expression, in: scope)
        }
        if case .returned(let value) = try execute(plan.statements, in: scope) { return value }
        return .void
    }

    /// The parameter names and body of a closure, cached per node.
    private func closurePlan(_ closure: ClosureExprSyntax) -> ClosurePlan {
        if let cached = closurePlans[closure.id] { return cached }
        let names: [String]
        switch closure.signature?.parameterClause {
        case .simpleInput(let shorthand)?: names = shorthand.map(\.name.text)
        case .parameterClause(let clause)?: names = clause.parameters.map { ($0.secondName ?? $0.firstName).text }
        case nil: names = (0..<shorthandArity(of: closure)).map { "$\($0)" }
        }
        let statements = closure.statements
        var singleExpression: ExprSyntax?
        if statements.count == 1, let only = statements.first { singleExpression = Evaluator.valueExpression(of: only) }
        let plan = ClosurePlan(names: names, hasSignature: closure.signature != nil, singleExpression: singleExpression,
                               statements: statements)
        closurePlans[closure.id] = plan
        return plan
    }

    /// The number of `$n` parameters a shorthand closure uses (nested closures' own `$n` excluded).
    private func shorthandArity(of closure: ClosureExprSyntax) -> Int {
        if let cached = shorthandArities[closure.id] { return cached }
        var arity = 0
        for token in closure.statements.tokens(viewMode: .sourceAccurate) {
            guard case .dollarIdentifier(let text) = token.tokenKind, let index = Int(text.dropFirst()) else { continue }
            var parent = token.parent
            while let current = parent, !current.is(ClosureExprSyntax.self) { parent = current.parent }
            if parent?.id == closure.id { arity = max(arity, index + 1) }
        }
        shorthandArities[closure.id] = arity
        return arity
    }

    /// The memberwise initialiser of a cell struct: `Point(x: 1, y: 2)`.
    func construct(_ declaration: StructureDeclaration, arguments: [Argument]) throws -> Value {
        let initialized = declaration.properties.filter { $0.isMutable || $0.defaultValue == nil }
        let shapes = initialized.map {
            ParameterShape(label: $0.name, name: $0.name, hasDefault: $0.defaultValue != nil, isVariadic: false,
                           acceptsClosure: false)
        }
        let matched = try matchArguments(arguments, to: shapes)
        var values: [String: Value] = [:]
        for (property, match) in zip(initialized, matched) {
            if case .value(let argument) = match { values[property.name] = argument.value }
        }
        var properties: [Value] = []
        for property in declaration.properties {
            var value: Value
            if let given = values[property.name] {
                value = given
            } else if let defaultValue = property.defaultValue {
                value = try evaluate(defaultValue, in: declaration.scope)
            } else {
                throw CellLanguageError.missingArgument(parameter: property.name)
            }
            if let annotation = property.annotation {
                guard let converted = annotation.convert(value) else {
                    throw CellLanguageError.cannotConvertArgument(valueType: value.typeName,
                                                                  expectedType: annotation.description)
                }
                value = converted
            }
            properties.append(value)
        }
        return .structure(StructureInstance(declaration: declaration, properties: properties))
    }
}

/// What calling a closure needs, read from its syntax once: parameter names (`$0`, `$1` for shorthand closures),
/// and the body, with its expression when it is a single expression.
struct ClosurePlan {
    let names: [String]
    let hasSignature: Bool
    let singleExpression: ExprSyntax?
    let statements: CodeBlockItemListSyntax
}
