@testable import Datasets
import Foundation
import Testing

@Suite struct FullRankingTests {
    /// Two users over five items. User 0: train {0, 1}, validation {2}, test {3}; user 1: train {4},
    /// no validation, test {0, 1}. Ratings are not ones, to check the matrices are binary.
    func split() throws -> TrainValidationTestSplit {
        func table(_ pairs: [(Int, Int)]) throws -> Interactions {
            try Interactions(name: "hand", userIndices: pairs.map(\.0), itemIndices: pairs.map(\.1),
                             ratings: pairs.map { _ in 4 }, userIDs: ["a", "b"], itemIDs: ["0", "1", "2", "3", "4"])
        }
        return TrainValidationTestSplit(train: try table([(0, 0), (0, 1), (1, 4)]), validation: try table([(0, 2)]),
                                        test: try table([(0, 3), (1, 0), (1, 1)]))
    }

    @Test func validationUsersReadTrainingItemsAndTargetValidationItems() throws {
        let users = try split().validationUsers()
        #expect(users.userIDs == ["a", "b"])
        #expect(Array(users.foldIn.columns(inRow: 0)) == [0, 1] && Array(users.foldIn.columns(inRow: 1)) == [4])
        #expect(users.foldIn.values.allSatisfy { $0 == 1 })
        #expect(Array(users.target.columns(inRow: 0)) == [2] && users.target.columns(inRow: 1).isEmpty)
        // User 0 ranks [9, 8, 7, 1, 6] with 0 and 1 excluded: 2 comes first; user 1 has no target.
        let report = try RankingMetric.evaluate([.ndcg(10)], scores: [9, 8, 7, 1, 6, 1, 5, 3, 2, 9], users: users)
        #expect(report.entries[0].userCount == 1 && report[.ndcg(10)] == 1)
    }

    @Test func testRankingExcludesTrainingAndValidationItems() throws {
        // User 0: 0, 1, 2 excluded, ranking [4, 3], test item 3 second: NDCG 1/log2(3), MRR 1/2.
        // User 1: 4 excluded, ranking [1, 2, 3, 0], test items 1 (first) and 0 (fourth):
        // NDCG (1 + 1/log2(5)) / (1 + 1/log2(3)), MRR 1.
        let report = try split().evaluateTest([.ndcg(10), .meanReciprocalRank(10)],
                                              scores: [9, 8, 7, 1, 6, 1, 5, 3, 2, 9])
        let first = 1 / log2(3.0)
        let second = (1 + 1 / log2(5.0)) / (1 + 1 / log2(3.0))
        #expect(abs(report[.ndcg(10)]! - (first + second) / 2) < 1e-12)
        #expect(abs(report[.ndcg(10)]! - 0.754_07) < 1e-5)
        #expect(report[.meanReciprocalRank(10)] == 0.75)
    }
}
