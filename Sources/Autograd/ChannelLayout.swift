/// Moves convolution values between the sgemm's channel-major layout [C, N, area] and NCHW
/// [N, C, area], adding a per-channel bias (and applying a ReLU) on the way to NCHW, and summing the
/// bias gradient (after ReLU's mask) on the way back, so that in `convolution2D` neither costs a
/// pass over the images of its own; `channelSums` is the bias gradient of a transposed
/// convolution, a pass of its own.
///
/// Work is split across cores by channel; each channel's sum is taken by one thread in one fixed
/// order (images, then pixels, eight lanes at a time), so sums do not depend on the thread count.
enum ChannelLayout {
    /// `values` [C, N, area] as [N, C, area], plus `bias[c]` on every value of channel `c` when a
    /// bias is given, then `max(·, 0)` when `rectifying` (a ReLU after the convolution).
    static func batchMajor(
        _ values: [Float], channels: Int, batch: Int, area: Int, adding bias: [Float]?, rectifying: Bool = false
    ) -> [Float] {
        perChannel(of: values, channels: channels, batch: batch, area: area) { input, out, channel in
            for image in 0..<batch {
                let source = input + (channel * batch + image) * area, target = out + (image * channels + channel) * area
                if bias == nil && !rectifying {
                    copyRun(from: source, to: target, count: area)
                } else {
                    shiftRun(source, by: bias?[channel], rectifying: rectifying, into: target, count: area)
                }
            }
        }
    }

    /// `values` [N, C, area] as [C, N, area], each value zeroed where `positiveWhere` (same layout as
    /// `values`) is not positive when given (the gradient through a ReLU, from its output);
    /// `channelSums`, when given, receives each channel's sum of the result over images and pixels
    /// (the gradient of a bias added to every pixel of its channel).
    static func channelMajor(
        _ values: [Float], batch: Int, channels: Int, area: Int, positiveWhere mask: [Float]? = nil,
        channelSums: UnsafeMutablePointer<Float>?
    ) -> [Float] {
        mask.withUnsafeOptionalBuffer { mask in
            perChannel(of: values, channels: channels, batch: batch, area: area) { input, out, channel in
                var sum = RunSum()
                for image in 0..<batch {
                    let offset = (image * channels + channel) * area, target = out + (channel * batch + image) * area
                    if let mask {
                        maskRun(input + offset, where: mask + offset, into: target, count: area)
                    } else {
                        copyRun(from: input + offset, to: target, count: area)
                    }
                    if channelSums != nil { sum.add(target, count: area) }
                }
                channelSums?[channel] = sum.total
            }
        }
    }

    /// Each channel's sum over images and pixels of `values` [N, C, area].
    static func channelSums(_ values: [Float], batch: Int, channels: Int, area: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: channels) { sums, initialized in
            values.withUnsafeBufferPointer { input in
                Parallel.forEachChunk(count: channels, costPerItem: batch * area) { channelRange in
                    for channel in channelRange {
                        var sum = RunSum()
                        for image in 0..<batch {
                            sum.add(input.baseAddress! + (image * channels + channel) * area, count: area)
                        }
                        sums[channel] = sum.total
                    }
                }
            }
            initialized = channels
        }
    }

    /// A new array of `values.count` values, `body(input, output, channel)` filling channel
    /// `channel`'s values for every channel, channels split across cores.
    private static func perChannel(
        of values: [Float], channels: Int, batch: Int, area: Int,
        _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> [Float] {
        [Float](unsafeUninitializedCapacity: values.count) { output, initialized in
            values.withUnsafeBufferPointer { input in
                Parallel.forEachChunk(count: channels, costPerItem: batch * area) { channelRange in
                    for channel in channelRange { body(input.baseAddress!, output.baseAddress!, channel) }
                }
            }
            initialized = values.count
        }
    }

    /// Writes `source + shift` (`source` without a shift), then `max(·, 0)` when `rectifying`, into
    /// `target`. `max` is Swift's: 0 where `0 >= v`, else `v`.
    @inline(__always)
    private static func shiftRun(
        _ source: UnsafePointer<Float>, by shift: Float?, rectifying: Bool, into target: UnsafeMutablePointer<Float>, count: Int
    ) {
        let shifts = SIMD8<Float>(repeating: shift ?? 0), zero = SIMD8<Float>()
        let from = UnsafeRawPointer(source)
        writeRun(into: target, count: count, scalar: { index in
            let shifted = shift.map { source[index] + $0 } ?? source[index]
            return rectifying ? Swift.max(shifted, 0) : shifted
        }, vector: { byteOffset in
            let values = from.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self)
            let shifted = shift == nil ? values : values + shifts
            return rectifying ? shifted.replacing(with: 0, where: zero .>= shifted) : shifted
        })
    }

    /// Writes `source · (mask > 0 ? 1 : 0)` into `target` (ReLU's backward rule, as
    /// `Tensor.chainRule` computes it).
    @inline(__always)
    private static func maskRun(
        _ source: UnsafePointer<Float>, where mask: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int
    ) {
        let zero = SIMD8<Float>(), one = SIMD8<Float>(repeating: 1)
        let from = UnsafeRawPointer(source), by = UnsafeRawPointer(mask)
        writeRun(into: target, count: count, scalar: { index in
            source[index] * (mask[index] > 0 ? 1 : 0)
        }, vector: { byteOffset in
            let keep = by.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self) .> zero
            return from.loadUnaligned(fromByteOffset: byteOffset, as: SIMD8<Float>.self) * zero.replacing(with: one, where: keep)
        })
    }

    /// Fills `target[0..<count]` eight values at a time from `vector(byte offset)`, the last group
    /// overlapping the one before it (it stores the same values again) instead of a scalar tail;
    /// runs shorter than eight take `scalar(index)` value by value. The two must agree bit for bit.
    @inline(__always)
    private static func writeRun(
        into target: UnsafeMutablePointer<Float>, count: Int,
        scalar: (Int) -> Float, vector: (Int) -> SIMD8<Float>
    ) {
        guard count >= 8 else {
            for index in 0..<count { target[index] = scalar(index) }
            return
        }
        let to = UnsafeMutableRawPointer(target)
        var offset = 0
        while offset + 8 < count {
            to.storeBytes(of: vector(offset * 4), toByteOffset: offset * 4, as: SIMD8<Float>.self)
            offset += 8
        }
        let last = (count - 8) * 4
        to.storeBytes(of: vector(last), toByteOffset: last, as: SIMD8<Float>.self)
    }

    /// A running sum of runs of values: eight lanes over each run's whole groups of eight, one scalar
    /// for the rest, added together at the end.
    private struct RunSum {
        var lanes = SIMD8<Float>()
        var rest: Float = 0

        mutating func add(_ values: UnsafePointer<Float>, count: Int) {
            let raw = UnsafeRawPointer(values)
            var offset = 0
            while offset + 8 <= count {
                lanes += raw.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self)
                offset += 8
            }
            while offset < count {
                rest += values[offset]
                offset += 1
            }
        }

        var total: Float { lanes.sum() + rest }
    }
}

private extension Optional where Wrapped == [Float] {
    /// Calls `body` with the base address of the wrapped array, or nil.
    func withUnsafeOptionalBuffer<Result>(_ body: (UnsafePointer<Float>?) -> Result) -> Result {
        switch self {
        case .some(let values): values.withUnsafeBufferPointer { body($0.baseAddress) }
        case .none: body(nil)
        }
    }
}
