import ArgumentParser
import Foundation

/// `swift-experiments install`: writes the kernelspec the way `python -m ipykernel install` does.
///
/// Where it goes (`NAME` defaults to `swift-experiments`):
/// - `--user`: `~/.local/share/jupyter/kernels/NAME` (or `$JUPYTER_DATA_DIR/kernels/NAME` when set);
/// - `--sys-prefix`: `$VIRTUAL_ENV/share/jupyter/kernels/NAME` (else `$CONDA_PREFIX`), the active environment;
/// - `--prefix DIR`: `DIR/share/jupyter/kernels/NAME`;
/// - none of these: `/usr/local/share/jupyter/kernels/NAME`, the system-wide location.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install the Jupyter kernelspec (kernel.json and logos)."
    )

    @Flag(help: "Install for the current user.")
    var user = false

    @Flag(name: .customLong("sys-prefix"), help: "Install into the active virtual environment ($VIRTUAL_ENV).")
    var sysPrefix = false

    @Option(help: "Install under DIR/share/jupyter/kernels.")
    var prefix: String?

    @Option(help: "The kernelspec name.")
    var name = KernelspecInstaller.defaultName

    @Option(name: .customLong("display-name"), help: "The name shown in Jupyter's launcher.")
    var displayName = KernelspecInstaller.defaultDisplayName

    func validate() throws {
        if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose at most one of --user, --sys-prefix and --prefix")
        }
        if name.isEmpty || name.contains("/") {
            throw ValidationError("invalid kernelspec name '\(name)'")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let location: KernelspecInstaller.Location
        if user {
            location = .user
        } else if sysPrefix {
            location = .activeEnvironment
        } else if let prefix {
            location = .prefix(prefix)
        } else {
            location = .system
        }
        let installer = KernelspecInstaller(name: name, displayName: displayName)
        let directory = try installer.install(at: location, environment: environment)
        print("Installed kernelspec \(name) in \(directory)")
    }
}
