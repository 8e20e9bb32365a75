import Foundation
import Testing
@testable import NotebookExport

@Suite struct NotebookExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func aCellsLastExpressionIsShownAndStatementsAreKept() {
        #expect(NotebookExport.showingLastExpression("let x = 1\nx * 2  // doubled") == "let x = 1\nshow(x * 2)  // doubled")
        #expect(NotebookExport.showingLastExpression("var a = 1\na = 2") == "var a = 1\na = 2")
        #expect(NotebookExport.showingLastExpression("try model.evaluate(split.test)") == "show(try model.evaluate(split.test))")
        #expect(NotebookExport.showingLastExpression("for i in 0..<3 { print(i) }") == "for i in 0..<3 { print(i) }")
        #expect(NotebookExport.showingLastExpression("if x { 1 } else { 2 }") == "if x { 1 } else { 2 }")
        #expect(NotebookExport.showingLastExpression("func f() {}") == "func f() {}")
    }

    @Test func magicsAndCellsThatFailOnPurposeBecomeComments() {
        let program = NotebookExport.mainSwift(cells: [.init(source: "%who"), .init(source: "let y = modle", tags: ["raises-exception"]),
                                                       .init(source: "1 + 1")], notebookName: "x.ipynb")
        #expect(program.contains("// (a kernel magic)\n// %who"))
        #expect(program.contains("// (fails on purpose in the notebook)\n// let y = modle"))
        #expect(program.contains("// MARK: - Cell 3\nshow(1 + 1)"))
        #expect(program.contains("import Models\n"))
    }

    @Test func moduleNamesAreIdentifiersFromTheNotebookName() {
        #expect(NotebookExport.moduleName(forNotebook: "01-kernel-tour") == "KernelTour01")
        #expect(NotebookExport.moduleName(forNotebook: "05-vqvae-reconstruction") == "VqvaeReconstruction05")
        #expect(NotebookExport.moduleName(forNotebook: "---") == "NotebookProgram")
    }

    @Test func thePackageDependsOnTheLibraryProductsByPath() {
        let manifest = NotebookExport.packageManifest(moduleName: "KernelTour01", libraryPath: "/src/swift-experiments")
        #expect(manifest.contains(".package(name: \"swift-experiments\", path: \"/src/swift-experiments\")"))
        #expect(manifest.contains(".product(name: \"Notebook\", package: \"swift-experiments\")"))
        #expect(manifest.contains(".executableTarget(name: \"KernelTour01\""))
    }

    @Test func checkedInProgramsAreCurrentForEveryNotebook() throws {
        let messages = try NotebookExport.writeExamples(root: NotebookExportTests.root, checkOnly: true)
        #expect(messages.isEmpty, "run `make generate`: \(messages)")
    }
}
