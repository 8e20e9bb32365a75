/// Writes one generated file: the `TypeBinding` of a library type with all its members and enum cases.
struct TypeBindingEmission {
    let api: PublicAPI
    let type: DeclaredType
    /// The members to bind (the excluded ones removed).
    let members: [DeclaredMember]
    /// Whether the enum's cases are bound.
    let bindsCases: Bool

    /// The static property that holds the binding, e.g. `movieLensVariant`.
    static func propertyName(_ typeName: String) -> String {
        let joined = typeName.split(separator: ".").map { String($0) }.joined()
        let first = joined.prefix { $0.isUppercase }
        let lowered = first.count > 1 && first.count < joined.count ? String(first.dropLast()).lowercased() + String(joined.dropFirst(first.count - 1))
            : first.lowercased() + joined.dropFirst(first.count)
        return lowered + "Binding"
    }

    private var protocols: Set<String> {
        var found = Set<String>()
        var pending = type.inheritance
        while let next = pending.popLast() {
            guard found.insert(next).inserted else { continue }
            pending += api.type(named: next)?.inheritance ?? []
        }
        return found
    }

    private var isEquatable: Bool {
        let conformances = protocols
        if conformances.contains("Equatable") || conformances.contains("Hashable") || conformances.contains("Comparable") { return true }
        return type.kind == .enumeration && type.cases.allSatisfy { $0.associatedValues.isEmpty } && !type.cases.isEmpty
    }

    private var isHashable: Bool {
        protocols.contains("Hashable") || (type.kind == .enumeration && type.cases.allSatisfy { $0.associatedValues.isEmpty }
                                           && !type.cases.isEmpty)
    }

    /// The binding's source: `static var name: TypeBinding { ... }`.
    func emit() throws -> String {
        let name = type.name
        let kind: String
        switch type.kind {
        case .structure: kind = ".structure"
        case .classType: kind = ".classType"
        case .enumeration: kind = ".enumeration"
        case .protocolType: kind = ".protocolType"
        }
        var arguments = [literal(name), "module: \(literal(type.module))", "kind: \(kind)"]
        arguments.append("documentation: BindingDocumentation(\(literal(type.documentation.summary))"
                         + (type.documentation.discussion.isEmpty ? "" : ", discussion: \(literal(type.documentation.discussion))") + ")")
        let supertypes = type.inheritance.filter { api.type(named: $0) != nil }
        if !supertypes.isEmpty { arguments.append("supertypes: [" + supertypes.map(literal).joined(separator: ", ") + "]") }
        if type.isOpen { arguments.append("isOpen: true") }
        if bindsCases, !type.cases.isEmpty { arguments.append("cases: [\n" + (try caseBindings()).joined(separator: ",\n") + ",\n]") }
        let spelling = type.kind == .protocolType ? "any \(name)" : name
        arguments.append("matches: { $0 is \(spelling) }")
        if isEquatable, type.kind != .protocolType {
            arguments.append("equals: { ($0 as? \(name)) == ($1 as? \(name)) }")
        }
        if isHashable, type.kind != .protocolType {
            arguments.append("hash: { ($0 as? \(name)).hashValue }")
        }
        if protocols.contains("Comparable") {
            arguments.append("less: { guard let left = $0 as? \(name), let right = $1 as? \(name) else { return false }; return left < right }")
        }
        var bindings = try members.map { try MemberEmission(api: api, owner: type, member: $0).emit() }
        bindings += try caseConstructors()
        bindings += rawValueBindings()
        var text = "    static var \(TypeBindingEmission.propertyName(name)): TypeBinding {\n"
        text += "        TypeBinding(\n" + arguments.map { indent($0, by: 12) + "," }.joined(separator: "\n") + "\n"
        text += "            [\n" + bindings.map { indent($0, by: 16) + "," }.joined(separator: "\n") + "\n            ])\n"
        text += "    }"
        return text
    }

    /// Each case as a pattern a `switch` can match.
    private func caseBindings() throws -> [String] {
        let types = TypeEmission(api: api, generics: [])
        return try type.cases.map { item in
            let labels = "[" + item.associatedValues.map { $0.label.map(literal) ?? "nil" }.joined(separator: ", ") + "]"
            if item.associatedValues.isEmpty {
                return "TypeBinding.CaseBinding(\(literal(item.name))) { value in\n"
                    + "    guard case .\(identifier(item.name))? = value as? \(type.name) else { return nil }\n    return []\n}"
            }
            let names = item.associatedValues.indices.map { "value\($0)" }
            let values = try zip(names, item.associatedValues).map { name, parameter in
                "Bridge.value(\(name), as: \(try types.descriptor(parameter.type)))"
            }
            return "TypeBinding.CaseBinding(\(literal(item.name)), labels: \(labels)) { value in\n"
                + "    guard case .\(identifier(item.name))(" + names.map { "let " + $0 }.joined(separator: ", ") + ")? = value as? \(type.name) else { return nil }\n"
                + "    return [" + values.joined(separator: ", ") + "]\n}"
        }
    }

    /// Cases as static members: `.multinomial` a static property, `.focal(alpha:gamma:)` a constructor.
    private func caseConstructors() throws -> [String] {
        guard bindsCases else { return [] }
        let types = TypeEmission(api: api, generics: [])
        return try type.cases.map { item in
            let documentation = "BindingDocumentation(\(literal(item.documentation.summary)))"
            if item.associatedValues.isEmpty {
                return "FunctionBinding(\(literal(item.name)), .staticProperty, returns: .named(\(literal(type.name))),\n"
                    + "    documentation: \(documentation)) { invocation in\n"
                    + "    invocation.result(\(type.name).\(identifier(item.name)))\n}"
            }
            let parameters = try item.associatedValues.map { parameter in
                "    ParameterBinding(\(parameter.label.map(literal) ?? "nil"), \(literal(parameter.name)), \(try types.descriptor(parameter.type))"
                    + (parameter.defaultValue.map { ", default: \(literal($0))" } ?? "")
                    + (item.documentation.parameters[parameter.name].map { ", documentation: \(literal($0))" } ?? "") + "),"
            }
            var lines = ["FunctionBinding(\(literal(item.name)), .enumCase, parameters: [", ] + parameters
            lines.append("], returns: .named(\(literal(type.name))), documentation: \(documentation)) { invocation in")
            for (index, parameter) in item.associatedValues.enumerated() {
                let spelling = types.spelling(parameter.type)
                if let defaultValue = parameter.defaultValue {
                    lines.append("    let value\(index): \(spelling) = try invocation.isGiven(\(index)) ? invocation.argument(\(index)) as \(spelling) : \(defaultValue)")
                } else {
                    lines.append("    let value\(index): \(spelling) = try invocation.argument(\(index))")
                }
            }
            let arguments = item.associatedValues.enumerated().map { index, parameter in
                (parameter.label.map { $0 + ": " } ?? "") + "value\(index)"
            }
            lines.append("    return invocation.result(\(type.name).\(identifier(item.name))(\(arguments.joined(separator: ", "))))")
            lines.append("}")
            return lines.joined(separator: "\n")
        }
    }

    /// `rawValue` and `init?(rawValue:)` of enums with raw values, and `allCases` of CaseIterable ones.
    private func rawValueBindings() -> [String] {
        guard bindsCases, let rawType = type.rawType else { return [] }
        let descriptor = (try? TypeEmission(api: api, generics: []).descriptor(.named(rawType, arguments: []))) ?? ".any"
        var bindings = [
            "FunctionBinding(\"rawValue\", .property, returns: \(descriptor),\n"
                + "    documentation: BindingDocumentation(\"The case's raw value.\")) { invocation in\n"
                + "    let receiver: \(type.name) = try invocation.receiver()\n    return invocation.result(receiver.rawValue)\n}",
            "FunctionBinding(\"init\", .initializer, parameters: [ParameterBinding(\"rawValue\", \"rawValue\", \(descriptor))],\n"
                + "    returns: .optional(.named(\(literal(type.name)))), failable: true,\n"
                + "    documentation: BindingDocumentation(\"The case with this raw value, or nil.\")) { invocation in\n"
                + "    let rawValue: \(rawType) = try invocation.argument(0)\n    return invocation.result(\(type.name)(rawValue: rawValue))\n}",
        ]
        if protocols.contains("CaseIterable") {
            bindings.append("FunctionBinding(\"allCases\", .staticProperty, returns: .array(.named(\(literal(type.name)))),\n"
                            + "    documentation: BindingDocumentation(\"Every case, in declaration order.\")) { invocation in\n"
                            + "    invocation.result(\(type.name).allCases)\n}")
        }
        return bindings
    }
}

/// `text` with every line indented by `count` spaces.
func indent(_ text: String, by count: Int) -> String {
    let padding = String(repeating: " ", count: count)
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : padding + $0 }.joined(separator: "\n")
}
