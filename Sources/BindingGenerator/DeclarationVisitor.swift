import SwiftSyntax

/// Pass two over one file: its public types (with their own members), the members of its extensions, and
/// its public free functions.
final class DeclarationVisitor {
    let file: APICollector.SourceFile
    let names: TypeNames
    private let converter: SourceLocationConverter
    private let tree: SourceFileSyntax
    private(set) var types: [DeclaredType] = []
    private(set) var extensionMembers: [(String, DeclaredMember)] = []
    private(set) var extensionConformances: [(String, [String])] = []
    private(set) var functions: [DeclaredMember] = []

    init(file: APICollector.SourceFile, tree: SourceFileSyntax, names: TypeNames) {
        self.file = file
        self.tree = tree
        self.names = names
        converter = SourceLocationConverter(fileName: file.path, tree: tree)
    }

    /// Reads the file's top-level declarations.
    func walk(_ tree: SourceFileSyntax) {
        for item in tree.statements {
            guard case .decl(let declaration) = item.item else { continue }
            visitTopLevel(declaration)
        }
    }

    private func location(_ node: some SyntaxProtocol) -> String {
        "\(file.module)/\(file.path):\(converter.location(for: node.positionAfterSkippingLeadingTrivia).line)"
    }

    private func visitTopLevel(_ declaration: DeclSyntax) {
        if let function = declaration.as(FunctionDeclSyntax.self), Access(function.modifiers).isPublic {
            if var member = makeFunction(function, context: nil, defaultPublic: false) {
                member.kind = .function
                functions.append(member)
            }
        } else if let variable = declaration.as(VariableDeclSyntax.self), Access(variable.modifiers).isPublic {
            for var member in makeProperties(variable, context: nil, isValueType: false, defaultPublic: false) {
                member.isSettable = false
                member.isMutating = false
                functions.append(member)
            }
        } else if let extensionDeclaration = declaration.as(ExtensionDeclSyntax.self) {
            visitExtension(extensionDeclaration)
        } else {
            visitType(declaration, context: nil, parentIsPublic: true)
        }
    }

    // MARK: - Types

    /// A type declaration (and its nested types), when public.
    private func visitType(_ declaration: DeclSyntax, context: String?, parentIsPublic: Bool) {
        let header: (name: String, kind: TypeKind, modifiers: DeclModifierListSyntax, inheritance: InheritanceClauseSyntax?,
                     generics: GenericParameterClauseSyntax?, members: MemberBlockSyntax)
        if let node = declaration.as(StructDeclSyntax.self) {
            header = (node.name.text, .structure, node.modifiers, node.inheritanceClause, node.genericParameterClause, node.memberBlock)
        } else if let node = declaration.as(ClassDeclSyntax.self) {
            header = (node.name.text, .classType, node.modifiers, node.inheritanceClause, node.genericParameterClause, node.memberBlock)
        } else if let node = declaration.as(EnumDeclSyntax.self) {
            header = (node.name.text, .enumeration, node.modifiers, node.inheritanceClause, node.genericParameterClause, node.memberBlock)
        } else if let node = declaration.as(ProtocolDeclSyntax.self) {
            header = (node.name.text, .protocolType, node.modifiers, node.inheritanceClause, nil, node.memberBlock)
        } else {
            return
        }
        let access = Access(header.modifiers)
        guard parentIsPublic, access.isPublic else { return }
        let name = context.map { $0 + "." + header.name } ?? header.name
        var type = DeclaredType(
            module: file.module, name: name, kind: header.kind, isOpen: access.isOpen,
            isFinal: header.modifiers.contains { $0.name.tokenKind == .keyword(.final) },
            genericParameters: genericParameters(header.generics, whereClause: nil, context: name),
            inheritance: header.inheritance.map { inheritedNames($0, context: context) } ?? [],
            documentation: Documentation(leadingTriviaOf: declaration), members: [], cases: [], location: location(declaration))
        let membersArePublic = header.kind == .protocolType
        for item in header.members.members {
            let member = item.decl
            if let caseDeclaration = member.as(EnumCaseDeclSyntax.self) {
                type.cases += caseDeclaration.elements.map { makeCase($0, declaration: caseDeclaration, context: name) }
                continue
            }
            if isTypeDeclaration(member) {
                visitType(member, context: name, parentIsPublic: true)
                continue
            }
            type.members += makeMembers(member, context: name, kind: header.kind, defaultPublic: membersArePublic)
        }
        types.append(type)
    }

    private func isTypeDeclaration(_ declaration: DeclSyntax) -> Bool {
        declaration.is(StructDeclSyntax.self) || declaration.is(ClassDeclSyntax.self)
            || declaration.is(EnumDeclSyntax.self) || declaration.is(ProtocolDeclSyntax.self)
    }

    private func visitExtension(_ node: ExtensionDeclSyntax) {
        let extended = resolvedName(node.extendedType, context: nil)
        let isPublicExtension = Access(node.modifiers).isPublic
        if let inheritance = node.inheritanceClause {
            extensionConformances.append((extended, inheritedNames(inheritance, context: extended)))
        }
        // Constrained extensions of types outside the library (`Optional where Wrapped == Tensor`) add
        // members only some instances have: they are recorded with the where clause in the name.
        var owner = extended
        if let whereClause = node.genericWhereClause, !names.contains(extended) {
            owner += " " + whereClause.trimmedDescription
        }
        let kind: TypeKind = names.contains(extended) ? .structure : .structure
        for item in node.memberBlock.members {
            let member = item.decl
            if isTypeDeclaration(member) {
                visitType(member, context: extended, parentIsPublic: true)
                continue
            }
            for declared in makeMembers(member, context: extended, kind: kind, defaultPublic: isPublicExtension) {
                extensionMembers.append((owner, declared))
            }
        }
    }

    // MARK: - Members

    /// The public members one declaration introduces (a `var` may declare several properties).
    private func makeMembers(_ declaration: DeclSyntax, context: String, kind: TypeKind, defaultPublic: Bool) -> [DeclaredMember] {
        if let function = declaration.as(FunctionDeclSyntax.self) {
            guard isPublic(function.modifiers, defaultPublic: defaultPublic) else { return [] }
            return makeFunction(function, context: context, defaultPublic: defaultPublic).map { [$0] } ?? []
        }
        if let initializer = declaration.as(InitializerDeclSyntax.self) {
            guard isPublic(initializer.modifiers, defaultPublic: defaultPublic) else { return [] }
            return [makeInitializer(initializer, context: context)]
        }
        if let variable = declaration.as(VariableDeclSyntax.self) {
            guard isPublic(variable.modifiers, defaultPublic: defaultPublic) else { return [] }
            return makeProperties(variable, context: context, isValueType: kind != .classType, defaultPublic: defaultPublic)
        }
        if let subscriptDeclaration = declaration.as(SubscriptDeclSyntax.self) {
            guard isPublic(subscriptDeclaration.modifiers, defaultPublic: defaultPublic) else { return [] }
            return [makeSubscript(subscriptDeclaration, context: context, isValueType: kind != .classType)]
        }
        return []
    }

    private func isPublic(_ modifiers: DeclModifierListSyntax, defaultPublic: Bool) -> Bool {
        let access = Access(modifiers)
        if access.isExplicit { return access.isPublic }
        return defaultPublic
    }

    private func makeFunction(_ node: FunctionDeclSyntax, context: String?, defaultPublic: Bool) -> DeclaredMember? {
        let signature = node.signature
        let isOperator: Bool
        switch node.name.tokenKind {
        case .binaryOperator, .prefixOperator, .postfixOperator: isOperator = true
        default: isOperator = false
        }
        let generics = genericParameters(node.genericParameterClause, whereClause: node.genericWhereClause, context: context)
        var parameters = parameters(signature.parameterClause, context: context)
        if isOperator {
            for index in parameters.indices { parameters[index].label = nil }
        }
        return DeclaredMember(
            module: file.module, kind: .method, name: node.name.text,
            isStatic: node.modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) },
            isMutating: node.modifiers.contains { $0.name.tokenKind == .keyword(.mutating) },
            isThrowing: signature.effectSpecifiers?.throwsClause != nil,
            isFailable: false, isOperator: isOperator,
            isDiscardableResult: node.attributes.contains { $0.as(AttributeSyntax.self)?.attributeName.trimmedDescription == "discardableResult" },
            isSettable: false, isOpen: Access(node.modifiers).isOpen,
            parameters: parameters,
            returnType: signature.returnClause.map { typeReference($0.type, context: context) }.flatMap { $0.isVoid ? nil : $0 },
            genericParameters: generics, documentation: Documentation(leadingTriviaOf: node), location: location(node))
    }

    private func makeInitializer(_ node: InitializerDeclSyntax, context: String) -> DeclaredMember {
        DeclaredMember(
            module: file.module, kind: .initializer, name: "init", isStatic: false, isMutating: false,
            isThrowing: node.signature.effectSpecifiers?.throwsClause != nil,
            isFailable: node.optionalMark != nil, isOperator: false, isDiscardableResult: false, isSettable: false,
            isOpen: false, parameters: parameters(node.signature.parameterClause, context: context),
            returnType: nil,
            genericParameters: genericParameters(node.genericParameterClause, whereClause: node.genericWhereClause, context: context),
            documentation: Documentation(leadingTriviaOf: node), location: location(node))
    }

    private func makeProperties(_ node: VariableDeclSyntax, context: String?, isValueType: Bool, defaultPublic: Bool) -> [DeclaredMember] {
        let isLet = node.bindingSpecifier.tokenKind == .keyword(.let)
        let access = Access(node.modifiers)
        let isStatic = node.modifiers.contains { $0.name.tokenKind == .keyword(.static) || $0.name.tokenKind == .keyword(.class) }
        return node.bindings.compactMap { binding -> DeclaredMember? in
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else { return nil }
            let type = binding.typeAnnotation.map { typeReference($0.type, context: context) }
                ?? binding.initializer.flatMap { inferredType(of: $0.value) }
            var isSettable = !isLet && !access.hasRestrictedSetter
            if let accessors = binding.accessorBlock {
                switch accessors.accessors {
                case .getter: isSettable = false
                case .accessors(let list):
                    let kinds = list.map(\.accessorSpecifier.tokenKind)
                    if kinds.contains(.keyword(.get)) || kinds.contains(.keyword(._read)) {
                        isSettable = isSettable && (kinds.contains(.keyword(.set)) || kinds.contains(.keyword(._modify)))
                    }
                    // Observers only (willSet/didSet) keep a stored property settable.
                }
            }
            let isProtocolRequirement = defaultPublic && binding.accessorBlock != nil && !access.isExplicit
            if isProtocolRequirement, case .accessors(let list)? = binding.accessorBlock?.accessors {
                isSettable = list.contains { $0.accessorSpecifier.tokenKind == .keyword(.set) }
            }
            return DeclaredMember(
                module: file.module, kind: .property, name: name, isStatic: isStatic, isMutating: isValueType && isSettable,
                isThrowing: false, isFailable: false, isOperator: false, isDiscardableResult: false, isSettable: isSettable,
                isOpen: access.isOpen, parameters: [], returnType: type ?? .named("<unknown>", arguments: []),
                genericParameters: [], documentation: Documentation(leadingTriviaOf: node), location: location(binding))
        }
    }

    /// The type of a property declared without one, from a literal initial value.
    private func inferredType(of expression: ExprSyntax) -> TypeReference? {
        if expression.is(IntegerLiteralExprSyntax.self) { return .named("Int", arguments: []) }
        if expression.is(FloatLiteralExprSyntax.self) { return .named("Double", arguments: []) }
        if expression.is(BooleanLiteralExprSyntax.self) { return .named("Bool", arguments: []) }
        if expression.is(StringLiteralExprSyntax.self) { return .named("String", arguments: []) }
        return nil
    }

    private func makeSubscript(_ node: SubscriptDeclSyntax, context: String, isValueType: Bool) -> DeclaredMember {
        var isSettable = false
        if case .accessors(let list)? = node.accessorBlock?.accessors {
            isSettable = list.contains { $0.accessorSpecifier.tokenKind == .keyword(.set) }
        }
        if Access(node.modifiers).hasRestrictedSetter { isSettable = false }
        return DeclaredMember(
            module: file.module, kind: .subscript, name: "subscript", isStatic: false, isMutating: isValueType && isSettable,
            isThrowing: node.accessorBlock.map { block -> Bool in
                if case .accessors(let list) = block.accessors {
                    return list.contains { $0.effectSpecifiers?.throwsClause != nil }
                }
                return false
            } ?? false,
            isFailable: false, isOperator: false, isDiscardableResult: false, isSettable: isSettable, isOpen: false,
            parameters: parameters(node.parameterClause, context: context, labelsDefaultToNone: true),
            returnType: typeReference(node.returnClause.type, context: context),
            genericParameters: genericParameters(node.genericParameterClause, whereClause: node.genericWhereClause, context: context),
            documentation: Documentation(leadingTriviaOf: node), location: location(node))
    }

    private func makeCase(_ element: EnumCaseElementSyntax, declaration: EnumCaseDeclSyntax, context: String) -> EnumCase {
        let values = element.parameterClause?.parameters.enumerated().map { index, parameter -> DeclaredParameter in
            let label = parameter.firstName.map { $0.text == "_" ? nil : $0.text } ?? nil
            return DeclaredParameter(label: label, name: parameter.secondName?.text ?? label ?? "value\(index)",
                                     type: typeReference(parameter.type, context: context),
                                     defaultValue: parameter.defaultValue?.value.trimmedDescription, isInOut: false, isVariadic: false)
        } ?? []
        return EnumCase(name: element.name.text, associatedValues: values, documentation: Documentation(leadingTriviaOf: declaration))
    }

    private func parameters(_ clause: FunctionParameterClauseSyntax, context: String?, labelsDefaultToNone: Bool = false) -> [DeclaredParameter] {
        clause.parameters.map { parameter in
            let first = parameter.firstName.text
            let label: String?
            if labelsDefaultToNone && parameter.secondName == nil {
                label = nil
            } else {
                label = first == "_" ? nil : first
            }
            var type = parameter.type
            var isInOut = false
            if let attributed = type.as(AttributedTypeSyntax.self) {
                isInOut = attributed.specifiers.contains { $0.trimmedDescription == "inout" }
                if isInOut && attributed.attributes.isEmpty { type = attributed.baseType }
            }
            return DeclaredParameter(label: label, name: parameter.secondName?.text ?? first,
                                     type: typeReference(type, context: context),
                                     defaultValue: parameter.defaultValue?.value.trimmedDescription,
                                     isInOut: isInOut, isVariadic: parameter.ellipsis != nil)
        }
    }

    private func genericParameters(_ clause: GenericParameterClauseSyntax?, whereClause: GenericWhereClauseSyntax?,
                                   context: String?) -> [GenericParameter] {
        var result = clause?.parameters.map { parameter in
            GenericParameter(name: parameter.name.text, constraint: parameter.inheritedType.map { typeReference($0, context: context) })
        } ?? []
        for requirement in whereClause?.requirements ?? [] {
            guard case .conformanceRequirement(let conformance) = requirement.requirement,
                  let index = result.firstIndex(where: { $0.name == conformance.leftType.trimmedDescription }) else { continue }
            result[index].constraint = typeReference(conformance.rightType, context: context)
        }
        return result
    }

    // MARK: - Types as written

    private func inheritedNames(_ clause: InheritanceClauseSyntax, context: String?) -> [String] {
        clause.inheritedTypes.flatMap { inherited -> [String] in
            let type = inherited.type
            if let composition = type.as(CompositionTypeSyntax.self) {
                return composition.elements.map { resolvedName($0.type, context: context) }
            }
            if let attributed = type.as(AttributedTypeSyntax.self) { return [resolvedName(attributed.baseType, context: context)] }
            return [resolvedName(type, context: context)]
        }
    }

    /// The qualified name a simple or member type names.
    func resolvedName(_ type: TypeSyntax, context: String?) -> String {
        if case .named(let name, _) = typeReference(type, context: context) { return name }
        return type.trimmedDescription
    }

    /// A type as written, with the library's nested names qualified and `Self` replaced by `context`.
    func typeReference(_ type: TypeSyntax, context: String?) -> TypeReference {
        if let identifier = type.as(IdentifierTypeSyntax.self) {
            let arguments = identifier.genericArgumentClause?.arguments.compactMap { argument -> TypeReference? in
                guard case .type(let argumentType) = argument.argument else { return nil }
                return typeReference(argumentType, context: context)
            } ?? []
            let name = identifier.name.text
            switch (name, arguments.count) {
            case ("Array", 1): return .array(arguments[0])
            case ("Optional", 1): return .optional(arguments[0])
            case ("Dictionary", 2): return .dictionary(key: arguments[0], value: arguments[1])
            case ("ArraySlice", 1): return .array(arguments[0])
            case ("Self", 0): return .named(context ?? "Self", arguments: [])
            case ("Void", 0): return .void
            default: return .named(names.qualify(name, in: context), arguments: arguments)
            }
        }
        if let member = type.as(MemberTypeSyntax.self) {
            let base = typeReference(member.baseType, context: context)
            if case .named(let baseName, let arguments) = base, arguments.isEmpty {
                if baseName == "Swift" || baseName == "Foundation" { return .named(member.name.text, arguments: []) }
                return .named(baseName + "." + member.name.text, arguments: [])
            }
            return .named(member.trimmedDescription, arguments: [])
        }
        if let array = type.as(ArrayTypeSyntax.self) { return .array(typeReference(array.element, context: context)) }
        if let dictionary = type.as(DictionaryTypeSyntax.self) {
            return .dictionary(key: typeReference(dictionary.key, context: context), value: typeReference(dictionary.value, context: context))
        }
        if let optional = type.as(OptionalTypeSyntax.self) { return .optional(typeReference(optional.wrappedType, context: context)) }
        if let optional = type.as(ImplicitlyUnwrappedOptionalTypeSyntax.self) {
            return .optional(typeReference(optional.wrappedType, context: context))
        }
        if let tuple = type.as(TupleTypeSyntax.self) {
            let elements = tuple.elements.map {
                TypeReference.TupleElement(label: $0.firstName?.text, type: typeReference($0.type, context: context))
            }
            if elements.count == 1, elements[0].label == nil { return elements[0].type }
            return .tuple(elements)
        }
        if let function = type.as(FunctionTypeSyntax.self) {
            return .function(parameters: function.parameters.map { typeReference($0.type, context: context) },
                             result: typeReference(function.returnClause.type, context: context),
                             isThrowing: function.effectSpecifiers?.throwsClause != nil, isEscaping: false)
        }
        if let attributed = type.as(AttributedTypeSyntax.self) {
            let base = typeReference(attributed.baseType, context: context)
            if attributed.specifiers.contains(where: { $0.trimmedDescription == "inout" }) {
                return .named("inout " + base.description, arguments: [])
            }
            let isEscaping = attributed.attributes.contains { $0.as(AttributeSyntax.self)?.attributeName.trimmedDescription == "escaping" }
            if isEscaping, case .function(let parameters, let result, let isThrowing, _) = base {
                return .function(parameters: parameters, result: result, isThrowing: isThrowing, isEscaping: true)
            }
            return base
        }
        if let someOrAny = type.as(SomeOrAnyTypeSyntax.self) {
            return .existential(typeReference(someOrAny.constraint, context: context))
        }
        if let metatype = type.as(MetatypeTypeSyntax.self) { return .metatype(typeReference(metatype.baseType, context: context)) }
        return .named(type.trimmedDescription, arguments: [])
    }
}

/// The access modifiers of a declaration.
struct Access {
    let isPublic: Bool
    let isOpen: Bool
    /// Whether any access modifier is written (else the default of the context applies).
    let isExplicit: Bool
    /// `public private(set)`, `internal(set)`, `fileprivate(set)`.
    let hasRestrictedSetter: Bool

    init(_ modifiers: DeclModifierListSyntax) {
        var isPublic = false, isOpen = false, isExplicit = false, hasRestrictedSetter = false
        for modifier in modifiers {
            switch modifier.name.tokenKind {
            case .keyword(.public):
                isPublic = true
                isExplicit = true
            case .keyword(.open):
                isPublic = true
                isOpen = true
                isExplicit = true
            case .keyword(.private), .keyword(.fileprivate), .keyword(.internal), .keyword(.package):
                if modifier.detail?.detail.text == "set" {
                    hasRestrictedSetter = true
                } else {
                    isExplicit = true
                }
            default:
                continue
            }
        }
        self.isPublic = isPublic
        self.isOpen = isOpen
        self.isExplicit = isExplicit
        self.hasRestrictedSetter = hasRestrictedSetter
    }
}
