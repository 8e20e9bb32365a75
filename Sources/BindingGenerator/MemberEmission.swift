/// Writes the `FunctionBinding` of one member: its parameters with their descriptors, defaults and docs, and
/// an implementation that reads each argument as its declared Swift type, calls the library and converts
/// the result.
struct MemberEmission {
    let api: PublicAPI
    /// The type the member belongs to; nil for free functions.
    let owner: DeclaredType?
    let member: DeclaredMember

    /// The most arguments a variadic parameter takes from a cell (Swift cannot spread an array into one).
    static let variadicLimit = 16

    private var types: TypeEmission {
        TypeEmission(api: api, generics: (owner?.genericParameters ?? []) + member.genericParameters)
    }

    private var ownerSpelling: String {
        guard let owner else { return "" }
        return owner.kind == .protocolType ? "any " + owner.name : owner.name
    }

    /// The binding kind for the runtime.
    private var kind: String {
        switch member.kind {
        case .initializer: return ".initializer"
        case .function: return ".function"
        case .subscript: return ".subscript"
        case .property: return member.isStatic ? ".staticProperty" : ".property"
        case .method: return member.isStatic ? ".staticMethod" : ".method"
        }
    }

    /// The result type the binding reports.
    private var resultType: TypeReference {
        if member.kind == .initializer {
            let own = TypeReference.named(owner?.name ?? "", arguments: [])
            return member.isFailable ? .optional(own) : own
        }
        return member.returnType ?? .void
    }

    /// The Swift source of the binding expression.
    func emit() throws -> String {
        if member.isOperator, member.parameters.contains(where: \.isInOut) {
            throw Unsupported("compound-assignment operators are applied by the interpreter")
        }
        let types = self.types
        var lines: [String] = []
        let parameterLines = try member.parameters.map { parameter -> String in
            var text = "ParameterBinding(\(parameter.label.map(literal) ?? "nil"), \(literal(parameter.name)), \(try types.descriptor(parameter.type))"
            if let defaultValue = parameter.defaultValue { text += ", default: \(literal(defaultValue))" }
            if parameter.isVariadic { text += ", isVariadic: true" }
            if parameter.isInOut { text += ", isInOut: true" }
            if let documentation = member.documentation.parameters[parameter.name] ?? parameter.label.flatMap({ member.documentation.parameters[$0] }) {
                text += ", documentation: \(literal(documentation))"
            }
            return text + ")"
        }
        var header = "FunctionBinding(\(literal(member.name)), \(kind)"
        if !parameterLines.isEmpty {
            header += ", parameters: [\n" + parameterLines.map { "    " + $0 + "," }.joined(separator: "\n") + "\n]"
        }
        header += ", returns: \(try types.descriptor(resultType))"
        if member.isThrowing { header += ", throws: true" }
        if member.isFailable { header += ", failable: true" }
        if member.isMutating && member.kind != .property && member.kind != .subscript { header += ", mutating: true" }
        header += ",\n    documentation: " + documentation(member.documentation)
        if member.isSettable { header += ",\n    setter: " + (try setter()) }
        lines.append(header + ") { invocation in")
        lines += try body().map { "    " + $0 }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    private func documentation(_ documentation: Documentation) -> String {
        var text = "BindingDocumentation(\(literal(documentation.summary))"
        if !documentation.discussion.isEmpty { text += ", discussion: \(literal(documentation.discussion))" }
        if !documentation.returns.isEmpty { text += ", returns: \(literal(documentation.returns))" }
        return text + ")"
    }

    // MARK: - Body

    /// Local names that must not clash with the parameters.
    private var reserved: Set<String> { ["invocation", "receiver", "result"] }

    private func localName(_ parameter: DeclaredParameter) -> String {
        reserved.contains(parameter.name) ? parameter.name + "Argument" : identifier(parameter.name)
    }

    private func body() throws -> [String] {
        var lines = receiverLines(mutating: member.isMutating && member.kind == .method)
        for (index, parameter) in member.parameters.enumerated() {
            lines += try argumentLines(parameter, index: index)
        }
        let call = try callExpressions()
        let isVoid = resultType.isVoid
        let tryPrefix = member.isThrowing ? "try " : ""
        if call.count == 1 {
            lines.append(isVoid ? tryPrefix + call[0].expression + "\nreturn .void"
                         : "return invocation.result(\(tryPrefix)\(call[0].expression))")
            return lines.flatMap { $0.split(separator: "\n").map(String.init) }
        }
        // A variadic parameter: one call per argument count.
        let variadic = member.parameters.first(where: \.isVariadic)!
        lines.append(isVoid ? "switch \(localName(variadic)).count {" : "let result: \(types.spelling(resultType))")
        if !isVoid { lines.append("switch \(localName(variadic)).count {") }
        for (count, expression) in call {
            lines.append("case \(count!): " + (isVoid ? tryPrefix + expression : "result = \(tryPrefix)\(expression)"))
        }
        lines.append("default: throw CellLanguageError.runtimeFault(\(literal("\(member.selector) takes at most \(MemberEmission.variadicLimit) variadic arguments in a cell")))")
        lines.append("}")
        lines.append(isVoid ? "return .void" : "return invocation.result(result)")
        return lines
    }

    private func receiverLines(mutating: Bool) -> [String] {
        guard let owner, !member.isStatic, member.kind != .initializer, member.kind != .function else { return [] }
        if mutating && owner.kind != .classType && owner.kind != .protocolType {
            return ["var receiver: \(ownerSpelling) = try invocation.takeReceiver()",
                    "defer { invocation.setReceiver(receiver) }"]
        }
        return ["let receiver: \(ownerSpelling) = try invocation.receiver()"]
    }

    private func argumentLines(_ parameter: DeclaredParameter, index: Int) throws -> [String] {
        let name = localName(parameter)
        var type = types.spelling(parameter.type.withoutEscaping)
        if parameter.isVariadic { type = "[\(type)]" }
        if case .function = parameter.type { return try closureLines(parameter, index: index) }
        if case .optional(.function) = parameter.type { return try closureLines(parameter, index: index) }
        if parameter.isInOut {
            return ["var \(name): \(type) = try invocation.argument(\(index))",
                    "defer { invocation.setInOut(\(index), \(name)) }"]
        }
        if let defaultValue = parameter.defaultValue {
            // `as` keeps the default's type (a subclass, say) from choosing the argument's type.
            return ["let \(name): \(type) = try invocation.isGiven(\(index)) ? invocation.argument(\(index)) as \(type) : \(defaultValue)"]
        }
        return ["let \(name): \(type) = try invocation.argument(\(index))"]
    }

    /// A closure parameter: the cell's function wrapped in a Swift closure of the declared type.
    private func closureLines(_ parameter: DeclaredParameter, index: Int) throws -> [String] {
        var functionType = parameter.type
        var isOptional = false
        if case .optional(let wrapped) = functionType {
            functionType = wrapped
            isOptional = true
        }
        guard case .function(let parameterTypes, let result, let isThrowing, _) = functionType else { return [] }
        if parameterTypes.contains(where: { if case .function = $0 { return true }; return false }) {
            throw Unsupported("closures taking closures are not supported")
        }
        let arguments = (0..<parameterTypes.count).map { "$\($0)" }.joined(separator: ", ")
        let handle = "\(parameter.name)Function"
        let closure: String
        if isThrowing {
            closure = "{ try \(handle).call(\(arguments)) }"
        } else if result.isVoid {
            closure = "{ \(handle).callRecordingErrors(\(arguments)) }"
        } else if result == .named("Bool", arguments: []) {
            closure = "{ \(handle).callRecordingErrors(\(arguments)\(arguments.isEmpty ? "" : ", ")fallback: false) }"
        } else {
            throw Unsupported("a non-throwing closure parameter returning '\(result)' cannot report a cell's error")
        }
        let wrapped = closure
        let name = localName(parameter)
        let type = types.spelling(parameter.type.withoutEscaping)
        var value = isOptional ? "invocation.isNil(\(index)) ? nil : \(wrapped)" : wrapped
        if let defaultValue = parameter.defaultValue { value = "!invocation.isGiven(\(index)) ? \(defaultValue) : (\(value))" }
        return ["let \(handle) = invocation.function(\(index))", "let \(name): \(type) = \(value)"]
    }

    // MARK: - The call

    /// The call expression, or one per argument count of a variadic parameter.
    private func callExpressions() throws -> [(count: Int?, expression: String)] {
        guard let variadicIndex = member.parameters.firstIndex(where: \.isVariadic) else {
            return [(nil, try callExpression(arguments: member.parameters.map(argumentText)))]
        }
        let variadic = member.parameters[variadicIndex]
        return try (0...MemberEmission.variadicLimit).map { count in
            var arguments = member.parameters.map(argumentText)
            let spread = (0..<count).map { "\(localName(variadic))[\($0)]" }
            let label = variadic.label.map { $0 + ": " } ?? ""
            arguments[variadicIndex] = spread.isEmpty ? "" : label + spread.joined(separator: ", ")
            return (count, try callExpression(arguments: arguments.filter { !$0.isEmpty }))
        }
    }

    private func argumentText(_ parameter: DeclaredParameter) -> String {
        (parameter.label.map { $0 + ": " } ?? "") + (parameter.isInOut ? "&" : "") + localName(parameter)
    }

    private func callExpression(arguments: [String]) throws -> String {
        let list = arguments.joined(separator: ", ")
        let ownerName = owner?.name ?? ""
        switch member.kind {
        case .initializer:
            return "\(ownerName)(\(list))"
        case .function:
            if member.isOperator { return try operatorExpression(arguments) }
            return "\(identifier(member.name))(\(list))"
        case .property:
            guard owner != nil else { return identifier(member.name) }
            return member.isStatic ? "\(ownerName).\(identifier(member.name))" : "receiver.\(identifier(member.name))"
        case .subscript:
            return "receiver[\(list)]"
        case .method:
            if member.isOperator { return try operatorExpression(arguments) }
            if member.isStatic { return "\(ownerName).\(identifier(member.name))(\(list))" }
            return "receiver.\(identifier(member.name))(\(list))"
        }
    }

    private func operatorExpression(_ arguments: [String]) throws -> String {
        switch arguments.count {
        case 1: return "\(member.name)\(arguments[0])"
        case 2: return "\(arguments[0]) \(member.name) \(arguments[1])"
        default: throw Unsupported("an operator with \(arguments.count) operands")
        }
    }

    // MARK: - Setters

    private func setter() throws -> String {
        guard let owner else { throw Unsupported("a settable global") }
        let newValueIndex = member.kind == .subscript ? member.parameters.count : 0
        let valueType = types.spelling(member.returnType ?? .void)
        var lines: [String] = []
        let isValueType = owner.kind != .classType && owner.kind != .protocolType
        if member.isStatic {
            throw Unsupported("settable static properties are process-wide state")
        }
        if isValueType {
            lines += ["var receiver: \(ownerSpelling) = try invocation.takeReceiver()", "defer { invocation.setReceiver(receiver) }"]
        } else {
            lines.append("let receiver: \(ownerSpelling) = try invocation.receiver()")
        }
        for (index, parameter) in member.parameters.enumerated() { lines += try argumentLines(parameter, index: index) }
        if case .function = member.returnType {
            let parameter = DeclaredParameter(label: nil, name: "newValue", type: member.returnType!, defaultValue: nil,
                                              isInOut: false, isVariadic: false)
            lines += try closureLines(parameter, index: newValueIndex)
        } else {
            lines.append("let newValue: \(valueType) = try invocation.argument(\(newValueIndex))")
        }
        let target = member.kind == .subscript
            ? "receiver[" + member.parameters.map(argumentText).joined(separator: ", ") + "]"
            : "receiver.\(identifier(member.name))"
        lines.append("\(target) = newValue")
        return "{ invocation in\n" + lines.map { "    " + $0 }.joined(separator: "\n") + "\n}"
    }
}
