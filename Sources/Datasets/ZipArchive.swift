import Foundation

/// A minimal reader of zip archives (PKWARE APPNOTE 6.3): the end-of-central-directory record,
/// the central directory, and each member's local header; members are stored (method 0) or
/// deflated (method 8), checked against their CRC-32. Enough for the GroupLens MovieLens zips;
/// ZIP64 and encryption are reported as unsupported.
struct ZipArchive {
    /// One member of the archive, as listed in the central directory.
    struct Entry {
        let name: String
        let method: UInt16
        let crc: UInt32
        let compressedCount: Int
        let uncompressedCount: Int
        let localHeaderOffset: Int
        let flags: UInt16
    }

    let path: String
    let entries: [Entry]
    private let bytes: [UInt8]

    /// Reads the archive at `url` and its central directory.
    init(contentsOf url: URL) throws {
        let bytes = try readBytes(of: url)
        try self.init(bytes: bytes, path: url.path)
    }

    /// Parses the central directory of an archive already in memory.
    init(bytes: [UInt8], path: String) throws {
        self.bytes = bytes
        self.path = path
        let endSignature: UInt32 = 0x0605_4b50
        guard bytes.count >= 22 else {
            throw DatasetsError.malformedFile(path: path, reason: "too short to be a zip archive (\(bytes.count) bytes)")
        }
        // The end record sits in the last 22 + 65,535 (comment) bytes.
        let lowest = max(0, bytes.count - 22 - 65_535)
        var endOffset: Int?
        var offset = bytes.count - 22
        while offset >= lowest {
            if Self.uint32(bytes, offset) == endSignature { endOffset = offset; break }
            offset -= 1
        }
        guard let end = endOffset else {
            throw DatasetsError.malformedFile(path: path, reason: "no end-of-central-directory record: not a zip archive")
        }
        let entryCount = Int(Self.uint16(bytes, end + 10))
        let directoryOffset = Int(Self.uint32(bytes, end + 16))
        if entryCount == 0xffff || directoryOffset == 0xffff_ffff {
            throw DatasetsError.malformedFile(path: path, reason: "ZIP64 archives are not supported")
        }
        var entries = [Entry]()
        var cursor = directoryOffset
        for index in 0..<entryCount {
            guard cursor + 46 <= bytes.count, Self.uint32(bytes, cursor) == 0x0201_4b50 else {
                throw DatasetsError.malformedFile(path: path, reason: "central directory entry \(index) is corrupt")
            }
            let nameCount = Int(Self.uint16(bytes, cursor + 28))
            let extraCount = Int(Self.uint16(bytes, cursor + 30))
            let commentCount = Int(Self.uint16(bytes, cursor + 32))
            guard cursor + 46 + nameCount <= bytes.count else {
                throw DatasetsError.malformedFile(path: path, reason: "central directory entry \(index) is truncated")
            }
            let name = String(decoding: bytes[(cursor + 46)..<(cursor + 46 + nameCount)], as: UTF8.self)
            entries.append(Entry(
                name: name,
                method: Self.uint16(bytes, cursor + 10),
                crc: Self.uint32(bytes, cursor + 16),
                compressedCount: Int(Self.uint32(bytes, cursor + 20)),
                uncompressedCount: Int(Self.uint32(bytes, cursor + 24)),
                localHeaderOffset: Int(Self.uint32(bytes, cursor + 42)),
                flags: Self.uint16(bytes, cursor + 8)))
            cursor += 46 + nameCount + extraCount + commentCount
        }
        self.entries = entries
    }

    /// The first entry whose name is `name` or ends with `/name`, if any.
    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name || $0.name.hasSuffix("/" + name) }
    }

    /// The uncompressed bytes of `entry`, checked against its CRC-32.
    func contents(of entry: Entry) throws -> [UInt8] {
        let memberPath = "\(path)/\(entry.name)"
        if entry.flags & 1 != 0 {
            throw DatasetsError.malformedFile(path: memberPath, reason: "encrypted zip members are not supported")
        }
        let header = entry.localHeaderOffset
        guard header + 30 <= bytes.count, Self.uint32(bytes, header) == 0x0403_4b50 else {
            throw DatasetsError.malformedFile(path: memberPath, reason: "local header is missing or corrupt")
        }
        let start = header + 30 + Int(Self.uint16(bytes, header + 26)) + Int(Self.uint16(bytes, header + 28))
        guard start + entry.compressedCount <= bytes.count else {
            throw DatasetsError.malformedFile(path: memberPath, reason: "member data is truncated")
        }
        let compressed = Array(bytes[start..<(start + entry.compressedCount)])
        let data: [UInt8]
        switch entry.method {
        case 0:
            data = compressed
        case 8:
            data = try Inflate.inflateRaw(compressed, uncompressedCount: entry.uncompressedCount, path: memberPath)
        default:
            throw DatasetsError.malformedFile(
                path: memberPath, reason: "compression method \(entry.method) is not supported (only stored and deflate)")
        }
        if Inflate.crc32(data) != entry.crc {
            throw DatasetsError.malformedFile(path: memberPath, reason: "CRC-32 mismatch: the member is corrupt")
        }
        return data
    }

    private static func uint16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }
}
