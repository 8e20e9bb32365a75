/// Everything that can go wrong in the protocol layer: parsing JSON, reading a connection file,
/// decoding or verifying a wire message.
public enum JupyterProtocolError: Error, Equatable, CustomStringConvertible {
    /// The JSON text is malformed at the given UTF-8 byte offset.
    case malformedJSON(offset: Int, reason: String)
    /// A required field is missing or has the wrong type.
    case missingField(name: String, in: String)
    /// The connection file names a signature scheme this kernel cannot compute.
    case unsupportedSignatureScheme(String)
    /// The connection file names a transport other than `tcp` or `ipc`.
    case unsupportedTransport(String)
    /// The connection file could not be read.
    case unreadableConnectionFile(path: String, reason: String)
    /// The frames have no `<IDS|MSG>` delimiter.
    case missingDelimiter(frameCount: Int)
    /// Fewer than the five frames (signature and four JSON parts) follow the delimiter.
    case truncatedMessage(framesAfterDelimiter: Int)
    /// The signature frame does not match the HMAC of the four JSON frames.
    case invalidSignature(String)
    /// The signature was already seen: the message is a replay.
    case replayedSignature(String)
    /// A JSON frame is not valid UTF-8.
    case invalidUTF8(frame: String)
    /// The operation needs the frontend's stdin, which the request did not allow.
    case stdinNotAllowed
    /// Waiting for an `input_reply` stopped, for example because the cell was interrupted.
    case inputCancelled(reason: String)
    /// A request that needs the interpreter (execute, complete, inspect, is_complete) arrived on control.
    case shellOnlyRequest(String)

    /// A one-line explanation that carries the offending names and values.
    public var description: String {
        switch self {
        case .malformedJSON(let offset, let reason): return "malformed JSON at byte \(offset): \(reason)"
        case .missingField(let name, let place): return "missing or mistyped field '\(name)' in \(place)"
        case .unsupportedSignatureScheme(let scheme): return "unsupported signature scheme '\(scheme)'"
        case .unsupportedTransport(let transport): return "unsupported transport '\(transport)' (expected tcp or ipc)"
        case .unreadableConnectionFile(let path, let reason): return "cannot read connection file \(path): \(reason)"
        case .missingDelimiter(let count): return "no <IDS|MSG> delimiter among \(count) frames"
        case .truncatedMessage(let count): return "expected at least 5 frames after <IDS|MSG>, got \(count)"
        case .invalidSignature(let signature): return "invalid signature '\(Self.printable(signature))'"
        case .replayedSignature(let signature): return "replayed signature '\(Self.printable(signature))'"
        case .invalidUTF8(let frame): return "the \(frame) frame is not valid UTF-8"
        case .stdinNotAllowed: return "stdin is not allowed by this frontend (allow_stdin is false)"
        case .inputCancelled(let reason): return "input request cancelled: \(reason)"
        case .shellOnlyRequest(let type):
            return "\(type) is answered on the shell channel only; control takes kernel_info, interrupt, shutdown, history and comm requests"
        }
    }

    /// At most 80 characters of `text`, with anything but printable ASCII shown as `?`.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.prefix(80).map { (0x20..<0x7F).contains($0.value) ? Character($0) : "?" })
    }
}
