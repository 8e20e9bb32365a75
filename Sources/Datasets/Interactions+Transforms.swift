extension Interactions {
    /// Implicit feedback: keeps the ratings of at least `minRating`, sets each kept rating to 1,
    /// and reassigns dense indices to the users and items that remain.
    ///
    /// Liang et al. (2018) keep ratings above 3.5 on MovieLens, that is `minRating: 4`.
    ///
    /// - Parameter minRating: The lowest rating kept (Liang et al. use 4).
    public func implicit(minRating: Float) -> Interactions {
        var kept = filtering { ratings[$0] >= minRating }
        kept.ratings = Array(repeating: 1, count: kept.count)
        return kept.compacted()
    }

    /// The k-core: repeatedly drops users with fewer than `userMinimum` ratings and items with fewer
    /// than `itemMinimum` ratings until every remaining user and item meets its minimum (RecBole's
    /// `user_inter_num_interval` / `item_inter_num_interval` lower bounds), then reassigns indices.
    ///
    /// With `itemMinimum: 0` this is Liang et al.'s `filter_triplets(min_uc: 5, min_sc: 0)`.
    ///
    /// - Parameters:
    ///   - userMinimum: The fewest ratings a user keeps.
    ///   - itemMinimum: The fewest ratings an item keeps; 0 for no item filter.
    public func kCore(userMinimum: Int, itemMinimum: Int) -> Interactions {
        var keep = Array(repeating: true, count: count)
        var changed = true
        while changed {
            changed = false
            var perUser = Array(repeating: 0, count: userCount)
            var perItem = Array(repeating: 0, count: itemCount)
            for position in 0..<count where keep[position] {
                perUser[userIndices[position]] += 1
                perItem[itemIndices[position]] += 1
            }
            for position in 0..<count where keep[position] {
                if perUser[userIndices[position]] < userMinimum || perItem[itemIndices[position]] < itemMinimum {
                    keep[position] = false
                    changed = true
                }
            }
        }
        return filtering { keep[$0] }.compacted()
    }

    /// The rows for which `isIncluded(position)` is true, in the same index space.
    func filtering(_ isIncluded: (Int) -> Bool) -> Interactions {
        selecting((0..<count).filter(isIncluded))
    }

    /// Id remapping: drops users and items without ratings and renumbers the rest densely,
    /// keeping their relative order; ids, titles and genres follow their items.
    public func compacted() -> Interactions {
        let (userMap, userKept) = Self.compactMap(indices: userIndices, count: userCount)
        let (itemMap, itemKept) = Self.compactMap(indices: itemIndices, count: itemCount)
        var result = self
        result.userIndices = userIndices.map { userMap[$0] }
        result.itemIndices = itemIndices.map { itemMap[$0] }
        result.userIDs = userKept.map { userIDs[$0] }
        result.itemIDs = itemKept.map { itemIDs[$0] }
        result.itemTitles = itemTitles.map { titles in itemKept.map { titles[$0] } }
        result.itemGenres = itemGenres.map { genres in itemKept.map { genres[$0] } }
        return result
    }

    /// For indices in `0..<count`, the new index of each used one and the old indices kept, in order.
    private static func compactMap(indices: [Int], count: Int) -> (map: [Int], kept: [Int]) {
        var used = Array(repeating: false, count: count)
        for index in indices { used[index] = true }
        var map = Array(repeating: -1, count: count)
        var kept = [Int]()
        for index in 0..<count where used[index] {
            map[index] = kept.count
            kept.append(index)
        }
        return (map, kept)
    }
}
