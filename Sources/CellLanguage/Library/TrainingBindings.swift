import Datasets
import Models
import NeuralNetworks

extension Annealing: CellExposed {
    static var cellTypeName: String { "Annealing" }
    var cellDescription: String { ".\(self)" }
}

extension Optimizer: CellExposed {
    static var cellTypeName: String { "Optimizer" }
    var cellDescription: String { "\(type(of: self))(learningRate: \(learningRate))" }
}

extension BindingTable {
    /// Training: histories, KL annealing schedules and optimizers.
    static var trainingTypeBindings: [TypeBindings] {
        [trainingHistoryBindings, annealingBindings, adamBindings, sgdBindings, optimizerBindings]
    }

    /// The cases of `Annealing`: `.none`, `.constant(β)`, `.linear(cap:steps:)`, `.cyclical(cap:period:rampFraction:)`.
    static var annealingBindings: TypeBindings {
        TypeBindings("Annealing", summary: "How the KL weight β changes over training steps.", [
            LibraryBinding.enumerationCase("none", Annealing.none, summary: "β = 1 throughout."),
            FunctionBinding("constant", kind: .staticMethod, parameters: [.init(nil, "beta", .double, documentation: "The fixed β.")],
                            returns: "Annealing", summary: "A fixed β.") { call in
                .library(Annealing.constant(try call.double(0)))
            },
            FunctionBinding("linear", kind: .staticMethod,
                            parameters: [.init("cap", .double, documentation: "The largest β."),
                                         .init("steps", .int, documentation: "Steps to go from 0 to `cap`.")],
                            returns: "Annealing", summary: "β rises linearly from 0 to `cap` over `steps` steps (Liang et al. 2018).") { call in
                .library(Annealing.linear(cap: try call.double(0), steps: try call.int(1)))
            },
            FunctionBinding("cyclical", kind: .staticMethod,
                            parameters: [.init("cap", .double, documentation: "The largest β."),
                                         .init("period", .int, documentation: "Steps in one cycle."),
                                         .init("rampFraction", .double, documentation: "The share of a cycle spent rising.")],
                            returns: "Annealing", summary: "β ramps from 0 to `cap` and holds, every `period` steps (Fu et al. 2019).") { call in
                .library(Annealing.cyclical(cap: try call.double(0), period: try call.int(1), rampFraction: try call.double(2)))
            },
            FunctionBinding("beta", kind: .method, parameters: [.init("atStep", "step", .int, documentation: "The training step.")],
                            returns: "Double", summary: "β at a step.") { call in
                .double(try call.receiver(as: Annealing.self).beta(atStep: try call.int(0)))
            },
        ])
    }

    /// `Adam(learningRate:weightDecay:)`.
    static var adamBindings: TypeBindings {
        TypeBindings("Adam", summary: "Adam (Kingma & Ba, 2015), as torch.optim.Adam.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("learningRate", .double, defaultValue: .double(1e-3), documentation: "The step size."),
                                         .init("beta1", .double, defaultValue: .double(0.9), documentation: "The decay of the first moment."),
                                         .init("beta2", .double, defaultValue: .double(0.999), documentation: "The decay of the second moment."),
                                         .init("weightDecay", .double, defaultValue: .double(0), documentation: "Coupled (L2) weight decay.")],
                            returns: "Adam", summary: "Creates the optimizer.") { call in
                .library(Adam(learningRate: Float(try call.double(0)), beta1: Float(try call.double(1)),
                              beta2: Float(try call.double(2)), weightDecay: Float(try call.double(3))) as Optimizer)
            },
        ])
    }

    /// `SGD(learningRate:momentum:)`.
    static var sgdBindings: TypeBindings {
        TypeBindings("SGD", summary: "Stochastic gradient descent with optional (Nesterov) momentum, as torch.optim.SGD.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("learningRate", .double, documentation: "The step size."),
                                         .init("momentum", .double, defaultValue: .double(0), documentation: "The momentum factor."),
                                         .init("nesterov", .bool, defaultValue: .bool(false), documentation: "Use Nesterov momentum."),
                                         .init("weightDecay", .double, defaultValue: .double(0), documentation: "L2 weight decay.")],
                            returns: "SGD", summary: "Creates the optimizer.") { call in
                .library(SGD(learningRate: Float(try call.double(0)), momentum: Float(try call.double(1)),
                             nesterov: try call.bool(2), weightDecay: Float(try call.double(3))) as Optimizer)
            },
        ])
    }

    /// What every optimizer value offers.
    static var optimizerBindings: TypeBindings {
        TypeBindings("Optimizer", summary: "Updates a model's parameters from their gradients.", [
            LibraryBinding.property("learningRate", of: Optimizer.self, returns: "Float", summary: "The base step size.") {
                .double(Double($0.learningRate))
            },
        ])
    }
}

extension BindingInvocation {
    /// The optimizer argument at `index`, or a new one from `makeDefault` when the cell left it out (`nil`).
    func optimizer(_ index: Int, default makeDefault: () -> Optimizer) throws -> Optimizer {
        try optionalArgument(index, as: Optimizer.self) ?? makeDefault()
    }

    /// The `[RankingMetric]` argument at `index`.
    func rankingMetrics(_ index: Int) throws -> [RankingMetric] {
        try array(index, of: RankingMetric.self)
    }
}
