import Testing
@testable import Autograd

@Suite struct GradientTests {
    @Test func linearRegressionStepReducesLoss() throws {
        let inputs = sample([8, 3], seed: 1)
        let targets = try inputs.matmul(Tensor(shape: [3, 1], scalars: [1, -2, 0.5])) + 0.3
        var parameters = [Tensor(zeros: [3, 1]), Tensor(zeros: [1])]
        var losses: [Float] = []
        for _ in 0..<50 {
            let (loss, gradients) = try valueAndGradient(at: parameters) { p in
                try ((inputs.matmul(p[0]) + p[1]) - targets).squared().mean()
            }
            losses.append(loss.scalar)
            for i in parameters.indices { parameters[i] = try parameters[i] - gradients[i] * 0.2 }
        }
        #expect(losses.last! < losses.first! * 0.01)
        #expect(!parameters[0].isTracked)
    }

    @Test func reusedTensorAccumulates() throws {
        let (value, gradient) = try valueAndGradient(at: Tensor([3])) { x in
            try (x * x * x + x).sum()   // 3x² + 1 = 28
        }
        #expect(value.scalar == 30)
        #expect(gradient.scalars == [28])
    }

    @Test func unreachedParameterGetsZeros() throws {
        let (_, gradients) = try valueAndGradient(at: [Tensor([1, 2]), Tensor(zeros: [2, 2])]) { p in p[0].sum() }
        #expect(gradients[1] == Tensor(zeros: [2, 2]))
        #expect(gradients[0].scalars == [1, 1])
    }

    @Test func nonScalarValueIsAnError() {
        #expect(throws: AutogradError.nonScalarValue(shape: [2])) {
            try valueAndGradient(at: Tensor([1, 2])) { $0 * 2 }
        }
    }

    @Test func withoutGradientRecordsNothing() throws {
        let (_, gradient) = try valueAndGradient(at: Tensor([2])) { x in
            let constant = withoutGradient { x * 3 }
            #expect(!constant.isTracked)
            return try (x * constant).sum()
        }
        #expect(gradient.scalars == [6])
    }

    @Test func nothingRecordedOutsideValueAndGradient() {
        #expect(!(Tensor([1]) * 2).isTracked)
    }

    @Test func namedParameters() throws {
        let (_, gradients) = try valueAndGradient(at: ["w": Tensor([2]), "b": Tensor([1])]) { p in
            try (p["w"]! * p["w"]! + p["b"]!).sum()
        }
        #expect(gradients["w"]!.scalars == [4] && gradients["b"]!.scalars == [1])
    }

    @Test func gradientCheckCatchesAWrongRule() throws {
        // A function whose recorded rule is deliberately wrong must fail the check.
        let error = try maximumGradientError(at: [sample([4], seed: 3)]) { x in
            Tensor.recorded(x[0].map { $0 * $0 }, operation: "wrongSquare", inputs: [x[0]]) { g in [g] }
        }
        #expect(error > 0.1)
    }
}
