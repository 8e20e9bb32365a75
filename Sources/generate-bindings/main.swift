import BindingGenerator
import Foundation

// `generate-bindings [--check] [--dump] [ROOT]`: regenerates Sources/LibraryBindings/Generated from the library's
// public declarations (ROOT defaults to the current directory). `--check` writes nothing and exits 1 when the
// checked-in files differ; `--dump` prints the collected API.
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
    for line in outcome.messages { print(line) }
    exit(outcome.isCurrent || !check ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("generate-bindings: \(error)\n".utf8))
    exit(2)
}
