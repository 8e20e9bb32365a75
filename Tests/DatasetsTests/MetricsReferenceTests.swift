@testable import Datasets
import Foundation
import Testing

/// The Swift metrics against scripts/metrics_reference.py (numpy) on the same float32 scores.
@Suite struct MetricsReferenceTests {
    struct Fixture: Decodable {
        struct User: Decodable {
            let scores: [Float]
            let relevant: [Int]
            let excluded: [Int]
        }

        struct Ratings: Decodable {
            let predicted: [Float]
            let observed: [Float]
            let RMSE: Double
            let MAE: Double
        }

        let cutoffs: [Int]
        let users: [User]
        let metrics: [String: [Double?]]
        let ratings: Ratings
    }

    func fixture() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "metrics_reference", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    @Test func rankingMetricsMatchTheNumpyReferencePerUser() throws {
        let fixture = try fixture()
        var metrics: [RankingMetric] = [.areaUnderCurve]
        for k in fixture.cutoffs {
            metrics += [.ndcg(k), .recall(k), .truncatedRecall(k), .precision(k), .hit(k), .meanReciprocalRank(k)]
        }
        var compared = 0
        for metric in metrics {
            let expected = try #require(fixture.metrics[metric.description], "fixture lacks \(metric)")
            for (index, user) in fixture.users.enumerated() {
                let actual = metric.value(scores: user.scores, relevant: Set(user.relevant), excluded: Set(user.excluded))
                if let reference = expected[index] {
                    let value = try #require(actual, "\(metric) user \(index): nil, reference \(reference)")
                    #expect(abs(value - reference) < 1e-9, "\(metric) user \(index): \(value) vs \(reference)")
                    compared += 1
                } else {
                    #expect(actual == nil, "\(metric) user \(index) should be undefined")
                }
            }
        }
        #expect(compared > 700)
    }

    @Test func batchEvaluationMatchesTheReferenceMeans() throws {
        let fixture = try fixture()
        let metrics: [RankingMetric] = [.ndcg(10), .truncatedRecall(20), .areaUnderCurve]
        let report = try RankingMetric.evaluate(
            metrics, scores: fixture.users.flatMap(\.scores), itemCount: fixture.users[0].scores.count,
            relevant: fixture.users.map(\.relevant), excluded: fixture.users.map(\.excluded))
        for metric in metrics {
            let defined = fixture.metrics[metric.description]!.compactMap { $0 }
            #expect(abs(report[metric]! - defined.reduce(0, +) / Double(defined.count)) < 1e-9)
        }
    }

    @Test func ratingMetricsMatchTheReference() throws {
        let ratings = try fixture().ratings
        #expect(abs(try RatingMetric.rootMeanSquaredError.value(predicted: ratings.predicted, observed: ratings.observed)
            - ratings.RMSE) < 1e-9)
        #expect(abs(try RatingMetric.meanAbsoluteError.value(predicted: ratings.predicted, observed: ratings.observed)
            - ratings.MAE) < 1e-9)
    }
}
