import Crypto
import Foundation

/// Signs and verifies the four JSON frames of a wire message with the connection file's HMAC scheme.
///
/// An empty key means messages are neither signed nor checked. Verification compares in constant time
/// and rejects a signature it has already accepted (a replay), remembering a bounded number of them.
public final class MessageSigner: @unchecked Sendable {
    /// The schemes this signer can compute, as connection files spell them.
    public static let supportedSchemes = ["hmac-sha256", "hmac-sha384", "hmac-sha512", "hmac-sha1", "hmac-md5"]

    /// The scheme in use, such as `hmac-sha256`.
    public let scheme: String
    /// Whether messages are signed at all (the key is not empty).
    public var isSigning: Bool { authenticate != nil }

    let authenticate: (([[UInt8]]) -> [UInt8])?
    let seenSignatures: SignatureHistory

    /// Creates a signer.
    ///
    /// - Parameters:
    ///   - scheme: `hmac-` followed by a hash name; see `supportedSchemes`.
    ///   - key: the shared secret; empty disables signing.
    ///   - replayMemory: how many accepted signatures are remembered to detect replays.
    /// - Throws: `JupyterProtocolError.unsupportedSignatureScheme` for an unknown scheme.
    public init(scheme: String = "hmac-sha256", key: [UInt8], replayMemory: Int = 65_536) throws {
        self.scheme = scheme
        self.seenSignatures = SignatureHistory(capacity: replayMemory)
        let symmetricKey = SymmetricKey(data: key)
        func mac<Hash: HashFunction>(_: Hash.Type) -> ([[UInt8]]) -> [UInt8] {
            { parts in
                var code = HMAC<Hash>(key: symmetricKey)
                for part in parts { code.update(data: part) }
                return Array(code.finalize())
            }
        }
        let function: ([[UInt8]]) -> [UInt8]
        switch scheme {
        case "hmac-sha256": function = mac(SHA256.self)
        case "hmac-sha384": function = mac(SHA384.self)
        case "hmac-sha512": function = mac(SHA512.self)
        case "hmac-sha1": function = mac(Insecure.SHA1.self)
        case "hmac-md5": function = mac(Insecure.MD5.self)
        default: throw JupyterProtocolError.unsupportedSignatureScheme(scheme)
        }
        authenticate = key.isEmpty ? nil : function
    }

    /// The lowercase hex signature of the frames, or "" when not signing.
    public func signature(of parts: [[UInt8]]) -> [UInt8] {
        guard let authenticate else { return [] }
        return Self.hexEncoded(authenticate(parts))
    }

    /// Checks `signature` against the frames and records it so a second use is refused.
    ///
    /// - Throws: `invalidSignature` when it does not match, `replayedSignature` when it was seen before.
    public func verify(signature: [UInt8], of parts: [[UInt8]]) throws {
        guard let authenticate else { return }
        let expected = Self.hexEncoded(authenticate(parts))
        let text = String(decoding: signature, as: UTF8.self)
        guard Self.constantTimeEqual(expected, signature) else { throw JupyterProtocolError.invalidSignature(text) }
        guard seenSignatures.insert(text) else { throw JupyterProtocolError.replayedSignature(text) }
    }

    /// Compares two byte strings in time that depends only on their lengths (which are not secret).
    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<left.count { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func hexEncoded(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
        return output
    }
}

/// A thread-safe set of the most recent signatures, forgetting the oldest past `capacity`.
final class SignatureHistory: @unchecked Sendable {
    let capacity: Int
    private var members = Set<String>()
    private var order: [String] = []
    private var oldestIndex = 0
    private let lock = NSLock()

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Records `signature`; returns false when it is already present.
    func insert(_ signature: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !members.contains(signature) else { return false }
        if order.count < capacity {
            order.append(signature)
        } else {
            members.remove(order[oldestIndex])
            order[oldestIndex] = signature
            oldestIndex = (oldestIndex + 1) % capacity
        }
        members.insert(signature)
        return true
    }

    /// How many signatures are remembered now.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return members.count
    }
}
