import CellRuntime
import SwiftSyntax

/// Where a variable lives at run time, resolved when the code is compiled.
enum Storage {
    /// `frame.slots[index]`: a local no closure captures.
    case slot(Int)
    /// `frame.boxes[index].value`: a local a closure captures.
    case box(Int)
    /// `frame.captures[index].value`: a variable of an enclosing function this closure captured.
    case capture(Int)
    /// A top-level variable of the session.
    case global(GlobalVariable)
}

/// A variable known to the compiler.
struct CompiledVariable {
    let name: String
    let storage: Storage
    let isMutable: Bool
    /// The declared type, which later assignments convert to.
    let type: TypeExpression?
}

/// The compile-time state of one function, closure or cell body: its slots and boxes, what it captures
/// from enclosing functions, and what `self`, `return` and `break` mean inside it.
final class FunctionScope {
    let parent: FunctionScope?
    /// The block the function was declared in (its enclosing function's), for captures.
    let enclosingBlock: BlockScope?
    private(set) var slotCount = 0
    private(set) var boxCount = 0
    /// What this function captures: where each capture comes from in the enclosing function's frame.
    private(set) var captureSources: [Storage] = []
    private var captureIndices: [String: Int] = [:]
    /// Names used inside closures and functions nested in this body: locals with these names are boxed.
    let capturedNames: Set<String>
    /// Whether this is a cell's top level (its declarations are globals).
    let isTopLevel: Bool
    /// The type whose method, initialiser or computed property this is.
    var ownerType: CellNominalType?
    /// The library or standard type an `extension` method belongs to.
    var extendedTypeName: String?
    /// A static method (no `self` instance).
    var isStatic = false
    /// `self` may be changed (mutating methods, initialisers of value types).
    var isSelfMutable = false
    /// An initialiser (for `self.x = ...` before all properties are set, and `super.init`).
    var isInitializer = false
    /// The declared result type, which `return` values convert to.
    var returnType: TypeExpression?
    /// The generic parameters in scope.
    var genericParameters: [String: [String]] = [:]
    /// Whether `throw` and `try` outside a `do` that catches everything are allowed (a `throws` function, a
    /// closure, a cell's top level); false in functions, initialisers and accessors not marked `throws`.
    var canThrow = true
    /// How many `do` statements with a catch-all clause enclose the code being compiled.
    var catchAllDepth = 0

    /// Whether an error thrown here reaches a handler: the function throws or a `do` catches everything.
    var handlesErrors: Bool { canThrow || catchAllDepth > 0 }

    init(parent: FunctionScope?, enclosingBlock: BlockScope?, capturedNames: Set<String>, isTopLevel: Bool) {
        self.parent = parent
        self.enclosingBlock = enclosingBlock
        self.capturedNames = capturedNames
        self.isTopLevel = isTopLevel
    }

    /// A new local's storage: a box when a nested closure may capture it.
    func allocate(_ name: String) -> Storage {
        if capturedNames.contains(name) {
            boxCount += 1
            return .box(boxCount - 1)
        }
        slotCount += 1
        return .slot(slotCount - 1)
    }

    /// A slot for a temporary the compiler needs (a loop's iterator state).
    func allocateTemporary() -> Int {
        slotCount += 1
        return slotCount - 1
    }

    /// The capture index of `name`, added with `source` (its storage in the enclosing frame) the first time.
    func capture(_ name: String, from source: Storage) -> Int {
        if let index = captureIndices[name] { return index }
        captureSources.append(source)
        captureIndices[name] = captureSources.count - 1
        return captureSources.count - 1
    }

    /// The type `self` has inside this function or its enclosing ones.
    var selfOwner: FunctionScope? {
        var scope: FunctionScope? = self
        while let current = scope {
            if current.ownerType != nil || current.extendedTypeName != nil { return current }
            scope = current.parent
        }
        return nil
    }
}

/// A lexical block: the names it declared, in its function's frame.
final class BlockScope {
    let function: FunctionScope
    let parent: BlockScope?
    private(set) var variables: [String: CompiledVariable] = [:]
    /// Local functions declared in this block (they may be used before their declaration).
    var localFunctions: Set<String> = []

    init(function: FunctionScope, parent: BlockScope?) {
        self.function = function
        self.parent = parent
    }

    /// A child block of the same function.
    func child() -> BlockScope { BlockScope(function: function, parent: self) }

    /// Declares a local variable of this block.
    func declare(_ name: String, isMutable: Bool, type: TypeExpression?) -> CompiledVariable {
        let variable = CompiledVariable(name: name, storage: function.allocate(name), isMutable: isMutable, type: type)
        variables[name] = variable
        return variable
    }

    /// Records a variable declared elsewhere (a global declared at the top level).
    func record(_ variable: CompiledVariable) {
        variables[variable.name] = variable
    }

    /// The variable called `name` in this function's blocks, innermost first.
    func lookupInFunction(_ name: String) -> CompiledVariable? {
        var block: BlockScope? = self
        while let current = block {
            if let found = current.variables[name] { return found }
            block = current.parent
        }
        return nil
    }
}
