import CellLanguage
import LibraryBindings
import Foundation
import JupyterProtocol

/// Adapts the cell language's `CellSession` to the kernel's `Interpreter` protocol: the one place that knows both.
///
/// The session (and its binding tables) is built on first use or by `warmUp()`, so the kernel answers
/// `kernel_info_request` before the language is loaded.
final class CellSessionInterpreter: Interpreter, @unchecked Sendable {
    let version: String
    private let sessionLock = NSLock()
    private var storedSession: CellSession?

    init(version: String) {
        self.version = version
    }

    /// The session, created on first access.
    var session: CellSession {
        sessionLock.lock()
        defer { sessionLock.unlock() }
        if let storedSession { return storedSession }
        let created = CellSession(host: LibraryBindings.makeHost())
        storedSession = created
        return created
    }

    /// Builds the session in the background so the first cell does not wait for it.
    func warmUp() {
        Thread { [self] in _ = session }.start()
    }

    var kernelInfo: KernelInfo {
        KernelInfo(
            implementation: "swift-experiments",
            implementationVersion: version,
            banner: "Swift Experiments \(version): cells are Swift (\(CellSession.languageVersion)). Type %help for the kernel's magics.",
            languageInfo: [
                "name": "swift", "version": .string(CellSession.languageVersion), "mimetype": "text/x-swift",
                "file_extension": ".swift", "pygments_lexer": "swift", "codemirror_mode": "swift",
            ],
            helpLinks: [(text: "Swift language guide", url: "https://docs.swift.org/swift-book/")]
        )
    }

    func execute(_ request: ExecuteRequest, output: OutputPublisher) -> ExecutionOutcome {
        if let page = helpPage(for: request.code) { return .success(result: nil, payloads: [page]) }
        let bridge = CellOutputBridge(publisher: output)
        switch session.execute(request.code, cellNumber: request.executionCount, output: bridge) {
        case .success(let value):
            return .success(result: value.map(Self.bundle(from:)))
        case .failure(let failure):
            return .failure(ExecutionFailure(name: failure.name, value: failure.message, traceback: failure.traceback))
        }
    }

    /// `name?` (IPython's help syntax) shows the inspection of `name` in the pager.
    func helpPage(for code: String) -> JSONValue? {
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasSuffix("?"), !trimmed.contains("\n") else { return nil }
        let detailLevel = trimmed.hasSuffix("??") ? 1 : 0
        let name = String(trimmed.drop(while: { $0 == "?" }).reversed().drop(while: { $0 == "?" }).reversed())
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) else { return nil }
        let found = session.inspection(in: name, cursor: name.unicodeScalars.count, detailLevel: detailLevel)
        let bundle = found.map(Self.bundle(from:)) ?? .plainText("no documentation found for '\(name)'")
        return ["source": "page", "data": .object(bundle.data), "start": 0]
    }

    func complete(code: String, cursorPosition: Int) -> CompletionReply {
        let result = session.completions(in: code, cursor: cursorPosition)
        let types: [JSONValue] = result.items.map { item in
            var entry: JSONValue = [
                "start": .integer(result.cursorStart), "end": .integer(result.cursorEnd),
                "text": .string(item.text), "type": .string(item.type),
            ]
            if let signature = item.signature { entry["signature"] = .string(signature) }
            return entry
        }
        return CompletionReply(matches: result.items.map(\.text), cursorStart: result.cursorStart, cursorEnd: result.cursorEnd,
                               metadata: ["_jupyter_types_experimental": .array(types)])
    }

    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> InspectionReply {
        guard let output = session.inspection(in: code, cursor: cursorPosition, detailLevel: detailLevel) else {
            return InspectionReply(found: false)
        }
        return InspectionReply(found: true, bundle: Self.bundle(from: output))
    }

    func isComplete(code: String) -> CompletenessReply {
        switch session.completeness(of: code) {
        case .complete: return .complete
        case .incomplete(let indent): return .incomplete(indent: indent)
        case .invalid: return .invalid
        }
    }

    func interrupt() {
        session.interruption.request()
    }


    static func bundle(from output: RichOutput) -> MimeBundle {
        MimeBundle(
            data: output.data.mapValues { .string($0) },
            metadata: output.metadata.mapValues { .object($0.mapValues { .integer($0) }) }
        )
    }
}
