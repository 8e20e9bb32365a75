extension PublicAPI {
    /// One line per declaration, for `generate --dump`.
    public var summary: String {
        var lines: [String] = []
        for type in types {
            lines.append("\(type.module).\(type.name) \(type.kind.rawValue)\(type.isOpen ? " open" : "")"
                         + (type.genericParameters.isEmpty ? "" : " <\(type.genericParameters.map { "\($0.name): \($0.constraint?.description ?? "")" }.joined(separator: ", "))>")
                         + (type.inheritance.isEmpty ? "" : " : " + type.inheritance.joined(separator: ", ")))
            for item in type.cases {
                lines.append("    case \(item.name)(\(item.associatedValues.map { ($0.label ?? "_") + ": " + $0.type.description }.joined(separator: ", ")))")
            }
            for member in type.members { lines.append("    " + member.line) }
        }
        for function in functions { lines.append("func " + function.line) }
        return lines.joined(separator: "\n")
    }
}

extension DeclaredMember {
    /// The member as one readable line.
    var line: String {
        let parameterText = parameters.map { parameter in
            (parameter.label ?? "_") + " " + parameter.name + ": " + (parameter.isInOut ? "inout " : "") + parameter.type.description
                + (parameter.isVariadic ? "..." : "") + (parameter.defaultValue.map { " = " + $0 } ?? "")
        }.joined(separator: ", ")
        var text = "[\(module)] " + (isStatic ? "static " : "") + (isMutating ? "mutating " : "") + kind.rawValue + " " + name
        if !genericParameters.isEmpty {
            text += "<" + genericParameters.map { $0.name + ($0.constraint.map { ": \($0)" } ?? "") }.joined(separator: ", ") + ">"
        }
        if kind != .property { text += "(" + parameterText + ")" }
        if isThrowing { text += " throws" }
        if let returnType { text += " -> " + returnType.description }
        if isSettable { text += " {set}" }
        return text
    }
}
