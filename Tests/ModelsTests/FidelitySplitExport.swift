import Foundation
import Datasets

/// Writes each matrix as `<SWIFT_EXPERIMENTS_SPLITS>/<name>/<key>.txt` (a `rows columns` line, then
/// one `row column value` line per stored entry) when that variable is set.
func exportFidelitySplit(named name: String, _ matrices: [String: UserItemMatrix]) throws {
    guard let root = ProcessInfo.processInfo.environment["SWIFT_EXPERIMENTS_SPLITS"] else { return }
    let folder = URL(fileURLWithPath: root).appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (key, matrix) in matrices {
        var lines = ["\(matrix.rowCount) \(matrix.columnCount)"]
        for row in 0..<matrix.rowCount {
            for (column, value) in zip(matrix.columns(inRow: row), matrix.values(inRow: row)) {
                lines.append("\(row) \(column) \(value)")
            }
        }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("\(key).txt"), atomically: true, encoding: .utf8)
    }
    print("FIDELITY wrote the \(name) split to \(folder.path)")
}
