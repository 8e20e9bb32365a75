import Foundation

/// Refuses tensors too large for this machine, so a mistyped shape in a notebook is an error rather than a crash.
///
/// Swift stops the process when an allocation fails, and Linux kills it when it touches pages it was promised but
/// that are not there: either way a kernel would lose every variable. Shapes that come from users (the tensor
/// constructors of cells, broadcasting, matrix products, the parameters of layers and models) are checked before
/// their buffer is allocated.
public enum MemoryLimit {
    /// Tensors of at most this many bytes are not compared with the memory available (that reads /proc/meminfo).
    static let uncheckedBytes = 256 << 20

    /// Throws `AutogradError.invalidShape` naming `operation` when a tensor of `shape` has a negative size, a count
    /// too large for `Int`, or more bytes than the memory available now (in all, or along its longest axis).
    ///
    /// - Parameters:
    ///   - shape: The shape of the tensor about to be allocated.
    ///   - operation: The operation named in the error.
    public static func check(_ shape: [Int], operation: String) throws {
        func refuse(_ reason: String) -> AutogradError {
            AutogradError.invalidShape(operation: operation, shape: shape, reason: reason)
        }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw refuse("sizes cannot be negative") }
        guard let count = Shape.checkedCount(shape) else { throw refuse("it has more values than an Int can count") }
        // A longest axis that could not be held is refused even when another axis is 0: a reduction or a
        // transpose of the empty tensor would allocate along it.
        let (bytes, overflow) = max(count, shape.max() ?? 0).multipliedReportingOverflow(by: MemoryLayout<Float>.stride)
        guard !overflow else { throw refuse("it has more values than an Int can count") }
        if let shortfall = shortfall(forBytes: bytes) { throw refuse(shortfall) }
    }

    /// Why `bytes` cannot be allocated now ("it needs 40.0 GB of memory and 23.1 GB are available"), or nil when
    /// they fit (or are few enough not to look).
    ///
    /// - Parameter bytes: The size of the allocation.
    public static func shortfall(forBytes bytes: Int) -> String? {
        guard bytes > uncheckedBytes else { return nil }
        let available = availableBytes()
        return bytes <= available ? nil : "it needs \(gigabytes(bytes)) of memory and \(gigabytes(available)) are available"
    }

    /// The memory the kernel may still allocate: Linux's MemAvailable, or the physical memory where that is unknown.
    static func availableBytes() -> Int {
        if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        {
            return kilobytes * 1024
        }
        return Int(clamping: ProcessInfo.processInfo.physicalMemory)
    }

    /// `bytes` in gigabytes with one decimal, e.g. "40.0 GB".
    static func gigabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 1e8).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) GB"
    }
}
