@testable import Datasets
import Foundation
import Testing

/// The sample `u.data` as a table (4 users, 5 items, 12 ratings).
func sampleInteractions() throws -> Interactions {
    let folder = try TemporaryFolder()
    return try MovieLens.loadRatings(path: folder.write("sample/u.data", sampleUData))
}

@Suite struct InteractionsTests {
    @Test func implicitKeepsRatingsAtLeastTheThresholdAndCompacts() throws {
        let positives = try sampleInteractions().implicit(minRating: 4)
        // Ratings ≥ 4: (1,10) (1,30) (2,10) (3,30) (3,40) (4,10) (4,30); item 20 and 50 vanish.
        #expect(positives.count == 7)
        #expect(positives.ratings.allSatisfy { $0 == 1 })
        #expect(positives.itemIDs == ["10", "30", "40"])
        #expect(positives.userIDs == ["1", "2", "3", "4"])
        #expect(positives.itemIndices == [0, 1, 0, 1, 2, 0, 1])
    }

    @Test func kCoreIteratesToAFixedPoint() throws {
        let ratings = try sampleInteractions()
        // Items with < 3 ratings: 20 (2), 40 (2), 50 (2) go; then user 2 has 1 rating and goes,
        // leaving item 10 with 2 ratings, which goes, leaving users with 1 each... down to nothing.
        #expect(ratings.kCore(userMinimum: 3, itemMinimum: 3).count == 0)
        let twoCore = ratings.kCore(userMinimum: 2, itemMinimum: 2)
        #expect(twoCore.count == 12)
        let users3 = ratings.kCore(userMinimum: 4, itemMinimum: 0)
        #expect(users3.userIDs == ["3"] && users3.itemIDs == ["20", "30", "40", "50"])
    }

    @Test func compactedKeepsIdsAndTitlesWithTheirItems() throws {
        var ratings = try sampleInteractions()
        ratings.attachItemMetadata(titles: ["10": "Ten", "40": "Forty"], genres: ["40": ["Drama"]])
        let kept = ratings.filtering { ratings.itemIndices[$0] == 3 }.compacted()
        #expect(kept.itemIDs == ["40"] && kept.itemTitles == ["Forty"] && kept.itemGenres == [["Drama"]])
        #expect(kept.userIDs == ["2", "3"] && kept.userIndices == [0, 1])
        #expect(ratings.itemTitles?[1] == "")
    }

    @Test func matrixIsCSRWithSortedColumns() throws {
        let matrix = try sampleInteractions().matrix()
        #expect(matrix.rowCount == 4 && matrix.columnCount == 5 && matrix.entryCount == 12)
        #expect(matrix.rowOffsets == [0, 3, 5, 9, 12])
        #expect(Array(matrix.columns(inRow: 2)) == [1, 2, 3, 4])
        #expect(Array(matrix.values(inRow: 3)) == [5, 4, 2])
        let dense = matrix.denseRows([1, 0])
        #expect(dense == [4, 0, 0, 1, 0, 5, 3, 4, 0, 0])
        #expect(matrix.selectingRows([3]).rowOffsets == [0, 3])
        let binary = try sampleInteractions().matrix(binary: true)
        #expect(binary.values.allSatisfy { $0 == 1 })
    }

    @Test func transposeSwapsRowsAndColumns() throws {
        let matrix = try sampleInteractions().matrix()
        let transposed = matrix.transposed()
        #expect(transposed.rowCount == 5 && transposed.columnCount == 4)
        #expect(Array(transposed.columns(inRow: 0)) == [0, 1, 3])
        #expect(Array(transposed.values(inRow: 0)) == [5, 4, 5])
        #expect(transposed.transposed() == matrix)
    }

    @Test func selectingAndTransposingMatchTheTripletConstruction() throws {
        var generator = SeededGenerator(seed: 5)
        var rows = [Int](), columns = [Int](), values = [Float]()
        for _ in 0..<300 {
            rows.append(Int.random(in: 0..<20, using: &generator))
            columns.append(Int.random(in: 0..<30, using: &generator))
            values.append(Float(Int.random(in: 1...5, using: &generator)))
        }
        let matrix = try UserItemMatrix(rowCount: 20, columnCount: 30, rows: rows, columns: columns, values: values)
        let chosen = [7, 0, 7, 19, 3]
        var chosenRows = [Int](), chosenColumns = [Int](), chosenValues = [Float]()
        for (position, row) in chosen.enumerated() {
            chosenRows += Array(repeating: position, count: matrix.columns(inRow: row).count)
            chosenColumns += matrix.columns(inRow: row)
            chosenValues += matrix.values(inRow: row)
        }
        #expect(matrix.selectingRows(chosen) == (try UserItemMatrix(
            rowCount: 5, columnCount: 30, rows: chosenRows, columns: chosenColumns, values: chosenValues)))
        #expect(matrix.selectingRows([]).rowOffsets == [0])
        let storedRows = (0..<20).flatMap { row in Array(repeating: row, count: matrix.columns(inRow: row).count) }
        #expect(matrix.transposed() == (try UserItemMatrix(
            rowCount: 30, columnCount: 20, rows: matrix.columnIndices, columns: storedRows, values: matrix.values)))
    }

    @Test func displaysAsOneLineAndAsTheSummaryTable() throws {
        let ratings = try sampleInteractions()
        #expect(ratings.description == "sample: 4 users × 5 items, 12 ratings")
        #expect(ratings.mimeBundle()["text/html"] == ratings.summary().html)
        let split = try ratings.randomSplit(testFraction: 0.25, seed: 1)
        #expect(split.description == "train 9 ratings, test 3 ratings (4 users × 5 items)")
        let heldOut = try ratings.holdOutUsers(fraction: 0.25, minimumForSplit: 3, seed: 2)
        #expect(heldOut.description.hasPrefix("items: "))
        #expect(heldOut.mimeBundle()["text/html"]!.contains("test users"))
    }

    @Test func duplicateCellsKeepTheLastValue() throws {
        let matrix = try UserItemMatrix(rowCount: 1, columnCount: 3, rows: [0, 0, 0], columns: [2, 0, 2], values: [1, 2, 3])
        #expect(matrix.columnIndices == [0, 2] && matrix.values == [2, 3])
        #expect(throws: DatasetsError.invalidArgument("UserItemMatrix: column 3 is outside 0..<3")) {
            try UserItemMatrix(rowCount: 1, columnCount: 3, rows: [0], columns: [3], values: [1])
        }
        #expect(throws: DatasetsError.self) {
            try UserItemMatrix(rowCount: 1, columnCount: 3, rows: [0, 0], columns: [1], values: [1])
        }
        #expect(throws: DatasetsError.self) {
            try Interactions(name: "x", userIndices: [0], itemIndices: [1], ratings: [1], userIDs: ["a"], itemIDs: ["b"])
        }
        #expect(throws: DatasetsError.self) {
            try ImageDataset(name: "x", pixels: [0, 1, 2], labels: [1], height: 2, width: 2)
        }
    }

    @Test func summaryCountsAndDisplaysAsHTML() throws {
        let summary = try sampleInteractions().summary()
        #expect(summary.userCount == 4 && summary.itemCount == 5 && summary.ratingCount == 12)
        #expect(abs(summary.density - 0.6) < 1e-12)
        #expect(summary.ratingHistogram.map(\.rating) == [1, 2, 3, 4, 5])
        #expect(summary.ratingHistogram.map(\.count) == [1, 2, 2, 4, 3])
        #expect(summary.ratingsPerUser == (2, 3, 4) as (Int, Int, Int))
        #expect(summary.timeRange! == (100, 402) as (Int, Int))
        let bundle = summary.mimeBundle()
        #expect(bundle.keys.sorted() == ["text/html", "text/plain"])
        #expect(bundle["text/html"]!.contains("<caption>sample</caption>"))
        #expect(bundle["text/html"]!.contains("<th style=\"text-align:left\">density</th><td style=\"text-align:right\">60.00%</td>"))
        #expect(bundle["text/plain"]!.contains("rating 4"))
        #expect(formatted(1_234_567) == "1,234,567" && formatted(12) == "12")
        #expect(fixed(123456.5, 2) == "123456.50" && fixed(-0.00004, 4) == "0.0000" && fixed(.nan, 2) == "nan")
        #expect(fixed(1e300, 2) == "1e+300" && fixed(-3e16, 4) == "-3e+16")   // a mean rating of a file with absurd ratings
        #expect(escapeHTML("<a & 'b'>") == "&lt;a &amp; &#39;b&#39;&gt;")
    }
}
