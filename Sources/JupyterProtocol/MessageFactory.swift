import Foundation

/// Makes headers for the messages a kernel sends: one session id, fresh message ids, UTC dates.
public struct MessageFactory: Sendable {
    /// The kernel's session id, written in every header it sends.
    public let session: String
    /// The user name written in every header.
    public let username: String

    /// Creates a factory with a new random session id.
    public init(session: String = UUID().uuidString.lowercased(), username: String = "kernel") {
        self.session = session
        self.username = username
    }

    /// A new header of the given type.
    public func header(type messageType: String) -> MessageHeader {
        MessageHeader(messageID: UUID().uuidString.lowercased(), session: session, username: username,
                      date: Self.timestamp(), messageType: messageType)
    }

    /// A reply to `request`: same identities, parent header = the request's header.
    public func reply(to request: Message, type messageType: String, content: JSONValue,
                      metadata: JSONValue = .emptyObject) -> Message {
        Message(identities: request.identities, header: header(type: messageType), parentHeader: request.header.json,
                metadata: metadata, content: content)
    }

    /// An IOPub message caused by `parent` (or by nothing when `parent` is nil), topic-prefixed by its type.
    public func broadcast(type messageType: String, content: JSONValue, parent: Message?,
                          metadata: JSONValue = .emptyObject) -> Message {
        Message(identities: [Array("kernel.\(session).\(messageType)".utf8)], header: header(type: messageType),
                parentHeader: parent?.header.json ?? .emptyObject, metadata: metadata, content: content)
    }

    /// The current UTC time as `YYYY-MM-DDTHH:MM:SS.ffffffZ`.
    public static func timestamp() -> String {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        var seconds = time_t(time.tv_sec)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(Int(parts.tm_year) + 1900, 4))-\(padded(Int(parts.tm_mon) + 1, 2))-\(padded(Int(parts.tm_mday), 2))"
            + "T\(padded(Int(parts.tm_hour), 2)):\(padded(Int(parts.tm_min), 2)):\(padded(Int(parts.tm_sec), 2))"
            + ".\(padded(Int(time.tv_nsec) / 1000, 6))Z"
    }
}
