extension KernelCore {
    func kernelInfoReply(_ message: Message) -> JSONValue {
        interpreter.kernelInfo.replyContent
    }

    /// Reads `code` and `cursor_pos` (defaulting to the end of the code, in Unicode scalars).
    static func codeAndCursor(of message: Message) throws -> (String, Int) {
        guard let code = message.content["code"]?.stringValue else {
            throw JupyterProtocolError.missingField(name: "code", in: message.messageType)
        }
        let cursor = message.content["cursor_pos"]?.integerValue ?? code.unicodeScalars.count
        return (code, min(max(0, cursor), code.unicodeScalars.count))
    }

    func completeReply(_ message: Message) throws -> JSONValue {
        let (code, cursor) = try Self.codeAndCursor(of: message)
        let completion = interpreter.complete(code: code, cursorPosition: cursor)
        return [
            "status": "ok", "matches": .array(completion.matches.map { .string($0) }),
            "cursor_start": .integer(completion.cursorStart), "cursor_end": .integer(completion.cursorEnd),
            "metadata": .object(completion.metadata),
        ]
    }

    func inspectReply(_ message: Message) throws -> JSONValue {
        let (code, cursor) = try Self.codeAndCursor(of: message)
        let detailLevel = message.content["detail_level"]?.integerValue ?? 0
        let inspection = interpreter.inspect(code: code, cursorPosition: cursor, detailLevel: detailLevel)
        return [
            "status": "ok", "found": .bool(inspection.found),
            "data": .object(inspection.found ? inspection.bundle.data : [:]),
            "metadata": .object(inspection.found ? inspection.bundle.metadata : [:]),
        ]
    }

    func isCompleteReply(_ message: Message) throws -> JSONValue {
        guard let code = message.content["code"]?.stringValue else {
            throw JupyterProtocolError.missingField(name: "code", in: "is_complete_request")
        }
        switch interpreter.isComplete(code: code) {
        case .complete: return ["status": "complete"]
        case .incomplete(let indent): return ["status": "incomplete", "indent": .string(indent)]
        case .invalid: return ["status": "invalid"]
        case .unknown: return ["status": "unknown"]
        }
    }

    func historyReply(_ message: Message) -> JSONValue {
        let content = message.content
        let includeOutput = content["output"]?.boolValue ?? false
        let entries: [ExecutionHistory.Entry]
        switch content["hist_access_type"]?.stringValue ?? "tail" {
        case "range":
            entries = history.range(start: content["start"]?.integerValue ?? 0, stop: content["stop"]?.integerValue ?? 0)
        case "search":
            entries = history.search(pattern: content["pattern"]?.stringValue ?? "*", limit: content["n"]?.integerValue,
                                     unique: content["unique"]?.boolValue ?? false)
        default:
            entries = history.tail(content["n"]?.integerValue ?? 10)
        }
        let rows: [JSONValue] = entries.map { entry -> JSONValue in
            let cell: JSONValue
            if includeOutput {
                cell = .array([.string(entry.input), entry.output.map { JSONValue.string($0) } ?? .null])
            } else {
                cell = .string(entry.input)
            }
            return .array([.integer(ExecutionHistory.sessionNumber), .integer(entry.line), cell])
        }
        return ["status": "ok", "history": .array(rows)]
    }

    func commInfoReply(_ message: Message) -> JSONValue {
        ["status": "ok", "comms": .emptyObject]
    }

    /// No comm targets are registered, so every `comm_open` is answered with a `comm_close`.
    func commOpen(_ message: Message) -> JSONValue? {
        let commID = message.content["comm_id"]?.stringValue ?? ""
        publish("comm_close", content: ["comm_id": .string(commID), "data": .emptyObject], parent: message)
        return nil
    }

    func shutdownReply(_ message: Message) -> JSONValue {
        let restart = message.content["restart"]?.boolValue ?? false
        let content: JSONValue = ["status": "ok", "restart": .bool(restart)]
        publish("shutdown_reply", content: content, parent: message)
        interrupt()
        transport?.shutdown(restart: restart)
        return content
    }

    func interruptReply(_ message: Message) -> JSONValue {
        interrupt()
        return ["status": "ok"]
    }
}
