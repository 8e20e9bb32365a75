import CellRuntime
import SwiftSyntax

/// The state of a session's cells and what running them needs: globals, the types cells declared, the
/// bindings of the standard library subset and the model library, the output of the running cell.
///
/// Cells are compiled (``Compiler``) into closures once and then run; everything the compiled code needs at
/// run time goes through this object.
final class Interpreter {
    /// The deepest nesting of calls before a cell fails instead of overflowing the stack.
    var maximumCallDepth = 10_000

    let bindings: BindingTable
    let host: CellHost?
    let interruption: Interruption
    /// Where the running cell's output goes.
    var output: CellOutput?
    /// Top-level variables and functions of all cells, by name.
    private(set) var globals: [String: GlobalVariable] = [:]
    /// Global names in the order they were first declared (for `%who`).
    private(set) var globalOrder: [String] = []
    /// The types cells declared, by name (the latest declaration of each name).
    var declaredTypes: [String: CellDeclaredType] = [:]
    /// Members cells added to standard and library types with `extension`, by type name.
    var extensions: [String: TypeExtension] = [:]
    /// Extensions with a `where Element == T` clause, by type name, each kept apart with its constraint.
    var constrainedExtensions: [String: [TypeExtension]] = [:]
    /// Protocols cells declared that a standard or library type adopts by an extension, by type name.
    var extensionConformances: [String: Set<String>] = [:]
    var callDepth = 0
    /// The number of the cell being compiled or run.
    var cellNumber = 0
    /// An error a callback raised where the library could not take it (a non-throwing closure parameter).
    var pendingCallbackError: Error?
    /// The call being dispatched when it is written without `try`: a throwing callee then refuses it.
    var callSiteWithoutTry: Syntax?

    /// Refuses a throwing call written without `try`, as the Swift compiler does.
    func requireTry(isThrowing: Bool, isOperator: Bool = false) throws {
        guard let site = callSiteWithoutTry else { return }
        callSiteWithoutTry = nil
        guard isThrowing else { return }
        throw LocatedError(error: .typeMismatch(isOperator ? "operator can throw but expression is not marked with 'try'"
                                                           : "call can throw but is not marked with 'try'"), node: site)
    }
    /// Member lookups already resolved, by receiver type and name.
    var memberCache: [MemberKey: MemberResolution] = [:] {
        didSet { if memberCache.isEmpty { cacheGeneration += 1 } }
    }
    /// Increases whenever cached member lookups become stale (a type or an extension is installed).
    var cacheGeneration = 0

    init(host: CellHost?, standard: BindingTable, interruption: Interruption) {
        var table = standard
        if let host { table.merge(host.bindings) }
        bindings = table
        self.host = host
        self.interruption = interruption
    }

    /// Forgets everything cells defined.
    func reset() {
        globals = [:]
        globalOrder = []
        declaredTypes = [:]
        extensions = [:]
        extensionConformances = [:]
        memberCache = [:]
    }

    /// The global called `name`, if a cell declared one.
    func existingGlobal(_ name: String) -> GlobalVariable? { globals[name] }

    /// Forgets globals a failed cell declared but never assigned (its error came first).
    func removeUnassignedGlobals(declaredAfter count: Int) {
        let added = globalOrder.dropFirst(count)
        let unassigned = Set(added.filter { name in
            if case .void? = globals[name]?.value { return true }
            return false
        })
        guard !unassigned.isEmpty else { return }
        for name in unassigned { globals[name] = nil }
        globalOrder.removeAll { unassigned.contains($0) }
    }

    /// Adds a global of a cell that compiled.
    func registerGlobal(_ variable: GlobalVariable) {
        if globals[variable.name] == nil { globalOrder.append(variable.name) }
        globals[variable.name] = variable
    }

    /// Fails with a cancellation when the kernel asked to stop.
    @inline(__always)
    func checkInterruption() throws {
        if interruption.isRequested { throw CellLanguageError.interrupted }
    }

    /// Enters one more level of calls, or fails when recursion is too deep.
    @inline(__always)
    func enterCall() throws {
        if interruption.isRequested { throw CellLanguageError.interrupted }
        guard callDepth < maximumCallDepth else { throw CellLanguageError.callDepthExceeded(limit: maximumCallDepth) }
        callDepth += 1
    }

    /// Rethrows an error a callback could not throw itself.
    func rethrowPendingCallbackError() throws {
        if let error = pendingCallbackError {
            pendingCallbackError = nil
            throw error
        }
    }
}

/// A ``CellLanguageError`` with the syntax node it happened at (nil when it has no place in the source).
struct LocatedError: Error {
    /// What went wrong.
    let error: CellLanguageError
    /// Where.
    let node: Syntax?
}

/// An error thrown by a cell's `throw` or by a library call, which `do`/`catch` and `try?` can catch (a trap,
/// such as an index out of range, cannot be caught, as in Swift).
struct ThrownError: Error {
    /// The thrown value: a cell value, or a library error boxed.
    let value: Value
    /// Where it was thrown, for the message when nothing catches it.
    let node: Syntax?

    /// The message when no `catch` handled it: `ModelsError: items must be positive`.
    var message: String {
        switch value {
        case .opaque(let box): return "\(Value.swiftTypeName(type(of: box.value))): \(box.value)"
        case .object(let object): return "\(Value.swiftTypeName(type(of: object))): \(object)"
        default: return "\(value.typeName)"
        }
    }
}
