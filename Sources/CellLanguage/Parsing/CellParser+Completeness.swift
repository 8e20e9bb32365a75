import SwiftDiagnostics
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

extension CellParser {
    /// Whether `code` can run now, needs more lines, or can never parse. Code is incomplete when every parser
    /// error is something missing at its very end (an open brace, bracket or parenthesis, an unterminated
    /// multi-line string, an operator without its right operand); the indent is four spaces per open level.
    static func completeness(of code: String) -> Completeness {
        if code.allSatisfy(\.isWhitespace) || Magic(code) != nil { return .complete }
        if BracketNesting.firstExcessiveBracket(in: code) != nil { return .invalid }  // not worth an exponential parse
        let tree = Parser.parse(source: code)
        var depth = 0
        var lastPresentEnd = AbsolutePosition(utf8Offset: 0)
        for token in tree.tokens(viewMode: .sourceAccurate) where token.tokenKind != .endOfFile {
            switch token.tokenKind {
            case .leftBrace, .leftParen, .leftSquare: depth += 1
            case .rightBrace, .rightParen, .rightSquare:
                depth -= 1
                if depth < 0 { return .invalid }
            default: break
            }
            lastPresentEnd = token.endPositionBeforeTrailingTrivia
        }
        let errors = ParseDiagnosticsGenerator.diagnostics(for: tree).filter { $0.diagMessage.severity == .error }
        if errors.isEmpty { return .complete }
        let hasOpenMultilineString = tree.tokens(viewMode: .all).contains {
            $0.presence == .missing && $0.tokenKind == .multilineStringQuote
        }
        if hasOpenMultilineString { return .incomplete(indent: "") }
        let hasOpenSingleLineString = tree.tokens(viewMode: .all).contains {
            $0.presence == .missing && $0.tokenKind == .stringQuote
        }
        if hasOpenSingleLineString { return .invalid }
        let allAtEnd = errors.allSatisfy { $0.position >= lastPresentEnd }
        guard allAtEnd else { return .invalid }
        return .incomplete(indent: String(repeating: " ", count: 4 * max(depth, 0)))
    }
}

extension CellSession {
    /// Whether code typed so far is ready to run (for is_complete_request).
    public func completeness(of code: String) -> Completeness {
        CellParser.completeness(of: code)
    }
}
