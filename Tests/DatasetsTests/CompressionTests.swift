@testable import Datasets
import Foundation
import Testing

@Suite struct CompressionTests {
    @Test func gunzipsAStoredGzipAndAGzipMadeByTheGzipTool() throws {
        let folder = try TemporaryFolder()
        let payload = Array(String(repeating: "1\t2\t3\t4\n", count: 500).utf8)
        #expect(try Inflate.gunzip(storedGzip(payload), path: "stored.gz") == payload)
        // Two members back to back are one file to gunzip.
        #expect(try Inflate.gunzip(storedGzip([65]) + storedGzip([66]), path: "two.gz") == [65, 66])

        try folder.write("plain.txt", bytes: payload)
        if FileManager.default.isExecutableFile(atPath: "/bin/gzip") {
            try run("/bin/gzip", ["-9", "plain.txt"], in: folder.url)
            #expect(try readBytes(of: URL(fileURLWithPath: folder.path("plain.txt.gz"))) == payload)
        }
    }

    @Test func corruptOrTruncatedGzipNamesTheFile() throws {
        var corrupt = storedGzip(Array("hello".utf8))
        corrupt[11] ^= 0xff
        #expect(throws: DatasetsError.self) { try Inflate.gunzip(corrupt, path: "bad.gz") }
        let truncated = Array(storedGzip(Array("hello".utf8)).prefix(14))
        do {
            _ = try Inflate.gunzip(truncated, path: "short.gz")
            Issue.record("a truncated gzip was accepted")
        } catch let error as DatasetsError {
            #expect(error.description.hasPrefix("short.gz: "))
        }
    }

    @Test func readsAStoredZipBuiltByteByByte() throws {
        let archive = try ZipArchive(bytes: storedZip([("a/u.data", Array("1\t2\t3\t4\n".utf8)), ("a/u.item", [1, 2])]),
                                     path: "test.zip")
        #expect(archive.entries.map(\.name) == ["a/u.data", "a/u.item"])
        let entry = try #require(archive.entry(named: "u.data"))
        #expect(try archive.contents(of: entry) == Array("1\t2\t3\t4\n".utf8))
        #expect(archive.entry(named: "ratings.dat") == nil)
    }

    @Test func readsADeflatedZipMadeByPython() throws {
        guard let python3Path else { return }
        let folder = try TemporaryFolder()
        let text = String(repeating: "196\t242\t3\t881250949\n", count: 300)
        try folder.write("ml-100k/u.data", text)
        try run(python3Path, ["-m", "zipfile", "-c", "ml.zip", "ml-100k"], in: folder.url)
        let archive = try ZipArchive(contentsOf: URL(fileURLWithPath: folder.path("ml.zip")))
        let entry = try #require(archive.entry(named: "u.data"))
        #expect(entry.method == 8)
        #expect(try archive.contents(of: entry) == Array(text.utf8))
    }

    @Test func rejectsNonZipAndCorruptMembers() throws {
        #expect(throws: DatasetsError.self) { try ZipArchive(bytes: Array(repeating: 7, count: 100), path: "x.zip") }
        var bytes = storedZip([("u.data", Array("1\t2\t3\t4\n".utf8))])
        bytes[30 + 6] ^= 0x01    // flip a data byte: CRC mismatch
        let archive = try ZipArchive(bytes: bytes, path: "x.zip")
        #expect(throws: DatasetsError.self) { try archive.contents(of: archive.entries[0]) }
    }
}
