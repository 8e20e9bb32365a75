import Foundation
import Testing
import Autograd
@testable import NeuralNetworks

/// A module exercising every kind of member reflection must find.
final class Composite: Module, UnaryLayer {
    @Parameter var scale: Tensor
    @Parameter var absent: Tensor?
    let first: Linear
    let blocks: [Linear]
    let named: [String: Linear]
    let optional: Linear?
    let shared: Linear
    let count = 3

    init(generator: inout RandomGenerator) throws {
        scale = Tensor(ones: [2])
        absent = nil
        first = try Linear(2, 2, generator: &generator)
        blocks = [try Linear(2, 2, generator: &generator), try Linear(2, 2, bias: false, generator: &generator)]
        named = ["b": try Linear(2, 1, generator: &generator), "a": try Linear(2, 1, generator: &generator)]
        optional = try Linear(2, 2, generator: &generator)
        shared = first
    }

    func callAsFunction(_ input: Tensor) throws -> Tensor {
        var x = try first(input * scale)
        for block in blocks { x = try block(x).tanh() }
        return try named["a"]!(x) + named["b"]!(x)
    }
}

@Suite struct ModuleTests {
    @Test func findsParametersByPath() throws {
        var generator = RandomGenerator(seed: 1)
        let model = try Composite(generator: &generator)
        #expect(model.parameterNames == [
            "scale", "first.weight", "first.bias", "blocks.0.weight", "blocks.0.bias", "blocks.1.weight",
            "named.a.weight", "named.a.bias", "named.b.weight", "named.b.bias",
            "optional.weight", "optional.bias",
        ])
        #expect(model.parameterCount == 2 + 6 + 6 + 4 + 3 + 3 + 6)
        #expect(model.parameters()["blocks.0.weight"] == model.blocks[0].weight)
    }

    @Test func ignoresPlainValuesAndTheirContainers() throws {
        final class WithData: Module {
            let popularity = [Float](repeating: 1, count: 100_000)
            let constants = [Tensor(ones: [3]), Tensor(zeros: [2])]
            let lookup = ["a": 1, "b": 2]
            let buffer = Tensor(ones: [4])
            let head: Linear
            init(generator: inout RandomGenerator) throws { head = try Linear(2, 1, generator: &generator) }
        }
        var generator = RandomGenerator(seed: 1)
        #expect(try WithData(generator: &generator).parameterNames == ["head.weight", "head.bias"])
    }

    @Test func findsInheritedAndNestedMembers() throws {
        class Base: Module {
            let shared: Linear
            init(generator: inout RandomGenerator) throws { shared = try Linear(2, 2, bias: false, generator: &generator) }
        }
        final class Derived: Base {
            let inner: Sequential
            override init(generator: inout RandomGenerator) throws {
                inner = Sequential(Sequential(try Linear(2, 1, bias: false, generator: &generator)))
                try super.init(generator: &generator)
            }
        }
        var generator = RandomGenerator(seed: 1)
        #expect(try Derived(generator: &generator).parameterNames == ["shared.weight", "inner.layers.0.layers.0.weight"])
    }

    @Test func namesModulesOnceEvenWhenShared() throws {
        var generator = RandomGenerator(seed: 1)
        let model = try Composite(generator: &generator)
        let names = model.namedModules().map(\.name)
        #expect(names.first == "")
        #expect(names.contains("blocks.1") && names.contains("named.b") && names.contains("optional"))
        #expect(!names.contains("shared"))
    }

    @Test func updateReplacesValuesAndChecksNamesAndShapes() throws {
        var generator = RandomGenerator(seed: 2)
        let model = try Composite(generator: &generator)
        try model.update(parameters: ["scale": Tensor([3, 4])])
        #expect(model.scale == Tensor([3, 4]))
        #expect(throws: NeuralNetworksError.unknownParameter(name: "nope")) {
            try model.update(parameters: ["nope": Tensor([1])])
        }
        #expect(throws: NeuralNetworksError.parameterShapeMismatch(name: "scale", expected: [2], actual: [3])) {
            try model.update(parameters: ["scale": Tensor([1, 2, 3])])
        }
        #expect(throws: NeuralNetworksError.missingParameter(name: "first.weight")) {
            try model.update(parameters: ["scale": Tensor([1, 1])], requiringAll: true)
        }
        #expect(model.scale == Tensor([3, 4]))
    }

    @Test func trainAndEvalReachEverySubModule() throws {
        var generator = RandomGenerator(seed: 3)
        let model = Sequential(try Linear(2, 2, generator: &generator), Dropout(probability: 0.5, seed: 1))
        model.eval()
        #expect(model.namedModules().allSatisfy { !$0.module.isTraining })
        model.train()
        #expect(model.namedModules().allSatisfy { $0.module.isTraining })
    }

    @Test func valueAndGradientMatchesTheTensorIdiomAndRestoresParameters() throws {
        var generator = RandomGenerator(seed: 4)
        let model = try Composite(generator: &generator)
        let input = sample([5, 2], seed: 5)
        let before = model.parameters()
        let (loss, gradients) = try valueAndGradient(of: model) { model in try model(input).squared().mean() }
        #expect(model.parameters() == before)
        #expect(!model.first.weight.isTracked)
        #expect(Set(gradients.keys) == Set(model.parameterNames))
        // The same value differentiated by hand through `first.weight` alone.
        let (expectedLoss, firstWeightGradient) = try valueAndGradient(at: model.first.weight) { weight in
            let saved = model.first.weight
            model.first.weight = weight
            defer { model.first.weight = saved }
            return try model(input).squared().mean()
        }
        #expect(Swift.abs(loss.scalar - expectedLoss.scalar) < 1e-6)
        #expect(isClose(gradients["first.weight"]!, firstWeightGradient.scalars))
        #expect(gradients["named.a.bias"]!.shape == [1])
    }

    @Test func valueAndGradientRestoresParametersWhenTheBodyThrows() throws {
        var generator = RandomGenerator(seed: 6)
        let model = try Linear(3, 2, generator: &generator)
        let before = model.weight
        #expect(throws: NeuralNetworksError.self) {
            _ = try valueAndGradient(of: model) { model in try model(Tensor([1, 2])).sum() }
        }
        #expect(model.weight == before && !model.weight.isTracked)
    }
}
