import Foundation
@testable import JupyterProtocol

/// A tiny language for tests: `print X`, `error X`, `input X`, `show X`, `clear`, `interrupt-check`; anything else
/// evaluates to itself as text/plain. Lines ending in `{` are incomplete.
final class FakeInterpreter: Interpreter, @unchecked Sendable {
    private(set) var interruptCount = 0
    private(set) var executed: [ExecuteRequest] = []

    var kernelInfo: KernelInfo {
        KernelInfo(implementation: "fake", implementationVersion: "0.1", banner: "Fake",
                   languageInfo: ["name": "fake", "version": "1", "mimetype": "text/x-fake", "file_extension": ".fake"],
                   helpLinks: [(text: "Docs", url: "https://example.invalid")])
    }

    func execute(_ request: ExecuteRequest, output: OutputPublisher) -> ExecutionOutcome {
        executed.append(request)
        var lastValue: MimeBundle?
        for line in request.code.split(separator: "\n").map(String.init) {
            let (command, argument) = line.firstIndex(of: " ").map { (String(line[..<$0]), String(line[line.index(after: $0)...])) }
                ?? (line, "")
            lastValue = nil
            switch command {
            case "print": output.write(argument + "\n", to: .standardOutput)
            case "warn": output.write(argument + "\n", to: .standardError)
            case "error": return .failure(ExecutionFailure(name: "FakeError", value: argument, traceback: ["FakeError: \(argument)"]))
            case "show": output.display(.plainText(argument), displayID: "d1", isUpdate: false)
            case "update": output.display(.plainText(argument), displayID: "d1", isUpdate: true)
            case "clear": output.clearOutput(wait: true)
            case "page": return .success(result: nil, payloads: [["source": "page", "data": ["text/plain": .string(argument)], "start": 0]])
            case "input":
                do {
                    let value = try output.readInput(prompt: argument, isPassword: false)
                    lastValue = .plainText(value)
                } catch {
                    return .failure(ExecutionFailure(name: "InputError", value: "\(error)", traceback: []))
                }
            default: lastValue = .plainText(line)
            }
        }
        return .success(result: lastValue)
    }

    func complete(code: String, cursorPosition: Int) -> CompletionReply {
        let prefix = String(code.unicodeScalars.prefix(cursorPosition))
        let matches = ["print", "println", "warn"].filter { $0.hasPrefix(prefix) }
        return CompletionReply(matches: matches, cursorStart: 0, cursorEnd: cursorPosition,
                               metadata: ["_jupyter_types_experimental": .array(matches.map { ["text": .string($0), "type": "function"] })])
    }

    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> InspectionReply {
        code.hasPrefix("print") ? InspectionReply(found: true, bundle: .plainText("print(text)\(detailLevel > 0 ? " – writes a line" : "")"))
            : InspectionReply(found: false)
    }

    func isComplete(code: String) -> CompletenessReply {
        if code.hasSuffix("{") { return .incomplete(indent: "    ") }
        if code.hasPrefix("}") { return .invalid }
        return .complete
    }

    func interrupt() {
        interruptCount += 1
    }
}
