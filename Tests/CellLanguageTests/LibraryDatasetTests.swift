import Foundation
import Testing
import Datasets
@testable import CellLanguage
import LibraryBindings

@Suite struct LibraryDatasetTests {
    @Test func interactionsSummariseAsHTMLAndSplitWithImplicitMembers() throws {
        let path = try writeTinyRatings()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var runner = LibraryRunner()
        let summary = runner.value("let ratings = try MovieLens.loadRatings(path: \"\(path)\")\nratings")
        #expect(summary?.data["text/html"]?.contains("<table") == true)
        #expect(runner.text("ratings.userCount") == "30")
        #expect(runner.text("ratings.implicit(minRating: 4).count") != "")
        let split = runner.value("let split = try ratings.implicit(minRating: 1).holdOutUsers(fraction: 0.2, seed: 42)\nsplit")
        #expect(split?.data["text/html"]?.contains("train users") == true)
        #expect(runner.text("split.test.userCount") == "6")
        #expect(runner.text("try ratings.randomSplit(testFraction: 0.1, seed: 1).test.count") == "12")
        #expect(runner.text("ratings.kCore(userMinimum: 1, itemMinimum: 1).itemCount") == "12")
    }

    @Test func implicitMembersResolveAgainstTheParameterType() {
        var runner = LibraryRunner()
        #expect(runner.text("try MovieLens.load(.nonexistent)").contains("type 'MovieLens.Variant' has no member 'nonexistent'"))
        #expect(runner.text("try MovieLens.load(.ml100k, directory: \"/nonexistent\")").hasPrefix("RuntimeError"))
        #expect(runner.text("RankingMetric.ndcg(100)") == "NDCG@100")
        #expect(runner.text("print(.ml100k)").contains("cannot infer contextual base"))
    }

    @Test func realMovieLensLoadsWhenTheDataIsThere() throws {
        guard DataDirectory.locate("ml-100k") != nil else { return }
        var runner = LibraryRunner()
        #expect(runner.text("let ratings = try MovieLens.load(.ml100k)\nratings.count") == "100000")
    }
}
