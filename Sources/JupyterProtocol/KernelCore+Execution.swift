extension KernelCore {
    /// Runs an `execute_request`: execute_input, the cell's outputs, execute_result or error, then the reply content.
    func executeReply(_ message: Message) -> JSONValue {
        let content = message.content
        let code = content["code"]?.stringValue ?? ""
        let silent = content["silent"]?.boolValue ?? false
        let storeHistory = silent ? false : (content["store_history"]?.boolValue ?? true)
        let allowStdin = content["allow_stdin"]?.boolValue ?? false

        state.lock()
        if storeHistory { executionCount += 1 }
        let cellNumber = executionCount
        state.unlock()

        if !silent {
            publish("execute_input", content: ["code": .string(code), "execution_count": .integer(cellNumber)], parent: message)
        }
        inputCancellation.clear()
        let output = CellOutputChannel(core: self, request: message, allowStdin: allowStdin)
        let request = ExecuteRequest(code: code, executionCount: cellNumber, silent: silent,
                                     storeHistory: storeHistory, allowStdin: allowStdin)
        let outcome = interpreter.execute(request, output: output)

        switch outcome {
        case .success(let result, let payloads):
            if let result, !silent {
                publish("execute_result", content: [
                    "execution_count": .integer(cellNumber), "data": .object(result.data), "metadata": .object(result.metadata),
                ], parent: message)
            }
            if storeHistory {
                history.record(line: cellNumber, input: code, output: result?.data["text/plain"]?.stringValue)
            }
            return [
                "status": "ok", "execution_count": .integer(cellNumber), "payload": .array(payloads),
                "user_expressions": .emptyObject,
            ]
        case .failure(let failure):
            if content["stop_on_error"]?.boolValue ?? true {
                state.lock()
                isAbortingQueuedExecutions = true
                state.unlock()
            }
            if storeHistory { history.record(line: cellNumber, input: code, output: nil) }
            let errorContent: JSONValue = [
                "ename": .string(failure.name), "evalue": .string(failure.value),
                "traceback": .array(failure.traceback.map { .string($0) }),
            ]
            publish("error", content: errorContent, parent: message)
            var reply = errorContent
            reply["status"] = "error"
            reply["execution_count"] = .integer(cellNumber)
            return reply
        }
    }
}

extension KernelCore {
    /// The reply to an execute request queued behind a failed cell: not run, status `aborted`.
    func abortedReply(_ message: Message) -> JSONValue {
        state.lock()
        let count = executionCount
        state.unlock()
        return ["status": "aborted", "execution_count": .integer(count)]
    }
}

/// Turns a running cell's outputs into IOPub messages parented to its `execute_request`, and its input requests
/// into stdin round trips.
final class CellOutputChannel: OutputPublisher {
    unowned let core: KernelCore
    let request: Message
    let allowStdin: Bool

    init(core: KernelCore, request: Message, allowStdin: Bool) {
        self.core = core
        self.request = request
        self.allowStdin = allowStdin
    }

    func write(_ text: String, to stream: StreamName) {
        guard !text.isEmpty else { return }
        core.publish("stream", content: ["name": .string(stream.rawValue), "text": .string(text)], parent: request)
    }

    func display(_ bundle: MimeBundle, displayID: String?, isUpdate: Bool) {
        var content: JSONValue = ["data": .object(bundle.data), "metadata": .object(bundle.metadata)]
        content["transient"] = displayID.map { JSONValue.object(["display_id": .string($0)]) } ?? .emptyObject
        core.publish(isUpdate ? "update_display_data" : "display_data", content: content, parent: request)
    }

    func clearOutput(wait: Bool) {
        core.publish("clear_output", content: ["wait": .bool(wait)], parent: request)
    }

    func readInput(prompt: String, isPassword: Bool) throws -> String {
        guard allowStdin, let transport = core.transport else { throw JupyterProtocolError.stdinNotAllowed }
        let inputRequest = Message(identities: request.identities, header: core.factory.header(type: "input_request"),
                                   parentHeader: request.header.json,
                                   content: ["prompt": .string(prompt), "password": .bool(isPassword)])
        let cancellation = core.inputCancellation
        let reply = try transport.requestInput(inputRequest) { cancellation.isRaised }
        guard let value = reply.content["value"]?.stringValue else {
            throw JupyterProtocolError.missingField(name: "value", in: "input_reply")
        }
        return value
    }
}
