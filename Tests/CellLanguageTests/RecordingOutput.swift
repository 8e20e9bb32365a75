@testable import CellLanguage
import LibraryBindings

/// A CellOutput that records everything a cell sends.
final class RecordingOutput: CellOutput {
    var standardOutput = ""
    var standardError = ""
    var displays: [RichOutput] = []
    var clears: [Bool] = []
    var inputs: [String]
    var prompts: [String] = []

    init(inputs: [String] = []) {
        self.inputs = inputs
    }

    func write(_ text: String, to stream: CellStream) {
        switch stream {
        case .standardOutput: standardOutput += text
        case .standardError: standardError += text
        }
    }

    func display(_ output: RichOutput, displayID: String?, isUpdate: Bool) {
        displays.append(output)
    }

    func clearOutput(wait: Bool) {
        clears.append(wait)
    }

    struct NoInput: Error {}

    func readLine(prompt: String, isPassword: Bool) throws -> String {
        prompts.append(prompt)
        guard !inputs.isEmpty else { throw NoInput() }
        return inputs.removeFirst()
    }
}

/// Runs cells in one session and gives the last cell's result text or failure.
struct CellRunner {
    let session = CellSession(host: LibraryBindings.makeHost())
    let output = RecordingOutput()
    var cellNumber = 0

    /// Runs a cell; returns its result.
    mutating func run(_ code: String) -> CellResult {
        cellNumber += 1
        return session.execute(code, cellNumber: cellNumber, output: output)
    }

    /// The text/plain of the value of a cell, "" for no value, or "<name>: <message>" for a failure.
    mutating func value(_ code: String) -> String {
        switch run(code) {
        case .success(let output): return output?.plainText ?? ""
        case .failure(let failure): return "\(failure.name): \(failure.message)"
        }
    }

    /// The failure of a cell, or nil when it succeeded.
    mutating func failure(_ code: String) -> CellFailure? {
        if case .failure(let failure) = run(code) { return failure }
        return nil
    }
}

/// The value text of one cell in a fresh session.
func evaluate(_ code: String) -> String {
    var runner = CellRunner()
    return runner.value(code)
}
