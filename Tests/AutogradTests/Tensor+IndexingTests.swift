import Testing
@testable import Autograd

@Suite struct IndexingTests {
    @Test func indexSelectValuesGradientAndErrors() throws {
        let x = try Tensor(rows: [[1, 2], [3, 4], [5, 6]])
        #expect(try x.indexSelect(alongAxis: 0, indices: [2, 0, 2]).scalars == [5, 6, 1, 2, 5, 6])
        #expect(try x.indexSelect(alongAxis: 1, indices: [1]).scalars == [2, 4, 6])
        #expect(throws: AutogradError.self) { try x.indexSelect(alongAxis: 0, indices: [3]) }
        for axis in 0..<3 {
            #expect(try maximumGradientError(at: [sample([3, 4, 2], seed: 61)]) {
                try $0[0].indexSelect(alongAxis: axis, indices: [1, 0, 1])  // repeats accumulate
            } < gradientTolerance)
        }
    }

    @Test func gatherValuesGradientAndErrors() throws {
        let logits = try Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(try logits.gather(alongAxis: 1, indices: [2, 0]).scalars == [3, 4])
        #expect(try logits.gather(alongAxis: 1, indices: [2, 0]).shape == [2, 1])
        #expect(try logits.gather(alongAxis: 0, indices: [1, 0, 1]).scalars == [4, 2, 6])
        #expect(throws: AutogradError.self) { try logits.gather(alongAxis: 1, indices: [0, 1, 2]) }
        #expect(throws: AutogradError.self) { try logits.gather(alongAxis: 1, indices: [0, 3]) }
        #expect(try maximumGradientError(at: [sample([2, 3, 2], seed: 62)]) {
            try $0[0].gather(alongAxis: 1, indices: [0, 2, 2, 2, 1, 1, 0, 0])
        } < gradientTolerance)
    }

    @Test func embeddingShapeAndGradient() throws {
        let table = sample([5, 3], seed: 63)
        let looked = try table.embedding(indices: [4, 0, 4, 1], indexShape: [2, 2])
        #expect(looked.shape == [2, 2, 3])
        #expect(Array(looked.scalars[0..<3]) == Array(table.scalars[12..<15]))
        #expect(try maximumGradientError(at: [table]) { try $0[0].embedding(indices: [4, 0, 4, 1]) } < gradientTolerance)
        #expect(throws: AutogradError.self) { try table.embedding(indices: [1, 2], indexShape: [3]) }
    }
}
