import Testing
@testable import Autograd

@Suite struct LinearAlgebraBackendTests {
    @Test func choosesTheWidestKernelFamilyTheFlagsAllow() {
        #expect(LinearAlgebraBackend.bestCoreType(flags: ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx2", "fma"]) == "SkylakeX")
        #expect(LinearAlgebraBackend.bestCoreType(flags: ["avx512f", "avx2", "fma"]) == "Haswell")
        #expect(LinearAlgebraBackend.bestCoreType(flags: ["sse3", "avx"]) == nil)
    }

    @Test func reportsACoreAndStillMultipliesCorrectly() throws {
        #expect(!LinearAlgebraBackend.coreName.isEmpty)
        #expect(try Tensor(rows: [[1, 2]]).matmul(Tensor(rows: [[3], [4]])).scalars == [11])
    }
}

@Suite(.serialized) struct ThreadCountTests {
    @Test func oneThreadGivesTheSameNumbers() throws {
        var generator = RandomGenerator(seed: 8)
        let a = generator.normal([300, 200]), b = generator.normal([200, 150])
        let original = LinearAlgebraBackend.threadCount
        let parallel = try (a.matmul(b).tanh() + 1).sum(alongAxis: 0)
        LinearAlgebraBackend.threadCount = 1
        #expect(LinearAlgebraBackend.threadCount == 1)
        let serial = try (a.matmul(b).tanh() + 1).sum(alongAxis: 0)
        LinearAlgebraBackend.threadCount = original
        #expect(isClose(serial, parallel.scalars, tolerance: 1e-4))
    }
}
