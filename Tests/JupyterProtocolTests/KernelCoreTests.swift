import Testing
@testable import JupyterProtocol

@Test func everyRequestIsWrappedInBusyAndIdle() {
    let harness = CoreHarness()
    let replies = harness.send("kernel_info_request")
    #expect(replies.map(\.messageType) == ["kernel_info_reply"])
    #expect(harness.transport.publishedTypes == ["status", "status"])
    #expect(harness.transport.published.map { $0.content["execution_state"] } == ["busy", "idle"])
    #expect(harness.transport.published.allSatisfy { $0.parentMessageID != nil })
}

@Test func kernelInfoCarriesProtocolVersionAndLanguage() {
    let reply = CoreHarness().send("kernel_info_request", on: .control)[0]
    #expect(reply.content["protocol_version"] == .string(jupyterProtocolVersion))
    #expect(reply.content["language_info"]?["name"] == "fake")
    #expect(reply.header.version == jupyterProtocolVersion)
    #expect(reply.identities == [Array("client".utf8)])
}

@Test func startingIsPublishedOnce() {
    let harness = CoreHarness()
    harness.core.publishStarting()
    harness.core.publishStarting()
    #expect(harness.transport.publishedTypes == ["status"])
    #expect(harness.transport.published[0].content["execution_state"] == "starting")
}

@Test func executePublishesInputStreamsResultInOrder() {
    let harness = CoreHarness()
    let reply = harness.send("execute_request", ["code": "print hello\nwarn oops\n42"])[0]
    #expect(reply.content["status"] == "ok")
    #expect(reply.content["execution_count"] == 1)
    #expect(harness.transport.publishedTypes == ["status", "execute_input", "stream", "stream", "execute_result", "status"])
    let streams = harness.transport.published.filter { $0.messageType == "stream" }
    #expect(streams.map { $0.content["name"] } == ["stdout", "stderr"])
    #expect(harness.transport.published[4].content["data"]?["text/plain"] == "42")
    #expect(harness.transport.published[4].content["execution_count"] == 1)
}

@Test func executionCountAdvancesOnlyWhenStoringHistory() {
    let harness = CoreHarness()
    _ = harness.send("execute_request", ["code": "1"])
    let silent = harness.send("execute_request", ["code": "2", "silent": true])[0]
    let unstored = harness.send("execute_request", ["code": "3", "store_history": false])[0]
    let next = harness.send("execute_request", ["code": "4"])[0]
    #expect(silent.content["execution_count"] == 1)
    #expect(unstored.content["execution_count"] == 1)
    #expect(next.content["execution_count"] == 2)
}

@Test func silentExecutionPublishesNoInputNorResult() {
    let harness = CoreHarness()
    _ = harness.send("execute_request", ["code": "7", "silent": true])
    #expect(harness.transport.publishedTypes == ["status", "status"])
}

@Test func failureRepliesWithErrorAndPublishesError() {
    let harness = CoreHarness()
    let reply = harness.send("execute_request", ["code": "error boom"])[0]
    #expect(reply.content["status"] == "error")
    #expect(reply.content["ename"] == "FakeError")
    #expect(reply.content["evalue"] == "boom")
    #expect(harness.transport.publishedTypes == ["status", "execute_input", "error", "status"])
}

@Test func displayUpdateAndClearCarryTransientDisplayID() {
    let harness = CoreHarness()
    _ = harness.send("execute_request", ["code": "show a\nupdate b\nclear"])
    let types = harness.transport.publishedTypes
    #expect(types == ["status", "execute_input", "display_data", "update_display_data", "clear_output", "status"])
    #expect(harness.transport.published[3].content["transient"]?["display_id"] == "d1")
    #expect(harness.transport.published[4].content["wait"] == true)
}

@Test func pagePayloadReachesTheReply() {
    let reply = CoreHarness().send("execute_request", ["code": "page docs"])[0]
    #expect(reply.content["payload"]?.arrayValue?.first?["source"] == "page")
}

@Test func stdinRoundTripWhenAllowed() {
    let harness = CoreHarness()
    harness.transport.scriptedInputs = ["Ada"]
    _ = harness.send("execute_request", ["code": "input name?", "allow_stdin": true])
    #expect(harness.transport.inputRequests.first?.content["prompt"] == "name?")
    #expect(harness.transport.inputRequests.first?.identities == [Array("client".utf8)])
    let result = harness.transport.published.first { $0.messageType == "execute_result" }
    #expect(result?.content["data"]?["text/plain"] == "Ada")
}

@Test func stdinIsRefusedWhenNotAllowed() {
    let harness = CoreHarness()
    let reply = harness.send("execute_request", ["code": "input name?", "allow_stdin": false])[0]
    #expect(reply.content["status"] == "error")
    #expect(reply.content["evalue"]?.stringValue?.contains("allow_stdin") == true)
    #expect(harness.transport.inputRequests.isEmpty)
}

@Test func completeInspectAndIsComplete() {
    let harness = CoreHarness()
    let completion = harness.send("complete_request", ["code": "pri", "cursor_pos": 3])[0]
    #expect(completion.content["matches"] == ["print", "println"])
    #expect(completion.content["cursor_start"] == 0 && completion.content["cursor_end"] == 3)
    #expect(completion.content["metadata"]?["_jupyter_types_experimental"]?.arrayValue?.count == 2)
    let found = harness.send("inspect_request", ["code": "print", "cursor_pos": 2, "detail_level": 1])[0]
    #expect(found.content["found"] == true)
    #expect(found.content["data"]?["text/plain"] == "print(text) – writes a line")
    #expect(harness.send("inspect_request", ["code": "zzz", "cursor_pos": 1])[0].content["found"] == false)
    #expect(harness.send("is_complete_request", ["code": "if x {"])[0].content == ["status": "incomplete", "indent": "    "])
    #expect(harness.send("is_complete_request", ["code": "}"])[0].content["status"] == "invalid")
    #expect(harness.send("is_complete_request", ["code": "1"])[0].content["status"] == "complete")
}

@Test func missingCodeRepliesWithErrorInsteadOfCrashing() {
    let reply = CoreHarness().send("complete_request", ["cursor_pos": 3])[0]
    #expect(reply.messageType == "complete_reply")
    #expect(reply.content["status"] == "error")
}

@Test func historyTailRangeAndSearch() {
    let harness = CoreHarness()
    for code in ["1", "2", "1"] { _ = harness.send("execute_request", ["code": .string(code)]) }
    let tail = harness.send("history_request", ["hist_access_type": "tail", "n": 2, "output": true, "raw": true])[0]
    #expect(tail.content["history"] == [[1, 2, ["2", "2"]], [1, 3, ["1", "1"]]])
    let range = harness.send("history_request", ["hist_access_type": "range", "session": 1, "start": 1, "stop": 2,
                                                 "output": false, "raw": true])[0]
    #expect(range.content["history"] == [[1, 1, "1"]])
    let search = harness.send("history_request", ["hist_access_type": "search", "pattern": "1", "unique": true,
                                                  "output": false, "raw": true])[0]
    #expect(search.content["history"] == [[1, 3, "1"]])
}

@Test func commInfoIsEmptyAndCommOpenIsClosed() {
    let harness = CoreHarness()
    #expect(harness.send("comm_info_request")[0].content == ["status": "ok", "comms": .emptyObject])
    let replies = harness.send("comm_open", ["comm_id": "c1", "target_name": "jupyter.widget", "data": .emptyObject])
    #expect(replies.isEmpty)
    let close = harness.transport.published.first { $0.messageType == "comm_close" }
    #expect(close?.content["comm_id"] == "c1")
}

@Test func shutdownHonoursRestartAndStopsTheTransport() {
    let harness = CoreHarness()
    let reply = harness.send("shutdown_request", ["restart": true], on: .control)[0]
    #expect(reply.content == ["status": "ok", "restart": true])
    #expect(harness.transport.shutdownRestart == true)
    #expect(harness.transport.publishedTypes.contains("shutdown_reply"))
}

@Test func interruptRequestReachesTheInterpreter() {
    let harness = CoreHarness()
    let reply = harness.send("interrupt_request", on: .control)[0]
    #expect(reply.content == ["status": "ok"])
    #expect(harness.interpreter.interruptCount == 1)
}

@Test func unknownMessageTypesGetNoReplyButStillBusyIdle() {
    let harness = CoreHarness()
    #expect(harness.send("frobnicate_request").isEmpty)
    #expect(harness.transport.publishedTypes == ["status", "status"])
}

@Test func replyTypeNames() {
    #expect(KernelCore.replyType(for: "execute_request") == "execute_reply")
    #expect(KernelCore.replyType(for: "odd") == "odd_reply")
}

@Test func requestsQueuedBehindAFailedCellAreAbortedUntilTheQueueDrains() {
    let harness = CoreHarness()
    _ = harness.send("execute_request", ["code": "error boom", "stop_on_error": true])
    let aborted = harness.send("execute_request", ["code": "print never"])[0]
    #expect(aborted.content["status"] == "aborted")
    #expect(harness.interpreter.executed.count == 1)
    harness.core.shellQueueDrained()
    #expect(harness.send("execute_request", ["code": "1"])[0].content["status"] == "ok")
}

@Test func failureWithoutStopOnErrorAbortsNothing() {
    let harness = CoreHarness()
    _ = harness.send("execute_request", ["code": "error boom", "stop_on_error": false])
    #expect(harness.send("execute_request", ["code": "1"])[0].content["status"] == "ok")
}

@Test func requestsThatNeedTheInterpreterAreRefusedOnControl() {
    let harness = CoreHarness()
    for type in ["execute_request", "complete_request", "inspect_request", "is_complete_request"] {
        let reply = harness.send(type, ["code": "print hello", "cursor_pos": 3], on: .control)[0]
        #expect(reply.messageType == KernelCore.replyType(for: type))
        #expect(reply.content["status"] == "error")
        #expect(reply.content["evalue"]?.stringValue?.hasPrefix("\(type) is answered on the shell channel only") == true)
    }
    #expect(harness.interpreter.executed.isEmpty)
    #expect(harness.transport.publishedTypes.allSatisfy { $0 == "status" })
    #expect(harness.send("history_request", ["hist_access_type": "tail", "n": 1], on: .control)[0].content["status"] == "ok")
}
