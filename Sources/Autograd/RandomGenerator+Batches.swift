/// Batches of draws for large tensors (uniform and Bernoulli values, dropout masks): the same bits as
/// drawing one by one, made eight at a time in vector registers and in chunks across cores.
extension RandomGenerator {
    /// What a batch of draws makes of each unit float `u` (see ``drawUnitFloats(count:_:)``): the same
    /// operations on one value or on eight in a vector, so both give the same bits.
    enum UnitFloatMap {
        /// `offset + scale · u`.
        case affine(offset: Float, scale: Float)
        /// `value` where `u < bound`, else 0.
        case indicator(bound: Float, value: Float)

        /// The map of one draw.
        @inline(__always)
        func callAsFunction(_ u: Float) -> Float {
            switch self {
            case let .affine(offset, scale): return offset + scale * u
            case let .indicator(bound, value): return u < bound ? value : 0
            }
        }

        /// The map of eight draws, lane by lane.
        @inline(__always)
        func callAsFunction(_ u: SIMD8<Float>) -> SIMD8<Float> {
            switch self {
            case let .affine(offset, scale): return SIMD8(repeating: offset) + SIMD8(repeating: scale) * u
            case let .indicator(bound, value): return SIMD8(repeating: 0).replacing(with: value, where: u .< bound)
            }
        }
    }

    /// `map(u)` of the next `count` unit floats (``nextUnitFloat()``), in order; the generator moves
    /// on past them. Large counts are made in chunks across cores, each from a copy of the generator
    /// moved on to its first draw, and within a chunk eight draws at a time (``LaneGenerator``), so
    /// the values are those of drawing one by one, whatever the thread count.
    mutating func drawUnitFloats(count: Int, _ map: UnitFloatMap) -> [Float] {
        let origin = self
        defer { advance(by: UInt64(count)) }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            Parallel.forEachChunk(count: count, costPerItem: 4) { chunk in
                var generator = origin
                generator.advance(by: UInt64(chunk.lowerBound))
                var index = chunk.lowerBound
                if chunk.count >= 8 {
                    var lanes = LaneGenerator(generator)
                    let target = UnsafeMutableRawPointer(buffer.baseAddress!)
                    while index + 8 <= chunk.upperBound {
                        target.storeBytes(of: map(lanes.nextUnitFloats()), toByteOffset: index * MemoryLayout<Float>.size,
                                          as: SIMD8<Float>.self)
                        index += 8
                    }
                    generator.advance(by: UInt64(index - chunk.lowerBound))
                }
                while index < chunk.upperBound {
                    buffer[index] = map(generator.nextUnitFloat())
                    index += 1
                }
            }
            initialized = count
        }
    }

    /// Eight copies of a generator, lane `j` moved on by `j` draws, each stepping eight draws at a
    /// time: together they give the generator's next draws in order, eight per call, in vector registers.
    private struct LaneGenerator {
        typealias Lanes = SIMD8<UInt64>
        var states = Lanes()
        let multiplier: Lanes, increment: Lanes

        init(_ generator: RandomGenerator) {
            var lane = generator
            for index in 0..<8 {
                states[index] = lane.state
                lane.advance(by: 1)
            }
            let eightSteps = generator.steps(8)
            multiplier = Lanes(repeating: eightSteps.multiplier)
            increment = Lanes(repeating: eightSteps.increment)
        }

        /// The next eight draws as unit floats, as ``RandomGenerator/nextUnitFloat()`` gives them.
        @inline(__always)
        mutating func nextUnitFloats() -> SIMD8<Float> {
            let old = states
            states = old &* multiplier &+ increment
            let shifted = SIMD8<UInt32>(truncatingIfNeeded: ((old &>> 18) ^ old) &>> 27)
            let rotation = SIMD8<UInt32>(truncatingIfNeeded: old &>> 59)
            let bits = (shifted &>> rotation) | (shifted &<< ((~rotation &+ 1) & 31))
            return SIMD8<Float>(bits &>> 8) * 0x1p-24
        }
    }
}
