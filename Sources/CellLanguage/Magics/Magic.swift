import Foundation

/// A `%` command for the kernel itself: the first line of a cell starting with `%`.
enum Magic {
    /// `%help`: the magics and a short language summary.
    case help
    /// `%who`: the user's variables and their types.
    case who
    /// `%reset`: forget every user definition.
    case reset
    /// `%time CODE` (or IPython's cell form `%%time`): run the code and print the wall time.
    case time(String)
    /// Any other `%name`.
    case unknown(String)

    /// Recognises a magic cell, or nil for Swift code.
    init?(_ code: String) {
        let trimmed = code.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        guard trimmed.hasPrefix("%") else { return nil }
        var afterPercent = trimmed.dropFirst()
        if afterPercent.hasPrefix("%") { afterPercent = afterPercent.dropFirst() }
        let name = String(afterPercent.prefix { $0.isLetter })
        let rest = String(afterPercent.dropFirst(name.count))
        switch name {
        case "help": self = .help
        case "who": self = .who
        case "reset": self = .reset
        case "time": self = .time(rest)
        default: self = .unknown(name)
        }
    }

    /// The text `%help` prints.
    static let helpText = """
    Swift Experiments — cells are Swift, run by an interpreter.

    Magics:
      %help            this text
      %who             list your variables and their types
      %reset           forget every variable, function and struct you defined
      %time STATEMENT  run STATEMENT and print how long it took (%%time: the rest of the cell)

    Language: Swift — let/var, functions and closures, struct/class/enum/protocol/extension declarations,
    generics, inout, throws/do/catch, switch with patterns, optionals, tuples, the standard library's
    common types and members; the model library (Tensor, Linear, Sequential, MultiVAE, Figure, ...).
    Output: print(...), print(..., to: &standardError), display(value), clearOutput(wait:), readLine().
    The value of the last expression is shown as the cell's result. Press Tab to complete, Shift-Tab to inspect.
    """
}

extension CellSession {
    /// Runs a magic cell.
    func runMagic(_ magic: Magic, cellNumber: Int, output: CellOutput) -> CellResult {
        switch magic {
        case .help:
            output.write(Magic.helpText + "\n", to: .standardOutput)
            return .success(nil)
        case .who:
            let lines = interpreter.globalOrder.compactMap { name -> String? in
                guard let variable = interpreter.existingGlobal(name) else { return nil }
                return "\(name): \(variable.value.typeName)"
            } + interpreter.declaredTypes.keys.sorted().map { name in
                "\(name): \((interpreter.declaredTypes[name] as? CellNominalType)?.declarationKeyword ?? "struct")"
            }
            output.write(lines.isEmpty ? "No variables defined.\n" : lines.joined(separator: "\n") + "\n",
                         to: .standardOutput)
            return .success(nil)
        case .reset:
            reset()
            output.write("All user definitions were removed.\n", to: .standardOutput)
            return .success(nil)
        case .time(let code):
            let start = DispatchTime.now().uptimeNanoseconds
            let result = evaluate(code, cellNumber: cellNumber, output: output)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            output.write("Wall time: \(Magic.formatDuration(elapsed))\n", to: .standardOutput)
            return result
        case .unknown(let name):
            let message = "unknown magic '%\(name)'; %help lists the magics"
            return .failure(CellFailure(name: "CompilationError", message: message,
                                        traceback: ["error: cell \(cellNumber), line 1, column 1: \(message)"]))
        }
    }
}

extension Magic {
    /// A duration as `%time` prints it: `12.3 ms`, `1.25 s`, `850 µs`.
    static func formatDuration(_ seconds: Double) -> String {
        if seconds >= 1 { return String(format: "%.2f s", seconds) }
        if seconds >= 1e-3 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.0f µs", seconds * 1e6)
    }
}
