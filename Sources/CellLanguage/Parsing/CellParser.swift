import SwiftDiagnostics
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parses cells with SwiftParser and reports its diagnostics.
enum CellParser {
    /// The parsed tree and the first error diagnostic, if any.
    ///
    /// More than `BracketNesting.limit` square brackets open at once is an error found before parsing (SwiftParser
    /// would take exponential time); the tree is then that of the source with square brackets read as parentheses,
    /// which keeps every offset, so the error's line and column are right.
    static func parse(_ source: String) -> (tree: SourceFileSyntax, firstError: Diagnostic?) {
        if let offset = BracketNesting.firstExcessiveBracket(in: source) {
            let tree = Parser.parse(source: String(source.map { $0 == "[" ? "(" : $0 == "]" ? ")" : $0 }))
            return (tree, Diagnostic(node: tree, position: AbsolutePosition(utf8Offset: offset), message: BracketNestingMessage()))
        }
        let tree = Parser.parse(source: source)
        let diagnostics = ParseDiagnosticsGenerator.diagnostics(for: tree)
        return (tree, diagnostics.first { $0.diagMessage.severity == .error })
    }
}

/// The error for more than `BracketNesting.limit` square brackets open at once.
struct BracketNestingMessage: DiagnosticMessage {
    var message: String {
        "more than \(BracketNesting.limit) square brackets open at once; parsing time doubles with each, so build so deep a value in steps"
    }
    var diagnosticID: MessageID { MessageID(domain: "CellLanguage", id: "bracketNesting") }
    var severity: DiagnosticSeverity { .error }
}
