import Foundation

/// Writing a file so that readers see either the old contents or the new, never a mix: the data
/// goes to a temporary file in the same folder, is flushed to disk (`fsync`), and the temporary
/// file is renamed over the destination (`rename` is atomic within a file system); the folder is
/// then flushed so the rename itself survives a crash. If anything fails, the temporary file is
/// removed and the old file is untouched.
enum AtomicFile {
    /// Writes `data` to `url` atomically. `beforeRename` runs after the data is on disk and before
    /// the rename (tests use it to simulate an interrupted save).
    static func write(_ data: Data, to url: URL, beforeRename: () throws -> Void = {}) throws {
        let path = url.path
        let folder = url.deletingLastPathComponent().path
        let temporaryPath = (folder as NSString).appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw failure(path, "cannot create \(temporaryPath)") }
        var renamed = false
        defer { if !renamed { unlink(temporaryPath) } }
        do {
            defer { close(descriptor) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 && errno == EINTR { continue }
                    guard written > 0 else { throw failure(path, "writing \(temporaryPath) failed") }
                    offset += written
                }
            }
            guard fsync(descriptor) == 0 else { throw failure(path, "fsync of \(temporaryPath) failed") }
        }
        try beforeRename()
        guard rename(temporaryPath, path) == 0 else { throw failure(path, "cannot rename \(temporaryPath) over it") }
        renamed = true
        let folderDescriptor = open(folder, O_RDONLY)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// A file error carrying the system's explanation of `errno`.
    private static func failure(_ path: String, _ action: String) -> NeuralNetworksError {
        .fileAccess(path: path, reason: "\(action): \(String(cString: strerror(errno)))")
    }
}
