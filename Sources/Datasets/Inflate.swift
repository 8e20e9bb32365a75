import CZlib
import Foundation

/// zlib's inflate behind two small functions: gzip files (`.gz`, possibly several members) and
/// raw deflate streams (the members of a zip archive). No zlib type leaves this file.
enum Inflate {
    /// The gzip magic bytes, `1f 8b`.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Decompresses a gzip file's bytes; `path` names the file in errors.
    static func gunzip(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        // 15 + 16: a gzip wrapper with the largest window.
        try inflate(bytes, windowBits: 15 + 16, expectedCount: nil, allowMembers: true, path: path)
    }

    /// Decompresses a raw deflate stream (no header) of known uncompressed size.
    static func inflateRaw(_ bytes: [UInt8], uncompressedCount: Int, path: String) throws -> [UInt8] {
        try inflate(bytes, windowBits: -15, expectedCount: uncompressedCount, allowMembers: false, path: path)
    }

    /// The CRC-32 that gzip and zip store.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(CZlib.crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }

    private static func inflate(
        _ input: [UInt8], windowBits: Int32, expectedCount: Int?, allowMembers: Bool, path: String
    ) throws -> [UInt8] {
        if input.isEmpty { throw DatasetsError.malformedFile(path: path, reason: "empty compressed data") }
        // zlib writes into a raw buffer that doubles when full; bytes move only by memcpy, which
        // keeps debug builds (tests) as quick as release ones here.
        var capacity = max(expectedCount ?? input.count * 4, 1_024)
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var produced = 0
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetsError.malformedFile(path: path, reason: "zlib could not start inflating")
        }
        defer { inflateEnd(&stream) }
        try input.withUnsafeBufferPointer { inputBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inputBuffer.baseAddress)
            stream.avail_in = uInt(inputBuffer.count)
            while true {
                if produced == capacity {
                    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
                    memcpy(larger, buffer, produced)
                    buffer.deallocate()
                    buffer = larger
                    capacity *= 2
                }
                let room = capacity - produced
                stream.next_out = buffer + produced
                stream.avail_out = uInt(room)
                let status = CZlib.inflate(&stream, Z_NO_FLUSH)
                produced += room - Int(stream.avail_out)
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // A gzip file may hold several members back to back.
                    let remaining = Int(stream.avail_in)
                    let next = inputBuffer.count - remaining
                    if allowMembers, remaining >= 2, inputBuffer[next] == 0x1f, inputBuffer[next + 1] == 0x8b {
                        inflateReset(&stream)
                        continue
                    }
                    return
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw DatasetsError.malformedFile(path: path, reason: "compressed data is truncated")
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw DatasetsError.malformedFile(path: path, reason: "corrupt compressed data (\(message))")
                }
            }
        }
        let output = [UInt8](unsafeUninitializedCapacity: produced) { storage, count in
            if produced > 0 { memcpy(storage.baseAddress!, buffer, produced) }
            count = produced
        }
        if let expectedCount, output.count != expectedCount {
            throw DatasetsError.malformedFile(
                path: path, reason: "inflated to \(output.count) bytes, expected \(expectedCount)")
        }
        return output
    }
}
