import Foundation
import Testing

/// A fresh temporary folder for one test's files, removed when the value is dropped.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("DatasetsTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` to `name` (subfolders created) and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    /// Writes `bytes` to `name` (subfolders created) and returns the file's path.
    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// The path of `name` inside the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Runs a program and fails the test if it exits non-zero.
func run(_ executable: String, _ arguments: [String], in folder: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = folder
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(executable) \(arguments.joined(separator: " ")) failed")
}

/// The first Python 3 on the usual paths, if any.
let python3Path: String? = ["/usr/bin/python3", "/usr/local/bin/python3"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// CRC-32 (IEEE), computed independently of zlib to build archives in tests.
func testCRC32(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xffff_ffff
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xedb8_8320 : 0) }
    }
    return ~crc
}

/// Little-endian bytes of a 16- or 32-bit value.
func littleEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
    (0..<(Value.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
}

/// A gzip file holding `payload` in one stored (uncompressed) deflate block.
func storedGzip(_ payload: [UInt8]) -> [UInt8] {
    precondition(payload.count < 65_536)
    let length = UInt16(payload.count)
    return [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255] + [1] + littleEndian(length) + littleEndian(~length) + payload
        + littleEndian(testCRC32(payload)) + littleEndian(UInt32(payload.count))
}

/// A zip archive of stored (uncompressed) members, built byte by byte per APPNOTE.
func storedZip(_ members: [(name: String, bytes: [UInt8])]) -> [UInt8] {
    var archive = [UInt8]()
    var directory = [UInt8]()
    for member in members {
        let name = Array(member.name.utf8)
        let crc = testCRC32(member.bytes)
        let size = UInt32(member.bytes.count)
        let offset = UInt32(archive.count)
        archive += littleEndian(UInt32(0x0403_4b50)) + littleEndian(UInt16(20)) + littleEndian(UInt16(0))
            + littleEndian(UInt16(0)) + littleEndian(UInt32(0)) + littleEndian(crc) + littleEndian(size)
            + littleEndian(size) + littleEndian(UInt16(name.count)) + littleEndian(UInt16(0)) + name + member.bytes
        directory += littleEndian(UInt32(0x0201_4b50)) + littleEndian(UInt16(20)) + littleEndian(UInt16(20))
            + littleEndian(UInt16(0)) + littleEndian(UInt16(0)) + littleEndian(UInt32(0)) + littleEndian(crc)
            + littleEndian(size) + littleEndian(size) + littleEndian(UInt16(name.count)) + littleEndian(UInt16(0))
            + littleEndian(UInt16(0)) + littleEndian(UInt16(0)) + littleEndian(UInt16(0)) + littleEndian(UInt32(0))
            + littleEndian(offset) + name
    }
    let directoryOffset = UInt32(archive.count)
    archive += directory
    archive += littleEndian(UInt32(0x0605_4b50)) + littleEndian(UInt16(0)) + littleEndian(UInt16(0))
        + littleEndian(UInt16(members.count)) + littleEndian(UInt16(members.count))
        + littleEndian(UInt32(directory.count)) + littleEndian(directoryOffset) + littleEndian(UInt16(0))
    return archive
}

/// A tiny `u.data`: 4 users, 5 items, 12 ratings.
let sampleUData = """
1\t10\t5\t100
1\t20\t3\t101
1\t30\t4\t102
2\t10\t4\t200
2\t40\t1\t201
3\t20\t2\t300
3\t30\t5\t301
3\t40\t4\t302
3\t50\t3\t303
4\t10\t5\t400
4\t30\t4\t401
4\t50\t2\t402

"""
