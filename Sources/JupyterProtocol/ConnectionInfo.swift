import Foundation

/// The sockets a kernel binds and the key it signs with, as written in a Jupyter connection file.
public struct ConnectionInfo: Equatable, Sendable {
    /// `tcp` or `ipc`.
    public var transport: String
    /// The IP address for tcp, or the path prefix for ipc.
    public var ip: String
    /// Port (or ipc suffix) of the shell ROUTER socket.
    public var shellPort: Int
    /// Port of the control ROUTER socket.
    public var controlPort: Int
    /// Port of the stdin ROUTER socket.
    public var stdinPort: Int
    /// Port of the IOPub XPUB socket.
    public var iopubPort: Int
    /// Port of the heartbeat echo socket.
    public var heartbeatPort: Int
    /// The HMAC key; empty means unsigned.
    public var key: String
    /// The HMAC scheme, such as `hmac-sha256`.
    public var signatureScheme: String

    /// The five channels a kernel serves.
    public enum Channel: String, CaseIterable, Sendable {
        /// Requests from the frontend.
        case shell
        /// Priority requests: interrupt, shutdown, kernel_info.
        case control
        /// input_request / input_reply.
        case stdin
        /// Broadcast outputs and status.
        case iopub
        /// Echo for liveness checks.
        case heartbeat
    }

    /// Creates connection information from its fields.
    public init(transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int, controlPort: Int, stdinPort: Int,
                iopubPort: Int, heartbeatPort: Int, key: String, signatureScheme: String = "hmac-sha256") {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.controlPort = controlPort
        self.stdinPort = stdinPort
        self.iopubPort = iopubPort
        self.heartbeatPort = heartbeatPort
        self.key = key
        self.signatureScheme = signatureScheme
    }

    /// Reads a connection file's JSON.
    ///
    /// - Throws: `missingField` for an absent port, `unsupportedTransport` for anything but tcp/ipc.
    public init(json: JSONValue) throws {
        func port(_ name: String) throws -> Int {
            guard let value = json[name]?.integerValue else { throw JupyterProtocolError.missingField(name: name, in: "connection file") }
            return value
        }
        let transport = json["transport"]?.stringValue ?? "tcp"
        guard transport == "tcp" || transport == "ipc" else { throw JupyterProtocolError.unsupportedTransport(transport) }
        self.init(transport: transport, ip: json["ip"]?.stringValue ?? "127.0.0.1",
                  shellPort: try port("shell_port"), controlPort: try port("control_port"),
                  stdinPort: try port("stdin_port"), iopubPort: try port("iopub_port"),
                  heartbeatPort: try port("hb_port"), key: json["key"]?.stringValue ?? "",
                  signatureScheme: json["signature_scheme"]?.stringValue ?? "hmac-sha256")
    }

    /// Reads the connection file at `path`.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw JupyterProtocolError.unreadableConnectionFile(path: path, reason: error.localizedDescription)
        }
        try self.init(json: JSONValue(parsing: data))
    }

    /// The port (or ipc suffix) of `channel`.
    public func port(of channel: Channel) -> Int {
        switch channel {
        case .shell: return shellPort
        case .control: return controlPort
        case .stdin: return stdinPort
        case .iopub: return iopubPort
        case .heartbeat: return heartbeatPort
        }
    }

    /// The ZeroMQ endpoint to bind for `channel`: `tcp://IP:PORT` or `ipc://PATH-PORT` (jupyter_client's layout).
    public func endpoint(of channel: Channel) -> String {
        transport == "ipc" ? "ipc://\(ip)-\(port(of: channel))" : "tcp://\(ip):\(port(of: channel))"
    }

    /// A signer for this connection's scheme and key.
    public func makeSigner() throws -> MessageSigner {
        try MessageSigner(scheme: signatureScheme, key: Array(key.utf8))
    }
}
