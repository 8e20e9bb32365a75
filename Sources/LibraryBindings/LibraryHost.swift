import Autograd
import CellRuntime
import Models
import Notebook
import Plots

/// The library side of a session: its generated bindings, rendering through `Notebook`, and the hooks a cell
/// run installs on its thread (displays, training progress and interrupts).
final class LibraryHost: CellHost {
    var bindings: BindingTable { LibraryBindings.table }

    func richOutput(of value: Any) -> RichOutput {
        RichOutput(data: NotebookRendering.mimeBundle(of: value), metadata: NotebookRendering.metadata(of: value))
    }

    func beginCell(_ context: CellHostContext) {
        Displays.sink = CellDisplaySink(context: context)
        TrainingObservers.current = TrainingProgressObserver(context: context)
    }

    func endCell() {
        Displays.sink = nil
        TrainingObservers.current = nil
    }

    func memoryShortfall(forBytes bytes: Int) -> String? {
        MemoryLimit.shortfall(forBytes: bytes)
    }

    /// A tensor shape a cell passes (a `shape: [Int]` parameter: `Tensor(zeros:)`, `generator.normal(_:)`) is
    /// checked against the memory available before the library allocates it, which it does without throwing.
    func checkArguments(of binding: FunctionBinding, arguments: [Value]) throws {
        for (parameter, argument) in zip(binding.parameters, arguments) where parameter.name == "shape" && parameter.type == .array(.int) {
            guard case .array(let elements) = argument else { continue }
            let shape = elements.compactMap { element -> Int? in
                if case .int(let size) = element { return size }
                return nil
            }
            let operation = binding.kind == .initializer ? "\(binding.returnType)(\(binding.selector.dropFirst("init(".count))" : binding.name
            try MemoryLimit.check(shape, operation: operation)
        }
    }

    /// Cells subclass `Module` only (an `Optimizer` is customised by overriding a method with `inout` buffers),
    /// and must implement the requirements of `UnaryLayer` and `TrainableModel` when they adopt them.
    func checkSubclass(of libraryClass: String, adopting protocols: [String], cellType: CellDeclaredType) throws {
        guard libraryClass == "Module" else {
            throw CellLanguageError.unsupported(
                "a cell class cannot inherit from '\(libraryClass)': cell classes can inherit from 'Module' and from cell classes")
        }
        let requirements = ["UnaryLayer": "callAsFunction", "TrainableModel": "trainingLoss"]
        for (adopted, method) in requirements.sorted(by: { $0.key < $1.key }) where protocols.contains(adopted) && !cellType.declaresMethod(method) {
            throw CellLanguageError.typeMismatch("type '\(cellType.name)' does not conform to protocol '\(adopted)': it declares no '\(method)'")
        }
    }

    /// A cell class inheriting from `Module` gets a `Module` subclass adopting the library protocols it declares
    /// (`UnaryLayer`, `TrainableModel`), whose requirements call the cell's methods.
    func makeInstance(of libraryClass: String, adopting protocols: [String], cellType: CellDeclaredType, fields: [Value],
                      callbacks: CellCallbacks, superArguments: [Argument]) throws -> CellInstance {
        switch (protocols.contains("UnaryLayer"), protocols.contains("TrainableModel")) {
        case (true, true): return CellTrainableUnaryLayer(cellType: cellType, fields: fields, callbacks: callbacks)
        case (true, false): return CellUnaryLayer(cellType: cellType, fields: fields, callbacks: callbacks)
        case (false, true): return CellTrainableModel(cellType: cellType, fields: fields, callbacks: callbacks)
        case (false, false): return CellModule(cellType: cellType, fields: fields, callbacks: callbacks)
        }
    }
}

/// Sends `display(_:)` and `clearOutput(wait:)` of library code to the running cell.
final class CellDisplaySink: DisplaySink {
    private unowned let context: CellHostContext

    init(context: CellHostContext) {
        self.context = context
    }

    func display(_ value: Any, id: String?, isUpdate: Bool) {
        context.display(value, id: id, isUpdate: isUpdate)
    }

    func clearOutput(wait: Bool) {
        context.clearOutput(wait: wait)
    }
}
