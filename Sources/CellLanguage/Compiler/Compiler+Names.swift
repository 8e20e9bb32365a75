import CellRuntime
import SwiftSyntax

/// What a name in an expression refers to.
enum NameResolution {
    /// A variable: a local, a captured variable or a global.
    case variable(CompiledVariable)
    /// A member of `self` written without `self.` inside a method.
    case selfMember(String)
    /// A type.
    case type(TypeValue)
    /// Library or standard free functions of that name.
    case functions(String, [FunctionBinding])
    /// A library global (`standardError`).
    case libraryGlobal(FunctionBinding)
    /// An operator used as a function (`+` in `reduce(0, +)`).
    case operatorFunction(String)
}

extension Compiler {
    /// Resolves a name the way Swift does: locals of this function and the functions enclosing it (captured),
    /// then members of `self`, then the session's globals, types and the libraries' functions.
    func resolve(_ name: String, node: Syntax) throws -> NameResolution {
        if let local = lookupLocal(name, in: block) { return .variable(local) }
        if name != "self", let owner = function.selfOwner, hasImplicitMember(name, in: owner) { return .selfMember(name) }
        if let global = pendingGlobals[name] {
            return .variable(CompiledVariable(name: name, storage: .global(global), isMutable: pendingGlobalMutability[name] ?? global.isMutable,
                                              type: pendingGlobalTypes[name]))
        }
        if let global = interpreter.existingGlobal(name) {
            return .variable(CompiledVariable(name: name, storage: .global(global), isMutable: global.isMutable,
                                              type: global.declaredType))
        }
        if let owner = function.selfOwner?.ownerType, let nested = owner.nestedTypes[name] {
            return .type(.declared(nested))
        }
        if let declared = pendingTypes[name] ?? interpreter.declaredTypes[name] { return .type(.declared(declared)) }
        if interpreter.bindings.types[name] != nil { return .type(.named(name)) }
        if let functions = interpreter.bindings.functions[name], !functions.isEmpty {
            if functions.count == 1, functions[0].kind == .property { return .libraryGlobal(functions[0]) }
            return .functions(name, functions)
        }
        if Compiler.operatorNames.contains(name) { return .operatorFunction(name) }
        throw LocatedError(error: .cannotFindInScope(name), node: node)
    }

    static let operatorNames: Set<String> = ["+", "-", "*", "/", "%", "<", ">", "<=", ">=", "==", "!=", "&&", "||", "&", "|", "^"]

    /// A local of this function or an enclosing one (captured into this function's closure), not a global.
    func lookupLocal(_ name: String, in block: BlockScope) -> CompiledVariable? {
        if let found = block.lookupInFunction(name), !block.function.isTopLevel || !isGlobal(found) { return found }
        let current = block.function
        guard let outerBlock = current.enclosingBlock, let outer = lookupLocal(name, in: outerBlock) else { return nil }
        switch outer.storage {
        case .global: return nil
        case .slot:
            // The capture analysis boxes every local a nested function names, so this does not happen; a slot
            // cannot be shared with a closure.
            return nil
        case .box, .capture:
            let index = current.capture(name, from: outer.storage)
            return CompiledVariable(name: name, storage: .capture(index), isMutable: outer.isMutable, type: outer.type)
        }
    }

    private func isGlobal(_ variable: CompiledVariable) -> Bool {
        if case .global = variable.storage { return true }
        return false
    }

    /// Whether `name` is a member of the type whose method is being compiled (or of its supertypes).
    func hasImplicitMember(_ name: String, in owner: FunctionScope) -> Bool {
        if let type = owner.ownerType {
            for current in type.classChain where current.memberNames.contains(name) { return true }
            for conformance in type.conformances {
                if let protocolType = declaredType(conformance), protocolType.memberNames.contains(name) {
                    return true
                }
            }
            if type.libraryLineage(in: interpreter.bindings).contains(where: { $0.members[name] != nil }) { return true }
        }
        if let typeName = owner.extendedTypeName {
            if let extended = interpreter.extensions[typeName], extended.methods[name] != nil || extended.computedProperties[name] != nil {
                return true
            }
            if let library = interpreter.bindings.types[typeName] {
                return interpreter.bindings.lineage(of: library).contains { $0.members[name] != nil }
                    || (["Array", "String", "Dictionary"].contains(typeName) && interpreter.bindings.types["Sequence"]?.members[name] != nil)
            }
        }
        return false
    }

    // MARK: - Storage access

    /// Code that reads a variable.
    func load(_ storage: Storage) -> Evaluation {
        switch storage {
        case .slot(let index): return { $0.slots[index] }
        case .box(let index): return { $0.boxes[index].value }
        case .capture(let index): return { $0.captures[index].value }
        case .global(let global): return { _ in global.value }
        }
    }

    /// Code that stores into a variable (declarations: a box declaration makes a fresh box).
    func initialize(_ storage: Storage) -> (Frame, Value) -> Void {
        switch storage {
        case .slot(let index): return { $0.slots[index] = $1 }
        case .box(let index): return { $0.boxes[index] = Box($1) }
        case .capture(let index): return { $0.captures[index].value = $1 }
        case .global(let global): return { global.value = $1 }
        }
    }

    /// Code that assigns to an existing variable.
    func store(_ storage: Storage) -> (Frame, Value) -> Void {
        switch storage {
        case .slot(let index): return { $0.slots[index] = $1 }
        case .box(let index): return { $0.boxes[index].value = $1 }
        case .capture(let index): return { $0.captures[index].value = $1 }
        case .global(let global): return { global.value = $1 }
        }
    }

    /// Code that changes a variable in place: the value is moved out while `body` runs, so an array or struct
    /// held only by this variable is changed without a copy (and a closure run by `body` sees no half-changed
    /// state).
    func modify(_ storage: Storage) -> (Frame, (inout Value) throws -> Void) throws -> Void {
        switch storage {
        case .slot(let index):
            return { frame, body in
                var value = frame.slots[index]
                frame.slots[index] = .void
                defer { frame.slots[index] = value }
                try body(&value)
            }
        case .box(let index):
            return { frame, body in
                let box = frame.boxes[index]
                var value = box.value
                box.value = .void
                defer { box.value = value }
                try body(&value)
            }
        case .capture(let index):
            return { frame, body in
                let box = frame.captures[index]
                var value = box.value
                box.value = .void
                defer { box.value = value }
                try body(&value)
            }
        case .global(let global):
            return { _, body in
                var value = global.value
                global.value = .void
                defer { global.value = value }
                try body(&value)
            }
        }
    }
}
