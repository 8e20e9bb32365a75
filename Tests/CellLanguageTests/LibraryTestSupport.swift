import Foundation
@testable import CellLanguage
import LibraryBindings

/// A CellOutput that records displays with their display ids and update flags, and can run an action on each.
final class LibraryRecordingOutput: CellOutput {
    struct Display {
        let output: RichOutput
        let displayID: String?
        let isUpdate: Bool
    }

    var standardOutput = ""
    var displays: [Display] = []
    /// Called after each display is recorded (a test raises the interrupt flag here).
    var onDisplay: ((Display) -> Void)?

    func write(_ text: String, to stream: CellStream) {
        standardOutput += text
    }

    func display(_ output: RichOutput, displayID: String?, isUpdate: Bool) {
        let display = Display(output: output, displayID: displayID, isUpdate: isUpdate)
        displays.append(display)
        onDisplay?(display)
    }

    func clearOutput(wait: Bool) {}

    func readLine(prompt: String, isPassword: Bool) throws -> String { "" }
}

/// Runs cells in one session with a ``LibraryRecordingOutput``.
struct LibraryRunner {
    let session = CellSession(host: LibraryBindings.makeHost())
    let output = LibraryRecordingOutput()
    var cellNumber = 0

    /// Runs a cell and returns its value's rich output, or records the failure's text in the thrown error.
    mutating func run(_ code: String) -> CellResult {
        cellNumber += 1
        return session.execute(code, cellNumber: cellNumber, output: output)
    }

    /// The value of a cell, or nil after recording an issue when it failed.
    mutating func value(_ code: String) -> RichOutput? {
        switch run(code) {
        case .success(let output): return output
        case .failure(let failure): return RichOutput(plainText: "\(failure.name): \(failure.message)")
        }
    }

    /// The text/plain of a cell's value or "<name>: <message>" for a failure.
    mutating func text(_ code: String) -> String {
        value(code)?.plainText ?? ""
    }
}

/// Whether base64 `text` decodes to bytes that start with the PNG signature.
func isPNG(_ text: String?) -> Bool {
    guard let text, let data = Data(base64Encoded: text) else { return false }
    return Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
}

/// A tiny MovieLens `u.data` file (user, item, rating, timestamp; tab-separated) with `users` users who each
/// rate `itemsPerUser` of `items` items; returns its path.
func writeTinyRatings(users: Int = 30, items: Int = 12, itemsPerUser: Int = 4) throws -> String {
    var lines: [String] = []
    for user in 1...users {
        for offset in 0..<itemsPerUser {
            let item = (user * 7 + offset * 3) % items + 1
            lines.append("\(user)\t\(item)\t\((user + offset) % 5 + 1)\t\(880_000_000 + user * 100 + offset)")
        }
    }
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("cell-bindings-\(UUID().uuidString)-u.data")
    try Set(lines).sorted().joined(separator: "\n").appending("\n").write(to: url, atomically: true, encoding: .utf8)
    return url.path
}
