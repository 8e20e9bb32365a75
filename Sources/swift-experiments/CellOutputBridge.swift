import CellLanguage
import JupyterProtocol

/// Forwards a cell's outputs (`CellOutput`) to the kernel core's `OutputPublisher`.
final class CellOutputBridge: CellOutput {
    let publisher: OutputPublisher

    init(publisher: OutputPublisher) {
        self.publisher = publisher
    }

    func write(_ text: String, to stream: CellStream) {
        publisher.write(text, to: stream == .standardError ? .standardError : .standardOutput)
    }

    func display(_ output: RichOutput, displayID: String?, isUpdate: Bool) {
        publisher.display(CellSessionInterpreter.bundle(from: output), displayID: displayID, isUpdate: isUpdate)
    }

    func clearOutput(wait: Bool) {
        publisher.clearOutput(wait: wait)
    }

    func readLine(prompt: String, isPassword: Bool) throws -> String {
        try publisher.readInput(prompt: prompt, isPassword: isPassword)
    }
}
