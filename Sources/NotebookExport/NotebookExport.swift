import Foundation
import SwiftParser
import SwiftSyntax

/// A notebook as a Swift program: the code cells in order, each cell's last expression shown as the kernel shows
/// it (`show(_:)`), magics and cells that are meant to fail kept as comments. What `swift-experiments export`
/// writes as the `main.swift` of a SwiftPM package that depends on the library.
public enum NotebookExport {
    /// One code cell: its source and its metadata tags (`raises-exception` marks a cell that fails on purpose).
    public struct Cell: Sendable {
        public var source: String
        public var tags: [String]

        public init(source: String, tags: [String] = []) {
            self.source = source
            self.tags = tags
        }
    }

    /// The library modules an exported program imports.
    public static let libraryModules = ["Autograd", "NeuralNetworks", "Datasets", "Models", "Plots", "Notebook"]

    /// The program's `main.swift`.
    public static func mainSwift(cells: [Cell], notebookName: String) -> String {
        var lines = ["// \(notebookName), exported by `swift-experiments export`: the notebook's code cells in order.",
                     "// Each cell's last expression is shown as the kernel shows it; magics are comments.",
                     "import Foundation"] + libraryModules.map { "import \($0)" }
        for (index, cell) in cells.enumerated() {
            lines.append("")
            lines.append("// MARK: - Cell \(index + 1)")
            lines.append(program(of: cell))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell's code as program code.
    static func program(of cell: Cell) -> String {
        let trimmed = cell.source.drop { $0 == " " || $0 == "\n" || $0 == "\t" }
        if trimmed.hasPrefix("%") {
            return commented(cell.source, note: "a kernel magic")
        }
        if cell.tags.contains("raises-exception") {
            return commented(cell.source, note: "fails on purpose in the notebook")
        }
        return showingLastExpression(cell.source)
    }

    private static func commented(_ source: String, note: String) -> String {
        (["// (\(note))"] + source.split(separator: "\n", omittingEmptySubsequences: false).map { "// " + $0 })
            .joined(separator: "\n")
    }

    /// The source with its last item wrapped in `show(...)` when it is an expression with a value.
    static func showingLastExpression(_ source: String) -> String {
        let tree = Parser.parse(source: source)
        guard let last = tree.statements.last, let expression = valueExpression(of: last) else { return source }
        let utf8 = Array(source.utf8)
        let start = expression.positionAfterSkippingLeadingTrivia.utf8Offset
        let end = expression.endPositionBeforeTrailingTrivia.utf8Offset
        guard start <= end, end <= utf8.count else { return source }
        return String(decoding: utf8[..<start], as: UTF8.self) + "show(" + String(decoding: utf8[start..<end], as: UTF8.self) + ")"
            + String(decoding: utf8[end...], as: UTF8.self)
    }

    /// The expression of a cell item whose value a cell shows: a plain expression, not `if`, `switch` or an
    /// assignment. The kernel shows this item's value as the cell's result; an exported program passes it to `show`.
    public static func valueExpression(of item: CodeBlockItemSyntax) -> ExprSyntax? {
        var expression: ExprSyntax?
        switch item.item {
        case .expr(let found): expression = found
        case .stmt(let statement): expression = statement.as(ExpressionStmtSyntax.self)?.expression
        case .decl: return nil
        }
        guard let expression else { return nil }
        if expression.is(IfExprSyntax.self) || expression.is(SwitchExprSyntax.self) { return nil }
        if let sequence = expression.as(SequenceExprSyntax.self),
           sequence.elements.contains(where: { $0.is(AssignmentExprSyntax.self) }) {
            return nil
        }
        return expression
    }

    /// The code cells of a notebook file (`.ipynb` JSON).
    public static func cells(ofNotebookAt url: URL) throws -> [Cell] {
        let data = try Data(contentsOf: url)
        guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let cells = json["cells"] as? [[String: Any]] else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return cells.filter { $0["cell_type"] as? String == "code" }.map { cell in
            let source = (cell["source"] as? [String])?.joined() ?? (cell["source"] as? String) ?? ""
            let tags = ((cell["metadata"] as? [String: Any])?["tags"] as? [String]) ?? []
            return Cell(source: source, tags: tags)
        }
    }

    /// The program of a notebook file: its module name and its `main.swift`.
    public static func program(ofNotebookAt url: URL) throws -> (moduleName: String, mainSwift: String) {
        let stem = url.deletingPathExtension().lastPathComponent
        return (moduleName(forNotebook: stem), mainSwift(cells: try cells(ofNotebookAt: url), notebookName: url.lastPathComponent))
    }

    /// The program's module (executable target) name for a notebook file stem: `01-kernel-tour` → `KernelTour01`.
    public static func moduleName(forNotebook stem: String) -> String {
        let words = stem.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let letters = words.filter { !($0.first?.isNumber ?? false) }.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        let numbers = words.filter { $0.first?.isNumber ?? false }
        let name = letters.joined() + numbers.joined()
        return name.isEmpty ? "NotebookProgram" : name
    }

    /// The program's `Package.swift`: one executable target that depends on the library's products, found at
    /// `libraryPath` (this package's root).
    public static func packageManifest(moduleName: String, libraryPath: String) -> String {
        """
        // swift-tools-version: 6.1
        // A notebook exported by `swift-experiments export`: `swift build && .build/debug/\(moduleName)` runs it.
        import PackageDescription

        let package = Package(
            name: "\(moduleName)",
            platforms: [.macOS(.v15)],
            dependencies: [.package(name: "swift-experiments", path: \(libraryPath.debugDescription))],
            targets: [
                .executableTarget(name: "\(moduleName)", dependencies: [
        \(libraryModules.map { "            .product(name: \"\($0)\", package: \"swift-experiments\")," }.joined(separator: "\n"))
                ]),
            ],
            swiftLanguageModes: [.v5]
        )

        """
    }
}

extension NotebookExport {
    /// Where the programs of the shipped notebooks live: `Examples/<ModuleName>/main.swift`, one executable target
    /// each, built with the rest of the package.
    public static let examplesDirectory = "Examples"

    /// Writes the program of every notebook in `root/notebooks` into `root/Examples` (removing programs of notebooks
    /// that are gone); with `checkOnly`, only compares. Returns one message per file that differs.
    public static func writeExamples(root: URL, checkOnly: Bool) throws -> [String] {
        let manager = FileManager.default
        let notebooks = root.appendingPathComponent("notebooks")
        let examples = root.appendingPathComponent(examplesDirectory)
        let names = (try? manager.contentsOfDirectory(atPath: notebooks.path))?.filter { $0.hasSuffix(".ipynb") }.sorted() ?? []
        var messages: [String] = []
        var written = Set<String>()
        for name in names {
            let (moduleName, mainSwift) = try program(ofNotebookAt: notebooks.appendingPathComponent(name))
            written.insert(moduleName)
            let url = examples.appendingPathComponent(moduleName).appendingPathComponent("main.swift")
            guard (try? String(contentsOf: url, encoding: .utf8)) != mainSwift else { continue }
            messages.append("\(manager.fileExists(atPath: url.path) ? "changed" : "new"): \(examplesDirectory)/\(moduleName)/main.swift")
            if !checkOnly {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try mainSwift.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        for stale in ((try? manager.contentsOfDirectory(atPath: examples.path)) ?? []).sorted() where !written.contains(stale) {
            messages.append("removed: \(examplesDirectory)/\(stale)")
            if !checkOnly { try manager.removeItem(at: examples.appendingPathComponent(stale)) }
        }
        return messages
    }
}
