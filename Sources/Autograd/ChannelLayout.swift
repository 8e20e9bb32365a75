/// Moves convolution values between the sgemm's channel-major layout [C, N, area] and NCHW
/// [N, C, area], adding a per-channel bias on the way to NCHW and summing the bias gradient on the
/// way back, so that a convolution's bias costs no pass over the images of its own.
///
/// Work is split across cores by channel; each channel's sum is taken by one thread in one fixed
/// order (images, then pixels, eight lanes at a time), so sums do not depend on the thread count.
enum ChannelLayout {
    /// `values` [C, N, area] as [N, C, area], plus `bias[c]` on every value of channel `c` when a bias is given.
    static func batchMajor(_ values: [Float], channels: Int, batch: Int, area: Int, adding bias: [Float]?) -> [Float] {
        perChannel(of: values, channels: channels, batch: batch, area: area) { input, out, channel in
            let shift = bias?[channel] ?? 0
            for image in 0..<batch {
                let source = input + (channel * batch + image) * area, target = out + (image * channels + channel) * area
                if bias == nil {
                    copyRun(from: source, to: target, count: area)
                } else {
                    addRun(source, shift, into: target, count: area)
                }
            }
        }
    }

    /// `values` [N, C, area] as [C, N, area]; `channelSums`, when given, receives each channel's sum
    /// over images and pixels (the gradient of a bias added to every pixel of its channel).
    static func channelMajor(
        _ values: [Float], batch: Int, channels: Int, area: Int, channelSums: UnsafeMutablePointer<Float>?
    ) -> [Float] {
        perChannel(of: values, channels: channels, batch: batch, area: area) { input, out, channel in
            var sum = RunSum()
            for image in 0..<batch {
                let source = input + (image * channels + channel) * area
                copyRun(from: source, to: out + (channel * batch + image) * area, count: area)
                if channelSums != nil { sum.add(source, count: area) }
            }
            channelSums?[channel] = sum.total
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

    /// Writes `source + shift` into `target`, eight values at a time; the last group overlaps the one
    /// before it (it stores the same sums again) instead of a scalar tail.
    @inline(__always)
    private static func addRun(_ source: UnsafePointer<Float>, _ shift: Float, into target: UnsafeMutablePointer<Float>, count: Int) {
        guard count >= 8 else {
            for index in 0..<count { target[index] = source[index] + shift }
            return
        }
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        let shifts = SIMD8<Float>(repeating: shift)
        var offset = 0
        while offset + 8 < count {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset * 4, as: SIMD8<Float>.self) + shifts,
                          toByteOffset: offset * 4, as: SIMD8<Float>.self)
            offset += 8
        }
        let last = (count - 8) * 4
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: last, as: SIMD8<Float>.self) + shifts,
                      toByteOffset: last, as: SIMD8<Float>.self)
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
