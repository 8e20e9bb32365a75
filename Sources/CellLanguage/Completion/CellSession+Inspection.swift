extension CellSession {
    /// Signature + doc of the name at the cursor (more at detailLevel 1); nil when unknown.
    public func inspection(in code: String, cursor: Int, detailLevel: Int) -> RichOutput? {
        let scalars = Array(code.unicodeScalars)
        let cursor = min(max(cursor, 0), scalars.count)
        var start = cursor
        while start > 0, CellSession.isIdentifierScalar(scalars[start - 1]) { start -= 1 }
        var end = cursor
        while end < scalars.count, CellSession.isIdentifierScalar(scalars[end]) { end += 1 }
        if start == end, let callee = CellSession.openCallee(before: start, in: scalars) {
            // Between the parentheses of a call: inspect the function being called.
            let calleeScalars = Array(callee.unicodeScalars)
            let lastName = calleeScalars.split(separator: ".").last.map(Array.init) ?? calleeScalars
            var index = start
            while index > 0, scalars[index - 1] != "(" || depthBetween(index - 1, start, scalars) != 0 { index -= 1 }
            end = max(0, index - 1)
            start = end - lastName.count
        }
        guard start < end else { return nil }
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        let documented: [Documented]
        if start > 0, scalars[start - 1] == "." {
            documented = memberDocumentation(name, of: CellSession.expressionText(before: start - 1, in: scalars))
        } else {
            documented = globalDocumentation(name)
        }
        guard !documented.isEmpty else { return nil }
        return Documented.render(documented, detailed: detailLevel > 0)
    }

    /// The bracket depth of `scalars[from + 1 ..< to]` (zero when a parenthesis at `from` is still open at `to`).
    private func depthBetween(_ from: Int, _ to: Int, _ scalars: [Unicode.Scalar]) -> Int {
        var depth = 0
        for scalar in scalars[(from + 1)..<to] {
            if scalar == "(" || scalar == "[" { depth += 1 }
            if scalar == ")" || scalar == "]" { depth -= 1 }
        }
        return depth
    }

    private func globalDocumentation(_ name: String) -> [Documented] {
        if let variable = evaluator.globals.lookup(name) {
            if case .function(.user(let function, _)) = variable.value {
                return [Documented(signature: function.signature, summary: function.documentation)]
            }
            let keyword = variable.isMutable ? "var" : "let"
            return [Documented(signature: "\(keyword) \(name): \(variable.value.typeName)",
                               summary: "", details: "Current value: " + variable.value.debugDescription)]
        }
        if let declaration = evaluator.structures[name] {
            let properties = declaration.properties.map {
                "    \($0.isMutable ? "var" : "let") \($0.name): \($0.annotation?.description ?? "Any")"
            }
            return [Documented(signature: "struct \(name)", summary: "A struct declared in this session.",
                               details: properties.joined(separator: "\n"))]
        }
        if let bindings = evaluator.bindings.functions[name] { return bindings.map(Documented.init) }
        if let type = evaluator.bindings.types[name] {
            let members = evaluator.bindings.allMembers(of: name).map { "    " + $0.signature }
            let initializers = type.initializers.map { "    " + $0.signature }
            return [Documented(signature: "struct \(name)", summary: type.summary,
                               details: (initializers + members).joined(separator: "\n"))]
        }
        return []
    }

    private func memberDocumentation(_ name: String, of base: String) -> [Documented] {
        guard let value = resolve(base) else { return [] }
        switch value {
        case .type(let typeName):
            return (evaluator.bindings.types[typeName]?.staticMembers[name] ?? []).map(Documented.init)
        case .structure(let instance):
            if let method = instance.declaration.methods[name]?.first {
                return [Documented(signature: method.signature, summary: method.documentation)]
            }
            if let index = instance.declaration.propertyIndex(name) {
                let property = instance.declaration.properties[index]
                return [Documented(signature: "\(property.isMutable ? "var" : "let") \(name): \(instance.properties[index].typeName)",
                                   summary: "")]
            }
            return []
        default:
            return evaluator.bindings.members(named: name, of: value.bindingTypeName).map(Documented.init)
        }
    }
}

/// A signature with its documentation, rendered for inspection.
struct Documented {
    let signature: String
    let summary: String
    var details: String = ""

    init(signature: String, summary: String, details: String = "") {
        self.signature = signature
        self.summary = summary
        self.details = details
    }

    /// A binding's signature, summary, and (in details) its discussion and parameter docs.
    init(_ binding: FunctionBinding) {
        var details = binding.discussion
        let parameters = binding.parameters.filter { !$0.documentation.isEmpty }
        if !parameters.isEmpty {
            details += (details.isEmpty ? "" : "\n\n") + "Parameters:\n"
                + parameters.map { "  - \($0.name): \($0.documentation)" }.joined(separator: "\n")
        }
        self.init(signature: binding.signature, summary: binding.summary, details: details)
    }

    /// text/plain and text/markdown renderings of several overloads.
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
            if detailed, !entry.details.isEmpty {
                text += "\n\n" + entry.details
                rich += "\n\n" + entry.details
            }
            plain.append(text)
            markdown.append(rich)
        }
        return RichOutput(data: ["text/plain": plain.joined(separator: "\n\n"),
                                 "text/markdown": markdown.joined(separator: "\n\n---\n\n")])
    }
}
