@testable import Datasets
import Foundation
import Testing

@Suite struct RankingMetricTests {
    let scores: [Float] = [0.9, 0.8, 0.7, 0.6, 0.5]

    @Test func handComputedValuesWithoutExclusion() throws {
        let relevant: Set = [1, 3]
        func value(_ metric: RankingMetric) throws -> Double { try #require(metric.value(scores: scores, relevant: relevant)) }
        // DCG = 1/log2(3); IDCG = 1 + 1/log2(3).
        #expect(abs(try value(.ndcg(3)) - 0.386_852_807) < 1e-8)
        #expect(try value(.recall(3)) == 0.5)
        #expect(try value(.truncatedRecall(1)) == 0)
        #expect(try value(.truncatedRecall(3)) == 0.5)
        #expect(abs(try value(.precision(3)) - 1.0 / 3) < 1e-12)
        #expect(try value(.hit(1)) == 0)
        #expect(try value(.hit(2)) == 1)
        #expect(try value(.meanReciprocalRank(3)) == 0.5)
        #expect(try value(.meanReciprocalRank(1)) == 0)
        // Pairs (0.8 vs 0.9, 0.7, 0.5) and (0.6 vs 0.9, 0.7, 0.5): 3 of 6 won.
        #expect(try value(.areaUnderCurve) == 0.5)
        // The whole ranking is relevant-perfect only when k covers it: NDCG@5 of [1, 3] = (1/log2 3 + 1/log2 5) / IDCG.
        let expected: Double = (1 / log2(3.0) + 1 / log2(5.0)) / (1 + 1 / log2(3.0))
        #expect(abs(try value(.ndcg(5)) - expected) < 1e-12)
    }

    @Test func excludedItemsLeaveTheRanking() throws {
        let relevant: Set = [1, 3]
        let excluded: Set = [0]
        let ndcg = try #require(RankingMetric.ndcg(2).value(scores: scores, relevant: relevant, excluded: excluded))
        let expected: Double = 1 / (1 + 1 / log2(3.0))
        #expect(abs(ndcg - expected) < 1e-12)
        #expect(RankingMetric.meanReciprocalRank(3).value(scores: scores, relevant: relevant, excluded: excluded) == 1)
        #expect(RankingMetric.areaUnderCurve.value(scores: scores, relevant: relevant, excluded: excluded) == 0.75)
        // Every relevant item excluded: undefined.
        #expect(RankingMetric.ndcg(3).value(scores: scores, relevant: [0], excluded: [0]) == nil)
        #expect(RankingMetric.areaUnderCurve.value(scores: scores, relevant: [0, 1, 2, 3, 4]) == nil)
    }

    @Test func theTwoRecallsDifferWhenThereAreMoreRelevantItemsThanK() {
        let relevant: Set = [0, 1, 2, 3]
        #expect(RankingMetric.recall(2).value(scores: scores, relevant: relevant) == 0.5)
        #expect(RankingMetric.truncatedRecall(2).value(scores: scores, relevant: relevant) == 1)
        #expect(RankingMetric.recall(2).description == "Recall@2")
        #expect(RankingMetric.truncatedRecall(2).description == "TruncatedRecall@2")
    }

    @Test func tiesRankTheLowerIndexFirstAndCountHalfInAUC() {
        let tied: [Float] = [1, 1, 1]
        #expect(RankingMetric.hit(2).value(scores: tied, relevant: [2]) == 0)
        #expect(RankingMetric.meanReciprocalRank(3).value(scores: tied, relevant: [2]) == 1.0 / 3)
        #expect(RankingMetric.areaUnderCurve.value(scores: tied, relevant: [2]) == 0.5)
    }

    @Test func topIndicesMatchesAFullSort() {
        var generator = SeededGenerator(seed: 5)
        let scores = (0..<500).map { _ in Float(generator.nextInt(below: 50)) }
        let candidates = Array(0..<500).filter { $0 % 7 != 0 }
        let sorted = candidates.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
        for count in [0, 1, 10, 100, 428, 1_000] {
            #expect(topIndices(candidates, scores: scores, count: count) == Array(sorted.prefix(count)))
        }
    }

    @Test func evaluateAveragesOverDefinedUsersAndUsesFoldIn() throws {
        let rows: [Float] = scores + scores
        let report = try RankingMetric.evaluate(
            [.hit(1), .recall(2)], scores: rows, itemCount: 5, relevant: [[1], [2]], excluded: [[0], [0, 2]])
        // User 0: item 1 tops the ranking once 0 is gone. User 1: its only relevant item is excluded.
        #expect(report[.hit(1)] == 1)
        #expect(report.entries[0].userCount == 1)
        #expect(report["Recall@2"] == 1)
        let bundle = report.mimeBundle()
        #expect(bundle["text/html"]?.contains("<th style=\"text-align:left\">Hit@1</th><td>1.0000</td>") == true)
        #expect(bundle["text/plain"]?.hasPrefix("Hit@1") == true)

        let users = FoldInUsers(
            userIDs: ["a", "b"],
            foldIn: try UserItemMatrix(rowCount: 2, columnCount: 5, rows: [0, 1], columns: [0, 1], values: [1, 1]),
            target: try UserItemMatrix(rowCount: 2, columnCount: 5, rows: [0, 1, 1], columns: [1, 2, 4], values: [1, 1, 1]))
        let heldOut = try RankingMetric.evaluate([.ndcg(1), .recall(2)], scores: rows, users: users)
        // User a ranks 1,2,3,4: hit at 1. User b ranks 0,2,3,4: NDCG@1 0, recall@2 = 1/2.
        #expect(heldOut[.ndcg(1)] == 0.5)
        #expect(heldOut[.recall(2)] == 0.75)
        #expect(abs(heldOut.entries[0].standardError - 0.5) < 1e-12)
    }
}

extension RankingMetricTests {
    @Test func fullRankingEvaluationExcludesTrainAndValidationItems() throws {
        let scores: [Float] = [0.9, 0.8, 0.7, 0.6, 0.5]
        func matrix(_ columns: [Int]) -> UserItemMatrix {
            try! UserItemMatrix(rowCount: 1, columnCount: 5, rows: columns.map { _ in 0 }, columns: columns,
                           values: columns.map { _ in 1 })
        }
        let report = try RankingMetric.evaluate([.hit(1), .meanReciprocalRank(5)], scores: scores, relevant: matrix([3]),
                                            excluded: [matrix([0]), matrix([1, 2])])
        #expect(report[.hit(1)] == 1 && report[.meanReciprocalRank(5)] == 1)
        #expect(throws: DatasetsError.self) {
            try RankingMetric.evaluate([.hit(1)], scores: [1, 2, 3], itemCount: 5, relevant: [[1]])
        }
        let unexcluded = try RankingMetric.evaluate([.meanReciprocalRank(5)], scores: scores, relevant: matrix([3]))
        #expect(unexcluded[.meanReciprocalRank(5)] == 0.25)
    }
}

@Suite struct RatingMetricTests {
    @Test func handComputedErrors() throws {
        let predicted: [Float] = [3.5, 4, 2]
        let observed: [Float] = [4, 4, 4]
        #expect(abs(try RatingMetric.rootMeanSquaredError.value(predicted: predicted, observed: observed)
            - (4.25 / 3).squareRoot()) < 1e-12)
        #expect(abs(try RatingMetric.meanAbsoluteError.value(predicted: predicted, observed: observed) - 2.5 / 3) < 1e-12)
        #expect(throws: DatasetsError.self) { try RatingMetric.meanAbsoluteError.value(predicted: [], observed: []) }
        #expect(throws: DatasetsError.self) { try RatingMetric.meanAbsoluteError.value(predicted: [1], observed: [1, 2]) }
        #expect(RatingMetric.rootMeanSquaredError.description == "RMSE")
    }
}
