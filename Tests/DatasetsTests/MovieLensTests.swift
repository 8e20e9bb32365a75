@testable import Datasets
import Foundation
import Testing

@Suite struct MovieLensTests {
    @Test func loadsUDataWithNumericIdOrder() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("ml-100k/u.data", sampleUData)
        let ratings = try MovieLens.loadRatings(path: path)
        #expect(ratings.count == 12)
        #expect(ratings.userCount == 4)
        #expect(ratings.itemCount == 5)
        #expect(ratings.userIDs == ["1", "2", "3", "4"])
        #expect(ratings.itemIDs == ["10", "20", "30", "40", "50"])
        #expect(ratings.userIndices.prefix(4) == [0, 0, 0, 1])
        #expect(ratings.itemIndices.prefix(5) == [0, 1, 2, 0, 3])
        #expect(ratings.ratings.prefix(3) == [5, 3, 4])
        #expect(ratings.timestamps.last == 402)
        #expect(ratings.name == "ml-100k")
        #expect(ratings.itemTitles == nil)
    }

    @Test func loadsRatingsDatAndRatingsCSVAndMovieFiles() throws {
        let folder = try TemporaryFolder()
        let dat = try folder.write("ml-1m/ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n")
        let movies = try folder.write("ml-1m/movies.dat", "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n")
        let oneMillion = try MovieLens.loadRatings(path: dat, itemsPath: movies)
        #expect(oneMillion.count == 3 && oneMillion.userCount == 2 && oneMillion.itemCount == 2)
        #expect(oneMillion.itemIDs == ["661", "1193"])
        #expect(oneMillion.itemTitles == ["James and the Giant Peach (1996)", "One Flew Over the Cuckoo's Nest (1975)"])
        #expect(oneMillion.itemGenres?[0] == ["Animation", "Children's", "Musical"])

        let csv = try folder.write("ml-latest-small/ratings.csv",
                                   "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,4.5,964981247\r\n2,1,0.5,964982224\r\n")
        let moviesCSV = try folder.write("ml-latest-small/movies.csv",
                                         "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n3,\"Grumpier Old Men, The (1995)\",Comedy|Romance\n")
        let latest = try MovieLens.loadRatings(path: csv, itemsPath: moviesCSV)
        #expect(latest.ratings == [4, 4.5, 0.5])
        #expect(latest.itemTitles == ["Toy Story (1995)", "Grumpier Old Men, The (1995)"])
        #expect(latest.itemGenres?[1] == ["Comedy", "Romance"])
    }

    @Test func readsUItemGenreFlagsInLatin1() throws {
        let folder = try TemporaryFolder()
        let data = try folder.write("ml-100k/u.data", "1\t1\t5\t10\n1\t2\t3\t11\n")
        var item = Array("1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n".utf8)
        item += Array("2|Caf".utf8) + [0xe9] + Array(" (1995)|01-Jan-1995||http://y|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n".utf8)
        let items = try folder.write("ml-100k/u.item", bytes: item)
        let ratings = try MovieLens.loadRatings(path: data, itemsPath: items)
        #expect(ratings.itemTitles == ["Toy Story (1995)", "Café (1995)"])
        #expect(ratings.itemGenres == [["Animation", "Children's", "Comedy"], ["Drama"]])
    }

    @Test func loadsTheGroupLensZipLayout() throws {
        let folder = try TemporaryFolder()
        let item = "10|Ten (1990)|x||u|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
        let zipPath = try folder.write("data/ml-100k.zip", bytes: storedZip([
            ("ml-100k/README", Array("readme".utf8)),
            ("ml-100k/u.data", Array(sampleUData.utf8)),
            ("ml-100k/u.item", Array(item.utf8)),
        ]))
        let fromZip = try MovieLens.loadZip(path: zipPath)
        #expect(fromZip.count == 12 && fromZip.name == "ml-100k")
        #expect(fromZip.itemTitles?[0] == "Ten (1990)" && fromZip.itemTitles?[1] == "")
        // The named loader finds the zip in a data folder.
        let named = try MovieLens.load(.ml100k, directory: folder.path("data"))
        #expect(named.ratings == fromZip.ratings)

        if let python3Path {
            try folder.write("official/ml-100k/u.data", sampleUData)
            try folder.write("official/ml-100k/u.item", item)
            try run(python3Path, ["-m", "zipfile", "-c", "ml-100k.zip", "ml-100k"], in: folder.url.appendingPathComponent("official"))
            let deflated = try MovieLens.loadZip(path: folder.path("official/ml-100k.zip"))
            #expect(deflated.ratings == fromZip.ratings && deflated.itemTitles == fromZip.itemTitles)
        }
    }

    @Test func namedLoaderFindsTheGroupLensFolderAndAtomicFiles() throws {
        let folder = try TemporaryFolder()
        try folder.write("data/ml-1m/ratings.dat", "1::1193::5::978300760\n")
        try folder.write("data/ml-1m/movies.dat", "1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n")
        let oneMillion = try MovieLens.load(.ml1m, directory: folder.path("data"))
        #expect(oneMillion.name == "ml-1m" && oneMillion.itemTitles == ["One Flew Over the Cuckoo's Nest (1975)"])
        try folder.write("data/ml-100k/ml-100k.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float\n1\t2\t3\t4\n")
        try folder.write("data/ml-100k/u.data", "9\t9\t9\t9\n")
        // RecBole atomic files win over the GroupLens folder.
        #expect(try MovieLens.load(.ml100k, directory: folder.path("data")).userIDs == ["1"])
    }

    @Test func badFilesNameTheFileTheLineAndTheReason() throws {
        let folder = try TemporaryFolder()
        let missing = try folder.write("a/u.data", "1\t2\t3\t4\n1\t2\t3\n")
        #expect(throws: DatasetsError.malformedLine(path: missing, line: 2, reason: "expected at least 4 columns, found 3")) {
            try MovieLens.loadRatings(path: missing)
        }
        let nonNumeric = try folder.write("b/u.data", "1\t2\t3\t4\n\nx7\t2\t3\t4\n")
        #expect(throws: DatasetsError.malformedLine(path: nonNumeric, line: 3, reason: "user id \"x7\" is not an integer")) {
            try MovieLens.loadRatings(path: nonNumeric)
        }
        let badRating = try folder.write("c/ratings.dat", "1::2::five::4\n")
        #expect(throws: DatasetsError.malformedLine(path: badRating, line: 1, reason: "rating \"five\" is not a number")) {
            try MovieLens.loadRatings(path: badRating)
        }
        let empty = try folder.write("d/u.data", "")
        #expect(throws: DatasetsError.malformedFile(path: empty, reason: "the file has no ratings (it is empty or only a header)")) {
            try MovieLens.loadRatings(path: empty)
        }
        let headerless = try folder.write("e/ratings.csv", "1,2,3,4\n")
        #expect(throws: DatasetsError.self) { try MovieLens.loadRatings(path: headerless) }
        #expect(throws: DatasetsError.self) { try MovieLens.loadRatings(path: folder.path("nowhere/u.data")) }
    }

    @Test func missingDataSaysHowToGetIt() throws {
        let folder = try TemporaryFolder()
        do {
            _ = try MovieLens.load(.ml1m, directory: folder.path("empty"))
            Issue.record("expected dataNotFound")
        } catch let error as DatasetsError {
            #expect(error.description.contains("make data"))
            #expect(error.description.contains("ml-1m.zip"))
        }
    }

    @Test func loadsTheRealML100KWhenPresent() throws {
        guard let directory = DataDirectory.locate("ml-100k/ml-100k.inter")?.deletingLastPathComponent().deletingLastPathComponent() else {
            print("skipped: ml-100k not found in the data cache (run `make data`)")
            return
        }
        let start = Date()
        let ratings = try MovieLens.load(.ml100k, directory: directory.path)
        print("ml-100k loaded in \(Int(Date().timeIntervalSince(start) * 1_000)) ms")
        #expect(ratings.count == 100_000)
        #expect(ratings.userCount == 943)
        #expect(ratings.itemCount == 1_682)
        #expect(ratings.itemTitles?[0] == "Toy Story")
        #expect(ratings.itemGenres?[0] == ["Animation", "Children's", "Comedy"])
        let summary = ratings.summary()
        #expect(summary.ratingHistogram.map(\.count) == [6_110, 11_370, 27_145, 34_174, 21_201])
        #expect(summary.ratingsPerUser.minimum == 20)
        let positives = ratings.implicit(minRating: 4)
        #expect(positives.count == 55_375)
        // Cross-checked in Python: Liang et al.'s filter (ratings > 3.5, users with ≥ 5) and a 10-core.
        let liang = positives.kCore(userMinimum: 5, itemMinimum: 0)
        #expect(liang.count == 55_361 && liang.userCount == 938 && liang.itemCount == 1_447)
        let tenCore = ratings.kCore(userMinimum: 10, itemMinimum: 10)
        #expect(tenCore.count == 97_953 && tenCore.userCount == 943 && tenCore.itemCount == 1_152)
        let split = try liang.holdOutUsers(fraction: 0.1, seed: 98_765)
        #expect(split.validation.userCount == split.test.userCount)
        print("ml-100k: \(summary.description.replacingOccurrences(of: "\n", with: "; "))")
        print("implicit(minRating: 4).kCore(userMinimum: 5, itemMinimum: 0): \(liang.userCount) users, \(liang.itemCount) items, \(liang.count) ratings; "
            + "held out: \(split.train.rowCount) train users, \(split.validation.userCount) validation, "
            + "\(split.test.userCount) test, \(split.itemCount) items")
    }
}
