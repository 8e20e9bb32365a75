/// A callable value. The engine defines what calling each kind means; the runtime only carries it.
open class FunctionValue {
    /// The function type as diagnostics print it, e.g. `(Double) -> Double`.
    open var typeDescription: String { "() -> ()" }

    public init() {}
}

/// How library code calls back into the interpreter: closures a cell passes to a library function
/// (`valueAndGradient(of: model) { model in ... }`, `Lambda { $0.relu() }`), and methods a cell class
/// overrides in a library class.
public protocol CellCallbacks: AnyObject {
    /// Calls a cell function value with arguments.
    func call(_ function: Value, arguments: [Value]) throws -> Value
    /// Calls the method `name` of a cell object, or returns nil when its class does not declare one.
    func callMethod(_ name: String, of instance: CellInstance, arguments: [Argument]) throws -> Value?
    /// Keeps an error thrown inside a callback that could not throw it (a non-throwing closure parameter):
    /// the engine rethrows it when the library call returns.
    func record(_ error: Error)
}
