/// Users held out for evaluation, each with the items the model sees (fold-in) and the items it must
/// predict (target); the two matrices have one row per held-out user, in the same order.
public struct FoldInUsers: Sendable {
    /// The original id of each row's user.
    public let userIDs: [String]
    /// The items fed to the model for each user (about 80% of the user's items).
    public let foldIn: UserItemMatrix
    /// The items to rank for each user (about 20%); fold-in items are excluded from the ranking.
    public let target: UserItemMatrix
    /// The number of held-out users.
    public var userCount: Int { userIDs.count }
}

/// Strong generalisation (Liang et al. 2018, "Variational Autoencoders for Collaborative
/// Filtering", and their vae_cf preprocessing): users, not ratings, are split. Training users give
/// whole rows; validation and test users are disjoint from them and from each other, and each of
/// their item sets is split into fold-in and target. Items are those rated by training users;
/// validation and test ratings of other items are dropped.
public struct HeldOutUsersSplit: Sendable {
    /// The original id of each column's item.
    public let itemIDs: [String]
    /// The title of each column's item, when the dataset has titles.
    public let itemTitles: [String]?
    /// The original id of each training row's user.
    public let trainUserIDs: [String]
    /// The training users × items matrix.
    public let train: UserItemMatrix
    /// The validation users (for early stopping and model selection).
    public let validation: FoldInUsers
    /// The test users (reported once).
    public let test: FoldInUsers
    /// The number of items (columns of every matrix).
    public var itemCount: Int { itemIDs.count }
}

extension Interactions {
    /// Holds out users as in Liang et al. (2018): a seeded permutation of the users puts
    /// `round(users × fraction)` in test, as many in validation, and the rest in train. Each held-out
    /// user with at least `minimumForSplit` items gives `floor(targetFraction × n)` of them, drawn at
    /// random, to the target and keeps the rest as fold-in; a user with fewer keeps all as fold-in.
    ///
    /// - Parameters:
    ///   - fraction: The share of users in each of validation and test, in 0...1.
    ///   - targetFraction: The share of a held-out user's items to find, in 0...1.
    ///   - minimumForSplit: Users with fewer items keep all of them as fold-in.
    ///   - seed: The seed of the user permutation and the target draws.
    ///
    /// ```swift
    /// let split = try ratings.implicit(minRating: 4).holdOutUsers(fraction: 0.1, seed: 98765)
    /// ```
    public func holdOutUsers(
        fraction: Double = 0.1, targetFraction: Double = 0.2, minimumForSplit: Int = 5, seed: Int
    ) throws -> HeldOutUsersSplit {
        try checkFraction(fraction, name: "fraction")
        try checkFraction(targetFraction, name: "targetFraction")
        let heldOutCount = Int((Double(userCount) * fraction).rounded())
        guard userCount - 2 * heldOutCount > 0 else {
            throw DatasetsError.invalidArgument(
                "fraction \(fraction) of \(userCount) users leaves no training users (2 × \(heldOutCount) held out)")
        }
        var generator = SeededGenerator(seed: seed)
        let order = generator.permutation(of: userCount)
        let trainUsers = Array(order[..<(userCount - 2 * heldOutCount)])
        let validationUsers = Array(order[(userCount - 2 * heldOutCount)..<(userCount - heldOutCount)])
        let testUsers = Array(order[(userCount - heldOutCount)...])

        let byUser = positionsByUser()
        var itemColumn = Array(repeating: -1, count: itemCount)
        for user in trainUsers { for position in byUser[user] { itemColumn[itemIndices[position]] = 0 } }
        var keptItems = [Int]()
        for item in 0..<itemCount where itemColumn[item] == 0 {
            itemColumn[item] = keptItems.count
            keptItems.append(item)
        }

        func matrix(_ rows: [[Int]]) -> UserItemMatrix {
            var rowList = [Int](), columnList = [Int](), valueList = [Float]()
            for (row, positions) in rows.enumerated() {
                for position in positions {
                    rowList.append(row)
                    columnList.append(itemColumn[itemIndices[position]])
                    valueList.append(ratings[position])
                }
            }
            return UserItemMatrix(unchecked: rows.count, columnCount: keptItems.count, rows: rowList,
                                  columns: columnList, values: valueList)
        }

        func foldIn(_ users: [Int]) -> FoldInUsers {
            var foldInRows = [[Int]](), targetRows = [[Int]]()
            for user in users {
                let positions = byUser[user].filter { itemColumn[itemIndices[$0]] >= 0 }
                var isTarget = Array(repeating: false, count: positions.count)
                if positions.count >= minimumForSplit {
                    let targetCount = Int(targetFraction * Double(positions.count))
                    for index in generator.permutation(of: positions.count).prefix(targetCount) { isTarget[index] = true }
                }
                foldInRows.append(positions.indices.filter { !isTarget[$0] }.map { positions[$0] })
                targetRows.append(positions.indices.filter { isTarget[$0] }.map { positions[$0] })
            }
            return FoldInUsers(userIDs: users.map { userIDs[$0] }, foldIn: matrix(foldInRows), target: matrix(targetRows))
        }

        return HeldOutUsersSplit(
            itemIDs: keptItems.map { itemIDs[$0] }, itemTitles: itemTitles.map { titles in keptItems.map { titles[$0] } },
            trainUserIDs: trainUsers.map { userIDs[$0] }, train: matrix(trainUsers.map { byUser[$0] }),
            validation: foldIn(validationUsers), test: foldIn(testUsers))
    }
}
