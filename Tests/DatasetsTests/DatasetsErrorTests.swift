@testable import Datasets
import Foundation
import Testing

@Suite struct DatasetsErrorTests {
    @Test func messagesNameTheFileTheLineAndTheReason() {
        #expect(DatasetsError.malformedLine(path: "a/u.data", line: 7, reason: "user id \"x\" is not an integer").description
            == "a/u.data:7: user id \"x\" is not an integer")
        #expect(DatasetsError.malformedFile(path: "t.gz", reason: "compressed data is truncated").description
            == "t.gz: compressed data is truncated")
        #expect(DatasetsError.unreadableFile(path: "/nope", reason: "no such file").localizedDescription
            == "/nope: cannot read the file: no such file")
        let notFound = DatasetsError.dataNotFound(dataset: "MovieLens ml-100k", searched: ["/a", "/b"], hint: "Run `make data`.")
        #expect(notFound.description == "MovieLens ml-100k not found; looked in:\n  /a\n  /b\nRun `make data`.")
        #expect(DatasetsError.invalidArgument("k must be positive").description == "invalid argument: k must be positive")
    }

    @Test func searchListHonoursAnExplicitFolderFirst() {
        #expect(DataDirectory.searchList(explicit: "/data").map(\.path) == ["/data"])
        let defaults = DataDirectory.searchList()
        #expect(!defaults.isEmpty)
        if ProcessInfo.processInfo.environment[DataDirectory.environmentVariable] == nil {
            #expect(defaults[0].path.hasSuffix(".cache/data"))
        }
    }
}
