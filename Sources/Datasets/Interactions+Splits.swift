/// A table split into train and test rows that share one user and item index space.
public struct TrainTestSplit: Sendable {
    /// The training ratings.
    public let train: Interactions
    /// The test ratings.
    public let test: Interactions
    /// The number of users in the shared index space.
    public var userCount: Int { train.userCount }
    /// The number of items in the shared index space.
    public var itemCount: Int { train.itemCount }
}

/// A table split into train, validation and test rows that share one user and item index space.
public struct TrainValidationTestSplit: Sendable {
    /// The training ratings.
    public let train: Interactions
    /// The validation ratings.
    public let validation: Interactions
    /// The test ratings.
    public let test: Interactions
    /// The number of users in the shared index space.
    public var userCount: Int { train.userCount }
    /// The number of items in the shared index space.
    public var itemCount: Int { train.itemCount }
}

extension Interactions {
    /// A random split of the ratings (as AutoRec's, Sedhain et al. 2015: 90% train, 10% test):
    /// exactly `round(count × testFraction)` rows, drawn uniformly with `seed`, go to test.
    /// Both halves keep the full index space and file order.
    ///
    /// - Parameters:
    ///   - testFraction: The share of ratings in test, in 0...1.
    ///   - seed: The seed of the draw.
    public func randomSplit(testFraction: Double = 0.1, seed: Int) throws -> TrainTestSplit {
        try checkFraction(testFraction, name: "testFraction")
        var generator = SeededGenerator(seed: seed)
        let order = generator.permutation(of: count)
        let testCount = Int((Double(count) * testFraction).rounded())
        var isTest = Array(repeating: false, count: count)
        for position in order.prefix(testCount) { isTest[position] = true }
        return TrainTestSplit(train: filtering { !isTest[$0] }, test: filtering { isTest[$0] })
    }

    /// RecBole's "RS" split grouped by user: each user's ratings are shuffled (with `seed`) and cut by
    /// `ratios` (train, validation, test; normalised to sum to 1), with RecBole's rounding: every
    /// non-empty share gets at least one rating while the train share keeps more than one.
    ///
    /// - Parameters:
    ///   - ratios: Train, validation and test shares, normalised to sum to 1.
    ///   - seed: The seed of the per-user shuffles.
    public func perUserRandomSplit(ratios: [Double] = [0.8, 0.1, 0.1], seed: Int) throws -> TrainValidationTestSplit {
        guard ratios.count == 3, ratios.allSatisfy({ $0 >= 0 }), ratios.reduce(0, +) > 0 else {
            throw DatasetsError.invalidArgument("ratios must be three non-negative numbers (train, validation, test), got \(ratios)")
        }
        let total = ratios.reduce(0, +)
        let normalised = ratios.map { $0 / total }
        var generator = SeededGenerator(seed: seed)
        var parts: [[Int]] = [[], [], []]
        for var positions in positionsByUser() where !positions.isEmpty {
            generator.shuffle(&positions)
            var start = 0
            for (part, size) in recBoleSplitCounts(total: positions.count, ratios: normalised).enumerated() {
                parts[part].append(contentsOf: positions[start..<(start + size)])
                start += size
            }
        }
        return TrainValidationTestSplit(train: selecting(parts[0].sorted()), validation: selecting(parts[1].sorted()),
                                        test: selecting(parts[2].sorted()))
    }

    /// Leave-last-out by time (RecBole's "LS" with `valid_and_test`): each user's latest rating goes
    /// to test and the one before it to validation; ties keep file order. A user with two ratings
    /// gives one to test and none to validation; a user with one keeps it in train.
    public func leaveLastOut() -> TrainValidationTestSplit {
        var parts: [[Int]] = [[], [], []]
        for positions in positionsByUser() where !positions.isEmpty {
            // Positions ascend in file order, so comparing them breaks timestamp ties by file order.
            let ordered = positions.sorted { (timestamps[$0], $0) < (timestamps[$1], $1) }
            let heldOut = min(2, ordered.count - 1)
            let trainCount = ordered.count - heldOut
            parts[0].append(contentsOf: ordered[..<trainCount])
            if heldOut == 2 { parts[1].append(ordered[trainCount]) }
            if heldOut >= 1 { parts[2].append(ordered[ordered.count - 1]) }
        }
        return TrainValidationTestSplit(train: selecting(parts[0].sorted()), validation: selecting(parts[1].sorted()),
                                        test: selecting(parts[2].sorted()))
    }
}

/// RecBole's `_calcu_split_ids` as counts: `int(ratio × total)` for the later shares, the rest to
/// the first, then each later share with `0 < ratio × total < 1` takes one from the first while
/// the first keeps more than one.
func recBoleSplitCounts(total: Int, ratios: [Double]) -> [Int] {
    var counts = ratios.map { Int($0 * Double(total)) }
    counts[0] = total - counts.dropFirst().reduce(0, +)
    for offset in 1..<ratios.count {
        if counts[0] <= 1 { break }
        let share = ratios[ratios.count - offset] * Double(total)
        if share > 0 && share < 1 {
            counts[ratios.count - offset] += 1
            counts[0] -= 1
        }
    }
    return counts
}

/// Throws unless `value` is in `0...1`.
func checkFraction(_ value: Double, name: String) throws {
    guard value >= 0 && value <= 1 else {
        throw DatasetsError.invalidArgument("\(name) must be between 0 and 1, got \(value)")
    }
}
