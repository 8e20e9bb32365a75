/// The library side of a session, given to the interpreter by the program that links both (the kernel, the
/// tests): the library's bindings, how its values render, and the hooks a running cell installs so that
/// `display(_:)`, training progress and interrupts reach the notebook.
public protocol CellHost: AnyObject {
    /// The library's bindings (generated from its declarations).
    var bindings: BindingTable { get }
    /// A library value's renderings by MIME type (text/plain always) and their metadata.
    func richOutput(of value: Any) -> RichOutput
    /// Installs the current thread's hooks for a cell run: displays and training progress go to `context`,
    /// training stops when it says so.
    func beginCell(_ context: CellHostContext)
    /// Removes the hooks of the current thread.
    func endCell()
    /// Why `bytes` cannot be allocated now ("it needs 40.0 GB of memory and 23.1 GB are available"), or nil.
    func memoryShortfall(forBytes bytes: Int) -> String?
    /// Refuses arguments the library would crash on rather than throw for (a tensor shape larger than memory),
    /// before `binding` runs.
    func checkArguments(of binding: FunctionBinding, arguments: [Value]) throws
    /// Refuses a cell class that inherits from the open library class `libraryClass` when cells cannot subclass
    /// it, or when it does not implement what the library protocols it adopts (`adopting`) require. Called when
    /// the class is declared.
    func checkSubclass(of libraryClass: String, adopting protocols: [String], cellType: CellDeclaredType) throws
    /// An object of a cell class that inherits from the open library class `libraryClass` (checked with
    /// ``checkSubclass(of:adopting:cellType:)``). `adopting` names the protocols the cell class declares.
    func makeInstance(of libraryClass: String, adopting protocols: [String], cellType: CellDeclaredType, fields: [Value],
                      callbacks: CellCallbacks, superArguments: [Argument]) throws -> CellInstance
}

/// What a running cell offers the library's hooks.
public protocol CellHostContext: AnyObject {
    /// Shows a value (a cell value or a library value) in the cell's output; with `id`, `isUpdate` replaces it.
    func display(_ value: Any, id: String?, isUpdate: Bool)
    /// Shows renderings already made (a progress bar's HTML) in the cell's output.
    func display(_ output: RichOutput, id: String?, isUpdate: Bool)
    /// Clears the cell's output.
    func clearOutput(wait: Bool)
    /// Whether the user interrupted the cell.
    var isInterrupted: Bool { get }
}
