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
