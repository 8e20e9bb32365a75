import Foundation
import Testing
@testable import Autograd

@Suite struct VectorMathTests {
    /// The vector exponential stays within 2 ulp of the exact value over the normal range, and
    /// handles the ends and NaN as `expf` does (apart from subnormal results, which become 0).
    @Test func exponentialMatchesTheExactFunction() {
        for x in stride(from: -87.0, through: 88.5, by: 0.0037).map({ Float($0) }) {
            let exact = Foundation.exp(Double(x))
            let value = Double(VectorMath.exponential(x))
            #expect(Swift.abs(value - exact) <= 2 * Double(Float(exact).ulp), "exp(\(x))")
        }
        #expect(VectorMath.exponential(-Float.infinity) == 0)
        #expect(VectorMath.exponential(-100) == 0)
        #expect(VectorMath.exponential(Float.infinity) == .infinity)
        #expect(VectorMath.exponential(100) == .infinity)
        #expect(VectorMath.exponential(Float.nan).isNaN)
        #expect(VectorMath.exponential(0) == 1)
    }

    /// `ln(1 + u)` stays within 2 ulp over [0, 1], down to values so small that `1 + u` rounds to 1.
    @Test func logarithmOfOnePlusMatchesTheExactFunction() {
        let grid = stride(from: 0.0, through: 1.0, by: 0.000_37).map { Float($0) }
        let tiny: [Float] = [1e-30, 1e-12, 3e-8, 6e-8, 1e-7, 2.5e-7, 1e-5, 0.414_213_5, 0.414_213_6]
        for u in grid + tiny {
            let exact = Foundation.log1p(Double(u))
            let value = Double(VectorMath.logarithmOfOnePlus(VectorMath.Vector(repeating: u))[0])
            #expect(Swift.abs(value - exact) <= 2 * Double(Float(exact).ulp), "log1p(\(u))")
        }
        #expect(VectorMath.logarithmOfOnePlus(VectorMath.Vector(repeating: 0))[0] == 0)
    }

    /// Softplus and sigmoid, computed eight at a time, agree with the exact functions to a few ulp
    /// (at both tails, subnormal results aside), and a value does not depend on its position in a tensor (vector body or tail).
    @Test func softplusAndSigmoidMatchTheExactFunctions() throws {
        let inputs = stride(from: -90.0, through: 90.0, by: 0.0731).map { Float($0) }
        let softplus = try Tensor(shape: [inputs.count], scalars: inputs).softplus()
        let sigmoid = try Tensor(shape: [inputs.count], scalars: inputs).sigmoid()
        for (index, x) in inputs.enumerated() {
            let exactSoftplus = Swift.max(Double(x), 0) + Foundation.log1p(Foundation.exp(-Swift.abs(Double(x))))
            let exactSigmoid = 1 / (1 + Foundation.exp(-Double(x)))
            // Within 4 ulp; results below the normal range (x < −87) may flush to 0, as `VectorMath.exponential` does.
            func isClose(_ value: Float, _ exact: Double) -> Bool {
                Swift.abs(Double(value) - exact) <= Swift.max(4 * Double(Float(exact).ulp), Double(Float.leastNormalMagnitude))
            }
            #expect(isClose(softplus.scalars[index], exactSoftplus), "softplus(\(x))")
            #expect(isClose(sigmoid.scalars[index], exactSigmoid), "sigmoid(\(x))")
            #expect(try Tensor(shape: [1], scalars: [x]).softplus().scalars[0] == softplus.scalars[index])
            #expect(try Tensor(shape: [1], scalars: [x]).sigmoid().scalars[0] == sigmoid.scalars[index])
        }
    }
}
