import Foundation
import Testing
@testable import JupyterProtocol

@Test func readsAConnectionFile() throws {
    let text = """
    {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
     "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "x"}
    """
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("connection-\(UUID().uuidString).json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let info = try ConnectionInfo(contentsOf: path)
    #expect(info.shellPort == 5001 && info.heartbeatPort == 5005 && info.key == "abc")
    #expect(info.endpoint(of: .iopub) == "tcp://127.0.0.1:5002")
    #expect(try info.makeSigner().isSigning)
}

@Test func ipcEndpointsFollowJupyterClientLayout() throws {
    let info = try ConnectionInfo(json: ["transport": "ipc", "ip": "/tmp/kernel-1", "shell_port": 1, "iopub_port": 2,
                                         "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": ""])
    #expect(info.endpoint(of: .control) == "ipc:///tmp/kernel-1-4")
    #expect(try !info.makeSigner().isSigning)
}

@Test func missingPortAndUnknownTransportAreReported() {
    #expect(throws: JupyterProtocolError.missingField(name: "hb_port", in: "connection file")) {
        try ConnectionInfo(json: ["shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4])
    }
    #expect(throws: JupyterProtocolError.unsupportedTransport("udp")) {
        try ConnectionInfo(json: ["transport": "udp"])
    }
    #expect(throws: JupyterProtocolError.self) { try ConnectionInfo(contentsOf: "/nonexistent/connection.json") }
}

@Test func timestampsAreISO8601WithMicroseconds() {
    let stamp = MessageFactory.timestamp()
    #expect(stamp.count == 27)
    #expect(stamp.hasSuffix("Z"))
    #expect(Array(stamp)[10] == "T")
}
