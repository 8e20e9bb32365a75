import BindingGenerator
import Foundation
import NotebookExport

// `generate [--check] [--dump] [ROOT]`: regenerates what is generated from other sources — the cell bindings in
// Sources/LibraryBindings/Generated from the library's public declarations, and the notebooks' programs in
// Examples/ from notebooks/ (ROOT defaults to the current directory). `--check` writes nothing and exits 1 when
// the checked-in files differ; `--dump` prints the collected API.
var arguments = Array(CommandLine.arguments.dropFirst())
let check = arguments.contains("--check")
let dump = arguments.contains("--dump")
arguments.removeAll { $0.hasPrefix("--") }
let root = URL(fileURLWithPath: arguments.first ?? FileManager.default.currentDirectoryPath)
do {
    let generator = try BindingGenerator(root: root)
    if dump {
        print(generator.api.summary)
        exit(0)
    }
    let outcome = try generator.write(checkOnly: check)
    let examples = try NotebookExport.writeExamples(root: root, checkOnly: check)
    for line in outcome.messages + examples { print(line) }
    exit(outcome.isCurrent && examples.isEmpty || !check ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("generate: \(error)\n".utf8))
    exit(2)
}
