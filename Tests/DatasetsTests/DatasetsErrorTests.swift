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

    @Test func searchListHonoursAnExplicitFolderThenTheVariableThenTheUserCache() {
        #expect(DataDirectory.searchList(explicit: "/data").map(\.path) == ["/data"])
        #expect(DataDirectory.searchList(environment: ["SWIFT_EXPERIMENTS_DATA": "/srv/data", "HOME": "/home/a"]).map(\.path)
            == ["/srv/data"])
        let defaults = DataDirectory.searchList(environment: ["HOME": "/home/a"], currentDirectory: "/work/repo/notebooks")
        #expect(defaults.map(\.path) == ["/home/a/.cache/swift-experiments/data", "/work/repo/notebooks/.cache/data",
                                          "/work/repo/.cache/data", "/work/.cache/data", "/.cache/data"])
        #expect(DataDirectory.userCache(environment: ["XDG_CACHE_HOME": "/var/cache/a", "HOME": "/home/a"]).path
            == "/var/cache/a/swift-experiments/data")
        // XDG says a relative XDG_CACHE_HOME is ignored.
        #expect(DataDirectory.userCache(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/a"]).path
            == "/home/a/.cache/swift-experiments/data")
    }
}
