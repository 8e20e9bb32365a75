import SwiftParser
import SwiftSyntax

/// Reads the public declarations of the library modules from their source files.
///
/// Two passes: the first finds every type the library declares (so a nested name such as `Variant`
/// inside `MovieLens` resolves to `MovieLens.Variant`), the second collects types, members and free
/// functions with their signatures and doc comments.
public struct APICollector {
    /// One source file: its module, path relative to the sources folder, and text.
    public struct SourceFile: Sendable {
        public var module: String
        public var path: String
        public var text: String

        public init(module: String, path: String, text: String) {
            self.module = module
            self.path = path
            self.text = text
        }
    }

    private let files: [SourceFile]

    /// A collector over `files`, which must list each module's files in a stable order.
    public init(files: [SourceFile]) {
        self.files = files
    }

    /// The public API of the modules.
    public func collect() throws -> PublicAPI {
        let parsed = files.map { ($0, Parser.parse(source: $0.text)) }
        var names = TypeNames()
        for (file, tree) in parsed {
            let finder = TypeNameFinder(module: file.module)
            finder.walk(tree)
            for (name, module) in finder.found { names.declare(name, module: module) }
        }
        var builder = APIBuilder(names: names)
        for (file, tree) in parsed {
            let visitor = DeclarationVisitor(file: file, tree: tree, names: names)
            visitor.walk(tree)
            builder.add(visitor)
        }
        var modules: [String] = []
        for file in files where !modules.contains(file.module) { modules.append(file.module) }
        return builder.api(modules: modules)
    }
}

/// The qualified names of the library's types, and the module of each.
struct TypeNames {
    private(set) var modules: [String: String] = [:]

    mutating func declare(_ name: String, module: String) {
        modules[name] = module
    }

    /// Whether the library declares `name` (qualified).
    func contains(_ name: String) -> Bool { modules[name] != nil }

    /// `name` as seen from inside the type `context` (qualified, or nil at the top level): the innermost
    /// enclosing type that declares a nested `name` wins, as in Swift.
    func qualify(_ name: String, in context: String?) -> String {
        var scope = context
        while let current = scope {
            if contains(current + "." + name) { return current + "." + name }
            scope = current.contains(".") ? String(current[..<current.lastIndex(of: ".")!]) : nil
        }
        return name
    }
}

/// Pass one: every type declaration's qualified name.
private final class TypeNameFinder: SyntaxVisitor {
    let module: String
    var found: [(String, String)] = []
    private var context: [String] = []

    init(module: String) {
        self.module = module
        super.init(viewMode: .sourceAccurate)
    }

    private func enter(_ name: String) -> SyntaxVisitorContinueKind {
        context.append(name)
        found.append((context.joined(separator: "."), module))
        return .visitChildren
    }

    override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: StructDeclSyntax) { context.removeLast() }
    override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: ClassDeclSyntax) { context.removeLast() }
    override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: EnumDeclSyntax) { context.removeLast() }
    override func visit(_ node: ProtocolDeclSyntax) -> SyntaxVisitorContinueKind { enter(node.name.text) }
    override func visitPost(_ node: ProtocolDeclSyntax) { context.removeLast() }
    override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
        context.append(node.extendedType.trimmedDescription)
        return .visitChildren
    }
    override func visitPost(_ node: ExtensionDeclSyntax) { context.removeLast() }
    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: InitializerDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
    override func visit(_ node: VariableDeclSyntax) -> SyntaxVisitorContinueKind { .skipChildren }
}

/// Gathers the visitors' findings into types (merging extensions into their type) and functions.
struct APIBuilder {
    let names: TypeNames
    private var types: [String: DeclaredType] = [:]
    private var order: [String] = []
    private var extensionMembers: [(String, DeclaredMember)] = []
    private var extensionConformances: [(String, [String])] = []
    private var functions: [DeclaredMember] = []

    init(names: TypeNames) {
        self.names = names
    }

    mutating func add(_ visitor: DeclarationVisitor) {
        for type in visitor.types {
            if types[type.name] == nil { order.append(type.name) }
            types[type.name] = type
        }
        extensionMembers += visitor.extensionMembers
        extensionConformances += visitor.extensionConformances
        functions += visitor.functions
    }

    /// The API, types in declaration order; members of extensions on types outside the library (`String`)
    /// become members of a type of that name with kind `struct`.
    func api(modules: [String]) -> PublicAPI {
        var types = self.types
        var order = self.order
        for (name, member) in extensionMembers {
            if types[name] == nil {
                types[name] = DeclaredType(module: member.module, name: name, kind: .structure, isOpen: false, isFinal: false,
                                           genericParameters: [], inheritance: [], documentation: Documentation(),
                                           members: [], cases: [], location: member.location)
                order.append(name)
            }
            // A protocol extension's default implementation repeats the requirement it implements.
            if types[name]!.kind == .protocolType,
               types[name]!.members.contains(where: { $0.selector == member.selector && $0.isStatic == member.isStatic }) { continue }
            types[name]!.members.append(member)
        }
        for (name, protocols) in extensionConformances where types[name] != nil {
            for item in protocols where !types[name]!.inheritance.contains(item) { types[name]!.inheritance.append(item) }
        }
        return PublicAPI(modules: modules, types: order.map { types[$0]! }, functions: functions)
    }
}
