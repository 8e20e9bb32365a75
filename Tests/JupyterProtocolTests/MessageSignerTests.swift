import Foundation
import Crypto
import Testing
@testable import JupyterProtocol

let sampleParts: [[UInt8]] = ["{\"msg_id\":\"1\"}", "{}", "{}", "{\"code\":\"1\"}"].map { Array($0.utf8) }

@Test func sha256SignatureMatchesAnIndependentHMAC() throws {
    let signer = try MessageSigner(scheme: "hmac-sha256", key: Array("secret".utf8))
    var reference = HMAC<SHA256>(key: SymmetricKey(data: Array("secret".utf8)))
    for part in sampleParts { reference.update(data: part) }
    let expected = Array(reference.finalize()).map { String(format: "%02x", $0) }.joined()
    #expect(String(decoding: signer.signature(of: sampleParts), as: UTF8.self) == expected)
}

@Test(arguments: MessageSigner.supportedSchemes)
func everySchemeVerifiesItsOwnSignature(scheme: String) throws {
    let signer = try MessageSigner(scheme: scheme, key: Array("k".utf8))
    let signature = signer.signature(of: sampleParts)
    #expect(!signature.isEmpty)
    try signer.verify(signature: signature, of: sampleParts)
}

@Test func forgedSignatureIsRejected() throws {
    let signer = try MessageSigner(key: Array("secret".utf8))
    var signature = signer.signature(of: sampleParts)
    signature[0] = signature[0] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
    #expect(throws: JupyterProtocolError.invalidSignature(String(decoding: signature, as: UTF8.self))) {
        try signer.verify(signature: signature, of: sampleParts)
    }
}

@Test func signatureFromAnotherSchemeIsRejected() throws {
    let sha256 = try MessageSigner(scheme: "hmac-sha256", key: Array("secret".utf8))
    let sha512 = try MessageSigner(scheme: "hmac-sha512", key: Array("secret".utf8))
    #expect(throws: JupyterProtocolError.self) {
        try sha512.verify(signature: sha256.signature(of: sampleParts), of: sampleParts)
    }
}

@Test func replayedSignatureIsRejected() throws {
    let signer = try MessageSigner(key: Array("secret".utf8))
    let signature = signer.signature(of: sampleParts)
    try signer.verify(signature: signature, of: sampleParts)
    #expect(throws: JupyterProtocolError.replayedSignature(String(decoding: signature, as: UTF8.self))) {
        try signer.verify(signature: signature, of: sampleParts)
    }
}

@Test func replayMemoryIsBounded() {
    let history = SignatureHistory(capacity: 3)
    for index in 0..<10 { #expect(history.insert("s\(index)")) }
    #expect(history.count == 3)
    #expect(!history.insert("s9"))
    #expect(history.insert("s0"))
}

@Test func emptyKeyMeansUnsigned() throws {
    let signer = try MessageSigner(key: [])
    #expect(!signer.isSigning)
    #expect(signer.signature(of: sampleParts).isEmpty)
    try signer.verify(signature: Array("anything".utf8), of: sampleParts)
}

@Test func unknownSchemeIsRefused() {
    #expect(throws: JupyterProtocolError.unsupportedSignatureScheme("hmac-whirlpool")) {
        try MessageSigner(scheme: "hmac-whirlpool", key: [1])
    }
}

@Test func signatureErrorsPrintOnlyPrintableASCII() {
    let description = JupyterProtocolError.invalidSignature("ab\u{0}\u{7}é" + String(repeating: "x", count: 200)).description
    #expect(description.hasPrefix("invalid signature 'ab???xxx"))
    #expect(description.count < 120)
}
