import CellRuntime

extension CellSession {
    /// The keywords offered by completion.
    static let keywords = ["let", "var", "func", "if", "else", "guard", "for", "in", "while", "repeat", "return", "break",
                           "continue", "struct", "class", "enum", "protocol", "extension", "switch", "case", "default", "true",
                           "false", "nil", "import", "mutating", "where", "throw", "throws", "try", "do", "catch", "defer", "static",
                           "init", "self", "super", "inout", "final", "some", "any"]

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
            items = memberItems(ofExpression: CellSession.expressionText(before: start - 1, in: scalars))
        } else {
            items = []
            if let callee = CellSession.openCallee(before: start, in: scalars) { items += labelItems(forCallee: callee) }
            items += scopeItems(prefix: prefix) + libraryItems.filter { $0.text.hasPrefix(prefix) }
                + CellSession.keywords.map { CompletionItem(text: $0, type: "keyword") }
        }
        var seen = Set<String>()
        let matches = items.filter { $0.text.hasPrefix(prefix) && seen.insert($0.text).inserted }
        return CompletionResult(items: matches, cursorStart: start, cursorEnd: cursor)
    }

    /// The variables, functions and types cells declared whose names start with `prefix`.
    private func scopeItems(prefix: String) -> [CompletionItem] {
        var items: [CompletionItem] = []
        for name in interpreter.globalOrder.sorted() where name.hasPrefix(prefix) {
            guard let variable = interpreter.existingGlobal(name) else { continue }
            if case .function(let function as CompiledClosure) = variable.value {
                items.append(CompletionItem(text: name, type: "function", signature: function.function.signature))
            } else {
                items.append(CompletionItem(text: name, type: "variable",
                                            signature: "\(variable.isMutable ? "var" : "let") \(name): \(variable.value.typeName)"))
            }
        }
        for (name, type) in interpreter.declaredTypes.sorted(by: { $0.key < $1.key }) where name.hasPrefix(prefix) {
            items.append(CompletionItem(text: name, type: "type", signature: ((type as? CellNominalType)?.declarationKeyword ?? "struct") + " " + name))
        }
        return items
    }

    /// The library's and the standard library's functions and types, sorted by name (made once: bindings do not change).
    static func libraryItems(of bindings: BindingTable) -> [CompletionItem] {
        var items: [CompletionItem] = []
        for name in bindings.functions.keys.sorted() {
            guard let first = bindings.functions[name]?.first else { continue }
            items.append(CompletionItem(text: name, type: first.kind == .property ? "variable" : "function", signature: first.signature))
        }
        for (name, type) in bindings.types.sorted(by: { $0.key < $1.key })
        where !name.unicodeScalars.contains(".") && !["Sequence", "Optional", "Range"].contains(name) {
            items.append(CompletionItem(text: name, type: "type", signature: "\(type.kind.rawValue) \(name)"))
        }
        return items
    }

    /// Members of the value or type named by `expression` (a dotted chain of names).
    private func memberItems(ofExpression expression: String) -> [CompletionItem] {
        guard let value = resolve(expression) else { return [] }
        return memberEntries(of: value).map { entry in
            CompletionItem(text: entry.name, type: entry.kind, signature: entry.signature)
        }
    }

    /// The argument labels of the function being called, as `label:` items.
    private func labelItems(forCallee callee: String) -> [CompletionItem] {
        callables(named: callee).flatMap { callable in
            callable.parameters.compactMap(\.label).map { CompletionItem(text: $0 + ":", type: "parameter", signature: callable.signature) }
        }
    }

    /// The value a dotted chain of names refers to, without running any code but property reads of globals.
    func resolve(_ expression: String) -> Value? {
        let parts = expression.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty, !(first.first?.isNumber ?? true) else { return nil }
        var value: Value
        if let variable = interpreter.existingGlobal(first) {
            value = variable.value
        } else if let declared = interpreter.declaredTypes[first] {
            value = .type(.declared(declared))
        } else if interpreter.bindings.types[first] != nil {
            value = .type(.named(first))
        } else {
            return nil
        }
        for part in parts.dropFirst() {
            if case .type(.named(let typeName)) = value, interpreter.bindings.types[typeName + "." + part] != nil {
                value = .type(.named(typeName + "." + part))
                continue
            }
            guard let next = try? interpreter.member(part, of: value, node: nil) else { return nil }
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
        openCall(before: position, in: scalars)?.callee
    }

    /// The innermost call still open before `position`: its callee and where its `(` is.
    static func openCall(before position: Int, in scalars: [Unicode.Scalar]) -> (callee: String, parenthesis: Int)? {
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
                        return callee.isEmpty ? nil : (callee, index)
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
