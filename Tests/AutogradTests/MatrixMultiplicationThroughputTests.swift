import COpenBLAS
import Foundation
import Testing
@testable import Autograd

/// Prints the sgemm throughput of the dominant Multi-VAE product (100×1450 · 1450×600) through
/// `Tensor.matmul` and through raw `cblas_sgemm`. It reports; it never asserts a time.
@Suite struct MatrixMultiplicationThroughputTests {
    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func reportGigaflops() throws {
        let (m, k, n, repetitions) = (100, 1450, 600, 20)
        var generator = RandomGenerator(seed: 1)
        let a = generator.normal([m, k]), b = generator.normal([k, n])
        let flops = 2.0 * Double(m * k * n) * Double(repetitions)
        var product = try a.matmul(b)
        let api = try seconds { for _ in 0..<repetitions { product = try a.matmul(b) } }
        var raw = [Float](repeating: 0, count: m * n)
        let direct = seconds {
            for _ in 0..<repetitions {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k), 1,
                            a.scalars, Int32(k), b.scalars, Int32(n), 0, &raw, Int32(n))
            }
        }
        let transposed = try b.transposed().detached()
        let apiTransposed = try seconds {
            for _ in 0..<repetitions { product = try a.matmul(transposed, transposingOther: true) }
        }
        print(String(format: "sgemm %d×%d·%d×%d: Tensor.matmul %.1f GFLOP/s, transposingOther %.1f GFLOP/s, raw cblas_sgemm %.1f GFLOP/s",
                     m, k, k, n, flops / api / 1e9, flops / apiTransposed / 1e9, flops / direct / 1e9))
        #expect(isClose(product, raw, tolerance: 1e-3))
    }
}
