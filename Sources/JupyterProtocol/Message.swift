/// The protocol version this kernel speaks, written in every header.
public let jupyterProtocolVersion = "5.4"

/// A message header: who sent what, when.
public struct MessageHeader: Equatable, Sendable {
    /// A unique id for this message.
    public var messageID: String
    /// The sender's session id.
    public var session: String
    /// The sender's user name.
    public var username: String
    /// ISO 8601 time of creation.
    public var date: String
    /// The message type, such as `execute_request`.
    public var messageType: String
    /// The protocol version, such as `5.4`.
    public var version: String

    /// Creates a header from its fields.
    public init(messageID: String, session: String, username: String, date: String, messageType: String,
                version: String = jupyterProtocolVersion) {
        self.messageID = messageID
        self.session = session
        self.username = username
        self.date = date
        self.messageType = messageType
        self.version = version
    }

    /// Reads a header object; `msg_id` and `msg_type` are required, the rest default to "".
    public init(json: JSONValue) throws {
        guard let messageID = json["msg_id"]?.stringValue else { throw JupyterProtocolError.missingField(name: "msg_id", in: "header") }
        guard let messageType = json["msg_type"]?.stringValue else { throw JupyterProtocolError.missingField(name: "msg_type", in: "header") }
        self.init(messageID: messageID, session: json["session"]?.stringValue ?? "",
                  username: json["username"]?.stringValue ?? "", date: json["date"]?.stringValue ?? "",
                  messageType: messageType, version: json["version"]?.stringValue ?? jupyterProtocolVersion)
    }

    /// The header as a JSON object.
    public var json: JSONValue {
        .object([
            "msg_id": .string(messageID), "session": .string(session), "username": .string(username),
            "date": .string(date), "msg_type": .string(messageType), "version": .string(version),
        ])
    }
}

/// One Jupyter message with the routing identities it arrived with or is sent to.
public struct Message: Equatable, Sendable {
    /// ZeroMQ routing prefix (ROUTER identities, or the IOPub topic).
    public var identities: [[UInt8]]
    /// This message's header.
    public var header: MessageHeader
    /// The header of the request this message answers, or an empty object.
    public var parentHeader: JSONValue
    /// Free-form metadata.
    public var metadata: JSONValue
    /// The type-specific content.
    public var content: JSONValue
    /// Binary buffers that follow the four JSON frames.
    public var buffers: [[UInt8]]

    /// Creates a message from its parts.
    public init(identities: [[UInt8]] = [], header: MessageHeader, parentHeader: JSONValue = .emptyObject,
                metadata: JSONValue = .emptyObject, content: JSONValue = .emptyObject, buffers: [[UInt8]] = []) {
        self.identities = identities
        self.header = header
        self.parentHeader = parentHeader
        self.metadata = metadata
        self.content = content
        self.buffers = buffers
    }

    /// Shorthand for `header.messageType`.
    public var messageType: String { header.messageType }

    /// The `msg_id` of the parent, when there is one.
    public var parentMessageID: String? { parentHeader["msg_id"]?.stringValue }
}
