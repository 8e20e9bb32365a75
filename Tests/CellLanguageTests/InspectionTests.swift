import Testing
@testable import CellLanguage
import LibraryBindings

@Suite struct InspectionTests {
    @Test func libraryFunctionShowsSignatureAndDoc() throws {
        let session = CellSession(host: LibraryBindings.makeHost())
        let brief = try #require(session.inspection(in: "print(1)", cursor: 2, detailLevel: 0))
        #expect(brief.plainText.hasPrefix("func print(_ items: Any..., separator: String = \" \""))
        #expect(brief.plainText.contains("Writes the textual representations"))
        #expect(brief.data["text/markdown"]?.hasPrefix("```swift") == true)
        let detailed = try #require(session.inspection(in: "print(1)", cursor: 2, detailLevel: 1))
        #expect(detailed.plainText.contains("separator: A string to print between each item."))
    }

    @Test func userDefinitionsAndMembers() throws {
        var runner = CellRunner()
        _ = runner.run("/// Doubles a number.\nfunc twice(_ x: Int) -> Int { x * 2 }\nlet values = [1]")
        let function = try #require(runner.session.inspection(in: "twice(3)", cursor: 1, detailLevel: 0))
        #expect(function.plainText == "func twice(_ x: Int) -> Int\nDoubles a number.")
        let variable = try #require(runner.session.inspection(in: "values", cursor: 6, detailLevel: 0))
        #expect(variable.plainText == "let values: [Int]")
        let member = try #require(runner.session.inspection(in: "values.append(2)", cursor: 9, detailLevel: 0))
        #expect(member.plainText.hasPrefix("mutating func append(_ newElement: Element)"))
    }

    @Test func insideTheArgumentsOfACallInspectsTheCallee() throws {
        let session = CellSession(host: LibraryBindings.makeHost())
        let code = "print(1, [2, 3], "
        let found = try #require(session.inspection(in: code, cursor: code.unicodeScalars.count, detailLevel: 0))
        #expect(found.plainText.hasPrefix("func print("))
        var runner = CellRunner()
        _ = runner.run("let xs = [1]")
        let member = try #require(runner.session.inspection(in: "xs.map( ", cursor: 8, detailLevel: 0))
        #expect(member.plainText.hasPrefix("func map("))
    }

    @Test func unknownNameGivesNil() {
        #expect(CellSession(host: LibraryBindings.makeHost()).inspection(in: "nothingHere", cursor: 3, detailLevel: 0) == nil)
    }
}
