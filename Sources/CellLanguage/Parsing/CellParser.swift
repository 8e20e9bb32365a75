import SwiftDiagnostics
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parses cells with SwiftParser and reports its diagnostics.
enum CellParser {
    /// The parsed tree and the first error diagnostic, if any.
    static func parse(_ source: String) -> (tree: SourceFileSyntax, firstError: Diagnostic?) {
        let tree = Parser.parse(source: source)
        let diagnostics = ParseDiagnosticsGenerator.diagnostics(for: tree)
        return (tree, diagnostics.first { $0.diagMessage.severity == .error })
    }
}
