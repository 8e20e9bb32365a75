import Testing
@testable import Autograd

/// The examples in the doc comments of `Tensor`, `valueAndGradient` and `RandomGenerator`, run
/// as written (with small synthetic data), so they cannot rot.
@Suite struct DocumentationExampleTests {
    @Test func tensorOverview() throws {
        let x = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let y = try x.matmul(Tensor(ones: [3, 4])) + 1
        let p = try y.softmax(alongAxis: -1)
        #expect(p.shape == [2, 4])
    }

    @Test func classifierTrainingLoop() throws {
        var generator = RandomGenerator(seed: 42)
        let images = generator.normal([32, 784])
        let labels = (0..<32).map { $0 % 10 }
        let batches = [(images, labels)]
        var weights = [Tensor(zeros: [784, 10]), Tensor(zeros: [10])]
        var losses: [Float] = []
        for _ in 0..<5 {
            for (images, labels) in batches {
                let (loss, gradients) = try valueAndGradient(at: weights) { w in
                    try (images.matmul(w[0]) + w[1]).logSoftmax(alongAxis: -1)
                        .gather(alongAxis: 1, indices: labels).mean() * -1
                }
                for i in weights.indices { weights[i] = try weights[i] - gradients[i] * 0.1 }
                losses.append(loss.scalar)
            }
        }
        #expect(abs(losses[0] - 2.302585) < 1e-4)  // log 10: uniform predictions from zero weights
        #expect(losses.last! < losses.first!)
    }

    @Test func sparseBatchExample() throws {
        let weights = Tensor(ones: [4, 3])
        let batch = try SparseMatrix(rowCount: 2, columnCount: 4, rowOffsets: [0, 2, 3],
                                     columnIndices: [0, 3, 1], values: [1, 1, 1])
        let hidden = try batch.matmul(weights)
        #expect(hidden.scalars == [2, 2, 2, 1, 1, 1])
    }
}
