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
    /// The LCG's state (the next draw's input); readable for the batched draws.
    private(set) var state: UInt64
    /// The LCG's increment, odd, set by the stream.
    let increment: UInt64

    /// Creates a generator from a seed and an optional stream number (distinct streams are independent).
    ///
    /// - Parameters:
    ///   - seed: The seed.
    ///   - stream: Selects one of 2⁶³ independent sequences for the same seed.
    public init(seed: UInt64, stream: UInt64 = 0x14057B7EF767814F) {
        increment = (stream << 1) | 1
        state = 0
        _ = nextUInt32()
        state &+= seed
        _ = nextUInt32()
    }

    /// The LCG's multiplier.
    private static let multiplier: UInt64 = 6364136223846793005

    /// The next 32 random bits.
    public mutating func nextUInt32() -> UInt32 {
        let old = state
        state = old &* Self.multiplier &+ increment
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

    /// The map `state ↦ multiplier · state + increment` that `count` calls of ``nextUInt32()`` apply
    /// to the state, found in O(log count) steps (Brown's LCG jump-ahead, as PCG's `pcg_advance`).
    func steps(_ count: UInt64) -> (multiplier: UInt64, increment: UInt64) {
        var (totalMultiplier, totalIncrement) = (UInt64(1), UInt64(0))
        var (stepMultiplier, stepIncrement) = (Self.multiplier, increment)
        var remaining = count
        while remaining > 0 {
            if remaining & 1 == 1 {
                totalMultiplier = totalMultiplier &* stepMultiplier
                totalIncrement = totalIncrement &* stepMultiplier &+ stepIncrement
            }
            stepIncrement = (stepMultiplier &+ 1) &* stepIncrement
            stepMultiplier = stepMultiplier &* stepMultiplier
            remaining >>= 1
        }
        return (totalMultiplier, totalIncrement)
    }

    /// Moves the generator on as `count` calls of ``nextUInt32()`` would, in O(log count) steps.
    mutating func advance(by count: UInt64) {
        let map = steps(count)
        state = map.multiplier &* state &+ map.increment
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method); 0 when `bound <= 1`.
    ///
    /// - Parameter bound: The exclusive upper bound.
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
    ///
    /// - Parameters:
    ///   - shape: The size of each axis.
    ///   - lowerBound: The smallest value.
    ///   - upperBound: The bound values stay below.
    public mutating func uniform(_ shape: [Int], lowerBound: Float = 0, upperBound: Float = 1) -> Tensor {
        let width = upperBound - lowerBound
        return Tensor(uncheckedShape: shape, scalars: drawUnitFloats(count: Shape.count(shape), .affine(offset: lowerBound, scale: width)))
    }

    /// Values drawn from a normal distribution (Box–Muller, both outputs of each pair used).
    ///
    /// - Parameters:
    ///   - shape: The size of each axis.
    ///   - mean: The mean.
    ///   - standardDeviation: The standard deviation.
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
    ///
    /// - Parameters:
    ///   - shape: The size of each axis.
    ///   - probability: The probability of a one, in 0...1.
    public mutating func bernoulli(_ shape: [Int], probability: Float) -> Tensor {
        Tensor(uncheckedShape: shape, scalars: drawUnitFloats(count: Shape.count(shape), .indicator(bound: probability, value: 1)))
    }

    /// A uniformly random ordering of `0..<count` (Fisher–Yates).
    ///
    /// - Parameter count: How many numbers; 0 or less gives none.
    public mutating func permutation(_ count: Int) -> [Int] {
        var order = Array(0..<Swift.max(count, 0))
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            order.swapAt(i, nextInt(below: i + 1))
        }
        return order
    }
}
