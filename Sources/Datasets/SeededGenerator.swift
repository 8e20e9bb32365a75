/// A small, seeded, deterministic random number generator: PCG32 (O'Neill 2014, "PCG: A family of
/// simple fast space-efficient statistically good algorithms for random number generation"),
/// the XSH-RR output function on a 64-bit linear congruential state.
///
/// Every split in Datasets draws from one of these, so the same seed gives the same split on every
/// run, machine and Swift version: shuffling and bounded draws are implemented here rather than
/// taken from the standard library, whose algorithms may change between releases.
///
/// ```swift
/// var generator = SeededGenerator(seed: 42)
/// let index = generator.nextInt(below: 10)
/// ```
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    private let increment: UInt64

    /// Creates a generator from a seed and an optional stream number (as `pcg32_srandom_r`).
    ///
    /// - Parameters:
    ///   - seed: The seed.
    ///   - stream: Selects one of 2⁶³ independent sequences for the same seed.
    public init(seed: UInt64, stream: UInt64 = 54) {
        increment = (stream << 1) | 1
        state = 0
        _ = nextUInt32()
        state &+= seed
        _ = nextUInt32()
    }

    /// Creates a generator from a seed written as an `Int`, as cells and notebooks write seeds.
    ///
    /// - Parameter seed: The seed; negative values use their bit pattern.
    public init(seed: Int) {
        self.init(seed: UInt64(bitPattern: Int64(seed)))
    }

    /// The next 32 random bits.
    public mutating func nextUInt32() -> UInt32 {
        let old = state
        state = old &* 6_364_136_223_846_793_005 &+ increment
        let xorShifted = UInt32(truncatingIfNeeded: ((old >> 18) ^ old) >> 27)
        let rotation = UInt32(truncatingIfNeeded: old >> 59)
        return (xorShifted >> rotation) | (xorShifted << ((~rotation &+ 1) & 31))
    }

    /// The next 64 random bits (two 32-bit draws, high word first).
    public mutating func next() -> UInt64 {
        let high = UInt64(nextUInt32())
        return (high << 32) | UInt64(nextUInt32())
    }

    /// A uniform integer in `0..<bound`, without modulo bias (rejection sampling as `pcg32_boundedrand_r`).
    ///
    /// - Parameter bound: The exclusive upper bound, in 1...UInt32.max.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0 && bound <= Int(UInt32.max), "bound must be in 1...UInt32.max")
        let bound32 = UInt32(bound)
        let threshold = (~bound32 &+ 1) % bound32
        while true {
            let value = nextUInt32()
            if value >= threshold { return Int(value % bound32) }
        }
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// Shuffles `array` in place with the Fisher–Yates algorithm, drawing from this generator.
    ///
    /// - Parameter array: The array to shuffle.
    public mutating func shuffle<Element>(_ array: inout [Element]) {
        guard array.count > 1 else { return }
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            let other = nextInt(below: index + 1)
            if other != index { array.swapAt(index, other) }
        }
    }

    /// The numbers `0..<count` in a random order.
    ///
    /// - Parameter count: How many numbers, at least 0.
    public mutating func permutation(of count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    /// The numbers `0..<count` in a random order, cut into batches of `batchSize` (the last batch
    /// holds the remainder): one epoch of shuffled mini-batches over rows or images.
    ///
    /// - Parameters:
    ///   - count: How many numbers (rows or images) to cover.
    ///   - batchSize: Numbers per batch, positive.
    public mutating func shuffledBatches(count: Int, batchSize: Int) -> [[Int]] {
        precondition(batchSize > 0, "batchSize must be positive")
        let order = permutation(of: count)
        return stride(from: 0, to: count, by: batchSize).map { Array(order[$0..<min($0 + batchSize, count)]) }
    }
}
