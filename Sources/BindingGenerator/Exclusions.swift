/// The one list of public declarations cells may not reach, each with its reason.
///
/// The file holds one entry a line, `Module.Type.member-selector: reason` (`#` starts a comment):
/// ```
/// Autograd.LinearAlgebraBackend: process-wide threading; the kernel sets it, not a cell
/// NeuralNetworks.Optimizer.apply(to:gradient:slots:learningRate:): the override point of an optimizer
/// ```
/// An entry naming a type excludes the type and all its members.
public struct Exclusions: Sendable {
    /// One excluded declaration.
    public struct Entry: Sendable, Equatable {
        /// `Module.Type` or `Module.Type.selector` (`Module.function(_:)` for a free function).
        public var declaration: String
        public var reason: String
        /// Its line in the file.
        public var line: Int
    }

    public private(set) var entries: [Entry] = []

    /// Reads the list; a line without a reason is an error.
    public init(text: String) throws {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.range(of: ": ") else {
                throw GeneratorError.exclusionWithoutReason(line: index + 1, text: line)
            }
            let reason = String(line[colon.upperBound...]).trimmingWhitespace()
            guard !reason.isEmpty else { throw GeneratorError.exclusionWithoutReason(line: index + 1, text: line) }
            entries.append(Entry(declaration: String(line[..<colon.lowerBound]), reason: reason, line: index + 1))
        }
    }

    /// The entry that excludes `declaration` (itself, or its type), if any.
    public func entry(for declaration: String, type: String? = nil) -> Entry? {
        entries.first { $0.declaration == declaration } ?? type.flatMap { name in entries.first { $0.declaration == name } }
    }
}

/// Why the generator could not do its work.
public enum GeneratorError: Error, CustomStringConvertible, Equatable {
    case exclusionWithoutReason(line: Int, text: String)
    /// A public declaration the generator cannot bind and the exclusion list does not name.
    case unsupported(declaration: String, location: String, reason: String)
    /// Exclusions that name no public declaration.
    case staleExclusions([String])

    public var description: String {
        switch self {
        case .exclusionWithoutReason(let line, let text):
            return "exclusion list line \(line): '\(text)' needs ': reason'"
        case .unsupported(let declaration, let location, let reason):
            return "\(location): cannot bind \(declaration): \(reason); make it bindable or add it to the exclusion list with a reason"
        case .staleExclusions(let names):
            return "the exclusion list names declarations that are not public API: " + names.joined(separator: ", ")
        }
    }
}
