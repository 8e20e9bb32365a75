import Foundation

/// MovieLens ratings (Harper & Konstan 2015, "The MovieLens Datasets: History and Context"),
/// from the GroupLens files, the GroupLens zips, or RecBole's atomic files.
///
/// ```swift
/// let ratings = try MovieLens.load(.ml100k)                 // looks in ~/.cache/swift-experiments/data (`make data`)
/// let custom = try MovieLens.loadRatings(path: "ml-1m/ratings.dat", itemsPath: "ml-1m/movies.dat")
/// let zipped = try MovieLens.loadZip(path: "ml-100k.zip")
/// ```
public enum MovieLens {
    /// The MovieLens releases the loaders know.
    public enum Variant: String, CaseIterable, Sendable {
        /// 100,000 ratings of 1,682 movies by 943 users (`u.data`, `u.item`).
        case ml100k = "ml-100k"
        /// 1,000,209 ratings of 3,706 movies by 6,040 users (`ratings.dat`, `movies.dat`).
        case ml1m = "ml-1m"
        /// 20,000,263 ratings (`ratings.csv`, `movies.csv`).
        case ml20m = "ml-20m"
        /// The small "latest" release, about 100,000 ratings (`ratings.csv`, `movies.csv`).
        case latestSmall = "ml-latest-small"

        /// The ratings and item files inside the GroupLens folder (and zip) for this release.
        var groupLensFiles: (ratings: String, items: String) {
            switch self {
            case .ml100k: return ("u.data", "u.item")
            case .ml1m: return ("ratings.dat", "movies.dat")
            case .ml20m, .latestSmall: return ("ratings.csv", "movies.csv")
            }
        }
    }

    /// Loads a MovieLens release from a data folder.
    ///
    /// The folder is `directory` when given, else `$SWIFT_EXPERIMENTS_DATA`, else the first
    /// `.cache/data` found in the current directory or one of its parents. Inside it, the loader
    /// tries RecBole atomic files (`ml-100k/ml-100k.inter` + `.item`), then the GroupLens folder
    /// (`ml-100k/u.data` + `u.item`), then the GroupLens zip (`ml-100k.zip`).
    ///
    /// - Parameters:
    ///   - variant: The release, e.g. `.ml100k`.
    ///   - directory: The data folder; nil searches $SWIFT_EXPERIMENTS_DATA, then the user's data cache, then .cache/data here and in parent folders.
    public static func load(_ variant: Variant, directory: String? = nil) throws -> Interactions {
        let fileManager = FileManager.default
        var searched = [String]()
        for folder in DataDirectory.searchList(explicit: directory) {
            let name = variant.rawValue
            let release = folder.appendingPathComponent(name)
            let atomic = release.appendingPathComponent(name + ".inter")
            searched.append(atomic.path)
            if fileManager.fileExists(atPath: atomic.path) {
                return try RecBoleAtomicFiles.load(directory: release.path, name: name)
            }
            let ratings = release.appendingPathComponent(variant.groupLensFiles.ratings)
            searched.append(ratings.path)
            if fileManager.fileExists(atPath: ratings.path) {
                let items = release.appendingPathComponent(variant.groupLensFiles.items)
                return try loadRatings(
                    path: ratings.path, itemsPath: fileManager.fileExists(atPath: items.path) ? items.path : nil,
                    name: name)
            }
            let zipFile = folder.appendingPathComponent(name + ".zip")
            searched.append(zipFile.path)
            if fileManager.fileExists(atPath: zipFile.path) { return try loadZip(path: zipFile.path, variant: variant) }
        }
        throw DatasetsError.dataNotFound(
            dataset: "MovieLens \(variant.rawValue)", searched: searched,
            hint: "Run `make data` in the repository (it takes ml-100k from the recbole wheel on PyPI into "
                + "\(DataDirectory.userCache().path)), or put the GroupLens \(variant.rawValue).zip from "
                + "https://grouplens.org/datasets/movielens/ there, or set \(DataDirectory.environmentVariable) to the folder that holds it.")
    }

    /// Loads a ratings file, its layout chosen by its name: `.data` (tab-separated, as `u.data`),
    /// `.dat` (`::`), `.csv` (with a header) or `.inter` (RecBole); gzip is detected and inflated.
    /// Titles and genres come from `itemsPath` (`u.item`, `movies.dat`, `movies.csv` or `.item`) when given.
    ///
    /// - Parameters:
    ///   - path: A ratings file: `u.data`, `ratings.dat`, `ratings.csv` or a RecBole `.inter` (gzip allowed).
    ///   - itemsPath: The matching item file for titles and genres (`u.item`, `movies.dat`, …); nil for none.
    ///   - name: The table's display name; nil for the name of the file's folder.
    public static func loadRatings(path: String, itemsPath: String? = nil, name: String? = nil) throws -> Interactions {
        let url = URL(fileURLWithPath: path)
        guard let layout = RatingsLayout.forFile(named: url.lastPathComponent) else {
            throw DatasetsError.malformedFile(
                path: path, reason: "unknown ratings layout: expected a .data, .dat, .csv or .inter file name")
        }
        let datasetName = name ?? url.deletingLastPathComponent().lastPathComponent
        var interactions = try parseRatings(try readBytes(of: url), path: path, layout: layout, name: datasetName)
        if let itemsPath {
            let metadata = try parseItems(try readBytes(of: URL(fileURLWithPath: itemsPath)), path: itemsPath)
            interactions.attachItemMetadata(titles: metadata.titles, genres: metadata.genres)
        }
        return interactions
    }

    /// Loads a GroupLens zip (`ml-100k.zip`, `ml-1m.zip`, `ml-20m.zip`, `ml-latest-small.zip`):
    /// the release is recognised from the ratings file inside, and titles come from its item file.
    ///
    /// - Parameter path: A GroupLens zip such as `ml-100k.zip`.
    public static func loadZip(path: String) throws -> Interactions {
        try loadZip(path: path, variant: nil)
    }

    private static func loadZip(path: String, variant: Variant?) throws -> Interactions {
        let archive = try ZipArchive(contentsOf: URL(fileURLWithPath: path))
        let candidates = variant.map { [$0] } ?? Variant.allCases
        for candidate in candidates {
            let files = candidate.groupLensFiles
            guard let ratingsEntry = archive.entry(named: files.ratings) else { continue }
            let ratingsPath = "\(path)/\(ratingsEntry.name)"
            var interactions = try parseRatings(
                try archive.contents(of: ratingsEntry), path: ratingsPath,
                layout: RatingsLayout.forFile(named: files.ratings)!, name: candidate.rawValue)
            if let itemsEntry = archive.entry(named: files.items) {
                let metadata = try parseItems(try archive.contents(of: itemsEntry), path: "\(path)/\(itemsEntry.name)")
                interactions.attachItemMetadata(titles: metadata.titles, genres: metadata.genres)
            }
            return interactions
        }
        let expected = candidates.map(\.groupLensFiles.ratings).joined(separator: " or ")
        throw DatasetsError.malformedFile(
            path: path, reason: "the zip holds no MovieLens ratings file (\(expected)); it has "
                + archive.entries.prefix(8).map(\.name).joined(separator: ", "))
    }
}
