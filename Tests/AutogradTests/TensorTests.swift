import Testing
@testable import Autograd

@Suite struct TensorTests {
    @Test func initializerChecksCount() throws {
        let tensor = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(tensor.rank == 2 && tensor.scalarCount == 6)
        #expect(throws: AutogradError.invalidShape(operation: "Tensor(shape:scalars:)", shape: [2, 2], reason: "needs 4 scalars, got 3")) {
            try Tensor(shape: [2, 2], scalars: [1, 2, 3])
        }
        for invalid in [[2, Int.max], [-2, -3]] {
            #expect(throws: AutogradError.invalidShape(operation: "Tensor(shape:scalars:)", shape: invalid,
                                                       reason: "has no valid count, got 6")) {
                try Tensor(shape: invalid, scalars: [1, 2, 3, 4, 5, 6])
            }
        }
    }

    @Test func rowsAndScalars() throws {
        let tensor = try Tensor(rows: [[1, 2], [3, 4]])
        #expect(tensor.shape == [2, 2] && tensor.scalars == [1, 2, 3, 4])
        #expect(Tensor(7).scalar == 7 && Tensor(7).shape == [])
        #expect(throws: AutogradError.self) { try Tensor(rows: [[1, 2], [3]]) }
    }

    @Test func valueSemanticsCopyOnWrite() {
        let original = Tensor(ones: [3])
        var copy = original
        copy.updateScalars { $0[0] = 5 }
        #expect(original.scalars == [1, 1, 1])
        #expect(copy.scalars == [5, 1, 1])
    }

    @Test func shapeErrorNamesOperationAndBothShapes() throws {
        let error = #expect(throws: AutogradError.self) { try Tensor(zeros: [2, 3]) + Tensor(zeros: [4]) }
        #expect(error?.description == "+: shapes [2, 3] and [4] are incompatible")
    }

    @Test func detachedDropsHistory() throws {
        let (_, gradient) = try valueAndGradient(at: Tensor([1, 2])) { x in
            #expect(x.isTracked)
            #expect(!x.detached().isTracked)
            return try (x * x.detached()).sum()
        }
        #expect(gradient.scalars == [1, 2])
    }
}
