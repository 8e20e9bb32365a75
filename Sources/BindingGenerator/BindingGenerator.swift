import Foundation

/// Generates the cell bindings of the library from its sources: reads the public API of the library
/// modules, applies the exclusion list, and writes one Swift file per type into
/// `Sources/LibraryBindings/Generated`, plus the table that gathers them.
public struct BindingGenerator {
    /// The library modules whose public API cells reach, in dependency order.
    public static let modules = ["Autograd", "NeuralNetworks", "Datasets", "Models", "Plots", "Notebook"]
    /// Where the generated files go, relative to the package root.
    public static let outputDirectory = "Sources/LibraryBindings/Generated"
    /// The exclusion list, relative to the package root.
    public static let exclusionsPath = "Sources/LibraryBindings/Exclusions.txt"

    /// The package root.
    public let root: URL
    /// The collected API.
    public let api: PublicAPI
    /// The exclusion list.
    public let exclusions: Exclusions

    /// Reads the library's sources under `root/Sources` and the exclusion list.
    public init(root: URL) throws {
        self.root = root
        var files: [APICollector.SourceFile] = []
        let manager = FileManager.default
        for module in BindingGenerator.modules {
            let directory = root.appendingPathComponent("Sources").appendingPathComponent(module)
            guard let enumerator = manager.enumerator(at: directory, includingPropertiesForKeys: nil) else { continue }
            var paths: [String] = []
            for case let url as URL in enumerator where url.pathExtension == "swift" {
                paths.append(String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1)))
            }
            for path in paths.sorted() {
                let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
                files.append(APICollector.SourceFile(module: module, path: path, text: text))
            }
        }
        api = try APICollector(files: files).collect()
        let exclusionsURL = root.appendingPathComponent(BindingGenerator.exclusionsPath)
        exclusions = try Exclusions(text: (try? String(contentsOf: exclusionsURL, encoding: .utf8)) ?? "")
    }

    /// What happened to every public declaration.
    public struct Coverage {
        /// Declarations bound for cells, `Module.Type.selector`.
        public var bound: [String] = []
        /// Declarations the exclusion list keeps from cells, with the reason.
        public var excluded: [(declaration: String, reason: String)] = []
        /// Exclusion entries that matched nothing.
        public var unusedExclusions: [String] = []
    }

    /// The generated files (path relative to the output directory → contents) and the coverage.
    public func generate() throws -> (files: [String: String], coverage: Coverage) {
        var coverage = Coverage()
        var used = Set<String>()
        var files: [String: String] = [:]
        var registrations: [String] = []
        func excluded(_ declaration: String, type: String?) -> Bool {
            guard let entry = exclusions.entry(for: declaration, type: type) else { return false }
            used.insert(entry.declaration)
            coverage.excluded.append((declaration, entry.reason))
            return true
        }
        for type in api.types {
            let typeID = "\(type.module).\(type.name)"
            let isLibraryType = api.type(named: type.name).map { BindingGenerator.modules.contains($0.module) } ?? false
            if excluded(typeID, type: nil) {
                for member in type.members { _ = excluded("\(typeID).\(member.selector)", type: typeID) }
                continue
            }
            if !type.genericParameters.isEmpty {
                throw GeneratorError.unsupported(declaration: typeID, location: type.location,
                                                 reason: "generic types are not bound")
            }
            var members: [DeclaredMember] = []
            for member in type.members {
                let memberID = "\(typeID).\(member.selector)"
                if excluded(memberID, type: typeID) { continue }
                do {
                    _ = try MemberEmission(api: api, owner: type, member: member).emit()
                } catch let error as Unsupported {
                    throw GeneratorError.unsupported(declaration: memberID, location: member.location, reason: error.reason)
                }
                members.append(member)
                coverage.bound.append(memberID)
            }
            for item in type.cases { coverage.bound.append("\(typeID).\(item.name)") }
            coverage.bound.append(typeID)
            let emission = TypeBindingEmission(api: api, type: type, members: members, bindsCases: isLibraryType)
            let source: String
            do {
                source = try emission.emit()
            } catch let error as Unsupported {
                throw GeneratorError.unsupported(declaration: typeID, location: type.location, reason: error.reason)
            }
            let fileName = "\(type.module)/\(type.name).swift"
            files[fileName] = BindingGenerator.fileHeader + "\nextension LibraryBindings {\n    /// `\(type.name)`"
                + (type.documentation.summary.isEmpty ? "" : ": " + type.documentation.summary.prefix(80)) + "\n" + source + "\n}\n"
            let swiftType = isLibraryType && type.kind != .protocolType ? ", swiftType: \(type.name).self" : ""
            registrations.append("table.add(\(TypeBindingEmission.propertyName(type.name))\(swiftType))")
        }
        var functionsByModule: [String: [String]] = [:]
        for function in api.functions {
            let functionID = "\(function.module).\(function.selector)"
            if excluded(functionID, type: nil) { continue }
            do {
                let source = try MemberEmission(api: api, owner: nil, member: function).emit()
                functionsByModule[function.module, default: []].append(source)
            } catch let error as Unsupported {
                throw GeneratorError.unsupported(declaration: functionID, location: function.location, reason: error.reason)
            }
            coverage.bound.append(functionID)
        }
        for module in BindingGenerator.modules {
            guard let sources = functionsByModule[module] else { continue }
            let name = module.prefix(1).lowercased() + module.dropFirst() + "Functions"
            files["\(module)/\(module)Functions.swift"] = BindingGenerator.fileHeader
                + "\nextension LibraryBindings {\n    /// The free functions and operators of \(module).\n"
                + "    static var \(name): [FunctionBinding] {\n        [\n"
                + sources.map { indent($0, by: 12) + "," }.joined(separator: "\n") + "\n        ]\n    }\n}\n"
            registrations.append("table.add(functions: \(name))")
        }
        files["GeneratedTable.swift"] = BindingGenerator.fileHeader + """

            extension LibraryBindings {
                /// Every type and free function of the library, as generated from its declarations.
                static func generatedTable() -> BindingTable {
                    var table = BindingTable()
            \(registrations.map { "        " + $0 }.joined(separator: "\n"))
                    return table
                }
            }

            """
        coverage.unusedExclusions = exclusions.entries.map(\.declaration).filter { !used.contains($0) }
        return (files, coverage)
    }

    /// The first lines of every generated file.
    static let fileHeader = """
        // Generated by `make generate` (Sources/BindingGenerator) from the library's public declarations. Do not edit:
        // change the declaration or Sources/LibraryBindings/Exclusions.txt, then run `make generate`.
        import Autograd
        import CellRuntime
        import Datasets
        import Foundation
        import Models
        import NeuralNetworks
        import Notebook
        import Plots

        """

    /// What `write` did or would do.
    public struct Outcome {
        /// Whether the files on disk already matched.
        public var isCurrent: Bool
        /// One line per file written, changed, removed or stale.
        public var messages: [String]
    }

    /// Writes the generated files, removing generated files no longer produced; with `checkOnly`, only compares.
    public func write(checkOnly: Bool) throws -> Outcome {
        let (files, coverage) = try generate()
        if !coverage.unusedExclusions.isEmpty { throw GeneratorError.staleExclusions(coverage.unusedExclusions) }
        let manager = FileManager.default
        let output = root.appendingPathComponent(BindingGenerator.outputDirectory)
        var existing = Set<String>()
        if let enumerator = manager.enumerator(at: output, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where url.pathExtension == "swift" {
                existing.insert(String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1)))
            }
        }
        var messages: [String] = []
        for path in files.keys.sorted() {
            let url = output.appendingPathComponent(path)
            let current = try? String(contentsOf: url, encoding: .utf8)
            guard current != files[path] else { continue }
            messages.append((current == nil ? "new: " : "changed: ") + path)
            if !checkOnly {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url, atomically: true, encoding: .utf8)
            }
        }
        for path in existing.subtracting(files.keys).sorted() {
            messages.append("removed: " + path)
            if !checkOnly { try manager.removeItem(at: output.appendingPathComponent(path)) }
        }
        return Outcome(isCurrent: messages.isEmpty, messages: messages)
    }
}
