/// What the kernel core needs from the sockets, so it can be driven by ZeroMQ or by an in-memory test double.
///
/// Replies on shell and control are handed back through the `reply` closure of `KernelCore.handle`;
/// this protocol covers the other directions.
public protocol KernelTransport: AnyObject {
    /// Queues a message for IOPub; thread-safe, delivered in the order of calls.
    func publish(_ message: Message)

    /// Sends `request` (an `input_request`) on stdin and waits for the matching `input_reply`.
    ///
    /// - Parameter isCancelled: polled while waiting; when it returns true the wait ends by throwing.
    func requestInput(_ request: Message, isCancelled: @escaping () -> Bool) throws -> Message

    /// Stops serving after the current message; `restart` is passed on to whoever started the kernel.
    func shutdown(restart: Bool)
}
