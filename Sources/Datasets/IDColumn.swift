/// One id column of a ratings file, collected while parsing: as integers while every token is a
/// canonical integer (MovieLens ids; no leading zeros, so the token round-trips), as strings from
/// the first token that is not (RecBole tokens may be any text). Integers keep large files quick.
struct IDColumn {
    private var numbers = [Int]()
    private var tokens: [String]?

    /// Reserves room for `count` ids.
    mutating func reserveCapacity(_ count: Int) {
        numbers.reserveCapacity(count)
    }

    /// Appends the id in `range` of `text`.
    mutating func append(_ range: Range<Int>, in text: DelimitedText) {
        if tokens == nil, let number = Self.canonicalInteger(range, in: text.bytes) {
            numbers.append(number)
            return
        }
        if tokens == nil {
            var converted = numbers.map(String.init)
            converted.reserveCapacity(numbers.capacity)
            tokens = converted
            numbers = []
        }
        tokens!.append(text.string(range))
    }

    /// Dense indices in the ids' natural order (numeric when all are integers, else lexicographic)
    /// and the id of each index.
    func denseIndices() -> (indices: [Int], ids: [String]) {
        if let tokens { return Interactions.denseIndices(tokens) }
        var firstSeen = [Int: Int]()
        var unique = [Int]()
        var provisional = [Int]()
        provisional.reserveCapacity(numbers.count)
        for number in numbers {
            if let index = firstSeen[number] {
                provisional.append(index)
            } else {
                firstSeen[number] = unique.count
                provisional.append(unique.count)
                unique.append(number)
            }
        }
        let order = unique.indices.sorted { unique[$0] < unique[$1] }
        var finalIndex = Array(repeating: 0, count: unique.count)
        for (rank, provisionalIndex) in order.enumerated() { finalIndex[provisionalIndex] = rank }
        return (provisional.map { finalIndex[$0] }, order.map { String(unique[$0]) })
    }

    /// The integer spelled by `range` when it is written the way `String(Int)` writes it.
    private static func canonicalInteger(_ range: Range<Int>, in bytes: [UInt8]) -> Int? {
        var position = range.lowerBound
        let negative = position < range.upperBound && bytes[position] == 0x2d
        if negative { position += 1 }
        let digitCount = range.upperBound - position
        guard digitCount > 0, digitCount <= 18 else { return nil }
        if bytes[position] == 0x30 && (digitCount > 1 || negative) { return nil }
        var value = 0
        while position < range.upperBound {
            let digit = Int(bytes[position]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
            position += 1
        }
        return negative ? -value : value
    }
}
