import SwiftDiagnostics
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parses cells with SwiftParser and reports its diagnostics.
enum CellParser {
    /// The parsed tree and the first error diagnostic, if any.
    ///
    /// A run of more than `BracketRun.limit` nested `[` is an error found before parsing (SwiftParser would take
    /// exponential time); the tree is then that of the source with square brackets read as parentheses, which
    /// keeps every offset, so the error's line and column are right.
    static func parse(_ source: String) -> (tree: SourceFileSyntax, firstError: Diagnostic?) {
        if let offset = BracketRun.firstExcessiveBracket(in: source) {
            let tree = Parser.parse(source: String(source.map { $0 == "[" ? "(" : $0 == "]" ? ")" : $0 }))
            return (tree, Diagnostic(node: tree, position: AbsolutePosition(utf8Offset: offset), message: BracketRunMessage()))
        }
        let tree = Parser.parse(source: source)
        let diagnostics = ParseDiagnosticsGenerator.diagnostics(for: tree)
        return (tree, diagnostics.first { $0.diagMessage.severity == .error })
    }
}

/// The error for a run of nested square brackets longer than `BracketRun.limit`.
struct BracketRunMessage: DiagnosticMessage {
    var message: String {
        "more than \(BracketRun.limit) square brackets nested in a row; parsing time doubles with each, so build so deep a value in steps"
    }
    var diagnosticID: MessageID { MessageID(domain: "CellLanguage", id: "bracketRun") }
    var severity: DiagnosticSeverity { .error }
}
