import SwiftSyntax

extension Documentation {
    /// The `///` comment before `node`, split into summary, discussion, parameters and returns
    /// (DocC's `- Parameters:` list and `- Parameter name:` lines; `- Throws:` is kept in the discussion).
    init(leadingTriviaOf node: some SyntaxProtocol) {
        var lines: [String] = []
        for piece in node.leadingTrivia {
            switch piece {
            case .docLineComment(let text):
                var line = String(text.dropFirst(3))
                if line.hasPrefix(" ") { line.removeFirst() }
                lines.append(line)
            case .docBlockComment(let text):
                lines += text.dropFirst(3).dropLast(2).split(separator: "\n", omittingEmptySubsequences: false).map {
                    String($0).trimmingWhitespace()
                }
            case .newlines, .spaces, .tabs, .carriageReturns, .carriageReturnLineFeeds:
                continue
            default:
                lines = []   // a plain comment between doc comments breaks the block, as in DocC
            }
        }
        self.init(lines: lines)
    }

    /// Parses doc comment lines (without their slashes).
    init(lines: [String]) {
        self.init()
        var body: [String] = []
        var current: (name: String, text: [String])?
        var inParameterList = false
        var inReturns = false
        func finishEntry() {
            if let entry = current { parameters[entry.name] = entry.text.joined(separator: " ") }
            current = nil
        }
        for line in lines {
            let trimmed = line.trimmingWhitespace()
            if trimmed.hasPrefix("- Parameters:") {
                finishEntry()
                inParameterList = true
                inReturns = false
                continue
            }
            if trimmed.hasPrefix("- Parameter ") {
                finishEntry()
                inParameterList = false
                inReturns = false
                let rest = trimmed.dropFirst("- Parameter ".count)
                if let colon = rest.firstIndex(of: ":") {
                    current = (String(rest[..<colon]), [String(rest[rest.index(after: colon)...]).trimmingWhitespace()])
                }
                continue
            }
            if trimmed.hasPrefix("- Returns:") {
                finishEntry()
                inParameterList = false
                inReturns = true
                returns = String(trimmed.dropFirst("- Returns:".count)).trimmingWhitespace()
                continue
            }
            if inParameterList, trimmed.hasPrefix("- "), let colon = trimmed.firstIndex(of: ":") {
                finishEntry()
                let name = trimmed[trimmed.index(trimmed.startIndex, offsetBy: 2)..<colon]
                current = (String(name).trimmingWhitespace(), [String(trimmed[trimmed.index(after: colon)...]).trimmingWhitespace()])
                continue
            }
            let isIndented = line.hasPrefix("  ")
            if current != nil, isIndented, !trimmed.isEmpty {
                current!.text.append(trimmed)
                continue
            }
            if inReturns, isIndented, !trimmed.isEmpty {
                returns += " " + trimmed
                continue
            }
            if trimmed.isEmpty, current != nil || inReturns {
                finishEntry()
                inReturns = false
                inParameterList = false
                body.append("")
                continue
            }
            finishEntry()
            inParameterList = false
            inReturns = false
            body.append(line)
        }
        finishEntry()
        while body.first?.trimmingWhitespace().isEmpty == true { body.removeFirst() }
        while body.last?.trimmingWhitespace().isEmpty == true { body.removeLast() }
        if let blank = body.firstIndex(where: { $0.trimmingWhitespace().isEmpty }) {
            summary = body[..<blank].map { $0.trimmingWhitespace() }.joined(separator: " ")
            var rest = Array(body[blank...])
            while rest.first?.trimmingWhitespace().isEmpty == true { rest.removeFirst() }
            discussion = Documentation.collapsingBlankRuns(rest).joined(separator: "\n")
        } else {
            summary = body.map { $0.trimmingWhitespace() }.joined(separator: " ")
        }
    }

    /// Lines with runs of blank lines reduced to one.
    private static func collapsingBlankRuns(_ lines: [String]) -> [String] {
        var result: [String] = []
        for line in lines {
            if line.trimmingWhitespace().isEmpty, result.last?.trimmingWhitespace().isEmpty == true { continue }
            result.append(line)
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        var view = Substring(self)
        while let first = view.first, first == " " || first == "\t" { view.removeFirst() }
        while let last = view.last, last == " " || last == "\t" { view.removeLast() }
        return String(view)
    }
}
