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
}
