import Foundation

/// A seeded PCG32 generator (O'Neill's XSH-RR output on a 64-bit LCG): the same seed gives the
/// same bits on every machine and every run, so notebooks reproduce their numbers.
///
/// ```swift
/// var generator = RandomGenerator(seed: 42)
/// let weights = generator.normal([784, 400], standardDeviation: 0.05)
/// let order = generator.permutation(60_000)
/// ```
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private let increment: UInt64

    /// Creates a generator from a seed and an optional stream number (distinct streams are independent).
    public init(seed: UInt64, stream: UInt64 = 0x14057B7EF767814F) {
        increment = (stream << 1) | 1
        state = 0
        _ = nextUInt32()
        state &+= seed
        _ = nextUInt32()
    }

    /// The next 32 random bits.
    public mutating func nextUInt32() -> UInt32 {
        let old = state
        state = old &* 6364136223846793005 &+ increment
        let shifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
        let rotation = UInt32(truncatingIfNeeded: old >> 59)
        return (shifted >> rotation) | (shifted << ((~rotation &+ 1) & 31))
    }

    /// The next 64 random bits (two 32-bit draws), for `RandomNumberGenerator`.
    public mutating func next() -> UInt64 {
        UInt64(nextUInt32()) << 32 | UInt64(nextUInt32())
    }

    /// A uniform `Float` in `[0, 1)` with 24 random bits.
    public mutating func nextUnitFloat() -> Float {
        Float(nextUInt32() >> 8) * 0x1p-24
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method); 0 when `bound <= 1`.
    public mutating func nextInt(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        var product = next().multipliedFullWidth(by: limit)
        if product.low < limit {
            let threshold = (0 &- limit) % limit
            while product.low < threshold { product = next().multipliedFullWidth(by: limit) }
        }
        return Int(product.high)
    }

    /// Values drawn uniformly from `[lowerBound, upperBound)`.
    public mutating func uniform(_ shape: [Int], lowerBound: Float = 0, upperBound: Float = 1) -> Tensor {
        let width = upperBound - lowerBound
        let values = (0..<Shape.count(shape)).map { _ in lowerBound + width * nextUnitFloat() }
        return Tensor(uncheckedShape: shape, scalars: values)
    }

    /// Values drawn from a normal distribution (Box–Muller, both outputs of each pair used).
    public mutating func normal(_ shape: [Int], mean: Float = 0, standardDeviation: Float = 1) -> Tensor {
        let count = Shape.count(shape)
        var values = [Float]()
        values.reserveCapacity(count + 1)
        while values.count < count {
            let radius = (-2 * Foundation.log(1 - nextUnitFloat())).squareRoot()  // 1 − u lies in (0, 1]
            let angle = 2 * Float.pi * nextUnitFloat()
            values.append(mean + standardDeviation * radius * Foundation.cos(angle))
            values.append(mean + standardDeviation * radius * Foundation.sin(angle))
        }
        return Tensor(uncheckedShape: shape, scalars: Array(values.prefix(count)))
    }

    /// Ones with probability `probability`, zeros otherwise.
    public mutating func bernoulli(_ shape: [Int], probability: Float) -> Tensor {
        let values = (0..<Shape.count(shape)).map { _ -> Float in nextUnitFloat() < probability ? 1 : 0 }
        return Tensor(uncheckedShape: shape, scalars: values)
    }

    /// A uniformly random ordering of `0..<count` (Fisher–Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<Swift.max(count, 0))
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, nextInt(below: i + 1))
        }
        return order
    }
}
