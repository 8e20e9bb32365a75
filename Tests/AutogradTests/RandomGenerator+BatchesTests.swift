import Testing
@testable import Autograd

@Suite struct RandomGeneratorBatchesTests {
    @Test func batchDrawsEqualOneByOneDrawsOnEveryCore() {
        // 200,003 draws are split across the cores (two or more here), eight at a time with a short tail;
        // the values and the state after them must be those of drawing one by one.
        var batched = RandomGenerator(seed: 7), single = batched
        let values = batched.drawUnitFloats(count: 200_003, .affine(offset: 1, scale: 2))
        #expect(values == (0..<200_003).map { _ in 1 + 2 * single.nextUnitFloat() })
        #expect(batched.nextUInt32() == single.nextUInt32())
        var dropped = RandomGenerator(seed: 8), reference = dropped
        let mask = try? Tensor(ones: [300, 400]).dropout(probability: 0.25, generator: &dropped).scalars
        #expect(mask == (0..<120_000).map { _ in reference.nextUnitFloat() < 0.75 ? 1 / Float(0.75) : 0 })
    }
}
