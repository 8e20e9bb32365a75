import CellRuntime
import SwiftSyntax

extension Compiler {
    /// What kind of function a declaration compiles into.
    struct FunctionContext {
        /// The type whose member it is.
        var owner: CellNominalType?
        /// The standard or library type an extension adds it to.
        var extendedTypeName: String?
        var isStatic = false
        var isMutating = false
        var isInitializer = false
    }

    // MARK: - Closures

    /// A closure literal: compiled once; each evaluation captures the variables it uses.
    func compileClosure(_ closure: ClosureExprSyntax, expecting expected: TypeExpression?) throws -> Compiled {
        let node = Syntax(closure)
        var parameterTypes: [TypeExpression?] = []
        if case .function(let types, _, _)? = expected { parameterTypes = types }
        let compiledFunction = try inFunction(capturedNames: CaptureAnalysis.capturedNames(in: closure.statements)) { scope -> CompiledFunction in
            if case .function(_, let result, _)? = expected { scope.returnType = result }
            var parameters: [CompiledParameter] = []
            func declare(_ name: String, type: TypeExpression?, typeText: String) {
                let variable = block.declare(name, isMutable: false, type: type)
                parameters.append(CompiledParameter(label: nil, name: name, type: type, defaultValue: nil, isVariadic: false,
                                                    isInOut: false, storage: variable.storage, typeText: typeText, defaultText: nil))
            }
            switch closure.signature?.parameterClause {
            case .simpleInput(let shorthand)?:
                for (index, parameter) in shorthand.enumerated() {
                    declare(parameter.name.text, type: index < parameterTypes.count ? parameterTypes[index] : nil, typeText: "Any")
                }
            case .parameterClause(let clause)?:
                for parameter in clause.parameters {
                    let type = try parameter.type.map { try TypeExpression($0, resolver: self) }
                    declare((parameter.secondName ?? parameter.firstName).text, type: type, typeText: parameter.type?.trimmedDescription ?? "Any")
                }
            case nil:
                for index in 0..<Compiler.shorthandArity(of: closure) {
                    declare("$\(index)", type: index < parameterTypes.count ? parameterTypes[index] : nil, typeText: "Any")
                }
            }
            if let returnClause = closure.signature?.returnClause {
                scope.returnType = try TypeExpression(returnClause.type, resolver: self)
            }
            let function = CompiledFunction(
                name: "closure", parameters: parameters, returnType: scope.returnType,
                isThrowing: closure.signature?.effectSpecifiers?.throwsClause != nil, isMutating: false, isStatic: false,
                selfStorage: nil, signature: "{ closure }", documentation: "", node: node)
            try compileBody(closure.statements, into: function, scope: scope)
            return function
        }
        let sources = compiledFunction.captureSources
        let hasSignature = closure.signature != nil
        let acceptsExtraArguments = !hasSignature
        compiledFunction.acceptsExtraArguments = acceptsExtraArguments
        if sources.isEmpty {
            let value = Value.function(CompiledClosure(function: compiledFunction, captures: []))
            return constant(value, node: node)
        }
        let gather = captureGatherer(sources)
        return Compiled(evaluate: { frame in
            .function(CompiledClosure(function: compiledFunction, captures: gather(frame)))
        }, node: node)
    }

    /// Code that collects the boxes a closure captures from the frame that creates it.
    func captureGatherer(_ sources: [Storage]) -> (Frame) -> [Box] {
        { frame in
            sources.map { source -> Box in
                switch source {
                case .box(let index): return frame.boxes[index]
                case .capture(let index): return frame.captures[index]
                case .slot(let index): return Box(frame.slots[index])
                case .global(let global): return Box(global.value)
                }
            }
        }
    }

    /// The number of `$n` parameters a shorthand closure uses (nested closures' own `$n` excluded).
    static func shorthandArity(of closure: ClosureExprSyntax) -> Int {
        var arity = 0
        for token in closure.statements.tokens(viewMode: .sourceAccurate) {
            guard case .dollarIdentifier(let text) = token.tokenKind, let index = Int(text.dropFirst()) else { continue }
            var parent = token.parent
            while let current = parent, !current.is(ClosureExprSyntax.self) { parent = current.parent }
            if parent?.id == closure.id { arity = max(arity, index + 1) }
        }
        return arity
    }

    /// Compiles a function's body: a single expression is its result; otherwise statements with `return`.
    func compileBody(_ statements: CodeBlockItemListSyntax, into function: CompiledFunction, scope: FunctionScope) throws {
        if statements.count == 1, let only = statements.first, let expression = Compiler.valueExpression(of: only) {
            let compiled = try compileExpression(expression, expecting: scope.returnType)
            function.singleExpression = compiled.evaluate
            function.singleExpressionLiteral = compiled.literal
            if let kind = ScalarKind(scope.returnType) { function.scalarBody = compiled.lane?.adapted(to: kind, literal: compiled.literal) }
        } else {
            function.body = try compileStatements(statements)
        }
        function.slotCount = scope.slotCount
        function.boxCount = scope.boxCount
        function.captureSources = scope.captureSources
    }

    // MARK: - Functions

    /// Compiles a `func` declaration (a global function, a local function, a method).
    func compileFunction(_ declaration: FunctionDeclSyntax, context: FunctionContext) throws -> CompiledFunction {
        guard let body = declaration.body else {
            throw LocatedError(error: .typeMismatch("expected '{' in body of function declaration"), node: Syntax(declaration))
        }
        if let asyncSpecifier = declaration.signature.effectSpecifiers?.asyncSpecifier {
            throw LocatedError(error: .unsupported("'async' functions are not supported in cells"), node: Syntax(asyncSpecifier))
        }
        let generics = Compiler.genericParameters(declaration.genericParameterClause, declaration.genericWhereClause)
        let isThrowing = declaration.signature.effectSpecifiers?.throwsClause != nil
        return try compileCallable(
            name: declaration.name.text, parameterClause: declaration.signature.parameterClause,
            returnType: declaration.signature.returnClause?.type, generics: generics, isThrowing: isThrowing,
            context: context, body: body.statements, documentation: Compiler.documentation(of: Syntax(declaration)),
            signaturePrefix: (context.isStatic ? "static " : "") + (context.isMutating ? "mutating " : "") + "func \(declaration.name.text)",
            node: Syntax(declaration))
    }

    /// Compiles a function-like declaration: parameters, generics, `self`, body.
    func compileCallable(name: String, parameterClause: FunctionParameterClauseSyntax, returnType returnSyntax: TypeSyntax?,
                         generics: [String: [String]], isThrowing: Bool, context: FunctionContext,
                         body: CodeBlockItemListSyntax, documentation: String, signaturePrefix: String, node: Syntax,
                         returnTypeExpression: TypeExpression? = nil) throws -> CompiledFunction {
        try inFunction(capturedNames: CaptureAnalysis.capturedNames(in: body)) { scope -> CompiledFunction in
            scope.genericParameters.merge(generics) { $1 }
            scope.ownerType = context.owner
            scope.extendedTypeName = context.extendedTypeName
            scope.isStatic = context.isStatic
            scope.isInitializer = context.isInitializer
            scope.isSelfMutable = context.isMutating || context.isInitializer
            scope.canThrow = isThrowing
            var selfStorage: Storage?
            if context.owner != nil || context.extendedTypeName != nil {
                let isMutable = context.isStatic ? false : (context.isMutating || context.isInitializer)
                selfStorage = block.declare("self", isMutable: isMutable, type: nil).storage
            }
            let returnType = try returnSyntax.map { try TypeExpression($0, resolver: self) } ?? returnTypeExpression
            scope.returnType = returnType
            var parameters: [CompiledParameter] = []
            var parts: [String] = []
            for parameter in parameterClause.parameters {
                let firstName = parameter.firstName.text
                let label: String? = firstName == "_" ? nil : firstName
                let internalName = parameter.secondName?.text ?? firstName
                var typeSyntax = parameter.type
                var isInOut = false
                if let attributed = typeSyntax.as(AttributedTypeSyntax.self),
                   attributed.specifiers.contains(where: { $0.trimmedDescription == "inout" }) {
                    isInOut = true
                    typeSyntax = attributed.baseType
                }
                var type = try TypeExpression(typeSyntax, resolver: self)
                let isVariadic = parameter.ellipsis != nil
                let defaultValue = try parameter.defaultValue.map { try compileDefault($0.value, type: type) }
                if isVariadic { type = .array(type) }
                let variable = block.declare(internalName, isMutable: isInOut, type: type)
                parameters.append(CompiledParameter(
                    label: label, name: internalName, type: type, defaultValue: defaultValue, isVariadic: isVariadic,
                    isInOut: isInOut, storage: variable.storage, typeText: parameter.type.trimmedDescription,
                    defaultText: parameter.defaultValue?.value.trimmedDescription))
                var text = label == internalName ? internalName : (label ?? "_") + " " + internalName
                text += ": " + parameter.type.trimmedDescription + (isVariadic ? "..." : "")
                if let defaultText = parameter.defaultValue?.value.trimmedDescription { text += " = " + defaultText }
                parts.append(text)
            }
            let signature = signaturePrefix + "(" + parts.joined(separator: ", ") + ")" + (isThrowing ? " throws" : "")
                + (returnSyntax.map { " -> " + $0.trimmedDescription } ?? "")
            let function = CompiledFunction(
                name: name, parameters: parameters, returnType: returnType, isThrowing: isThrowing, isMutating: context.isMutating,
                isStatic: context.isStatic, selfStorage: selfStorage, signature: signature, documentation: documentation, node: node)
            try compileBody(body, into: function, scope: scope)
            return function
        }
    }

    /// A default argument, compiled to run in a frame of its own (it cannot see the other parameters).
    func compileDefault(_ expression: ExprSyntax, type: TypeExpression) throws -> CompiledDefault {
        try inFunction(capturedNames: []) { scope -> CompiledDefault in
            let compiled = try compileExpression(expression, expecting: type)
            return CompiledDefault(evaluation: compiled.evaluate, slotCount: scope.slotCount, literal: compiled.literal)
        }
    }

    /// Generic parameters and their constraints' names: `<T: Comparable>` and `where T: Numeric`.
    static func genericParameters(_ clause: GenericParameterClauseSyntax?, _ whereClause: GenericWhereClauseSyntax?) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for parameter in clause?.parameters ?? [] {
            result[parameter.name.text] = parameter.inheritedType.map { inherited in
                if let composition = inherited.as(CompositionTypeSyntax.self) { return composition.elements.map { $0.type.trimmedDescription } }
                return [inherited.trimmedDescription]
            } ?? []
        }
        for requirement in whereClause?.requirements ?? [] {
            if case .conformanceRequirement(let conformance) = requirement.requirement {
                result[conformance.leftType.trimmedDescription, default: []].append(conformance.rightType.trimmedDescription)
            }
        }
        return result
    }

    /// The `///` comment lines before a declaration, without the slashes.
    static func documentation(of node: Syntax) -> String {
        var lines: [String] = []
        for piece in node.leadingTrivia {
            switch piece {
            case .docLineComment(let text):
                var line = String(text.dropFirst(3))
                if line.hasPrefix(" ") { line.removeFirst() }
                lines.append(line)
            case .docBlockComment(let text):
                lines.append(String(text.dropFirst(3).dropLast(2)))
            default: continue
            }
        }
        return lines.joined(separator: "\n")
    }
}
