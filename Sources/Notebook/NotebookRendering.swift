import Plots

/// How a value looks in a notebook: its MIME bundle and its text. The kernel renders a cell's last value with
/// these, and so does an exported notebook's `show(_:)`, so both print the same text.
public enum NotebookRendering {
    /// Module names dropped from default descriptions (`Models.Likelihood.multinomial` reads
    /// `Likelihood.multinomial`).
    public static let libraryModules: [String] = ["Autograd", "NeuralNetworks", "Datasets", "Models", "Plots", "Notebook"]

    /// The representations of `value` by MIME type; "text/plain" is always there.
    ///
    /// - Parameter value: The value to render.
    public static func mimeBundle(of value: Any) -> [String: String] {
        if let rich = value as? RichDisplayable {
            var bundle = rich.mimeBundle()
            if bundle["text/plain"] == nil { bundle["text/plain"] = plainText(of: value) }
            return bundle
        }
        return ["text/plain": plainText(of: value)]
    }

    /// Display metadata per MIME type (a PNG's logical size).
    ///
    /// - Parameter value: The value to render.
    public static func metadata(of value: Any) -> [String: [String: Int]] {
        (value as? RichDisplayable)?.mimeMetadata() ?? [:]
    }

    /// The text a notebook shows for `value`, as the Swift REPL would: `String(reflecting:)` (strings quoted,
    /// `Optional(3)`), with module names dropped, or a rich value's text/plain.
    ///
    /// - Parameters:
    ///   - value: The value to render.
    ///   - programModule: A further module whose name is dropped (an exported program's own); nil for none.
    public static func plainText(of value: Any, programModule: String? = nil) -> String {
        if let rich = value as? RichDisplayable, let text = rich.mimeBundle()["text/plain"] { return text }
        let text = String(reflecting: value)
        if value is String { return text }
        return droppingModuleNames(text, modules: libraryModules + ["Swift"] + (programModule.map { [$0] } ?? []))
    }

    /// `text` without `Module.` prefixes of the given modules where they start a name (not inside quoted strings).
    static func droppingModuleNames(_ text: String, modules: [String]) -> String {
        var result = ""
        var index = text.startIndex
        var previous: Character?
        var isInString = false
        outer: while index < text.endIndex {
            let character = text[index]
            if character == "\"" && previous != "\\" { isInString.toggle() }
            let isBoundary = previous.map { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") } ?? true
            if isBoundary && !isInString {
                for module in modules where text[index...].hasPrefix(module + ".") {
                    let after = text.index(index, offsetBy: module.count + 1)
                    if after < text.endIndex, text[after].isLetter {
                        index = after
                        previous = "."
                        continue outer
                    }
                }
            }
            result.append(character)
            previous = character
            index = text.index(after: index)
        }
        return result
    }
}
