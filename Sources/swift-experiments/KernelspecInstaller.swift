import Foundation

/// Writes `kernel.json` and the logos into a Jupyter kernels directory.
struct KernelspecInstaller {
    static let defaultName = "swift-experiments"
    static let defaultDisplayName = "Swift Experiments"

    /// Where to install, mirroring `ipykernel install`'s options.
    enum Location {
        case user, activeEnvironment, system
        case prefix(String)
    }

    var name: String
    var displayName: String

    /// The kernels directory for `location`.
    func kernelsDirectory(for location: Location, environment: [String: String]) throws -> String {
        switch location {
        case .user:
            if let dataDirectory = environment["JUPYTER_DATA_DIR"], !dataDirectory.isEmpty { return dataDirectory + "/kernels" }
            let home = environment["HOME"] ?? NSHomeDirectory()
            return home + "/.local/share/jupyter/kernels"
        case .activeEnvironment:
            guard let prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"], !prefix.isEmpty else {
                throw SwiftExperimentsError.noActiveEnvironment
            }
            return prefix + "/share/jupyter/kernels"
        case .system:
            return "/usr/local/share/jupyter/kernels"
        case .prefix(let prefix):
            return URL(fileURLWithPath: prefix).standardizedFileURL.path + "/share/jupyter/kernels"
        }
    }

    /// The kernel.json text, with the absolute path of `executable` in argv.
    func kernelJSON(executable: String) -> String {
        func quoted(_ text: String) -> String {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return """
        {
          "argv": [\(quoted(executable)), "kernel", "--connection-file", "{connection_file}"],
          "display_name": \(quoted(displayName)),
          "language": "swift",
          "interrupt_mode": "message",
          "metadata": {}
        }

        """
    }

    /// The absolute, symlink-free path of the running binary.
    static func executablePath() throws -> String {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        guard let path = Bundle.main.executablePath else { throw SwiftExperimentsError.unknownExecutablePath }
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Writes the kernelspec; returns its directory.
    func install(at location: Location, environment: [String: String]) throws -> String {
        let directory = try kernelsDirectory(for: location, environment: environment) + "/" + name
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try kernelJSON(executable: Self.executablePath()).write(toFile: directory + "/kernel.json", atomically: true, encoding: .utf8)
        for (fileName, encoded) in KernelspecLogos.base64PNGByFileName {
            guard let data = Data(base64Encoded: encoded) else { throw SwiftExperimentsError.corruptLogo(name: fileName) }
            try data.write(to: URL(fileURLWithPath: directory + "/" + fileName))
        }
        return directory
    }
}
