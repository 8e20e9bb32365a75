@testable import Datasets
import Foundation
import Testing

@Suite struct RecBoleAtomicFileTests {
    @Test func loadsInterAndItemFilesByColumnName() throws {
        let folder = try TemporaryFolder()
        // Columns in an unusual order, to prove they are found by name.
        try folder.write("toy/toy.inter", "timestamp:float\titem_id:token\tuser_id:token\trating:float\n5\t7\t1\t4\n6\t8\t1\t2\n7\t7\t2\t5\n")
        try folder.write("toy/toy.item", "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq\n7\tSeven\t1995\tCrime Drama\n8\tEight\t1996\tComedy\n")
        let ratings = try RecBoleAtomicFiles.load(directory: folder.path("toy"), name: "toy")
        #expect(ratings.userIDs == ["1", "2"] && ratings.itemIDs == ["7", "8"])
        #expect(ratings.ratings == [4, 2, 5] && ratings.timestamps == [5, 6, 7])
        #expect(ratings.itemTitles == ["Seven", "Eight"])
        #expect(ratings.itemGenres == [["Crime", "Drama"], ["Comedy"]])
    }

    @Test func implicitInterFileWithoutRatingsGivesOnes() throws {
        let folder = try TemporaryFolder()
        try folder.write("implicit.inter", "user_id:token\titem_id:token\nu1\ti1\nu2\ti1\n")
        let ratings = try RecBoleAtomicFiles.load(directory: folder.url.path, name: "implicit")
        #expect(ratings.ratings == [1, 1] && ratings.userIDs == ["u1", "u2"])
    }

    @Test func reportsMissingColumnsAndBadHeaders() throws {
        let folder = try TemporaryFolder()
        let noUser = try folder.write("a.inter", "item_id:token\trating:float\n1\t2\n")
        #expect(throws: DatasetsError.malformedLine(
            path: noUser, line: 1, reason: "missing column \"user_id\" (header has item_id, rating)")) {
            try RecBoleAtomicFiles.load(directory: folder.url.path, name: "a")
        }
        try folder.write("b.inter", "user_id\titem_id\n1\t2\n")
        #expect(throws: DatasetsError.self) { try RecBoleAtomicFiles.load(directory: folder.url.path, name: "b") }
        try folder.write("c.inter", "")
        #expect(throws: DatasetsError.self) { try RecBoleAtomicFiles.load(directory: folder.url.path, name: "c") }
        let badRating = try folder.write("d.inter", "user_id:token\titem_id:token\trating:float\n1\t2\tx\n")
        #expect(throws: DatasetsError.malformedLine(path: badRating, line: 2, reason: "rating \"x\" is not a number")) {
            try RecBoleAtomicFiles.load(directory: folder.url.path, name: "d")
        }
    }

    @Test func readsAGenericAtomicFile() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("x.user", "user_id:token\tage:float\tgender:token\n1\t24\tM\n2\t53\tF\n")
        let users = try AtomicFile(path: path)
        #expect(users.columnNames == ["user_id", "age", "gender"])
        #expect(users.columnTypes == ["token", "float", "token"])
        #expect(users.column("gender") == ["M", "F"])
        #expect(users.column("zip") == nil)
        let bad = try folder.write("y.user", "user_id:token\tage:float\n1\told\n")
        #expect(throws: DatasetsError.malformedLine(path: bad, line: 2, reason: "value \"old\" of a float column is not a number")) {
            try AtomicFile(path: bad)
        }
    }

    @Test func tokensKeepTheirSpellingAndOrderNumericallyOnlyWhenAllAreIntegers() throws {
        let folder = try TemporaryFolder()
        try folder.write("n.inter", "user_id:token\titem_id:token\n10\t5\n2\t5\n-3\t5\n")
        #expect(try RecBoleAtomicFiles.load(directory: folder.url.path, name: "n").userIDs == ["-3", "2", "10"])
        // "007" keeps its spelling; ids that all read as integers still order numerically.
        try folder.write("t.inter", "user_id:token\titem_id:token\n10\t5\n2\t5\n007\t5\n")
        let text = try RecBoleAtomicFiles.load(directory: folder.url.path, name: "t")
        #expect(text.userIDs == ["2", "007", "10"])
        #expect(text.userIndices == [2, 0, 1])
        try folder.write("s.inter", "user_id:token\titem_id:token\nb\t5\n10\t5\na\t5\n")
        #expect(try RecBoleAtomicFiles.load(directory: folder.url.path, name: "s").userIDs == ["10", "a", "b"])
    }
}
