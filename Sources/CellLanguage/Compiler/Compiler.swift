import CellRuntime
import NotebookExport
import SwiftSyntax

/// A compiled expression: its code, and what the compiler knows about it statically.
struct Compiled {
    let evaluate: Evaluation
    /// The literal it is (an integer literal may become a Double where one is expected).
    var literal: LiteralKind = .none
    /// The expression, for errors.
    let node: Syntax
    /// The same expression unboxed, when its type is statically `Int`, `Double` or `Bool`.
    var lane: ScalarLane? = nil
}

/// A cell compiled into closures: the declarations it installs and the code it runs.
struct CompiledCell {
    /// Makes the cell's types, functions and extensions visible to the session (run only when the whole cell
    /// compiled, so a cell with an error defines nothing).
    let install: () -> Void
    /// The statements, in order; the last one may give the cell's value.
    let items: [Execution]
    /// The value of the cell's last item when it is an expression.
    let result: Evaluation?
    let slotCount: Int
    let boxCount: Int
}

/// Compiles a parsed cell into closures once: names are resolved to frame slots, boxes or globals, literals
/// typed, operators folded, so that running the cell walks no syntax.
final class Compiler: TypeResolver {
    let interpreter: Interpreter
    let cellNumber: Int
    /// The function being compiled and its innermost block.
    var function: FunctionScope
    var block: BlockScope
    /// Types this cell declares, installed when it runs.
    var pendingTypes: [String: CellNominalType] = [:]
    /// Globals this cell declares at its top level, by name.
    var pendingGlobals: [String: GlobalVariable] = [:]
    /// The declared (or inferred) types of this cell's globals, set when the cell runs.
    var pendingGlobalTypes: [String: TypeExpression] = [:]
    /// Whether this cell declares each of its globals with `var`.
    var pendingGlobalMutability: [String: Bool] = [:]
    /// What the cell installs when it runs.
    var installations: [() -> Void] = []
    /// The scalar signatures of the functions this cell declares at its top level, by name (see ``ScalarSignature``).
    var declaredScalarSignatures: [String: ScalarSignature] = [:]
    /// Enclosing loops and switches, innermost last, for `break` and `continue`.
    var breakTargets: [BreakTarget] = []
    /// How many `try` expressions enclose the code being compiled (in this function): a call to a throwing function
    /// outside any is an error, as in Swift.
    var tryDepth = 0
    private var nextTargetID = 0

    /// A loop or switch that `break` (and, for loops, `continue`) can leave.
    struct BreakTarget {
        let id: Int
        let label: String?
        let isLoop: Bool
    }

    init(interpreter: Interpreter, cellNumber: Int, tree: SourceFileSyntax) {
        self.interpreter = interpreter
        self.cellNumber = cellNumber
        function = FunctionScope(parent: nil, enclosingBlock: nil, capturedNames: CaptureAnalysis.capturedNames(in: tree),
                                 isTopLevel: true)
        block = BlockScope(function: function, parent: nil)
    }

    /// Code that marks the next call as written without `try` (when it is), so a throwing callee refuses it.
    func tryMarker(_ node: Syntax) -> (Interpreter) -> Void {
        let site: Syntax? = tryDepth == 0 ? node : nil
        return { $0.callSiteWithoutTry = site }
    }

    /// A fresh id for a loop or switch.
    func makeTargetID() -> Int {
        nextTargetID += 1
        return nextTargetID
    }

    // MARK: - Cells

    /// Compiles a whole cell.
    func compileCell(_ tree: SourceFileSyntax) throws -> CompiledCell {
        let items = Array(tree.statements)
        try declareTopLevelNames(items)
        var executions: [Execution] = []
        var result: Evaluation?
        for (index, item) in items.enumerated() {
            if index == items.count - 1, let expression = Compiler.valueExpression(of: item) {
                result = try compileExpression(expression).evaluate
                continue
            }
            executions.append(try compileItem(item))
        }
        let installations = self.installations
        return CompiledCell(install: { for install in installations { install() } }, items: executions, result: result,
                            slotCount: function.slotCount, boxCount: function.boxCount)
    }

    /// Declares the cell's top-level types, functions and variables before compiling anything, so a function
    /// may use a type or function declared below it, as in a Swift file.
    private func declareTopLevelNames(_ items: [CodeBlockItemSyntax]) throws {
        for item in items {
            guard case .decl(let declaration) = item.item else { continue }
            try predeclareType(declaration)
        }
        for item in items {
            guard case .decl(let declaration) = item.item else { continue }
            if let function = declaration.as(FunctionDeclSyntax.self) {
                declareGlobal(function.name.text, isMutable: false, type: nil)
            } else if let variables = declaration.as(VariableDeclSyntax.self) {
                let isMutable = variables.bindingSpecifier.tokenKind == .keyword(.var)
                for binding in variables.bindings {
                    let type = try binding.typeAnnotation.map { try TypeExpression($0.type, resolver: self) }
                        ?? keptParameterType(of: binding)
                        ?? binding.initializer.flatMap { Compiler.inferredType(of: $0.value, resolver: self) }
                    for name in Compiler.boundNames(binding.pattern) {
                        declareGlobal(name, isMutable: isMutable || binding.initializer == nil, type: type)
                    }
                }
            }
        }
    }

    /// A global of this cell: the session's existing variable of that name, or a new one installed when the cell runs.
    @discardableResult
    func declareGlobal(_ name: String, isMutable: Bool, type: TypeExpression?) -> GlobalVariable {
        if let pending = pendingGlobals[name] { return pending }
        if let type { pendingGlobalTypes[name] = type }
        pendingGlobalMutability[name] = isMutable
        let variable = interpreter.existingGlobal(name)
            ?? GlobalVariable(name: name, value: .void, isMutable: isMutable, declaredType: type, cellNumber: cellNumber)
        pendingGlobals[name] = variable
        let interpreter = self.interpreter, cellNumber = self.cellNumber
        installations.append {
            let installed = interpreter.install(variable)
            installed.isMutable = isMutable
            installed.declaredType = type
            installed.cellNumber = cellNumber
        }
        return variable
    }

    /// The expression of an item that is a plain expression whose value a cell shows.
    static func valueExpression(of item: CodeBlockItemSyntax) -> ExprSyntax? {
        NotebookExport.valueExpression(of: item)
    }

    /// The names a pattern binds (`x`, `(a, b)`, `let (a, _)`).
    static func boundNames(_ pattern: PatternSyntax) -> [String] {
        if let identifier = pattern.as(IdentifierPatternSyntax.self) { return [identifier.identifier.text] }
        if let tuple = pattern.as(TuplePatternSyntax.self) { return tuple.elements.flatMap { boundNames($0.pattern) } }
        if let binding = pattern.as(ValueBindingPatternSyntax.self) { return boundNames(binding.pattern) }
        return []
    }

    // MARK: - Scopes

    /// Runs `body` with a child block; its locals end with it.
    func inChildBlock<T>(_ body: () throws -> T) rethrows -> T {
        let saved = block
        block = block.child()
        defer { block = saved }
        return try body()
    }

    /// Runs `body` compiling a nested function: a new frame layout whose free names are captured.
    func inFunction<T>(capturedNames: Set<String>, configure: (FunctionScope) -> Void = { _ in },
                       _ body: (FunctionScope) throws -> T) rethrows -> T {
        let savedFunction = function, savedBlock = block, savedTargets = breakTargets, savedTryDepth = tryDepth
        tryDepth = 0
        let nested = FunctionScope(parent: function, enclosingBlock: block, capturedNames: capturedNames, isTopLevel: false)
        nested.genericParameters = function.genericParameters
        configure(nested)
        function = nested
        block = BlockScope(function: nested, parent: nil)
        breakTargets = []
        defer {
            function = savedFunction
            block = savedBlock
            breakTargets = savedTargets
            tryDepth = savedTryDepth
        }
        return try body(nested)
    }

    // MARK: - TypeResolver

    var genericParameters: [String: [String]] { function.genericParameters }

    func isDeclaredType(_ name: String) -> Bool {
        pendingTypes[name] != nil || interpreter.declaredTypes[name] != nil
    }

    func libraryType(_ name: String) -> TypeBinding? {
        interpreter.bindings.types[name]
    }

    /// The declared type called `name`: this cell's, else the session's.
    func declaredType(_ name: String) -> CellNominalType? {
        (pendingTypes[name] ?? interpreter.declaredTypes[name]) as? CellNominalType
    }

    /// Compiles an optional type annotation.
    func typeExpression(_ syntax: TypeSyntax?) throws -> TypeExpression? {
        try syntax.map { try TypeExpression($0, resolver: self) }
    }
}

extension Interpreter {
    /// Makes a global of a compiled cell visible to later cells (the same object when the name existed).
    @discardableResult
    func install(_ variable: GlobalVariable) -> GlobalVariable {
        if let existing = existingGlobal(variable.name), existing !== variable { return existing }
        registerGlobal(variable)
        return variable
    }
}
