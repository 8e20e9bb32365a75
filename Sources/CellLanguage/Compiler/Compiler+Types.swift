import CellRuntime
import SwiftSyntax

extension Compiler {
    /// The parts of a type declaration the compiler reads.
    private struct TypeHeader {
        let name: String
        let kind: CellNominalType.Kind
        let inheritance: [String]
        let members: MemberBlockSyntax
        let generics: [String: [String]]
        let isFinal: Bool
    }

    private func header(_ declaration: DeclSyntax) -> TypeHeader? {
        func names(_ clause: InheritanceClauseSyntax?) -> [String] {
            clause?.inheritedTypes.map { $0.type.trimmedDescription } ?? []
        }
        func isFinal(_ modifiers: DeclModifierListSyntax) -> Bool { modifiers.contains { $0.name.tokenKind == .keyword(.final) } }
        if let node = declaration.as(StructDeclSyntax.self) {
            return TypeHeader(name: node.name.text, kind: .structure, inheritance: names(node.inheritanceClause), members: node.memberBlock,
                              generics: Compiler.genericParameters(node.genericParameterClause, node.genericWhereClause), isFinal: true)
        }
        if let node = declaration.as(ClassDeclSyntax.self) {
            return TypeHeader(name: node.name.text, kind: .classType, inheritance: names(node.inheritanceClause), members: node.memberBlock,
                              generics: Compiler.genericParameters(node.genericParameterClause, node.genericWhereClause),
                              isFinal: isFinal(node.modifiers))
        }
        if let node = declaration.as(EnumDeclSyntax.self) {
            return TypeHeader(name: node.name.text, kind: .enumeration, inheritance: names(node.inheritanceClause), members: node.memberBlock,
                              generics: Compiler.genericParameters(node.genericParameterClause, node.genericWhereClause), isFinal: true)
        }
        if let node = declaration.as(ProtocolDeclSyntax.self) {
            return TypeHeader(name: node.name.text, kind: .protocolType, inheritance: names(node.inheritanceClause), members: node.memberBlock,
                              generics: [:], isFinal: false)
        }
        return nil
    }

    /// Makes a type declared at a cell's top level (and its nested types) known by name before anything is
    /// compiled, so declarations may refer to each other in any order.
    func predeclareType(_ declaration: DeclSyntax, enclosing: CellNominalType? = nil) throws {
        guard let header = header(declaration) else { return }
        let qualified = enclosing.map { $0.name + "." + header.name } ?? header.name
        if enclosing == nil, pendingTypes[qualified] != nil {
            throw LocatedError(error: .redeclaration(qualified), node: Syntax(declaration))
        }
        let type = CellNominalType(name: qualified, kind: header.kind, cellNumber: cellNumber,
                                   documentation: Compiler.documentation(of: Syntax(declaration)), node: Syntax(declaration))
        type.isFinal = header.isFinal
        type.genericParameters = header.generics
        pendingTypes[qualified] = type
        enclosing?.nestedTypes[header.name] = type
        let interpreter = self.interpreter
        installations.append { interpreter.declaredTypes[qualified] = type; interpreter.memberCache = [:] }
        for member in header.members.members { try predeclareType(member.decl, enclosing: type) }
        recordMemberNames(header.members, into: type)
    }

    /// Records every member's name, so method bodies can say `x` for `self.x` whatever the order.
    private func recordMemberNames(_ members: MemberBlockSyntax, into type: CellNominalType) {
        for member in members.members {
            let declaration = member.decl
            if let variables = declaration.as(VariableDeclSyntax.self) {
                for binding in variables.bindings { type.memberNames.formUnion(Compiler.boundNames(binding.pattern)) }
            } else if let function = declaration.as(FunctionDeclSyntax.self) {
                type.memberNames.insert(function.name.text)
            } else if let cases = declaration.as(EnumCaseDeclSyntax.self) {
                for element in cases.elements { type.memberNames.insert(element.name.text) }
            }
        }
    }

    /// Compiles a struct, class, enum or protocol declared at a cell's top level.
    func compileTypeDeclaration(_ declaration: DeclSyntax, enclosing: CellNominalType? = nil) throws {
        guard let header = header(declaration) else { return }
        let qualified = enclosing.map { $0.name + "." + header.name } ?? header.name
        guard let type = pendingTypes[qualified] else { return }
        try resolveInheritance(header.inheritance, of: type, node: Syntax(declaration))
        let savedGenerics = function.genericParameters
        function.genericParameters.merge(header.generics) { $1 }
        defer { function.genericParameters = savedGenerics }
        try compileMembers(header.members, into: type)
        if type.kind == .enumeration { try assignRawValues(type, node: Syntax(declaration)) }
        if let library = type.librarySuperclass, let host = interpreter.host {
            do {
                try host.checkSubclass(of: library, adopting: type.classChain.flatMap(\.conformances), cellType: type)
            } catch let error as CellLanguageError {
                throw LocatedError(error: error, node: Syntax(declaration))
            }
        }
    }

    /// Reads the inheritance clause: a superclass (a cell class or an open library class), a raw type, protocols.
    private func resolveInheritance(_ names: [String], of type: CellNominalType, node: Syntax) throws {
        for (index, name) in names.enumerated() {
            if index == 0, type.kind == .classType {
                if let superclass = declaredType(name), superclass.kind == .classType {
                    guard !superclass.isFinal else {
                        throw LocatedError(error: .typeMismatch("inheritance from a final class '\(name)'"), node: node)
                    }
                    type.superclass = superclass
                    type.librarySuperclass = superclass.librarySuperclass
                    continue
                }
                if let library = interpreter.bindings.types[name], library.kind == .classType {
                    guard library.isOpen else {
                        throw LocatedError(error: .typeMismatch("cannot inherit from non-open class '\(name)' outside of its defining module"),
                                           node: node)
                    }
                    type.librarySuperclass = name
                    continue
                }
            }
            if index == 0, type.kind == .enumeration,
               let raw = try? TypeExpression(TypeSyntax(IdentifierTypeSyntax(name: .identifier(name))), resolver: self) {
                switch raw {
                case .int, .string, .double, .float, .character:
                    type.rawType = raw
                    type.conformances.append("RawRepresentable")
                    continue
                default: break
                }
            }
            guard declaredType(name)?.kind == .protocolType || interpreter.bindings.types[name]?.kind == .protocolType
                    || StandardProtocols.names.contains(name) else {
                throw LocatedError(error: .cannotFindTypeInScope(name), node: node)
            }
            type.conformances.append(name)
        }
    }

    /// Compiles the members of a type or an extension of one.
    func compileMembers(_ members: MemberBlockSyntax, into type: CellNominalType) throws {
        for member in members.members {
            let declaration = member.decl
            let node = Syntax(declaration)
            let isStatic = Compiler.isStatic(declaration)
            if header(declaration) != nil {
                try compileTypeDeclaration(declaration, enclosing: type)
            } else if let variables = declaration.as(VariableDeclSyntax.self) {
                try compileProperties(variables, into: type, isStatic: isStatic)
            } else if let function = declaration.as(FunctionDeclSyntax.self) {
                if type.kind == .protocolType, function.body == nil {
                    type.requirements.insert(function.name.text)
                    continue
                }
                let isMutating = function.modifiers.contains { $0.name.tokenKind == .keyword(.mutating) }
                let compiled = try compileFunction(function, context: FunctionContext(
                    owner: type, isStatic: isStatic, isMutating: isMutating && type.kind != .classType))
                if isStatic {
                    type.staticMethods[compiled.name, default: []].append(compiled)
                } else {
                    type.methods[compiled.name, default: []].append(compiled)
                }
            } else if let initializer = declaration.as(InitializerDeclSyntax.self) {
                if type.kind == .protocolType { continue }
                type.initializers.append(try compileInitializer(initializer, owner: type))
            } else if let cases = declaration.as(EnumCaseDeclSyntax.self) {
                guard type.kind == .enumeration else {
                    throw LocatedError(error: .typeMismatch("enum 'case' is not allowed outside of an enum"), node: node)
                }
                for element in cases.elements {
                    let associated = try element.parameterClause?.parameters.map { parameter -> (String?, TypeExpression) in
                        (parameter.firstName.map { $0.text == "_" ? nil : $0.text } ?? nil, try TypeExpression(parameter.type, resolver: self))
                    } ?? []
                    var rawValue: Value?
                    if let raw = element.rawValue {
                        rawValue = try compileExpression(raw.value, expecting: type.rawType).evaluate(Frame.make(slotCount: 0, boxCount: 0, captures: []))
                    }
                    type.cases.append(CellNominalType.Case(name: element.name.text, labels: associated.map(\.0), types: associated.map(\.1),
                                                           rawValue: rawValue, documentation: Compiler.documentation(of: node)))
                }
            } else if let subscriptDeclaration = declaration.as(SubscriptDeclSyntax.self) {
                type.subscripts.append(try compileSubscriptDeclaration(subscriptDeclaration, owner: type))
            } else if declaration.is(TypeAliasDeclSyntax.self) || declaration.is(AssociatedTypeDeclSyntax.self) {
                continue
            } else if declaration.is(DeinitializerDeclSyntax.self) {
                throw LocatedError(error: .unsupported("'deinit' is not supported in cells: a cell object is released when nothing refers to it, without running code"), node: node)
            } else {
                let keyword = declaration.tokens(viewMode: .sourceAccurate).first { $0.tokenKind.isDeclarationKeyword }
                throw LocatedError(error: .unsupported("'\(keyword?.text ?? "this")' members are not supported in cells"), node: node)
            }
        }
    }

    /// The type Swift gives a literal with no context: `1` an Int, `1.5` a Double, `[1.5]` a `[Double]`.
    static func literalType(_ literal: LiteralKind) -> TypeExpression? {
        switch literal {
        case .integer: return .int
        case .floatingPoint: return .double
        case .array(let element): return literalType(element).map(TypeExpression.array)
        case .none, .nil: return nil
        }
    }

    static func isStatic(_ declaration: DeclSyntax) -> Bool {
        let modifiers: DeclModifierListSyntax?
        if let node = declaration.as(VariableDeclSyntax.self) { modifiers = node.modifiers }
        else if let node = declaration.as(FunctionDeclSyntax.self) { modifiers = node.modifiers }
        else { modifiers = nil }
        return modifiers?.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) } ?? false
    }

    /// Stored, computed and static properties.
    private func compileProperties(_ declaration: VariableDeclSyntax, into type: CellNominalType, isStatic: Bool) throws {
        let isMutable = declaration.bindingSpecifier.tokenKind == .keyword(.var)
        let wrapper = try declaration.attributes.compactMap { attribute -> TypeExpression? in
            guard let attribute = attribute.as(AttributeSyntax.self) else { return nil }
            return try TypeExpression(attribute.attributeName, resolver: self)
        }.first
        for binding in declaration.bindings {
            let node = Syntax(binding)
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                throw LocatedError(error: .unsupported("properties must have simple names"), node: node)
            }
            let annotatedType = try typeExpression(binding.typeAnnotation?.type)
            if let accessors = binding.accessorBlock {
                if type.kind == .protocolType {
                    type.requirements.insert(name)
                    continue
                }
                let property = try compileComputedProperty(name, accessors: accessors, type: annotatedType, owner: type, isStatic: isStatic,
                                                           node: node)
                if isStatic {
                    type.staticComputedProperties[name] = property
                } else {
                    type.computedProperties[name] = property
                }
                continue
            }
            if type.kind == .protocolType { type.requirements.insert(name); continue }
            let defaultValue = try binding.initializer.map { try compileDefault($0.value, type: annotatedType ?? .any) }
            // `var x = 0.0` is a Double property, as Swift infers it from the literal.
            let propertyType = annotatedType ?? defaultValue.flatMap { Compiler.literalType($0.literal) }
            if isStatic {
                let box = Box(.void)
                type.staticProperties[name] = box
                if let defaultValue {
                    let interpreter = self.interpreter
                    installations.append {
                        let frame = Frame.make(slotCount: defaultValue.slotCount, boxCount: 0, captures: [])
                        if let value = try? defaultValue.evaluation(frame) {
                            box.value = (try? propertyType.flatMap { try interpreter.coerce(value, to: $0, literal: defaultValue.literal) }) ?? value
                        }
                    }
                }
                continue
            }
            guard type.kind != .enumeration else {
                throw LocatedError(error: .typeMismatch("enums must not contain stored properties"), node: node)
            }
            type.storedProperties.append(CellNominalType.StoredProperty(
                name: name, isMutable: isMutable, type: propertyType, defaultValue: defaultValue,
                typeText: binding.typeAnnotation?.type.trimmedDescription ?? "", wrapper: wrapper))
        }
    }

    /// `var area: Double { width * height }`, or with `get`/`set` accessors.
    private func compileComputedProperty(_ name: String, accessors: AccessorBlockSyntax, type: TypeExpression?, owner: CellNominalType,
                                         extendedTypeName: String? = nil, isStatic: Bool,
                                         node: Syntax) throws -> CellNominalType.ComputedProperty {
        let getterBody: CodeBlockItemListSyntax
        var setterBody: (CodeBlockItemListSyntax, String)?
        switch accessors.accessors {
        case .getter(let statements):
            getterBody = statements
        case .accessors(let list):
            guard let getter = list.first(where: { $0.accessorSpecifier.tokenKind == .keyword(.get) }), let body = getter.body else {
                throw LocatedError(error: .unsupported("property observers (willSet, didSet) are not supported in cells"), node: node)
            }
            getterBody = body.statements
            if let setter = list.first(where: { $0.accessorSpecifier.tokenKind == .keyword(.set) }), let body = setter.body {
                setterBody = (body.statements, setter.parameters?.name.text ?? "newValue")
            }
        }
        let emptyParameters = FunctionParameterClauseSyntax(parameters: [])
        let getter = try compileCallable(
            name: name, parameterClause: emptyParameters, returnType: nil, generics: [:], isThrowing: false,
            context: FunctionContext(owner: owner, extendedTypeName: extendedTypeName, isStatic: isStatic), body: getterBody,
            documentation: "",
            signaturePrefix: "var \(name)", node: node, returnTypeExpression: type)
        var setter: CompiledFunction?
        if let (body, parameterName) = setterBody {
            let parameter = FunctionParameterSyntax(firstName: .wildcardToken(), secondName: .identifier(parameterName),
                                                    colon: .colonToken(), type: TypeSyntax(IdentifierTypeSyntax(name: .identifier("Any"))))
            setter = try compileCallable(
                name: name, parameterClause: FunctionParameterClauseSyntax(parameters: [parameter]), returnType: nil, generics: [:],
                isThrowing: false, context: FunctionContext(owner: owner, extendedTypeName: extendedTypeName, isStatic: isStatic,
                                                            isMutating: owner.kind != .classType),
                body: body, documentation: "", signaturePrefix: "set \(name)", node: node)
        }
        return CellNominalType.ComputedProperty(getter: getter, setter: setter, type: type)
    }

    /// `subscript(index: Int) -> Element { ... }`.
    private func compileSubscriptDeclaration(_ declaration: SubscriptDeclSyntax, owner: CellNominalType) throws -> CellNominalType.ComputedProperty {
        let node = Syntax(declaration)
        guard let accessors = declaration.accessorBlock else {
            throw LocatedError(error: .typeMismatch("subscript must have accessors specified"), node: node)
        }
        let type = try TypeExpression(declaration.returnClause.type, resolver: self)
        let getterBody: CodeBlockItemListSyntax
        switch accessors.accessors {
        case .getter(let statements): getterBody = statements
        case .accessors(let list):
            guard let body = list.first(where: { $0.accessorSpecifier.tokenKind == .keyword(.get) })?.body else {
                throw LocatedError(error: .unsupported("a subscript needs a getter"), node: node)
            }
            getterBody = body.statements
        }
        // Subscript parameters have no labels unless written twice.
        let parameters = FunctionParameterClauseSyntax(parameters: FunctionParameterListSyntax(declaration.parameterClause.parameters.map { parameter in
            parameter.secondName == nil ? parameter.with(\.secondName, parameter.firstName).with(\.firstName, .wildcardToken()) : parameter
        }))
        let getter = try compileCallable(
            name: "subscript", parameterClause: parameters, returnType: declaration.returnClause.type, generics: [:], isThrowing: false,
            context: FunctionContext(owner: owner), body: getterBody, documentation: Compiler.documentation(of: node),
            signaturePrefix: "subscript", node: node)
        return CellNominalType.ComputedProperty(getter: getter, setter: nil, type: type)
    }

    /// An initialiser of a struct, class or enum.
    private func compileInitializer(_ declaration: InitializerDeclSyntax, owner: CellNominalType,
                                    extendedTypeName: String? = nil) throws -> CompiledFunction {
        guard let body = declaration.body else {
            throw LocatedError(error: .typeMismatch("initializer requires a body"), node: Syntax(declaration))
        }
        return try compileCallable(
            name: "init", parameterClause: declaration.signature.parameterClause, returnType: nil,
            generics: Compiler.genericParameters(declaration.genericParameterClause, declaration.genericWhereClause),
            isThrowing: declaration.signature.effectSpecifiers?.throwsClause != nil,
            context: FunctionContext(owner: owner, extendedTypeName: extendedTypeName, isMutating: owner.kind != .classType,
                                     isInitializer: true),
            body: body.statements, documentation: Compiler.documentation(of: Syntax(declaration)),
            signaturePrefix: "init" + (declaration.optionalMark?.text ?? ""), node: Syntax(declaration))
    }

    /// Raw values of an enum with a raw type: written ones, else Int counting up and String the case name.
    private func assignRawValues(_ type: CellNominalType, node: Syntax) throws {
        guard let rawType = type.rawType else { return }
        var next = 0
        type.cases = type.cases.map { item in
            var raw = item.rawValue
            switch (rawType, raw) {
            case (.int, .int(let number)?): next = number + 1
            case (.int, nil): raw = .int(next); next += 1
            case (.string, nil): raw = .string(item.name)
            default: break
            }
            return CellNominalType.Case(name: item.name, labels: item.labels, types: item.types, rawValue: raw,
                                        documentation: item.documentation)
        }
        var seen: [Value] = []
        for item in type.cases {
            guard let raw = item.rawValue else { continue }
            if seen.contains(where: { valuesEqual($0, raw) }) {
                throw LocatedError(error: .typeMismatch("raw value for enum case is not unique"), node: node)
            }
            seen.append(raw)
        }
    }

    private func valuesEqual(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.int(let a), .int(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        default: return false
        }
    }

    // MARK: - Extensions

    /// `extension Point { ... }`, `extension Int { ... }`, `extension Array where Element == Double { ... }`.
    func compileExtension(_ declaration: ExtensionDeclSyntax) throws {
        let node = Syntax(declaration)
        let name = declaration.extendedType.trimmedDescription
        let conformances = declaration.inheritanceClause?.inheritedTypes.map { $0.type.trimmedDescription } ?? []
        if let type = declaredType(name) {
            for member in declaration.memberBlock.members { try predeclareNested(member.decl, in: type) }
            recordMemberNames(declaration.memberBlock, into: type)
            try compileMembers(declaration.memberBlock, into: type)
            type.conformances += conformances
            return
        }
        let typeName: String
        switch name {
        case "Array", "[Element]": typeName = "Array"
        case "Dictionary": typeName = "Dictionary"
        case "Optional": typeName = "Optional"
        default:
            guard interpreter.bindings.types[name] != nil else { throw LocatedError(error: .cannotFindTypeInScope(name), node: node) }
            typeName = name
        }
        // Members of an extension of a standard or library type are compiled with `self` as that type's value.
        let kind: CellNominalType.Kind = interpreter.bindings.types[typeName]?.kind == .classType ? .classType : .structure
        let holder = CellNominalType(name: typeName, kind: kind, cellNumber: cellNumber, documentation: "", node: node)
        recordMemberNames(declaration.memberBlock, into: holder)
        let extended = TypeExtension()
        var constraints: [String: TypeExpression] = [:]
        for requirement in declaration.genericWhereClause?.requirements ?? [] {
            if case .sameTypeRequirement(let same) = requirement.requirement {
                constraints[same.leftType.trimmedDescription] = try? TypeExpression(TypeSyntax(same.rightType) ?? TypeSyntax(IdentifierTypeSyntax(name: .identifier("Any"))), resolver: self)
            }
        }
        extended.elementConstraints = constraints
        let savedOwner = function.extendedTypeName
        function.extendedTypeName = typeName
        defer { function.extendedTypeName = savedOwner }
        for member in declaration.memberBlock.members {
            let decl = member.decl
            let isStatic = Compiler.isStatic(decl)
            if let functionDeclaration = decl.as(FunctionDeclSyntax.self) {
                let isMutating = functionDeclaration.modifiers.contains { $0.name.tokenKind == .keyword(.mutating) }
                let compiled = try compileFunction(functionDeclaration, context: FunctionContext(
                    owner: holder, extendedTypeName: typeName, isStatic: isStatic, isMutating: isMutating))
                if isStatic {
                    extended.staticMethods[compiled.name, default: []].append(compiled)
                } else {
                    extended.methods[compiled.name, default: []].append(compiled)
                }
            } else if let variables = decl.as(VariableDeclSyntax.self) {
                for binding in variables.bindings {
                    guard let accessors = binding.accessorBlock, let propertyName = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                        throw LocatedError(error: .typeMismatch("extensions must not contain stored properties"), node: Syntax(binding))
                    }
                    let property = try compileComputedProperty(propertyName, accessors: accessors,
                                                               type: try typeExpression(binding.typeAnnotation?.type),
                                                               owner: holder, extendedTypeName: typeName, isStatic: isStatic,
                                                               node: Syntax(binding))
                    let unowned = CellNominalType.ComputedProperty(getter: property.getter, setter: property.setter, type: property.type)
                    if isStatic {
                        extended.staticComputedProperties[propertyName] = unowned
                    } else {
                        extended.computedProperties[propertyName] = unowned
                    }
                }
            } else if let initializer = decl.as(InitializerDeclSyntax.self) {
                extended.initializers.append(try compileInitializer(initializer, owner: holder, extendedTypeName: typeName))
            } else {
                throw LocatedError(error: .unsupported("this member is not supported in an extension of '\(typeName)'"), node: Syntax(decl))
            }
        }
        let interpreter = self.interpreter
        installations.append {
            interpreter.addExtension(extended, to: typeName, conformances: conformances)
        }
    }

    private func predeclareNested(_ declaration: DeclSyntax, in type: CellNominalType) throws {
        if header(declaration) != nil { try predeclareType(declaration, enclosing: type) }
    }
}
