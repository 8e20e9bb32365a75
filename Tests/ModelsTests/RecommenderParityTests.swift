import Autograd
import Datasets
import NeuralNetworks
import Testing
@testable import Models

/// Optimizer steps of each recommender against PyTorch (RecommenderParityFixture.swift, written by
/// `scripts/reference_recommenders.py fixture`): the same weights and data, dropout off and the
/// VAEs' noise given, give the same loss and the same parameters after one Adam step (two for
/// AutoRec, whose large weight decay then shows in the update).
@Suite("Recommender parity with PyTorch")
struct RecommenderParityTests {
    typealias Fixture = RecommenderParityFixture

    /// The stored entries of a dense users × items array (zeros unobserved).
    func matrix(_ dense: [Float]) throws -> UserItemMatrix {
        var rows = [Int](), columns = [Int](), values = [Float]()
        for (index, value) in dense.enumerated() where value != 0 {
            rows.append(index / Fixture.items)
            columns.append(index % Fixture.items)
            values.append(value)
        }
        return try UserItemMatrix(rowCount: Fixture.users, columnCount: Fixture.items, rows: rows, columns: columns, values: values)
    }

    /// Loads the fixture's initial parameters into `model`.
    func load(_ parameters: [String: (shape: [Int], values: [Float])], into model: Module) throws {
        try model.update(parameters: parameters.mapValues { try Tensor(shape: $0.shape, scalars: $0.values) }, requiringAll: true)
    }

    /// Expects `model`'s parameters to equal the fixture's after one step.
    func expectParameters(of model: Module, equal expected: [String: (shape: [Int], values: [Float])],
                          tolerance: Float = 1e-5) {
        let parameters = model.parameters()
        #expect(Set(parameters.keys) == Set(expected.keys))
        for (name, entry) in expected {
            #expect(parameters[name]?.shape == entry.shape, "shape of \(name)")
            #expect(isClose(parameters[name]?.scalars ?? [], entry.values, tolerance: tolerance), "\(name) after one step")
        }
    }

    @Test("I-AutoRec: the masked ½-mean loss and two Adam steps with coupled weight decay match PyTorch")
    func autoRec() throws {
        let model = try AutoRec(users: Fixture.users, items: Fixture.items, hidden: 3, dropout: 0, seed: 0)
        try load(Fixture.AutoRec.initial, into: model)
        // One batch of every item row per epoch: two epochs are two steps.
        let history = try model.fit(try matrix(Fixture.ratings), epochs: 2, batchSize: Fixture.items,
                                    optimizer: Adam(learningRate: 0.002, weightDecay: 0.5))
        #expect(history.stepSeries("loss").count == 2)
        #expect(abs(Float(history.stepSeries("loss")[0]) - Fixture.AutoRec.loss) < 1e-5)
        expectParameters(of: model, equal: Fixture.AutoRec.updated)
    }

    @Test("Multi-DAE: the multinomial loss and one Adam step match PyTorch")
    func multiDAE() throws {
        let model = try MultiDAE(items: Fixture.items, hidden: 4, dropout: 0, seed: 0)
        try load(Fixture.MultiDAE.initial, into: model)
        let history = try model.fit(try matrix(Fixture.clicks), epochs: 1, batchSize: Fixture.users,
                                    optimizer: Adam(learningRate: 1e-3))
        #expect(history.stepSeries("loss").count == 1)
        #expect(abs(Float(history.stepSeries("loss")[0]) - Fixture.MultiDAE.loss) < 1e-4)
        expectParameters(of: model, equal: Fixture.MultiDAE.updated)
    }

    @Test("Multi-VAE: the annealed ELBO and one Adam step match PyTorch")
    func multiVAE() throws {
        let model = try MultiVAE(items: Fixture.items, hidden: 5, latent: 2, dropout: 0, seed: 0)
        try load(Fixture.MultiVAE.initial, into: model)
        let rows = SparseRows(try matrix(Fixture.clicks))
        let noise = try Tensor(shape: [Fixture.users, 2], scalars: Fixture.noise)
        let (loss, gradients) = try valueAndGradient(of: model) { model in
            try model.lossParts(rows, beta: 0.2, latentNoise: noise).loss
        }
        #expect(abs(loss.scalar - Fixture.MultiVAE.loss) < 1e-4)
        try Adam(learningRate: 1e-3).update(model, along: gradients)
        expectParameters(of: model, equal: Fixture.MultiVAE.updated)
    }
}

extension RecommenderParityTests {
    /// A 12-4-2 RecVAE holding the fixture's initial weights (its prior a copy of its encoder).
    func makeRecVAE() throws -> RecVAE {
        let model = try RecVAE(items: Fixture.items, hidden: 4, latent: 2, dropout: 0, gamma: 0.005, seed: 0)
        try load(Fixture.RecVAEEncoderStep.initial, into: model)
        return model
    }

    @Test("RecVAE: the composite-prior loss and one encoder step match PyTorch")
    func recVAEEncoderStep() throws {
        let model = try makeRecVAE()
        let rows = SparseRows(try matrix(Fixture.clicks))
        let noise = try Tensor(shape: [Fixture.users, 2], scalars: Fixture.recVAENoise)
        let (loss, gradients) = try valueAndGradient(of: model.encoder) { _ in
            try model.lossParts(rows, dropout: 0, latentNoise: noise).loss
        }
        #expect(abs(loss.scalar - Fixture.RecVAEEncoderStep.loss) < 1e-4)
        try Adam(learningRate: 5e-4).update(model.encoder, along: gradients)
        expectParameters(of: model, equal: Fixture.RecVAEEncoderStep.updated)
    }

    @Test("RecVAE: one decoder step matches PyTorch")
    func recVAEDecoderStep() throws {
        let model = try makeRecVAE()
        let rows = SparseRows(try matrix(Fixture.clicks))
        let noise = try Tensor(shape: [Fixture.users, 2], scalars: Fixture.recVAENoise)
        let (loss, gradients) = try valueAndGradient(of: model.decoder) { _ in
            try model.lossParts(rows, dropout: 0, latentNoise: noise).loss
        }
        #expect(abs(loss.scalar - Fixture.RecVAEDecoderStep.loss) < 1e-4)
        try Adam(learningRate: 5e-4).update(model.decoder, along: gradients)
        expectParameters(of: model, equal: Fixture.RecVAEDecoderStep.updated)
    }
}
