/// Everything that can go wrong in the executable outside the kernel loop.
enum SwiftExperimentsError: Error, CustomStringConvertible {
    /// `--sys-prefix` was given but no environment is active.
    case noActiveEnvironment
    /// The running binary's path could not be determined.
    case unknownExecutablePath
    /// An embedded logo is not valid base64.
    case corruptLogo(name: String)

    var description: String {
        switch self {
        case .noActiveEnvironment: return "--sys-prefix needs an active virtual environment ($VIRTUAL_ENV or $CONDA_PREFIX); use --prefix DIR"
        case .unknownExecutablePath: return "cannot find the path of the running swift-experiments binary"
        case .corruptLogo(let name): return "embedded logo \(name) is not valid base64"
        }
    }
}
