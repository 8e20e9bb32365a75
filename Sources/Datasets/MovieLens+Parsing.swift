/// The text layouts of MovieLens and RecBole rating and item files, parsed from bytes so that
/// files on disk and members of a zip archive go through the same code.
enum RatingsLayout {
    /// `u.data` (100K): `user<TAB>item<TAB>rating<TAB>timestamp`, no header.
    case tabSeparated
    /// `ratings.dat` (1M, 10M): `UserID::MovieID::Rating::Timestamp`, no header.
    case doubleColonSeparated
    /// `ratings.csv` (20M, 25M, latest): a `userId,movieId,rating,timestamp` header, then rows.
    case commaSeparatedWithHeader
    /// RecBole `.inter`: a typed tab-separated header (`user_id:token	item_id:token	rating:float	...`).
    case recBoleAtomic

    /// The layout a ratings file's name implies.
    static func forFile(named name: String) -> RatingsLayout? {
        let lowercased = name.lowercased()
        if lowercased.hasSuffix(".inter") { return .recBoleAtomic }
        if lowercased.hasSuffix(".csv") || lowercased.hasSuffix(".csv.gz") { return .commaSeparatedWithHeader }
        if lowercased.hasSuffix(".dat") { return .doubleColonSeparated }
        if lowercased.hasSuffix(".data") || lowercased.hasSuffix(".tsv") || lowercased.hasSuffix(".base")
            || lowercased.hasSuffix(".test") { return .tabSeparated }
        return nil
    }
}

/// Parses a ratings file's bytes into an ``Interactions`` table named `name`.
func parseRatings(_ bytes: [UInt8], path: String, layout: RatingsLayout, name: String) throws -> Interactions {
    let text = DelimitedText(bytes: bytes, path: path)
    var columns = (user: 0, item: 1, rating: 2 as Int?, timestamp: 3 as Int?)
    var separator: [UInt8]
    var skipsFirstLine = false
    switch layout {
    case .tabSeparated: separator = [0x09]
    case .doubleColonSeparated: separator = [0x3a, 0x3a]
    case .commaSeparatedWithHeader: separator = [0x2c]; skipsFirstLine = true
    case .recBoleAtomic:
        separator = [0x09]
        skipsFirstLine = true
        let header = try AtomicFileHeader(text: text)
        columns = (try header.requiredColumn("user_id"), try header.requiredColumn("item_id"),
                   header.column("rating"), header.column("timestamp"))
    }
    let neededColumns = 1 + [columns.user, columns.item, columns.rating ?? 0, columns.timestamp ?? 0].max()!
    var userColumn = IDColumn()
    var itemColumn = IDColumn()
    var ratings = [Float]()
    var timestamps = [Int]()
    let estimate = bytes.count / 20
    userColumn.reserveCapacity(estimate)
    itemColumn.reserveCapacity(estimate)
    ratings.reserveCapacity(estimate)
    timestamps.reserveCapacity(estimate)
    var isFirstLine = true
    try text.forEachLine(separator: separator) { line, fields in
        if isFirstLine {
            isFirstLine = false
            if skipsFirstLine {
                if layout == .commaSeparatedWithHeader, text.integer(fields[0]) != nil {
                    throw text.failure(line: line, "expected a header such as userId,movieId,rating,timestamp")
                }
                return
            }
        }
        guard fields.count >= neededColumns else {
            throw text.failure(line: line, "expected at least \(neededColumns) columns, found \(fields.count)")
        }
        let user = fields[columns.user]
        let item = fields[columns.item]
        guard text.integer(user) != nil || (layout == .recBoleAtomic && !user.isEmpty) else {
            throw text.failure(line: line, "user id \(text.quoted(user)) is not an integer")
        }
        guard text.integer(item) != nil || (layout == .recBoleAtomic && !item.isEmpty) else {
            throw text.failure(line: line, "item id \(text.quoted(item)) is not an integer")
        }
        var rating: Float = 1
        if let column = columns.rating {
            guard let value = text.number(fields[column]) else {
                throw text.failure(line: line, "rating \(text.quoted(fields[column])) is not a number")
            }
            rating = Float(value)
        }
        var timestamp = 0
        if let column = columns.timestamp {
            guard let value = text.number(fields[column]) else {
                throw text.failure(line: line, "timestamp \(text.quoted(fields[column])) is not a number")
            }
            timestamp = Int(value)
        }
        userColumn.append(user, in: text)
        itemColumn.append(item, in: text)
        ratings.append(rating)
        timestamps.append(timestamp)
    }
    if ratings.isEmpty {
        throw DatasetsError.malformedFile(path: path, reason: "the file has no ratings (it is empty or only a header)")
    }
    let (userIndices, userIDs) = userColumn.denseIndices()
    let (itemIndices, itemIDs) = itemColumn.denseIndices()
    return Interactions(unchecked: name, userIndices: userIndices, itemIndices: itemIndices, ratings: ratings,
                        timestamps: timestamps, userIDs: userIDs, itemIDs: itemIDs)
}

/// Titles and genres by original item id.
struct ItemMetadata {
    var titles: [String: String] = [:]
    var genres: [String: [String]] = [:]
}

/// The 19 genre flags of MovieLens 100K `u.item`, in column order (from `u.genre`).
let movieLens100KGenres = [
    "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
    "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
]

/// Parses an item file: `u.item` (`|`, genre flags), `movies.dat` (`::`, `|` genres),
/// `movies.csv` (quoted titles, `|` genres) or a RecBole `.item` file (typed header).
func parseItems(_ bytes: [UInt8], path: String) throws -> ItemMetadata {
    let text = DelimitedText(bytes: bytes, path: path)
    let name = path.lowercased()
    let fileName = name.split(separator: "/").last.map(String.init) ?? name
    var metadata = ItemMetadata()
    if fileName.hasSuffix(".item") && fileName != "u.item" {
        let header = try AtomicFileHeader(text: text)
        let idColumn = try header.requiredColumn("item_id")
        let titleColumn = header.column("movie_title") ?? header.column("title")
        let genreColumn = header.column("class") ?? header.column("genre")
        var isHeader = true
        try text.forEachLine(separator: [0x09]) { line, fields in
            if isHeader { isHeader = false; return }
            guard fields.count > idColumn else { throw text.failure(line: line, "missing the item_id column") }
            let id = text.string(fields[idColumn])
            if let titleColumn, titleColumn < fields.count { metadata.titles[id] = text.string(fields[titleColumn]) }
            if let genreColumn, genreColumn < fields.count {
                metadata.genres[id] = text.string(fields[genreColumn]).split(separator: " ").map(String.init)
            }
        }
    } else if name.hasSuffix(".csv") {
        var isHeader = true
        for (offset, line) in text.string(0..<bytes.count).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated() where !line.isEmpty {
            if isHeader { isHeader = false; continue }
            let fields = splitQuotedCSV(String(line).trimmingSuffix("\r"))
            guard fields.count >= 3 else {
                throw text.failure(line: offset + 1, "expected movieId,title,genres, found \(fields.count) columns")
            }
            metadata.titles[fields[0]] = fields[1]
            metadata.genres[fields[0]] = fields[2] == "(no genres listed)" ? [] : fields[2].split(separator: "|").map(String.init)
        }
    } else {
        let isDoubleColon = name.hasSuffix(".dat")
        try text.forEachLine(separator: isDoubleColon ? [0x3a, 0x3a] : [0x7c]) { line, fields in
            guard fields.count >= (isDoubleColon ? 3 : 2) else {
                throw text.failure(line: line, "expected an id and a title, found \(fields.count) columns")
            }
            guard text.integer(fields[0]) != nil else {
                throw text.failure(line: line, "item id \(text.quoted(fields[0])) is not an integer")
            }
            let id = text.string(fields[0])
            metadata.titles[id] = text.string(fields[1])
            if isDoubleColon {
                metadata.genres[id] = text.string(fields[2]).split(separator: "|").map(String.init)
            } else if fields.count >= 5 + movieLens100KGenres.count {
                let flags = fields[(fields.count - movieLens100KGenres.count)...]
                metadata.genres[id] = zip(flags, movieLens100KGenres).compactMap { flag, genre in
                    text.integer(flag) == 1 ? genre : nil
                }
            }
        }
    }
    return metadata
}

/// Splits one CSV line into fields, honouring double quotes (`"a, b"`, `""` for a quote).
func splitQuotedCSV(_ line: String) -> [String] {
    var fields = [String]()
    var current = ""
    var inQuotes = false
    var characters = line.makeIterator()
    while let character = characters.next() {
        if inQuotes {
            if character == "\"" {
                if let following = characters.next() {
                    if following == "\"" { current.append("\"") } else {
                        inQuotes = false
                        if following == "," { fields.append(current); current = "" } else { current.append(following) }
                    }
                } else {
                    inQuotes = false
                }
            } else {
                current.append(character)
            }
        } else if character == "\"" {
            inQuotes = true
        } else if character == "," {
            fields.append(current)
            current = ""
        } else {
            current.append(character)
        }
    }
    fields.append(current)
    return fields
}

extension String {
    /// The string without one trailing `suffix`, if present.
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
