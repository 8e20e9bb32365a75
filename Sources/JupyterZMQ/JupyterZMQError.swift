/// Failures of the ZeroMQ layer, each carrying the socket, endpoint and libzmq's own explanation.
public enum JupyterZMQError: Error, Equatable, CustomStringConvertible {
    /// `zmq_ctx_new` failed.
    case contextCreation(reason: String)
    /// `zmq_socket` failed for a socket of the named kind.
    case socketCreation(kind: String, reason: String)
    /// A socket option could not be set.
    case socketOption(option: Int32, reason: String)
    /// `zmq_bind` failed for the endpoint.
    case bind(endpoint: String, reason: String)
    /// Sending a frame failed.
    case send(socket: String, reason: String)
    /// Receiving a frame failed.
    case receive(socket: String, reason: String)
    /// The wake-up pipe could not be created.
    case pipeCreation(reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .contextCreation(let reason): return "cannot create a ZeroMQ context: \(reason)"
        case .socketCreation(let kind, let reason): return "cannot create a \(kind) socket: \(reason)"
        case .socketOption(let option, let reason): return "cannot set socket option \(option): \(reason)"
        case .bind(let endpoint, let reason): return "cannot bind \(endpoint): \(reason)"
        case .send(let socket, let reason): return "cannot send on \(socket): \(reason)"
        case .receive(let socket, let reason): return "cannot receive on \(socket): \(reason)"
        case .pipeCreation(let reason): return "cannot create the wake-up pipe: \(reason)"
        }
    }
}
