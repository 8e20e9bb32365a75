/// The whole Jupyter wire format in one place, encode beside decode:
///
///     [identities...] <IDS|MSG> signature header parent_header metadata content [buffers...]
///
/// The signature is the HMAC of the four JSON frames (see `MessageSigner`).
public struct WireCodec: Sendable {
    /// The delimiter frame between routing identities and the signed message.
    public static let delimiter: [UInt8] = Array("<IDS|MSG>".utf8)

    /// Signs and verifies frames.
    public let signer: MessageSigner

    /// Creates a codec that signs with `signer`.
    public init(signer: MessageSigner) {
        self.signer = signer
    }

    /// The frames of `message`, ready to send.
    public func encode(_ message: Message) -> [[UInt8]] {
        let parts = [message.header.json.serializedBytes, message.parentHeader.serializedBytes,
                     message.metadata.serializedBytes, message.content.serializedBytes]
        return message.identities + [Self.delimiter, signer.signature(of: parts)] + parts + message.buffers
    }

    /// The message carried by `frames`, after checking its signature.
    ///
    /// - Throws: `missingDelimiter`, `truncatedMessage`, `invalidSignature`, `replayedSignature`,
    ///   `invalidUTF8` or `malformedJSON` / `missingField` for a bad header.
    public func decode(_ frames: [[UInt8]]) throws -> Message {
        guard let delimiterIndex = frames.firstIndex(of: Self.delimiter) else {
            throw JupyterProtocolError.missingDelimiter(frameCount: frames.count)
        }
        let afterDelimiter = frames.count - delimiterIndex - 1
        guard afterDelimiter >= 5 else { throw JupyterProtocolError.truncatedMessage(framesAfterDelimiter: afterDelimiter) }
        let signature = frames[delimiterIndex + 1]
        let parts = Array(frames[(delimiterIndex + 2)..<(delimiterIndex + 6)])
        try signer.verify(signature: signature, of: parts)
        let names = ["header", "parent_header", "metadata", "content"]
        var values: [JSONValue] = []
        for (name, part) in zip(names, parts) {
            let value = try JSONValue(parsing: part)
            guard case .object = value else { throw JupyterProtocolError.missingField(name: name, in: "message (not an object)") }
            values.append(value)
        }
        return Message(identities: Array(frames[..<delimiterIndex]), header: try MessageHeader(json: values[0]),
                       parentHeader: values[1], metadata: values[2], content: values[3],
                       buffers: Array(frames[(delimiterIndex + 6)...]))
    }
}
