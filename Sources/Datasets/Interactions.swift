/// A table of ratings: one row per (user, item, rating, timestamp), with users and items as dense
/// indices `0..<userCount` and `0..<itemCount`, and the original ids kept for each index.
///
/// Loaders produce it (``MovieLens``, ``RecBoleAtomicFiles``); transforms (``implicit(minRating:)``,
/// ``kCore(userMinimum:itemMinimum:)``) return new tables with the indices reassigned densely;
/// splits divide it into train, validation and test tables that share one index space; and
/// ``matrix(binary:)`` turns it into the CSR user–item matrix the models read.
///
/// ```swift
/// let ratings = try MovieLens.load(.ml100k)
/// ratings.summary()            // users, items, density, rating histogram (HTML in a notebook)
/// let positives = ratings.implicit(minRating: 4)
/// ```
public struct Interactions: Sendable {
    /// The user index of each rating, in `0..<userCount`.
    public internal(set) var userIndices: [Int]
    /// The item index of each rating, in `0..<itemCount`.
    public internal(set) var itemIndices: [Int]
    /// The rating values (1 for implicit feedback).
    public internal(set) var ratings: [Float]
    /// The timestamps (seconds since 1970 in MovieLens; 0 when the file has none).
    public internal(set) var timestamps: [Int]
    /// The original user id of each user index (`userIDs[index]`).
    public internal(set) var userIDs: [String]
    /// The original item id of each item index (`itemIDs[index]`).
    public internal(set) var itemIDs: [String]
    /// The title of each item index, when the dataset has titles (empty string for an item without one).
    public internal(set) var itemTitles: [String]?
    /// The genres of each item index, when the dataset has genres.
    public internal(set) var itemGenres: [[String]]?
    /// A short name for displays, such as "ml-100k".
    public var name: String

    /// Creates a table from parallel arrays that already use dense indices.
    ///
    /// Throws ``DatasetsError/invalidArgument(_:)`` unless the arrays have equal counts, every
    /// index is within its id list, and titles and genres (when given) have one entry per item id.
    ///
    /// - Parameters:
    ///   - name: A short name for displays, such as "ml-100k".
    ///   - userIndices: The user index of each rating, in `0..<userIDs.count`.
    ///   - itemIndices: The item index of each rating, in `0..<itemIDs.count`.
    ///   - ratings: The rating values (1 for implicit feedback).
    ///   - timestamps: One timestamp per rating; nil for zeros.
    ///   - userIDs: The original id of each user index.
    ///   - itemIDs: The original id of each item index.
    ///   - itemTitles: One title per item id; nil when the dataset has none.
    ///   - itemGenres: The genres of each item id; nil when the dataset has none.
    public init(
        name: String, userIndices: [Int], itemIndices: [Int], ratings: [Float], timestamps: [Int]? = nil,
        userIDs: [String], itemIDs: [String], itemTitles: [String]? = nil, itemGenres: [[String]]? = nil
    ) throws {
        func check(_ condition: Bool, _ reason: @autoclosure () -> String) throws {
            if !condition { throw DatasetsError.invalidArgument("Interactions: " + reason()) }
        }
        try check(userIndices.count == ratings.count && itemIndices.count == ratings.count,
                  "userIndices (\(userIndices.count)), itemIndices (\(itemIndices.count)) and ratings (\(ratings.count)) must have equal counts")
        try check(timestamps == nil || timestamps!.count == ratings.count, "timestamps must have one entry per rating")
        try check(userIndices.allSatisfy { $0 >= 0 && $0 < userIDs.count }, "a user index is outside 0..<\(userIDs.count)")
        try check(itemIndices.allSatisfy { $0 >= 0 && $0 < itemIDs.count }, "an item index is outside 0..<\(itemIDs.count)")
        try check(itemTitles == nil || itemTitles!.count == itemIDs.count, "itemTitles must have one entry per item id")
        try check(itemGenres == nil || itemGenres!.count == itemIDs.count, "itemGenres must have one entry per item id")
        self.init(unchecked: name, userIndices: userIndices, itemIndices: itemIndices, ratings: ratings,
                  timestamps: timestamps ?? Array(repeating: 0, count: ratings.count), userIDs: userIDs,
                  itemIDs: itemIDs, itemTitles: itemTitles, itemGenres: itemGenres)
    }

    /// Creates a table from arrays the caller has already checked.
    init(
        unchecked name: String, userIndices: [Int], itemIndices: [Int], ratings: [Float], timestamps: [Int],
        userIDs: [String], itemIDs: [String], itemTitles: [String]? = nil, itemGenres: [[String]]? = nil
    ) {
        self.name = name
        self.userIndices = userIndices
        self.itemIndices = itemIndices
        self.ratings = ratings
        self.timestamps = timestamps
        self.userIDs = userIDs
        self.itemIDs = itemIDs
        self.itemTitles = itemTitles
        self.itemGenres = itemGenres
    }

    /// The number of ratings (rows).
    public var count: Int { ratings.count }
    /// The number of users (the size of the user index space, including users without rows after a split).
    public var userCount: Int { userIDs.count }
    /// The number of items (the size of the item index space).
    public var itemCount: Int { itemIDs.count }

    /// The user index of an original user id, if the table has that user.
    ///
    /// - Parameter id: The user's id as in the file, e.g. "196".
    public func userIndex(forID id: String) -> Int? { userIDs.firstIndex(of: id) }
    /// The item index of an original item id, if the table has that item.
    ///
    /// - Parameter id: The item's id as in the file, e.g. "242".
    public func itemIndex(forID id: String) -> Int? { itemIDs.firstIndex(of: id) }

    /// The rows at `positions`, in that order, keeping the index space and metadata.
    func selecting(_ positions: [Int]) -> Interactions {
        var result = self
        result.userIndices = positions.map { userIndices[$0] }
        result.itemIndices = positions.map { itemIndices[$0] }
        result.ratings = positions.map { ratings[$0] }
        result.timestamps = positions.map { timestamps[$0] }
        return result
    }

    /// The row positions of each user, in row order.
    func positionsByUser() -> [[Int]] {
        var groups = Array(repeating: [Int](), count: userCount)
        for (position, user) in userIndices.enumerated() { groups[user].append(position) }
        return groups
    }
}

extension Interactions {
    /// Maps tokens to dense indices in the ids' natural order (numeric order when every id is an
    /// integer, as in MovieLens, so user "1" gets index 0; lexicographic otherwise).
    static func denseIndices(_ tokens: [String]) -> (indices: [Int], ids: [String]) {
        var firstSeen = [String: Int]()
        var unique = [String]()
        var provisional = [Int]()
        provisional.reserveCapacity(tokens.count)
        for token in tokens {
            if let index = firstSeen[token] {
                provisional.append(index)
            } else {
                firstSeen[token] = unique.count
                provisional.append(unique.count)
                unique.append(token)
            }
        }
        let order = sortedIDOrder(unique)
        var finalIndex = Array(repeating: 0, count: unique.count)
        for (rank, provisionalIndex) in order.enumerated() { finalIndex[provisionalIndex] = rank }
        return (provisional.map { finalIndex[$0] }, order.map { unique[$0] })
    }

    /// The positions of `ids` in natural order: numeric when all are integers, otherwise lexicographic.
    static func sortedIDOrder(_ ids: [String]) -> [Int] {
        let numbers = ids.map { Int($0) }
        if numbers.allSatisfy({ $0 != nil }) {
            return ids.indices.sorted { numbers[$0]! < numbers[$1]! }
        }
        return ids.indices.sorted { ids[$0] < ids[$1] }
    }

    /// Attaches titles and genres given by original item id; items without metadata get "" and [].
    mutating func attachItemMetadata(titles: [String: String]?, genres: [String: [String]]?) {
        if let titles { itemTitles = itemIDs.map { titles[$0] ?? "" } }
        if let genres { itemGenres = itemIDs.map { genres[$0] ?? [] } }
    }
}
