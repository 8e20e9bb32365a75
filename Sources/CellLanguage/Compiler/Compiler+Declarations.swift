import CellRuntime
import SwiftSyntax

extension Compiler {
    /// Compiles a declaration: `let`/`var`, `func`, a type, an extension; `import` is accepted.
    func compileDeclaration(_ declaration: DeclSyntax) throws -> Execution {
        let node = Syntax(declaration)
        if let variables = declaration.as(VariableDeclSyntax.self) { return try compileVariables(variables) }
        if let function = declaration.as(FunctionDeclSyntax.self) { return try compileFunctionDeclaration(function) }
        if declaration.is(StructDeclSyntax.self) || declaration.is(ClassDeclSyntax.self) || declaration.is(EnumDeclSyntax.self)
            || declaration.is(ProtocolDeclSyntax.self) {
            guard function.isTopLevel, block.parent == nil else {
                throw LocatedError(error: .unsupported("types must be declared at a cell's top level"), node: node)
            }
            try compileTypeDeclaration(declaration)
            return { _ in .normal }
        }
        if let extensionDeclaration = declaration.as(ExtensionDeclSyntax.self) {
            guard function.isTopLevel, block.parent == nil else {
                throw LocatedError(error: .unsupported("extensions must be declared at a cell's top level"), node: node)
            }
            try compileExtension(extensionDeclaration)
            return { _ in .normal }
        }
        if declaration.is(ImportDeclSyntax.self) { return { _ in .normal } }
        let keyword = declaration.tokens(viewMode: .sourceAccurate).first { $0.tokenKind.isDeclarationKeyword }
        throw LocatedError(error: .unsupported("'\(keyword?.text ?? "this")' declarations are not supported in cells"), node: node)
    }

    // MARK: - Variables

    private func compileVariables(_ declaration: VariableDeclSyntax) throws -> Execution {
        let isMutable = declaration.bindingSpecifier.tokenKind == .keyword(.var)
        let executions = try declaration.bindings.map { binding -> Execution in
            let node = Syntax(binding)
            if binding.accessorBlock != nil {
                throw LocatedError(error: .unsupported("computed variables are supported as properties of types, not in cells' code"),
                                   node: node)
            }
            let annotated = try typeExpression(binding.typeAnnotation?.type) ?? keptParameterType(of: binding)
            let interpreter = self.interpreter
            guard let initializer = binding.initializer else {
                // `var x: Int` is assigned later; `var x: Int?` starts as nil.
                let store = try compileBindingPattern(binding.pattern, isMutable: true, type: annotated)
                let initial: Value = annotated?.isOptional == true ? .optional(nil) : .void
                return { frame in try store(frame, initial); return .normal }
            }
            let compiled = try compileExpression(initializer.value, expecting: annotated)
            let type = annotated ?? Compiler.inferredType(of: initializer.value, resolver: self)
            let store = try compileBindingPattern(binding.pattern, isMutable: isMutable, type: type)
            let evaluate = compiled.evaluate, literal = compiled.literal
            let valueNode = Syntax(initializer.value)
            guard let annotated else {
                return { frame in
                    try store(frame, try evaluate(frame))
                    return .normal
                }
            }
            return { frame in
                let value = try evaluate(frame)
                guard let converted = try interpreter.coerce(value, to: annotated, literal: literal) else {
                    throw LocatedError(error: .cannotConvertToSpecified(valueType: value.typeName, specifiedType: annotated.description),
                                       node: valueNode)
                }
                try store(frame, converted)
                return .normal
            }
        }
        return Compiler.sequence(executions)
    }

    /// The type a top-level `let x = <literal>` keeps when it re-declares a global declared with a type the literal
    /// converts to: papermill's injected cell (`let learningRate = 0.0005`) re-declares a notebook's parameters
    /// (`let learningRate: Float = 0.001`, `let limit: Int? = nil`) with bare literals, and they stay of the types the
    /// notebook gave them. Nil when the binding has an annotation, its value is not a literal, or it would not fit.
    func keptParameterType(of binding: PatternBindingSyntax) -> TypeExpression? {
        guard binding.typeAnnotation == nil, function.isTopLevel, block.parent == nil,
              let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text,
              let initializer = binding.initializer, Compiler.isLiteral(initializer.value),
              let type = interpreter.existingGlobal(name)?.declaredType,
              let compiled = try? compileExpression(initializer.value, expecting: type),
              let value = try? compiled.evaluate(Frame.make(slotCount: 0, boxCount: 0, captures: [])),
              (try? interpreter.coerce(value, to: type, literal: compiled.literal)) != nil else { return nil }
        return type
    }

    /// Whether an expression is a literal: a number (with its sign), Bool, nil, a string without interpolation, or an
    /// array or dictionary of literals.
    static func isLiteral(_ expression: ExprSyntax) -> Bool {
        switch expression.kind {
        case .integerLiteralExpr, .floatLiteralExpr, .booleanLiteralExpr, .nilLiteralExpr: return true
        case .stringLiteralExpr:
            return expression.cast(StringLiteralExprSyntax.self).segments.allSatisfy { $0.is(StringSegmentSyntax.self) }
        case .prefixOperatorExpr:
            let prefix = expression.cast(PrefixOperatorExprSyntax.self)
            return prefix.operator.text == "-" && (prefix.expression.is(IntegerLiteralExprSyntax.self) || prefix.expression.is(FloatLiteralExprSyntax.self))
        case .arrayExpr:
            return expression.cast(ArrayExprSyntax.self).elements.allSatisfy { isLiteral($0.expression) }
        case .dictionaryExpr:
            guard case .elements(let elements) = expression.cast(DictionaryExprSyntax.self).content else { return true }
            return elements.allSatisfy { isLiteral($0.key) && isLiteral($0.value) }
        default: return false
        }
    }

    /// The type an initializer spells when it has no annotation (`[Double]()`), so later appends convert to it.
    static func inferredType(of expression: ExprSyntax, resolver: TypeResolver) -> TypeExpression? {
        guard let call = expression.as(FunctionCallExprSyntax.self), let type = collectionType(call.calledExpression) else { return nil }
        return try? TypeExpression(type, resolver: resolver)
    }

    // MARK: - Functions

    private func compileFunctionDeclaration(_ declaration: FunctionDeclSyntax) throws -> Execution {
        let name = declaration.name.text
        if function.isTopLevel && block.parent == nil {
            let global = declareGlobal(name, isMutable: false, type: nil)
            declaredScalarSignatures[name] = scalarSignature(of: declaration)
            let compiled = try compileFunction(declaration, context: FunctionContext())
            global.documentation = compiled.documentation
            let value = Value.function(CompiledClosure(function: compiled, captures: []))
            installations.append { global.value = value }
            block.record(CompiledVariable(name: name, storage: .global(global), isMutable: false, type: nil))
            return { _ in .normal }
        }
        // A local function: a closure over the enclosing function's variables, itself included.
        let variable = block.declare(name, isMutable: false, type: nil)
        let compiled = try compileFunction(declaration, context: FunctionContext())
        let gather = captureGatherer(compiled.captureSources)
        let store = initialize(variable.storage)
        let update = self.store(variable.storage)
        let isBoxed: Bool
        if case .box = variable.storage { isBoxed = true } else { isBoxed = false }
        return { frame in
            // A recursive local function captures its own box: make the box first, then the closure.
            if isBoxed { store(frame, .void) }
            update(frame, .function(CompiledClosure(function: compiled, captures: gather(frame))))
            return .normal
        }
    }
}

extension TokenKind {
    /// Whether the token is the keyword that introduces a declaration (`actor`, `typealias`, `operator`, ...).
    var isDeclarationKeyword: Bool {
        switch self {
        case .keyword(.class), .keyword(.enum), .keyword(.protocol), .keyword(.extension), .keyword(.actor),
             .keyword(.typealias), .keyword(.operator), .keyword(.subscript), .keyword(.`init`), .keyword(.precedencegroup),
             .keyword(.macro), .keyword(.associatedtype), .keyword(.deinit):
            return true
        default:
            return false
        }
    }
}
