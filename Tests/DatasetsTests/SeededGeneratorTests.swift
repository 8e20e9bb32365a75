@testable import Datasets
import Testing

@Suite struct SeededGeneratorTests {
    @Test func matchesThePCG32ReferenceOutput() {
        // pcg32-global-demo / pcg32-demo (pcg-c-basic) with seed 42, stream 54.
        var generator = SeededGenerator(seed: UInt64(42), stream: 54)
        let outputs = (0..<6).map { _ in generator.nextUInt32() }
        #expect(outputs == [0xa15c_02b7, 0x7b47_f409, 0xba1d_3330, 0x83d2_f293, 0xbfa4_784b, 0xcbed_606e])
    }

    @Test func sameSeedSameSequenceDifferentSeedDifferentSequence() {
        var first = SeededGenerator(seed: 7)
        var second = SeededGenerator(seed: 7)
        var third = SeededGenerator(seed: 8)
        let a = (0..<20).map { _ in first.next() }
        #expect(a == (0..<20).map { _ in second.next() })
        #expect(a != (0..<20).map { _ in third.next() })
    }

    @Test func boundedDrawsStayInRangeAndCoverIt() {
        var generator = SeededGenerator(seed: 1)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            let value = generator.nextInt(below: 7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
        let unit = (0..<1_000).map { _ in generator.nextUnitDouble() }
        #expect(unit.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test func permutationIsAPermutation() {
        var generator = SeededGenerator(seed: 3)
        let permutation = generator.permutation(of: 100)
        #expect(permutation.sorted() == Array(0..<100))
        #expect(permutation != Array(0..<100))
    }

    @Test func shuffledBatchesCoverEveryIndexOnce() {
        var generator = SeededGenerator(seed: 11)
        let batches = generator.shuffledBatches(count: 10, batchSize: 4)
        #expect(batches.map(\.count) == [4, 4, 2])
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<10))
        #expect(generator.shuffledBatches(count: 0, batchSize: 3).isEmpty)
    }
}
