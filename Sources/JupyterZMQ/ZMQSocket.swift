import CZeroMQ
import Foundation

/// libzmq's message for the last failed call.
func zmqReason() -> String {
    String(cString: zmq_strerror(zmq_errno()))
}

/// A ZeroMQ context: the owner of all sockets and of libzmq's I/O thread.
final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    init() throws {
        guard let handle = zmq_ctx_new() else { throw JupyterZMQError.contextCreation(reason: zmqReason()) }
        self.handle = handle
    }

    /// Waits for every socket to be closed and its pending messages flushed (up to each socket's linger).
    func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// One ZeroMQ socket. Not thread-safe: exactly one thread uses it after setup.
final class ZMQSocket: @unchecked Sendable {
    /// The socket kinds this kernel uses.
    enum Kind: Int32 {
        case router = 6, xpub = 9, dealer = 5, sub = 2, req = 3, xsub = 10

        var name: String { "\(self)".uppercased() }
    }

    let handle: UnsafeMutableRawPointer
    /// A label for logs, such as `shell`.
    let name: String
    private var isClosed = false

    init(context: ZMQContext, kind: Kind, name: String) throws {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else {
            throw JupyterZMQError.socketCreation(kind: kind.name, reason: zmqReason())
        }
        self.handle = handle
        self.name = name
        try setOption(ZMQ_LINGER, 1000)
    }

    func setOption(_ option: Int32, _ value: Int32) throws {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw JupyterZMQError.socketOption(option: option, reason: zmqReason())
        }
    }

    func setOption(_ option: Int32, bytes: [UInt8]) throws {
        guard zmq_setsockopt(handle, option, bytes, bytes.count) == 0 else {
            throw JupyterZMQError.socketOption(option: option, reason: zmqReason())
        }
    }

    /// Makes a ROUTER hand a routing id to the newest peer that presents it (ZMQ_ROUTER_HANDOVER), as ipykernel does.
    ///
    /// jupyter_client gives every client of one kernel manager the session id as its routing id. Without
    /// handover, a client that connects before the kernel has seen its predecessor with that id disconnect is
    /// refused, and libzmq then reads the first frame of each of its requests as a routing id: its
    /// requests are dropped as malformed and it never gets a reply.
    func takeOverReusedRoutingIDs() throws {
        try setOption(ZMQ_ROUTER_HANDOVER, 1)
    }

    func bind(_ endpoint: String) throws {
        guard zmq_bind(handle, endpoint) == 0 else { throw JupyterZMQError.bind(endpoint: endpoint, reason: zmqReason()) }
    }

    func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw JupyterZMQError.bind(endpoint: endpoint, reason: zmqReason()) }
    }

    /// Sends all frames as one multipart message.
    func send(_ frames: [[UInt8]]) throws {
        for (index, frame) in frames.enumerated() {
            let flags: Int32 = index == frames.count - 1 ? 0 : ZMQ_SNDMORE
            while true {
                let sent = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                if sent >= 0 { break }
                if zmq_errno() == EINTR { continue }
                throw JupyterZMQError.send(socket: name, reason: zmqReason())
            }
        }
    }

    /// Receives one multipart message, blocking until it arrives.
    func receive() throws -> [[UInt8]] {
        var frames: [[UInt8]] = []
        var more = true
        while more {
            var part = zmq_msg_t()
            zmq_msg_init(&part)
            defer { zmq_msg_close(&part) }
            var size: Int32
            repeat { size = zmq_msg_recv(&part, handle, 0) } while size < 0 && zmq_errno() == EINTR
            guard size >= 0 else { throw JupyterZMQError.receive(socket: name, reason: zmqReason()) }
            let data = zmq_msg_data(&part)
            frames.append(size == 0 || data == nil ? [] : Array(UnsafeRawBufferPointer(start: data, count: Int(size))))
            more = zmq_msg_more(&part) != 0
        }
        return frames
    }

    /// Waits up to `milliseconds` (-1 forever) for this socket to become readable.
    func waitForInput(milliseconds: Int) -> Bool {
        var item = zmq_pollitem_t(socket: handle, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0)
        let ready = zmq_poll(&item, 1, milliseconds)
        return ready > 0 && item.revents & Int16(ZMQ_POLLIN) != 0
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        zmq_close(handle)
    }
}
