import Testing
import Autograd
import Datasets
import NeuralNetworks
@testable import Models

@Suite("Matrix factorisation")
struct RecommenderMatrixFactorizationTests {
    @Test func predictionsAreTheDotProductPlusBothBiases() throws {
        let model = try MatrixFactorization(users: 3, items: 4, factors: 2, seed: 5)
        let parameters = model.parameters()
        #expect(parameters["userFactors.weight"]?.shape == [3, 2])
        #expect(parameters["itemBiases.weight"]?.shape == [4, 1])
        let p = parameters["userFactors.weight"]!.scalars, q = parameters["itemFactors.weight"]!.scalars
        let bu = parameters["userBiases.weight"]!.scalars, bi = parameters["itemBiases.weight"]!.scalars
        let predicted = try model.predict(users: [2, 0], items: [3, 1]).scalars
        #expect(abs(predicted[0] - (p[4] * q[6] + p[5] * q[7] + bu[2] + bi[3])) < 1e-7)
        #expect(abs(predicted[1] - (p[0] * q[2] + p[1] * q[3] + bu[0] + bi[1])) < 1e-7)
    }

    /// ½ · mean((r̂ − r)²) over two ratings: ∂/∂p_u = (r̂ − r) · q_i / 2, ∂/∂b_i = (r̂ − r) / 2, by hand.
    @Test func theLossGradientMatchesTheHandDerivedOne() throws {
        let ratings = try Interactions(name: "two", userIndices: [0, 1], itemIndices: [1, 1], ratings: [4, 2],
                                       userIDs: ["a", "b"], itemIDs: ["x", "y"])
        let model = try MatrixFactorization(users: 2, items: 2, factors: 3, seed: 9)
        let parameters = model.parameters()
        let q = Array(parameters["itemFactors.weight"]!.scalars[3..<6])
        let predicted = try model.predict(users: [0, 1], items: [1, 1]).scalars
        let errors = [predicted[0] - 4, predicted[1] - 2]
        let (loss, gradients) = try valueAndGradient(of: model) { try $0.loss(ratings) }
        #expect(abs(loss.scalar - (errors[0] * errors[0] + errors[1] * errors[1]) / 4) < 1e-6)
        let userGradient = gradients["userFactors.weight"]!.scalars
        for factor in 0..<3 {
            #expect(abs(userGradient[factor] - errors[0] * q[factor] / 2) < 1e-7)
            #expect(abs(userGradient[3 + factor] - errors[1] * q[factor] / 2) < 1e-7)
        }
        let itemBias = gradients["itemBiases.weight"]!.scalars
        #expect(itemBias[0] == 0)
        #expect(abs(itemBias[1] - (errors[0] + errors[1]) / 2) < 1e-6)
    }

    @Test func trainingLowersTheRMSE() throws {
        let ratings = try RecommenderTestData.interactions(users: 60, items: 30, rated: true)
        let split = try ratings.randomSplit(testFraction: 0.1, seed: 4)
        let model = try MatrixFactorization(users: split.userCount, items: split.itemCount, factors: 4, seed: 3)
        let before = try model.evaluate(split.test)["RMSE"]!
        let history = try model.fit(split.train, validation: split.test, epochs: 30, batchSize: 32, optimizer: Adam(learningRate: 0.05))
        let losses = history.epochSeries("loss")
        #expect(losses.last! < 0.5 * losses.first!)
        #expect(history.epochSeries("RMSE").last! < before)
        #expect(model.stepCount == 30 * ((split.train.count + 31) / 32))
    }

    @Test func badSizesAndIndicesAreErrors() throws {
        #expect(throws: ModelsError.self) { try MatrixFactorization(users: 0, items: 3) }
        let model = try MatrixFactorization(users: 2, items: 2, factors: 2)
        #expect(throws: ModelsError.self) { try model.predict(users: [2], items: [0]) }
        #expect(throws: ModelsError.self) { try model.predict(users: [0, 1], items: [0]) }
        let empty = try Interactions(name: "none", userIndices: [], itemIndices: [], ratings: [], userIDs: ["a", "b"], itemIDs: ["x", "y"])
        #expect(throws: ModelsError.self) { try model.fit(empty) }
        #expect(throws: ModelsError.self) { try model.evaluate(empty) }
    }
}
