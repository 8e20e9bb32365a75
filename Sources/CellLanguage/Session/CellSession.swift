@_exported import CellRuntime
import Foundation
import SwiftSyntax

/// The state that lives across cells of one kernel session.
///
/// Each cell runs on its own thread with a large stack (``evaluationStackSize``), so deep but bounded
/// recursion in a cell cannot overflow the caller's stack; `execute` blocks until the cell ends.
public final class CellSession {
    /// The stack size of the thread that evaluates cells.
    public static let evaluationStackSize = 512 * 1024 * 1024

    /// The flag that stops the running cell; the kernel raises it on interrupt.
    public let interruption: Interruption
    let interpreter: Interpreter
    /// The diagnostic formatter of every cell that parsed, by its tree, for errors in code of earlier cells.
    var formatters: [SyntaxIdentifier: DiagnosticFormatter] = [:]
    /// Completion items of the library's and the standard library's names, made on first use.
    lazy var libraryItems: [CompletionItem] = CellSession.libraryItems(of: interpreter.bindings)

    /// Creates a session with no user definitions; `host` is the library side (its bindings, rendering and
    /// hooks), nil for the standard library alone.
    public init(host: CellHost?) {
        interruption = Interruption()
        interpreter = Interpreter(host: host, standard: StandardLibrary.table, interruption: interruption)
    }

    /// Runs one cell. Never crashes: runtime faults and interrupts become `.failure`. Variables defined by
    /// earlier cells always survive a failed or interrupted cell. Clears `interruption` when it starts.
    /// Call it (and the other methods) from one thread at a time; `output` is called from the cell's thread.
    public func execute(_ code: String, cellNumber: Int, output: CellOutput) -> CellResult {
        interruption.clear()
        let box = ResultBox()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            box.result = run(code, cellNumber: cellNumber, output: output)
            finished.signal()
        }
        thread.stackSize = CellSession.evaluationStackSize
        thread.start()
        finished.wait()
        return box.result
    }

    /// Carries a cell's result from the evaluation thread back to the caller (the semaphore orders the accesses).
    private final class ResultBox: @unchecked Sendable {
        var result = CellResult.success(nil)
    }

    /// Runs a cell on the current thread: magics, then parsing, then compiling, then running.
    func run(_ code: String, cellNumber: Int, output: CellOutput) -> CellResult {
        if let magic = Magic(code) {
            return runMagic(magic, cellNumber: cellNumber, output: output)
        }
        return evaluate(code, cellNumber: cellNumber, output: output)
    }

    /// Parses, compiles and runs Swift code, turning every error into a failure.
    func evaluate(_ code: String, cellNumber: Int, output: CellOutput) -> CellResult {
        let (tree, firstError) = CellParser.parse(code)
        let formatter = DiagnosticFormatter(cellNumber: cellNumber, tree: tree, source: code)
        formatters[tree.id] = formatter
        if let firstError {
            return .failure(formatter.failure(.syntax(firstError.message), at: firstError.position))
        }
        interpreter.output = output
        interpreter.callDepth = 0
        interpreter.cellNumber = cellNumber
        interpreter.pendingCallbackError = nil
        let context = CellRunContext(interpreter: interpreter, output: output)
        interpreter.host?.beginCell(context)
        let globalCount = interpreter.globalOrder.count
        defer {
            interpreter.host?.endCell()
            interpreter.output = nil
        }
        let result = run(tree, formatter: formatter, cellNumber: cellNumber)
        if case .failure = result { interpreter.removeUnassignedGlobals(declaredAfter: globalCount) }
        return result
    }

    /// Compiles and runs a parsed cell.
    private func run(_ tree: SourceFileSyntax, formatter: DiagnosticFormatter, cellNumber: Int) -> CellResult {
        do {
            let compiled = try Compiler(interpreter: interpreter, cellNumber: cellNumber, tree: tree).compileCell(tree)
            compiled.install()
            let frame = Frame.make(slotCount: compiled.slotCount, boxCount: compiled.boxCount, captures: [])
            for item in compiled.items {
                try interpreter.checkInterruption()
                _ = try item(frame)
            }
            guard let result = compiled.result else { return .success(nil) }
            let value = try result(frame)
            if case .void = value { return .success(nil) }
            return .success(interpreter.richOutput(of: value))
        } catch let error as LocatedError {
            // An error inside a function declared by an earlier cell points into that cell.
            let owner = error.node.flatMap { formatters[$0.root.id] } ?? formatter
            return .failure(owner.failure(error))
        } catch let error as CellLanguageError {
            return .failure(formatter.failure(error, at: nil))
        } catch let error as ThrownError {
            let position = error.node?.positionAfterSkippingLeadingTrivia
            let owner = error.node.flatMap { formatters[$0.root.id] } ?? formatter
            var message = error.message
            if case .opaque = error.value {} else if case .object = error.value {} else {
                message = "\(error.value.typeName): " + interpreter.debugDescription(of: error.value)
            }
            return .failure(owner.failure(.runtimeFault(message), at: position))
        } catch is OptionalChainNil {
            return .success(RichOutput(plainText: "nil"))
        } catch {
            return .failure(CellFailure(name: "RuntimeError", message: "\(error)", traceback: ["error: cell \(cellNumber): \(error)"]))
        }
    }

    /// Forgets every variable, function and type the user defined.
    public func reset() {
        interpreter.reset()
        formatters = [:]
    }

    /// The language version for kernel_info, e.g. "6.3".
    public static var languageVersion: String {
        #if compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #else
        return "6.1"
        #endif
    }
}

/// What the library's hooks see of a running cell: its output and its interrupt flag.
final class CellRunContext: CellHostContext {
    private unowned let interpreter: Interpreter
    private weak var output: CellOutput?

    init(interpreter: Interpreter, output: CellOutput) {
        self.interpreter = interpreter
        self.output = output
    }

    func display(_ value: Any, id: String?, isUpdate: Bool) {
        let rendered: RichOutput
        if let cellValue = value as? Value {
            rendered = interpreter.richOutput(of: cellValue)
        } else {
            rendered = interpreter.host?.richOutput(of: value) ?? RichOutput(plainText: String(describing: value))
        }
        output?.display(rendered, displayID: id, isUpdate: isUpdate)
    }

    func display(_ output: RichOutput, id: String?, isUpdate: Bool) {
        self.output?.display(output, displayID: id, isUpdate: isUpdate)
    }

    func clearOutput(wait: Bool) {
        output?.clearOutput(wait: wait)
    }

    var isInterrupted: Bool { interpreter.interruption.isRequested }
}
