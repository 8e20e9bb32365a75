@testable import Datasets
import Testing

/// A synthetic table: `users` users, each rating `perUser` distinct items out of `items`.
func syntheticInteractions(users: Int, items: Int, perUser: Int, seed: Int = 1) -> Interactions {
    var generator = SeededGenerator(seed: seed)
    var userIndices = [Int](), itemIndices = [Int](), ratings = [Float](), timestamps = [Int]()
    for user in 0..<users {
        for (order, item) in generator.permutation(of: items).prefix(perUser).enumerated() {
            userIndices.append(user)
            itemIndices.append(item)
            ratings.append(Float(1 + generator.nextInt(below: 5)))
            timestamps.append(1_000 * user + 10 * order)
        }
    }
    return try! Interactions(name: "synthetic", userIndices: userIndices, itemIndices: itemIndices, ratings: ratings,
                        timestamps: timestamps, userIDs: (0..<users).map { "u\($0)" }, itemIDs: (0..<items).map { "i\($0)" })
}

/// Each row as a hashable triple, for set comparisons.
func rows(_ table: Interactions) -> [[Int]] {
    (0..<table.count).map { [table.userIndices[$0], table.itemIndices[$0], table.timestamps[$0]] }
}

@Suite struct SplitsTests {
    let table = syntheticInteractions(users: 50, items: 40, perUser: 12)

    @Test func randomSplitIsExactDisjointAndSeeded() throws {
        let split = try table.randomSplit(testFraction: 0.1, seed: 42)
        #expect(split.test.count == 60 && split.train.count == 540)
        #expect(Set(rows(split.train)).isDisjoint(with: Set(rows(split.test))))
        #expect(Set(rows(split.train)).union(rows(split.test)) == Set(rows(table)))
        #expect(split.itemCount == 40 && split.userCount == 50)
        let again = try table.randomSplit(testFraction: 0.1, seed: 42)
        #expect(rows(again.test) == rows(split.test))
        #expect(try rows(table.randomSplit(testFraction: 0.1, seed: 43).test) != rows(split.test))
        #expect(throws: DatasetsError.self) { try table.randomSplit(testFraction: 1.5, seed: 1) }
    }

    @Test func perUserRandomSplitFollowsRecBoleCounts() throws {
        // RecBole's _calcu_split_ids: 12 → int(1.2)=1 each, train 10; 3 → 0,0 then bumped to 1,1, train 1.
        #expect(recBoleSplitCounts(total: 12, ratios: [0.8, 0.1, 0.1]) == [10, 1, 1])
        #expect(recBoleSplitCounts(total: 3, ratios: [0.8, 0.1, 0.1]) == [1, 1, 1])
        #expect(recBoleSplitCounts(total: 2, ratios: [0.8, 0.1, 0.1]) == [1, 0, 1])
        #expect(recBoleSplitCounts(total: 1, ratios: [0.8, 0.1, 0.1]) == [1, 0, 0])
        let split = try table.perUserRandomSplit(seed: 7)
        #expect(split.train.count == 500 && split.validation.count == 50 && split.test.count == 50)
        for user in 0..<50 {
            #expect(split.test.userIndices.filter { $0 == user }.count == 1)
        }
        let all = rows(split.train) + rows(split.validation) + rows(split.test)
        #expect(all.count == Set(all).count && Set(all) == Set(rows(table)))
        #expect(try rows(table.perUserRandomSplit(seed: 7).validation) == rows(split.validation))
        #expect(throws: DatasetsError.self) { try table.perUserRandomSplit(ratios: [0.8, 0.2], seed: 1) }
    }

    @Test func leaveLastOutTakesTheLatestByTime() throws {
        let split = table.leaveLastOut()
        #expect(split.test.count == 50 && split.validation.count == 50 && split.train.count == 500)
        for position in 0..<split.test.count {
            let user = split.test.userIndices[position]
            // Timestamps are 1000·user + 10·order: the latest is order 11, the one before order 10.
            #expect(split.test.timestamps[position] == 1_000 * user + 110)
            #expect(split.validation.timestamps[position] == 1_000 * user + 100)
        }
        // A user with two ratings gives one to test; one with a single rating keeps it.
        let small = try Interactions(name: "s", userIndices: [0, 0, 1], itemIndices: [0, 1, 0], ratings: [1, 1, 1],
                                 timestamps: [5, 3, 1], userIDs: ["a", "b"], itemIDs: ["x", "y"])
        let smallSplit = small.leaveLastOut()
        #expect(smallSplit.test.itemIndices == [0] && smallSplit.test.userIndices == [0])
        #expect(smallSplit.validation.count == 0 && smallSplit.train.count == 2)
    }

    @Test func heldOutUsersFollowLiangEtAl() throws {
        let split = try table.holdOutUsers(fraction: 0.1, seed: 98_765)
        #expect(split.validation.userCount == 5 && split.test.userCount == 5 && split.train.rowCount == 40)
        let allUsers = split.trainUserIDs + split.validation.userIDs + split.test.userIDs
        #expect(Set(allUsers).count == 50)
        // Items are exactly those the training users rated.
        #expect(split.itemCount == Set(split.train.columnIndices).count)
        for users in [split.validation, split.test] {
            for row in 0..<users.userCount {
                let foldIn = Set(users.foldIn.columns(inRow: row))
                let target = Set(users.target.columns(inRow: row))
                #expect(foldIn.isDisjoint(with: target))
                // floor(0.2 × n) targets of the n kept items.
                #expect(target.count == Int(0.2 * Double(foldIn.count + target.count)))
            }
        }
        let again = try table.holdOutUsers(fraction: 0.1, seed: 98_765)
        #expect(again.test.target == split.test.target && again.trainUserIDs == split.trainUserIDs)
        #expect(throws: DatasetsError.self) { try table.holdOutUsers(fraction: 0.5, seed: 1) }
    }

    @Test func heldOutUsersWithFewItemsKeepThemAllAsFoldIn() throws {
        let sparse = syntheticInteractions(users: 20, items: 30, perUser: 4)
        let split = try sparse.holdOutUsers(fraction: 0.25, seed: 3)
        #expect(split.test.target.entryCount == 0)
        #expect(split.test.foldIn.entryCount > 0)
    }
}
