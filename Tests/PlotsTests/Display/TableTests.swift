import Testing
@testable import Plots

@Suite("Tables")
struct TableTests {
    @Test("HTML escapes text and right-aligns numeric columns")
    func htmlEscaping() {
        let table = Table(columns: ["metric", "value"],
                          rows: [["NDCG@100 <best>", "0.4312"], ["Recall & co", "0.3950"]],
                          caption: "Test \"set\"")
        let html = table.html()
        #expect(html.contains("<td style=\"text-align: left\">NDCG@100 &lt;best&gt;</td>"))
        #expect(html.contains("<td style=\"text-align: left\">Recall &amp; co</td>"))
        #expect(html.contains("<td style=\"text-align: right\">0.4312</td>"))
        #expect(html.contains("<caption>Test &quot;set&quot;</caption>"))
        #expect(!html.contains("<best>"))
    }

    @Test("plain text aligns columns: text left, numbers right")
    func plainTextAlignment() {
        let table = Table(columns: ["metric", "value"], rows: [["NDCG@100", "0.43"], ["Recall@20", "12.5"]])
        #expect(table.plainText() == """
            metric     value
            ---------  -----
            NDCG@100    0.43
            Recall@20   12.5
            """)
    }

    @Test("numeric rows are formatted with fixed decimals; short rows are padded")
    func numericAndRaggedRows() {
        let numbers = Table(columns: ["a", "b"], rows: [[1, 2.5]], decimals: 2)
        #expect(numbers.rows == [["1.00", "2.50"]])
        let ragged = Table(columns: ["a", "b", "c"], rows: [["x"]])
        #expect(ragged.html().components(separatedBy: "<td").count - 1 == 3)
        #expect(Set(ragged.mimeBundle().keys) == ["text/html", "text/plain"])
    }

    @Test("markdown carries its source as the fallback")
    func markdownBundle() {
        let bundle = Markdown("**bold** text").mimeBundle()
        #expect(bundle == ["text/markdown": "**bold** text", "text/plain": "**bold** text"])
    }
}
