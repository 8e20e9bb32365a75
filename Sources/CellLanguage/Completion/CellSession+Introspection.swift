import CellRuntime

/// A member of a value or type, as completion and inspection list it.
struct MemberEntry {
    let name: String
    /// "property", "method", "type" or "case".
    let kind: String
    let signature: String
    let documentation: Documented?
}

/// A function, method or initialiser, described for completion of its labels and for inspection.
struct CallableDescription {
    let signature: String
    let summary: String
    let discussion: String
    let returns: String
    let parameters: [(label: String?, name: String, documentation: String)]

    init(_ binding: FunctionBinding) {
        signature = binding.signature
        summary = binding.documentation.summary
        discussion = binding.documentation.discussion
        returns = binding.documentation.returns
        parameters = binding.parameters.map { ($0.label, $0.name, $0.documentation) }
    }

    init(_ function: CompiledFunction) {
        signature = function.signature
        let paragraphs = function.documentation.components(separatedBy: "\n\n")
        summary = paragraphs.first ?? ""
        discussion = paragraphs.dropFirst().joined(separator: "\n\n")
        returns = ""
        parameters = function.parameters.map { ($0.label, $0.name, "") }
    }

    init(signature: String, summary: String, parameters: [(label: String?, name: String, documentation: String)]) {
        self.signature = signature
        self.summary = summary
        discussion = ""
        returns = ""
        self.parameters = parameters
    }

    /// The description as inspection shows it.
    var documented: Documented {
        Documented(signature: signature, summary: summary,
                   parameters: parameters.filter { !$0.documentation.isEmpty }.map { ($0.name, $0.documentation) },
                   discussion: discussion, returns: returns)
    }
}

extension CellSession {
    /// The functions a callee written in a cell names: a function, a type's initialisers, `base.method`.
    func callables(named callee: String) -> [CallableDescription] {
        let parts = callee.split(separator: ".").map(String.init)
        guard let last = parts.last else { return [] }
        if parts.count == 1 {
            if case .function(let closure as CompiledClosure)? = interpreter.existingGlobal(callee)?.value {
                return [CallableDescription(closure.function)]
            }
            if let type = interpreter.declaredTypes[callee] as? CellNominalType { return initializers(of: type) }
            if let functions = interpreter.bindings.functions[callee] { return functions.map(CallableDescription.init) }
            if let type = interpreter.bindings.types[callee] {
                return (type.initializers + (interpreter.extensions[callee]?.initializers.isEmpty == false ? [] : []))
                    .map(CallableDescription.init)
            }
            return []
        }
        guard let base = resolve(parts.dropLast().joined(separator: ".")) else { return [] }
        if case .type(let type) = base, last == "init" { return initializers(of: type) }
        if case .type(.named(let name)) = base {
            if let type = interpreter.bindings.types[name + "." + last] { return type.initializers.map(CallableDescription.init) }
            return (interpreter.bindings.types[name]?.staticMembers[last] ?? []).map(CallableDescription.init)
        }
        if case .type(.declared(let declared)) = base, let nominal = declared as? CellNominalType {
            if let nested = nominal.nestedTypes[last] { return initializers(of: nested) }
            if let methods = nominal.staticMethods[last] { return methods.map(CallableDescription.init) }
            if let index = nominal.caseIndex(of: last) {
                let item = nominal.cases[index]
                return [CallableDescription(signature: "case \(last)(" + zip(item.labels, item.types).map { ($0 ?? "_") + ": \($1)" }
                                                .joined(separator: ", ") + ")",
                                            summary: item.documentation,
                                            parameters: item.labels.enumerated().map { ($1, $1 ?? "_\($0)", "") })]
            }
            return []
        }
        guard let target = try? interpreter.methodTarget(last, of: base) else { return [] }
        switch target {
        case .compiled(let functions, _): return functions.map(CallableDescription.init)
        case .bindings(_, let overloads): return overloads.map(CallableDescription.init)
        case .value: return []
        }
    }

    private func initializers(of type: TypeValue) -> [CallableDescription] {
        switch type {
        case .declared(let declared): return (declared as? CellNominalType).map(initializers) ?? []
        case .named(let name): return (interpreter.bindings.types[name]?.initializers ?? []).map(CallableDescription.init)
        case .collection: return []
        }
    }

    /// A cell type's initialisers, or its memberwise one.
    private func initializers(of type: CellNominalType) -> [CallableDescription] {
        if let declaring = type.classChain.first(where: { !$0.initializers.isEmpty }) {
            return declaring.initializers.map(CallableDescription.init)
        }
        guard type.kind == .structure else { return [CallableDescription(signature: "init()", summary: "", parameters: [])] }
        let properties = type.storedProperties.filter { $0.isMutable || $0.defaultValue == nil }
        let signature = "init(" + properties.map { "\($0.name): \($0.type?.description ?? "Any")" }.joined(separator: ", ") + ")"
        return [CallableDescription(signature: signature, summary: "The memberwise initializer of '\(type.name)'.",
                                    parameters: properties.map { ($0.name, $0.name, "") })]
    }

    /// The members of a value or type, sorted by name.
    func memberEntries(of value: Value) -> [MemberEntry] {
        var entries: [MemberEntry] = []
        func add(_ binding: FunctionBinding) {
            let kind: String
            switch binding.kind {
            case .property, .staticProperty: kind = "property"
            case .enumCase: kind = "case"
            default: kind = "method"
            }
            entries.append(MemberEntry(name: binding.name, kind: kind, signature: binding.signature,
                                       documentation: CallableDescription(binding).documented))
        }
        func add(_ function: CompiledFunction, kind: String = "method") {
            entries.append(MemberEntry(name: function.name, kind: kind, signature: function.signature,
                                       documentation: CallableDescription(function).documented))
        }
        switch value {
        case .type(.named(let name)):
            if let type = interpreter.bindings.types[name] {
                for overloads in type.staticMembers.values { overloads.forEach(add) }
            }
            for (typeName, _) in interpreter.bindings.types where typeName.hasPrefix(name + ".") && !typeName.dropFirst(name.count + 1).contains(".") {
                let simple = String(typeName.dropFirst(name.count + 1))
                entries.append(MemberEntry(name: simple, kind: "type", signature: typeName, documentation: nil))
            }
        case .type(.declared(let declared)):
            guard let type = declared as? CellNominalType else { break }
            for current in type.classChain {
                for methods in current.staticMethods.values { methods.forEach { add($0) } }
                for (name, property) in current.staticComputedProperties {
                    entries.append(MemberEntry(name: name, kind: "property", signature: "static var \(name): \(property.type?.description ?? "Any")",
                                               documentation: nil))
                }
                for name in current.staticProperties.keys {
                    entries.append(MemberEntry(name: name, kind: "property", signature: "static var \(name)", documentation: nil))
                }
            }
            for item in type.cases {
                entries.append(MemberEntry(name: item.name, kind: "case", signature: "case \(item.name)", documentation: nil))
            }
            for (name, nested) in type.nestedTypes {
                entries.append(MemberEntry(name: name, kind: "type", signature: "\(nested.declarationKeyword) \(nested.name)", documentation: nil))
            }
        default:
            if let type = interpreter.cellType(of: value) {
                for current in type.classChain {
                    for property in current.storedProperties {
                        entries.append(MemberEntry(name: property.name, kind: "property",
                                                   signature: "\(property.isMutable ? "var" : "let") \(property.name): \(property.type?.description ?? "Any")",
                                                   documentation: nil))
                    }
                    for (name, property) in current.computedProperties {
                        entries.append(MemberEntry(name: name, kind: "property",
                                                   signature: "var \(name): \(property.type?.description ?? "Any") { get\(property.setter == nil ? "" : " set") }",
                                                   documentation: nil))
                    }
                    for methods in current.methods.values { methods.forEach { add($0) } }
                }
                for supertype in type.libraryLineage(in: interpreter.bindings) { supertype.members.values.flatMap { $0 }.forEach(add) }
            } else {
                var lineage: [TypeBinding] = []
                var typeName: String?
                if let standard = Interpreter.standardTypeName(of: value) {
                    typeName = standard
                    lineage = [interpreter.bindings.types[standard]].compactMap { $0 }
                    if ["Array", "Range", "String", "Dictionary"].contains(standard), let sequence = interpreter.bindings.types["Sequence"] {
                        lineage.append(sequence)
                    }
                } else if let binding = interpreter.libraryBinding(of: value) {
                    typeName = binding.name
                    lineage = interpreter.bindings.lineage(of: binding)
                }
                for type in lineage { type.members.values.flatMap { $0 }.filter { $0.name != "subscript" }.forEach(add) }
                if let typeName, let extended = interpreter.extensions[typeName] {
                    for methods in extended.methods.values { methods.forEach { add($0) } }
                    for (name, property) in extended.computedProperties {
                        entries.append(MemberEntry(name: name, kind: "property", signature: "var \(name): \(property.type?.description ?? "Any")",
                                                   documentation: nil))
                    }
                }
            }
        }
        return entries.sorted { $0.name < $1.name }
    }
}
