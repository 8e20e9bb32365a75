import Foundation
import Testing
@testable import Autograd

@Suite struct ElementwiseTests {
    /// Every elementwise primitive (and the derived silu and tensor power), by name.
    static let functions: [(String, (Tensor) throws -> Tensor, Bool)] = [
        ("exp", { $0.exp() }, false), ("log", { $0.log() }, true), ("squareRoot", { $0.squareRoot() }, true),
        ("pow", { $0.pow(3) }, false), ("abs", { $0.abs() }, false), ("sign", { $0.sign() }, false), ("tanh", { $0.tanh() }, false),
        ("sigmoid", { $0.sigmoid() }, false), ("relu", { $0.relu() }, false),
        ("leakyRelu", { $0.leakyRelu(negativeSlope: 0.2) }, false), ("softplus", { $0.softplus() }, false),
        ("clamped", { $0.clamped(minimum: -0.5, maximum: 0.7) }, false), ("silu", { $0.silu() }, false),
        ("squared", { $0.squared() }, false), ("powTensor", { try $0.pow(Tensor(2.5)) }, true),
    ]

    @Test(arguments: functions.map(\.0)) func gradient(of name: String) throws {
        let (_, function, positive) = Self.functions.first { $0.0 == name }!
        var input = sample([3, 4], seed: 11, awayFromZero: true, positive: positive)
        if name == "clamped" {  // keep values off the interval ends
            input.updateScalars { $0 = $0.map { abs($0 + 0.5) < 0.05 || abs($0 - 0.7) < 0.05 ? $0 + 0.15 : $0 } }
        }
        #expect(try maximumGradientError(at: [input]) { try function($0[0]) } < gradientTolerance)
    }

    @Test func forwardValues() throws {
        let x = try Tensor(shape: [4], scalars: [-2, -0.5, 0.5, 2])
        #expect(isClose(x.relu(), [0, 0, 0.5, 2]))
        #expect(isClose(x.leakyRelu(negativeSlope: 0.1), [-0.2, -0.05, 0.5, 2]))
        #expect(isClose(x.abs(), [2, 0.5, 0.5, 2]))
        #expect(isClose(try Tensor(shape: [3], scalars: [-3, 0, 0.25]).sign(), [-1, 0, 1]))
        #expect(isClose(x.clamped(minimum: -1, maximum: 1), [-1, -0.5, 0.5, 1]))
        #expect(isClose(x.sigmoid(), x.scalars.map { 1 / (1 + Foundation.exp(-$0)) }))
        #expect(isClose(x.softplus(), x.scalars.map { Foundation.log(1 + Foundation.exp($0)) }))
        #expect(isClose(x.silu(), x.scalars.map { $0 / (1 + Foundation.exp(-$0)) }))
        #expect(isClose(x.tanh(), x.scalars.map { Foundation.tanh($0) }))
        #expect(isClose(x.pow(2), [4, 0.25, 0.25, 4]))
    }

    /// tanh is a rational approximation; it stays within 7 ulp of the exact value everywhere.
    @Test func tanhMatchesTheExactFunction() {
        let inputs: [Float] = stride(from: -12.0, through: 12.0, by: 0.001).map { Float($0) }
            + (-30...5).map { Float(Foundation.pow(10.0, Double($0) / 4)) }
        let values = Tensor(inputs).tanh().scalars
        for (x, y) in zip(inputs, values) {
            let exact = Foundation.tanh(Double(x))
            #expect(Swift.abs(Double(y) - exact) <= 4e-7 * Swift.max(Swift.abs(exact), 1e-30), "tanh(\(x))")
        }
        #expect(Tensor([.nan]).tanh().scalar.isNaN)
        #expect(Tensor([-.infinity, .infinity]).tanh().scalars == [-1, 1])
    }

    @Test func extremeValuesStayFinite() {
        let x = Tensor([-100, 100])
        #expect(x.sigmoid().scalars.allSatisfy { $0.isFinite })
        #expect(isClose(x.softplus(), [0, 100]))
    }
}
