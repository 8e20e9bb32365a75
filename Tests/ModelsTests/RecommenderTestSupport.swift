import Datasets
@testable import Models

/// Small synthetic data for the recommender tests: users in three taste groups, each liking most of
/// its group's items and a few others, drawn from a fixed seed.
enum RecommenderTestData {
    /// `users` users × `items` items of implicit feedback (ones) or ratings 1...5 (`rated`).
    static func interactions(users: Int = 90, items: Int = 30, rated: Bool = false, seed: Int = 3) throws -> Interactions {
        var generator = SeededGenerator(seed: seed)
        var userIndices = [Int](), itemIndices = [Int](), ratings = [Float]()
        let groupWidth = items / 3
        for user in 0..<users {
            let group = user % 3
            for item in 0..<items {
                let inGroup = item / groupWidth == group
                let chance = inGroup ? 0.7 : 0.08
                guard generator.nextUnitDouble() < chance else { continue }
                userIndices.append(user)
                itemIndices.append(item)
                ratings.append(rated ? Float(inGroup ? 4 + generator.nextInt(below: 2) : 1 + generator.nextInt(below: 2)) : 1)
            }
        }
        return try Interactions(name: "synthetic", userIndices: userIndices, itemIndices: itemIndices, ratings: ratings,
                                userIDs: (0..<users).map { "u\($0)" }, itemIDs: (0..<items).map { "i\($0)" })
    }

    /// A held-out-users split of the implicit synthetic data.
    static func heldOutSplit(seed: Int = 5) throws -> HeldOutUsersSplit {
        try interactions().holdOutUsers(fraction: 0.15, seed: seed)
    }

    /// NDCG@10 on the test users of ranking items by their training popularity (a baseline that
    /// ignores the taste groups, which a model that learned them beats).
    static func popularityNDCG(_ split: HeldOutUsersSplit) throws -> Double {
        var counts = [Float](repeating: 0, count: split.itemCount)
        for item in split.train.columnIndices { counts[item] += 1 }
        let scores = Array((0..<split.test.userCount).map { _ in counts }.joined())
        return try RankingMetric.evaluate([.ndcg(10)], scores: scores, users: split.test)[.ndcg(10)]!
    }
}
