/// The headline numbers of an ``Interactions`` table: counts, density, interactions per user and
/// item, and the rating histogram. In a notebook it displays as an HTML table.
///
/// ```swift
/// try MovieLens.load(.ml100k).summary()
/// // ml-100k: 943 users, 1,682 items, 100,000 ratings, density 6.30%
/// ```
public struct InteractionsSummary: Sendable, CustomStringConvertible {
    /// The dataset's display name.
    public let name: String
    /// The number of users.
    public let userCount: Int
    /// The number of items.
    public let itemCount: Int
    /// The number of ratings.
    public let ratingCount: Int
    /// ratings / (users × items).
    public let density: Double
    /// The mean rating.
    public let meanRating: Double
    /// Each distinct rating value with how many times it occurs, in ascending order of value.
    public let ratingHistogram: [(rating: Float, count: Int)]
    /// The fewest, median and most ratings of any user.
    public let ratingsPerUser: (minimum: Int, median: Int, maximum: Int)
    /// The fewest, median and most ratings of any item.
    public let ratingsPerItem: (minimum: Int, median: Int, maximum: Int)
    /// The earliest and latest timestamps (seconds since 1970), or nil when the table has none.
    public let timeRange: (first: Int, last: Int)?

    /// The rows of the table, as (label, value) text pairs.
    public var rows: [(String, String)] {
        var rows: [(String, String)] = [
            ("users", formatted(userCount)),
            ("items", formatted(itemCount)),
            ("ratings", formatted(ratingCount)),
            ("density", fixed(density * 100, 2) + "%"),
            ("mean rating", fixed(meanRating, 2)),
            ("ratings per user (min / median / max)",
             "\(formatted(ratingsPerUser.minimum)) / \(formatted(ratingsPerUser.median)) / \(formatted(ratingsPerUser.maximum))"),
            ("ratings per item (min / median / max)",
             "\(formatted(ratingsPerItem.minimum)) / \(formatted(ratingsPerItem.median)) / \(formatted(ratingsPerItem.maximum))"),
        ]
        if let timeRange { rows.append(("timestamps", "\(timeRange.first) … \(timeRange.last)")) }
        if ratingHistogram.count <= 12 {
            for bin in ratingHistogram {
                rows.append(("rating \(formattedRating(bin.rating))", formatted(bin.count)))
            }
        } else {
            rows.append(("distinct rating values", formatted(ratingHistogram.count)))
        }
        return rows
    }

    /// A plain-text table, one "label: value" line per row.
    public var description: String {
        let width = rows.map(\.0.count).max() ?? 0
        let body = rows.map { label, value in
            label + String(repeating: " ", count: width - label.count) + "  " + value
        }
        return ([name] + body).joined(separator: "\n")
    }

    /// The summary as a two-column HTML table.
    public var html: String {
        let body = rows.map { label, value in
            "<tr><th style=\"text-align:left\">\(escapeHTML(label))</th><td style=\"text-align:right\">\(escapeHTML(value))</td></tr>"
        }
        return "<table class=\"swift-experiments-summary\">\n<caption>\(escapeHTML(name))</caption>\n"
            + body.joined(separator: "\n") + "\n</table>"
    }

    /// The Jupyter display bundle: `text/plain` and `text/html`.
    public func mimeBundle() -> [String: String] {
        ["text/plain": description, "text/html": html]
    }
}

extension Interactions {
    /// The table's counts, density, per-user and per-item spread and rating histogram.
    public func summary() -> InteractionsSummary {
        var perUser = Array(repeating: 0, count: userCount)
        var perItem = Array(repeating: 0, count: itemCount)
        for user in userIndices { perUser[user] += 1 }
        for item in itemIndices { perItem[item] += 1 }
        var histogram = [Float: Int]()
        var total = 0.0
        for rating in ratings {
            histogram[rating, default: 0] += 1
            total += Double(rating)
        }
        let cells = Double(userCount) * Double(itemCount)
        let hasTimes = timestamps.contains { $0 != 0 }
        return InteractionsSummary(
            name: name, userCount: userCount, itemCount: itemCount, ratingCount: count,
            density: cells > 0 ? Double(count) / cells : 0,
            meanRating: count > 0 ? total / Double(count) : 0,
            ratingHistogram: histogram.sorted { $0.key < $1.key }.map { (rating: $0.key, count: $0.value) },
            ratingsPerUser: spread(perUser), ratingsPerItem: spread(perItem),
            timeRange: hasTimes ? (timestamps.min()!, timestamps.max()!) : nil)
    }
}

/// Minimum, median (lower middle) and maximum of counts; zeros when empty.
private func spread(_ counts: [Int]) -> (minimum: Int, median: Int, maximum: Int) {
    guard !counts.isEmpty else { return (0, 0, 0) }
    let sorted = counts.sorted()
    return (sorted[0], sorted[(sorted.count - 1) / 2], sorted[sorted.count - 1])
}

/// An integer with thousands separators: 100000 → "100,000".
func formatted(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var groups = [Substring]()
    var end = digits.endIndex
    while end > digits.startIndex {
        let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
        groups.insert(digits[start..<end], at: 0)
        end = start
    }
    return (value < 0 ? "-" : "") + groups.joined(separator: ",")
}

/// A rating without a needless ".0": 4 → "4", 3.5 → "3.5".
private func formattedRating(_ rating: Float) -> String {
    rating == rating.rounded() ? String(Int(rating)) : String(rating)
}

/// Escapes the five HTML special characters.
func escapeHTML(_ text: String) -> String {
    var result = ""
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
