import CZeroMQ
import Foundation
import JupyterProtocol

/// The IOPub XPUB socket and the thread that owns it.
///
/// Any thread may `enqueue` a message; the IOPub thread wakes through a pipe, encodes and sends the
/// messages in order, merging consecutive `stream` messages of the same stream and parent when they pile up.
/// Each new subscription is greeted with an `iopub_welcome` message (JEP 65). Until the first subscriber has
/// been greeted, messages are held (at most ``heldLimit``, the newest) and sent right after that welcome: the
/// first subscriber's first message is always its welcome, even when it subscribes while the kernel publishes
/// its `starting` status (an XPUB socket would otherwise deliver whatever it sends once libzmq has registered
/// the subscription, before this thread has read it).
final class IOPubChannel: @unchecked Sendable {
    /// How many messages published before the first subscription are kept for it.
    static let heldLimit = 1_000

    let socket: ZMQSocket
    let codec: WireCodec
    let factory: MessageFactory
    private let wakeup: WakeupPipe
    private let lock = NSLock()
    private var pending: [Message] = []
    private var stopRequested = false
    private let finished = DispatchSemaphore(value: 0)
    /// Messages published before the first subscriber was greeted (used on the IOPub thread only).
    private var held: [Message] = []
    private var hasGreetedASubscriber = false

    init(context: ZMQContext, endpoint: String, codec: WireCodec, factory: MessageFactory) throws {
        socket = try ZMQSocket(context: context, kind: .xpub, name: "iopub")
        try socket.setOption(ZMQ_XPUB_VERBOSE, 1)
        try socket.setOption(ZMQ_SNDHWM, 100_000)
        try socket.bind(endpoint)
        wakeup = try WakeupPipe()
        self.codec = codec
        self.factory = factory
    }

    /// Queues `message` for sending; thread-safe.
    func enqueue(_ message: Message) {
        lock.lock()
        pending.append(message)
        lock.unlock()
        wakeup.signal()
    }

    func start() {
        let thread = Thread { [self] in
            serve()
            finished.signal()
        }
        thread.name = "iopub"
        thread.start()
    }

    /// Sends what is queued, then stops the thread and closes the socket.
    func stop(timeoutSeconds: Double) {
        lock.lock()
        stopRequested = true
        lock.unlock()
        wakeup.signal()
        _ = finished.wait(timeout: .now() + timeoutSeconds)
    }

    private func serve() {
        defer { socket.close() }
        while true {
            var items = [
                zmq_pollitem_t(socket: socket.handle, fd: -1, events: Int16(ZMQ_POLLIN), revents: 0),
                zmq_pollitem_t(socket: nil, fd: wakeup.readDescriptor, events: Int16(ZMQ_POLLIN), revents: 0),
            ]
            let ready = zmq_poll(&items, 2, 1000)
            if ready < 0 && zmq_errno() != EINTR {
                KernelServer.log("iopub poll failed: \(zmqReason())")
                return
            }
            // Subscriptions first, even when only the wakeup pipe fired: a subscriber whose
            // subscription is already waiting then gets its welcome before the queued messages.
            // Until the first welcome nothing is sent (see `held`); a later subscriber whose
            // subscription arrives while a message is being sent can still see that message first
            // (making subscriptions manual, ZMQ_XPUB_MANUAL, closed that window but hung the kernel
            // under the fuzz test with libzmq 4.3.4).
            answerSubscriptions()
            if items[1].revents & Int16(ZMQ_POLLIN) != 0 { wakeup.drain() }
            lock.lock()
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            let stopping = stopRequested
            lock.unlock()
            if hasGreetedASubscriber {
                for message in Self.coalesced(batch) { send(message) }
            } else {
                held.append(contentsOf: batch)
                if held.count > Self.heldLimit { held.removeFirst(held.count - Self.heldLimit) }
            }
            if stopping { return }
        }
    }

    private func send(_ message: Message) {
        do {
            try socket.send(codec.encode(message))
        } catch {
            KernelServer.log("dropped \(message.messageType) on iopub: \(error)")
        }
    }

    /// Reads subscription events (`\u{1}topic` subscribes) and greets each subscriber.
    private func answerSubscriptions() {
        while socket.waitForInput(milliseconds: 0) {
            guard let frames = try? socket.receive() else { return }
            for frame in frames where frame.first == 1 {
                let topic = Array(frame.dropFirst())
                let subscription = String(decoding: topic, as: UTF8.self)
                let welcome = Message(identities: [topic.isEmpty ? Array("iopub_welcome".utf8) : topic],
                                      header: factory.header(type: "iopub_welcome"),
                                      content: ["subscription": .string(subscription)])
                send(welcome)
                if !hasGreetedASubscriber {
                    hasGreetedASubscriber = true
                    for message in Self.coalesced(held) { send(message) }
                    held = []
                }
            }
        }
    }

    /// Merges runs of `stream` messages with the same stream name and parent into one message.
    static func coalesced(_ messages: [Message]) -> [Message] {
        var result: [Message] = []
        result.reserveCapacity(messages.count)
        for message in messages {
            if message.messageType == "stream", let last = result.last, last.messageType == "stream",
                last.content["name"] == message.content["name"], last.parentHeader == message.parentHeader,
                let earlier = last.content["text"]?.stringValue, let later = message.content["text"]?.stringValue
            {
                result[result.count - 1].content["text"] = .string(earlier + later)
            } else {
                result.append(message)
            }
        }
        return result
    }
}
