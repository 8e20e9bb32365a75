import CellRuntime

extension CellSession {
    /// The signature and documentation of the name at the cursor, or of the call the cursor is in: each parameter's
    /// documentation at detail level 0 (JupyterLab's Shift-Tab), the discussion too at level 1. On an argument label,
    /// that parameter first. Nil when unknown.
    public func inspection(in code: String, cursor: Int, detailLevel: Int) -> RichOutput? {
        let scalars = Array(code.unicodeScalars)
        let cursor = min(max(cursor, 0), scalars.count)
        var start = cursor
        while start > 0, CellSession.isIdentifierScalar(scalars[start - 1]) { start -= 1 }
        var end = cursor
        while end < scalars.count, CellSession.isIdentifierScalar(scalars[end]) { end += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<end]))
        // An argument label (`epochs` in `fit(data, epochs: 3)`): the call's documentation, that parameter first.
        var after = end
        while after < scalars.count, scalars[after] == " " { after += 1 }
        let isLabel = !word.isEmpty && after < scalars.count && scalars[after] == ":" && !(after + 1 < scalars.count && scalars[after + 1] == ":")
        if start == end || isLabel, let call = CellSession.openCall(before: start, in: scalars) {
            let described = callables(named: call.callee)
            guard !described.isEmpty else { return nil }
            let documented = described.map { callable -> Documented in
                var entry = callable.documented
                if isLabel { entry.highlightedParameter = callable.parameters.first { $0.label == word }?.name }
                return entry
            }
            let matching = isLabel ? documented.filter { $0.highlightedParameter != nil } : documented
            return Documented.render(matching.isEmpty ? documented : matching, detailed: detailLevel > 0)
        }
        guard start < end else { return nil }
        let documented: [Documented]
        if start > 0, scalars[start - 1] == "." {
            let base = CellSession.expressionText(before: start - 1, in: scalars)
            documented = memberDocumentation(word, of: base)
        } else {
            documented = globalDocumentation(word)
        }
        guard !documented.isEmpty else { return nil }
        return Documented.render(documented, detailed: detailLevel > 0)
    }

    private func globalDocumentation(_ name: String) -> [Documented] {
        if let variable = interpreter.existingGlobal(name) {
            if case .function(let closure as CompiledClosure) = variable.value {
                return [CallableDescription(closure.function).documented]
            }
            let keyword = variable.isMutable ? "var" : "let"
            return [Documented(signature: "\(keyword) \(name): \(variable.value.typeName)", summary: "",
                               discussion: "Current value: " + interpreter.debugDescription(of: variable.value))]
        }
        if let type = interpreter.declaredTypes[name] as? CellNominalType {
            let members = memberEntries(of: .structure(StructureValue(type: type, fields: []))).map { "    " + $0.signature }
            return [Documented(signature: "\(type.declarationKeyword) \(name)",
                               summary: type.documentation.isEmpty ? "A \(type.declarationKeyword) declared in cell \(type.cellNumber)." : type.documentation,
                               discussion: (callables(named: name).map { "    " + $0.signature } + members).joined(separator: "\n"))]
        }
        if let functions = interpreter.bindings.functions[name] { return functions.map { CallableDescription($0).documented } }
        if let type = interpreter.bindings.types[name] {
            let initializers = type.initializers.map { "    " + $0.signature }
            let members = type.members.values.flatMap { $0 }.map { "    " + $0.signature }.sorted()
            return [Documented(signature: "\(type.kind.rawValue) \(name)", summary: type.documentation.summary,
                               discussion: ([type.documentation.discussion].filter { !$0.isEmpty } + initializers + members).joined(separator: "\n"))]
        }
        return []
    }

    private func memberDocumentation(_ name: String, of base: String) -> [Documented] {
        if let type = resolve(base + "." + name), case .type = type { return globalDocumentationOfType(type) }
        guard let value = resolve(base) else { return [] }
        let entries = memberEntries(of: value).filter { $0.name == name }
        if !entries.isEmpty { return entries.map { $0.documentation ?? Documented(signature: $0.signature, summary: "") } }
        return callables(named: base + "." + name).map(\.documented)
    }

    private func globalDocumentationOfType(_ type: Value) -> [Documented] {
        guard case .type(let typeValue) = type else { return [] }
        switch typeValue {
        case .named(let name): return globalDocumentation(name)
        case .declared(let declared): return globalDocumentation(declared.name)
        case .collection: return []
        }
    }
}

/// A signature with its documentation, rendered for inspection.
struct Documented {
    let signature: String
    let summary: String
    /// Documented parameters: name and text.
    var parameters: [(name: String, documentation: String)] = []
    var discussion: String = ""
    var returns: String = ""
    /// The parameter whose label the cursor is on, shown first.
    var highlightedParameter: String?

    /// text/plain and text/markdown renderings of several overloads: the signature, the summary and the
    /// parameters always; the discussion and what it returns when `detailed`.
    static func render(_ documented: [Documented], detailed: Bool) -> RichOutput {
        var plain: [String] = []
        var markdown: [String] = []
        for entry in documented {
            var text = entry.signature
            var rich = "```swift\n\(entry.signature)\n```"
            if !entry.summary.isEmpty {
                text += "\n" + entry.summary
                rich += "\n\n" + entry.summary
            }
            var parameters = entry.parameters
            if let highlighted = entry.highlightedParameter, let index = parameters.firstIndex(where: { $0.name == highlighted }) {
                parameters.insert(parameters.remove(at: index), at: 0)
            }
            if !parameters.isEmpty {
                text += "\n\nParameters:\n" + parameters.map { "  - \($0.name): \($0.documentation)" }.joined(separator: "\n")
                rich += "\n\n**Parameters**\n\n" + parameters.map { "- `\($0.name)`: \($0.documentation)" }.joined(separator: "\n")
            }
            if detailed, !entry.returns.isEmpty {
                text += "\n\nReturns: " + entry.returns
                rich += "\n\n**Returns** " + entry.returns
            }
            if detailed, !entry.discussion.isEmpty {
                text += "\n\n" + entry.discussion
                rich += "\n\n" + entry.discussion
            }
            plain.append(text)
            markdown.append(rich)
        }
        return RichOutput(data: ["text/plain": plain.joined(separator: "\n\n"), "text/markdown": markdown.joined(separator: "\n\n---\n\n")])
    }
}
