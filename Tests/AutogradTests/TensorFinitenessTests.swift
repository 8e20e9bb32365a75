import Testing
@testable import Autograd

@Suite struct TensorFinitenessTests {
    @Test func finiteMeansNoNaNAndNoInfinityAnywhere() throws {
        #expect(Tensor([1, -2, .greatestFiniteMagnitude, -.leastNonzeroMagnitude, 0]).isFinite)
        #expect(Tensor(zeros: [0]).isFinite)
        #expect(!Tensor([1, .nan]).isFinite)
        #expect(!Tensor([.infinity]).isFinite)
        #expect(!Tensor([-.infinity, 1]).isFinite)
        // Past the first block of values, and in the last value of a partial block.
        var scalars = [Float](repeating: 0.5, count: 2_500)
        #expect(try Tensor(shape: [2_500], scalars: scalars).isFinite)
        scalars[2_499] = .nan
        #expect(try !Tensor(shape: [2_500], scalars: scalars).isFinite)
    }
}
