import Testing
@testable import Autograd

@Suite struct MemoryLimitTests {
    @Test func tensorsThatFitPass() throws {
        try MemoryLimit.check([], operation: "test")
        try MemoryLimit.check([1000, 1000], operation: "test")
        try MemoryLimit.check([0, 5], operation: "test")
    }

    @Test func negativeSizesAndOverflowingCountsAreRefused() {
        #expect(throws: AutogradError.invalidShape(operation: "test", shape: [2, -1], reason: "sizes cannot be negative")) {
            try MemoryLimit.check([2, -1], operation: "test")
        }
        #expect(throws: AutogradError.invalidShape(operation: "test", shape: [1 << 40, 1 << 40],
                                                   reason: "it has more values than an Int can count")) {
            try MemoryLimit.check([1 << 40, 1 << 40], operation: "test")
        }
    }

    @Test func tensorsLargerThanTheAvailableMemoryAreRefusedWithTheirSize() {
        let available = MemoryLimit.availableBytes()
        #expect(available > 0)
        let rows = available / 4 / 1000 + 1  // one row more than fits
        do {
            try MemoryLimit.check([rows, 1000], operation: "test")
            Issue.record("a tensor of \(rows * 4000) bytes passed with \(available) available")
        } catch {
            #expect("\(error)".hasPrefix("test: invalid shape [\(rows), 1000]: it needs "))
            #expect("\(error)".hasSuffix(" GB are available"))
        }
    }

    @Test func anAxisLongerThanMemoryIsRefusedEvenInAnEmptyTensor() {
        #expect(throws: AutogradError.self) { try MemoryLimit.check([1 << 40, 0], operation: "test") }
    }

    @Test func broadcastingAndProductsCheckTheirResultBeforeAllocating() {
        let column = Tensor(zeros: [400_000, 1]), row = Tensor(zeros: [1, 400_000])  // results of 640 GB
        #expect(throws: AutogradError.self) { try column + row }
        #expect(throws: AutogradError.self) { try column.matmul(row) }
    }

    @Test func gigabytesHaveOneDecimal() {
        #expect(MemoryLimit.gigabytes(40_000_000_000) == "40.0 GB")
        #expect(MemoryLimit.gigabytes(1_250_000_000) == "1.3 GB")
        #expect(MemoryLimit.gigabytes(0) == "0.0 GB")
    }
}
