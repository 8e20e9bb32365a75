extension CellSession {
    /// The keywords offered by completion.
    static let keywords = ["let", "var", "func", "if", "else", "guard", "for", "in", "while", "repeat", "return",
                           "break", "continue", "struct", "switch", "case", "default", "true", "false", "nil",
                           "import", "mutating", "where"]

    /// Completion candidates for the word before `cursor` (in Unicode scalars): members after `.`, argument
    /// labels inside a call, names in scope, library names and keywords.
    public func completions(in code: String, cursor: Int) -> CompletionResult {
        let scalars = Array(code.unicodeScalars)
        let cursor = min(max(cursor, 0), scalars.count)
        var start = cursor
        while start > 0, CellSession.isIdentifierScalar(scalars[start - 1]) { start -= 1 }
        let prefix = String(String.UnicodeScalarView(scalars[start..<cursor]))
        var items: [CompletionItem]
        if start == 1, scalars[0] == "%" {
            items = ["help", "who", "reset", "time"].map { CompletionItem(text: $0, type: "keyword", signature: "%" + $0) }
        } else if start > 0, scalars[start - 1] == "." {
            let base = CellSession.expressionText(before: start - 1, in: scalars)
            items = memberItems(ofExpression: base)
        } else {
            items = []
            if let callee = CellSession.openCallee(before: start, in: scalars) {
                items += labelItems(forCallee: callee)
            }
            items += scopeItems() + CellSession.keywords.map { CompletionItem(text: $0, type: "keyword") }
        }
        var seen = Set<String>()
        let matches = items.filter { $0.text.hasPrefix(prefix) && seen.insert($0.text).inserted }
        return CompletionResult(items: matches, cursorStart: start, cursorEnd: cursor)
    }

    /// Variables, functions and types visible at the top level, then library functions and types.
    private func scopeItems() -> [CompletionItem] {
        var items: [CompletionItem] = []
        for name in evaluator.globals.order.sorted() {
            guard let variable = evaluator.globals.variables[name] else { continue }
            if case .function(.user(let function, _)) = variable.value {
                items.append(CompletionItem(text: name, type: "function", signature: function.signature))
            } else {
                items.append(CompletionItem(text: name, type: "variable",
                                            signature: "\(variable.isMutable ? "var" : "let") \(name): \(variable.value.typeName)"))
            }
        }
        items += evaluator.structures.keys.sorted().map { CompletionItem(text: $0, type: "type", signature: "struct \($0)") }
        for name in evaluator.bindings.functions.keys.sorted() {
            guard let first = evaluator.bindings.functions[name]?.first else { continue }
            items.append(CompletionItem(text: name, type: first.kind == .property ? "variable" : "function",
                                        signature: first.signature))
        }
        for name in evaluator.bindings.types.keys.sorted() where name != "Sequence" && name != "Optional" && name != "Range" {
            items.append(CompletionItem(text: name, type: "type", signature: "struct \(name)"))
        }
        return items
    }

    /// Members of the value or type named by `expression` (a dotted chain of names).
    private func memberItems(ofExpression expression: String) -> [CompletionItem] {
        guard let value = resolve(expression) else { return [] }
        var items: [CompletionItem] = []
        switch value {
        case .type(let typeName):
            if let type = evaluator.bindings.types[typeName] {
                for bindings in type.staticMembers.values {
                    guard let first = bindings.first else { continue }
                    items.append(CompletionItem(text: first.name, type: first.kind == .staticProperty ? "property" : "method",
                                                signature: first.signature))
                }
            }
            return items.sorted { $0.text < $1.text }
        case .structure(let instance):
            for property in instance.declaration.properties {
                items.append(CompletionItem(text: property.name, type: "property",
                                            signature: "\(property.isMutable ? "var" : "let") \(property.name)"))
            }
            for (name, methods) in instance.declaration.methods.sorted(by: { $0.key < $1.key }) {
                items.append(CompletionItem(text: name, type: "method", signature: methods.first?.signature))
            }
        default:
            break
        }
        for binding in evaluator.bindings.allMembers(of: value.bindingTypeName) {
            items.append(CompletionItem(text: binding.name, type: binding.kind == .property ? "property" : "method",
                                        signature: binding.signature))
        }
        return items
    }

    /// The argument labels of the function being called, as `label:` items.
    private func labelItems(forCallee callee: String) -> [CompletionItem] {
        labelSources(forCallee: callee).flatMap { source in
            source.labels.map { CompletionItem(text: $0 + ":", type: "parameter", signature: source.signature) }
        }
    }

    /// The label lists and signatures of every overload `callee` names.
    func labelSources(forCallee callee: String) -> [(labels: [String], signature: String)] {
        let parts = callee.split(separator: ".").map(String.init)
        if parts.count == 1 {
            if case .function(.user(let function, _))? = evaluator.globals.lookup(callee)?.value {
                return [(function.parameters.compactMap(\.label), function.signature)]
            }
            if let declaration = evaluator.structures[callee] {
                return [(declaration.properties.map(\.name), "init(" + declaration.properties.map { $0.name + ":" }.joined() + ")")]
            }
            let bindings = evaluator.bindings.functions[callee] ?? evaluator.bindings.types[callee]?.initializers ?? []
            return bindings.map { ($0.parameters.compactMap(\.label), $0.signature) }
        }
        guard let base = resolve(parts.dropLast().joined(separator: ".")), let name = parts.last else { return [] }
        if case .structure(let instance) = base, let method = instance.declaration.methods[name]?.first {
            return [(method.parameters.compactMap(\.label), method.signature)]
        }
        let bindings: [FunctionBinding]
        if case .type(let typeName) = base {
            bindings = evaluator.bindings.types[typeName]?.staticMembers[name] ?? []
        } else {
            bindings = evaluator.bindings.members(named: name, of: base.bindingTypeName)
        }
        return bindings.map { ($0.parameters.compactMap(\.label), $0.signature) }
    }

    /// The value a dotted chain of names refers to, without running any code but property reads.
    func resolve(_ expression: String) -> Value? {
        let parts = expression.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, !(first.first?.isNumber ?? true) else { return nil }
        var value: Value
        if let variable = evaluator.globals.lookup(first) {
            value = variable.value
        } else if evaluator.structures[first] != nil || evaluator.bindings.types[first] != nil {
            value = .type(first)
        } else {
            return nil
        }
        for part in parts.dropFirst() {
            guard let next = try? evaluator.member(part, of: value) else { return nil }
            if case .function = next { return nil }
            value = next
        }
        return value
    }

    /// Whether the scalar can be part of a Swift identifier (or `$0`).
    static func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar == "$" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// The dotted chain of names ending just before `end` (`model.layers` in `model.layers.`).
    static func expressionText(before end: Int, in scalars: [Unicode.Scalar]) -> String {
        var start = end
        while start > 0, isIdentifierScalar(scalars[start - 1]) || scalars[start - 1] == "." { start -= 1 }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }

    /// The callee of the innermost call still open before `position` (`foo` in `foo(1, `), if any.
    static func openCallee(before position: Int, in scalars: [Unicode.Scalar]) -> String? {
        var depth = 0
        var index = position - 1
        var isInString = false
        while index >= 0 {
            let scalar = scalars[index]
            if scalar == "\"" { isInString.toggle() }
            if !isInString {
                if scalar == ")" || scalar == "]" { depth += 1 }
                if scalar == "(" || scalar == "[" {
                    if depth == 0 {
                        guard scalar == "(" else { return nil }
                        let callee = expressionText(before: index, in: scalars)
                        return callee.isEmpty ? nil : callee
                    }
                    depth -= 1
                }
                if scalar == "{" || scalar == "}" { return nil }
            }
            index -= 1
        }
        return nil
    }
}
