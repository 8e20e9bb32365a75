import Testing
@testable import JupyterProtocol

func sampleMessage() -> Message {
    let factory = MessageFactory(session: "session-1")
    var message = Message(identities: [Array("client".utf8)], header: factory.header(type: "execute_request"),
                          content: ["code": "print(\"é\")", "silent": false])
    message.buffers = [[0, 1, 2]]
    message.metadata = ["tag": 1]
    return message
}

@Test func encodeThenDecodeGivesTheSameMessage() throws {
    let codec = WireCodec(signer: try MessageSigner(key: Array("key".utf8)))
    let message = sampleMessage()
    let frames = codec.encode(message)
    #expect(frames[1] == WireCodec.delimiter)
    #expect(frames.count == 1 + 1 + 1 + 4 + 1)
    let decoded = try WireCodec(signer: try MessageSigner(key: Array("key".utf8))).decode(frames)
    #expect(decoded == message)
}

@Test func unsignedRoundTripHasAnEmptySignatureFrame() throws {
    let codec = WireCodec(signer: try MessageSigner(key: []))
    let message = sampleMessage()
    let frames = codec.encode(message)
    #expect(frames[2].isEmpty)
    #expect(try codec.decode(frames) == message)
}

@Test func truncatedFramesAreRejected() throws {
    let codec = WireCodec(signer: try MessageSigner(key: Array("key".utf8)))
    let frames = codec.encode(sampleMessage())
    #expect(throws: JupyterProtocolError.truncatedMessage(framesAfterDelimiter: 3)) {
        try codec.decode(Array(frames.prefix(5)))
    }
    #expect(throws: JupyterProtocolError.missingDelimiter(frameCount: 1)) { try codec.decode([frames[0]]) }
}

@Test func tamperedContentFailsVerification() throws {
    let codec = WireCodec(signer: try MessageSigner(key: Array("key".utf8)))
    var frames = codec.encode(sampleMessage())
    frames[6] = Array(#"{"code":"rm -rf /"}"#.utf8)
    #expect(throws: JupyterProtocolError.self) { try codec.decode(frames) }
}

@Test func messageSignedWithAnotherKeyIsRejected() throws {
    let forger = WireCodec(signer: try MessageSigner(key: Array("wrong".utf8)))
    let kernel = WireCodec(signer: try MessageSigner(key: Array("right".utf8)))
    #expect(throws: JupyterProtocolError.self) { try kernel.decode(forger.encode(sampleMessage())) }
}

@Test func theSameFramesTwiceAreAReplay() throws {
    let codec = WireCodec(signer: try MessageSigner(key: Array("key".utf8)))
    let frames = codec.encode(sampleMessage())
    _ = try codec.decode(frames)
    #expect(throws: JupyterProtocolError.self) { try codec.decode(frames) }
}

@Test func nonObjectHeaderIsRejected() throws {
    let codec = WireCodec(signer: try MessageSigner(key: []))
    let frames: [[UInt8]] = [WireCodec.delimiter, [], Array("[]".utf8), Array("{}".utf8), Array("{}".utf8), Array("{}".utf8)]
    #expect(throws: JupyterProtocolError.self) { try codec.decode(frames) }
}
