import Testing
import Autograd
import Datasets
import NeuralNetworks
@testable import Models

@Suite("AutoRec")
struct RecommenderAutoRecTests {
    @Test func shapesForBothOrientations() throws {
        let ratings = try RecommenderTestData.interactions(users: 12, items: 9, rated: true)
        let itemBased = try AutoRec(users: 12, items: 9, hidden: 5, seed: 1)
        let userBased = try AutoRec(users: 12, items: 9, orientation: .userBased, hidden: 5, seed: 1)
        #expect(itemBased.parameters()["encoder.weight"]!.shape == [5, 12])
        #expect(userBased.parameters()["encoder.weight"]!.shape == [5, 9])
        var unused = RandomGenerator(seed: 0)
        let rows = try SparseRows(try itemBased.rows(of: ratings.matrix()), rows: [0, 1])
            .sparseInput(normalized: false, dropout: 0, generator: &unused)
        #expect(try itemBased.reconstruct(rows).shape == [2, 12])
        let predicted = try itemBased.predictions(for: ratings.matrix(), given: ratings.matrix())
        #expect(predicted.count == ratings.count)
        #expect(predicted.allSatisfy { (1...5).contains($0) })
    }

    @Test func maskingKeepsUnobservedEntriesOutOfTheGradient() throws {
        // Three users; in this batch of items, user 2 rated nothing.
        let ratings = try UserItemMatrix(rowCount: 3, columnCount: 2, rows: [0, 1, 0], columns: [0, 0, 1], values: [4, 2, 5])
        let model = try AutoRec(users: 3, items: 2, hidden: 4, dropout: 0, seed: 2)
        let rows = try model.rows(of: ratings)
        func gradients(masked: Bool) throws -> [String: Tensor] {
            model.masksUnobserved = masked
            return try valueAndGradient(of: model) { try $0.loss(rows) }.gradients
        }
        let masked = try gradients(masked: true)
        let unmasked = try gradients(masked: false)
        // Output unit 2 (user 2) is never observed: with the mask it gets no gradient at all.
        #expect(masked["decoder.bias"]!.scalars[2] == 0)
        #expect(masked["decoder.weight"]!.scalars[8..<12].allSatisfy { $0 == 0 })
        #expect(unmasked["decoder.bias"]!.scalars[2] != 0)
        // Item 1 was rated by user 0 only, so user 1's output is unobserved there: the masked
        // bias gradient of unit 1 comes from item 0 alone.
        let reconstruction = try model.reconstruct(try SparseRows(rows).sparseInput(normalized: false, dropout: 0,
                                                                                  generator: &model.noise))
        let expected = (reconstruction.scalars[1] - 2) / 6  // ½ · 2 · error / (2 rows · 3 columns)
        #expect(abs(masked["decoder.bias"]!.scalars[1] - expected) < 1e-6)
    }

    @Test func itemBasedTrainingLowersTheLossAndTheRMSE() throws {
        let ratings = try RecommenderTestData.interactions(users: 60, items: 30, rated: true)
        let split = try ratings.randomSplit(testFraction: 0.1, seed: 4)
        let model = try AutoRec(users: split.userCount, items: split.itemCount, hidden: 20, dropout: 0.05, seed: 3)
        let before = try model.evaluate(split.test, given: split.train)["RMSE"]!
        let history = try model.fit(split.train, validation: split.test, epochs: 60, batchSize: 8,
                                    optimizer: Adam(learningRate: 0.01))
        let losses = history.epochSeries("loss")
        #expect(losses.last! < 0.5 * losses.first!)
        #expect(history.epochSeries("RMSE").count == 60)
        #expect(history.epochSeries("RMSE").last! < before)
    }

    @Test func userBasedTrains() throws {
        let ratings = try RecommenderTestData.interactions(users: 60, items: 30, rated: true)
        let model = try AutoRec(users: 60, items: 30, orientation: .userBased, hidden: 10, seed: 5)
        let history = try model.fit(ratings, epochs: 20, batchSize: 8, optimizer: Adam(learningRate: 0.01))
        #expect(history.epochSeries("loss").last! < history.epochSeries("loss").first!)
    }

    @Test func rejectsAMatrixOfAnotherShape() throws {
        let model = try AutoRec(users: 3, items: 2, hidden: 2)
        let ratings = try UserItemMatrix(rowCount: 2, columnCount: 2, rows: [0], columns: [0], values: [3])
        #expect(throws: ModelsError.self) { try model.fit(ratings, epochs: 1) }
    }
}
