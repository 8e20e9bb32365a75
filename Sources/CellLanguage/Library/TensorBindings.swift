import Autograd
import Plots

extension Tensor: CellExposed {
    static var cellTypeName: String { "Tensor" }
}

extension RandomGenerator: CellExposed {
    static var cellTypeName: String { "RandomGenerator" }
    var cellDescription: String { "RandomGenerator" }
}

extension BindingTable {
    /// Tensors and the seeded random generator.
    static var tensorTypeBindings: [TypeBindings] {
        [tensorBindings, randomGeneratorBindings]
    }

    /// `Tensor`: creation, arithmetic (`+ - * /` with tensors or numbers, broadcasting), `matmul`, reductions.
    static var tensorBindings: TypeBindings {
        let tensor = Tensor.self
        func floatsArgument(_ call: BindingInvocation, _ index: Int) throws -> [Float] { try call.doubles(index).map(Float.init) }
        return TypeBindings("Tensor", summary: "A dense, row-major array of Float of any rank, with gradients through its operations.", [
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("shape", .sequence("[Int]"), documentation: "The size of each axis."),
                                         .init("scalars", .sequence("[Float]"), documentation: "The values in row-major order.")],
                            returns: "Tensor", summary: "A tensor from its shape and row-major values (their counts must agree).") { call in
                let shape = try call.ints(0), scalars = try floatsArgument(call, 1)
                return .library(try call.library { try Tensor(shape: shape, scalars: scalars) })
            },
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("zeros", "shape", .sequence("[Int]"), documentation: "The size of each axis.")],
                            returns: "Tensor", summary: "A tensor of zeros.") { call in
                .library(Tensor(zeros: try allocationShape(call, 0, for: "Tensor(zeros:)")))
            },
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("ones", "shape", .sequence("[Int]"), documentation: "The size of each axis.")],
                            returns: "Tensor", summary: "A tensor of ones.") { call in
                .library(Tensor(ones: try allocationShape(call, 0, for: "Tensor(ones:)")))
            },
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("repeating", "value", .double, documentation: "The value of every element."),
                                         .init("shape", .sequence("[Int]"), documentation: "The size of each axis.")],
                            returns: "Tensor", summary: "A tensor with every element equal to `value`.") { call in
                .library(Tensor(repeating: Float(try call.double(0)), shape: try allocationShape(call, 1, for: "Tensor(repeating:shape:)")))
            },
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init(nil, "vector", .sequence("[Float]"), documentation: "The values.")],
                            returns: "Tensor", summary: "A vector (rank 1).") { call in
                .library(Tensor(try floatsArgument(call, 0)))
            },
            FunctionBinding("init", kind: .initializer,
                            parameters: [.init("rows", .sequence("[[Float]]"), documentation: "Rows of equal length.")],
                            returns: "Tensor", summary: "A matrix from its rows.") { call in
                let rows = try LibraryConversion.elements(call.arguments[0], expected: "[[Float]]").map {
                    try LibraryConversion.doubles($0).map(Float.init)
                }
                return .library(try call.library { try Tensor(rows: rows) })
            },
            LibraryBinding.property("shape", of: tensor, returns: "[Int]", summary: "The size of each axis.") { LibraryConversion.array($0.shape) },
            LibraryBinding.property("scalars", of: tensor, returns: "[Float]", summary: "The values in row-major order.") {
                LibraryConversion.array($0.scalars)
            },
            LibraryBinding.property("scalar", of: tensor, returns: "Float", summary: "The first value: a loss, a metric.") { .double(Double($0.scalar)) },
            LibraryBinding.property("scalarCount", of: tensor, returns: "Int", summary: "The number of values.") { .int($0.scalarCount) },
            LibraryBinding.property("rank", of: tensor, returns: "Int", summary: "The number of axes.") { .int($0.shape.count) },
            FunctionBinding("matmul", kind: .method,
                            parameters: [.init(nil, "other", .any("Tensor"), documentation: "The right-hand matrix (or batch of matrices).")],
                            returns: "Tensor", summary: "The matrix product `self · other`.") { call in
                let left = try call.receiver(as: tensor), right = try call.argument(0, as: tensor)
                return .library(try call.library { try left.matmul(right) })
            },
            FunctionBinding("sum", kind: .method, returns: "Tensor", summary: "The sum of all values, as a scalar tensor.") { call in
                .library(try call.receiver(as: tensor).sum())
            },
            FunctionBinding("sum", kind: .method,
                            parameters: [.init("alongAxis", "axis", .int, documentation: "The axis to sum over (negative counts from the end)."),
                                         .init("keepingDimensions", .bool, defaultValue: .bool(false), documentation: "Keep the axis with size 1.")],
                            returns: "Tensor", summary: "Sums over one axis.") { call in
                let value = try call.receiver(as: tensor), axis = try call.int(0), keeping = try call.bool(1)
                return .library(try call.library { try value.sum(alongAxis: axis, keepingDimensions: keeping) })
            },
            FunctionBinding("mean", kind: .method, returns: "Tensor", summary: "The mean of all values, as a scalar tensor.") { call in
                .library(try call.receiver(as: tensor).mean())
            },
            FunctionBinding("mean", kind: .method,
                            parameters: [.init("alongAxis", "axis", .int, documentation: "The axis to average over."),
                                         .init("keepingDimensions", .bool, defaultValue: .bool(false), documentation: "Keep the axis with size 1.")],
                            returns: "Tensor", summary: "Averages over one axis.") { call in
                let value = try call.receiver(as: tensor), axis = try call.int(0), keeping = try call.bool(1)
                return .library(try call.library { try value.mean(alongAxis: axis, keepingDimensions: keeping) })
            },
            FunctionBinding("reshaped", kind: .method,
                            parameters: [.init("to", "newShape", .sequence("[Int]"), documentation: "The new shape, with as many values.")],
                            returns: "Tensor", summary: "The same values in a new shape.") { call in
                let value = try call.receiver(as: tensor), newShape = try call.ints(0)
                return .library(try call.library { try value.reshaped(to: newShape) })
            },
            FunctionBinding("transposed", kind: .method, returns: "Tensor", summary: "The matrix with its last two axes swapped.") { call in
                let value = try call.receiver(as: tensor)
                return .library(try call.library { try value.transposed() })
            },
            FunctionBinding("softmax", kind: .method,
                            parameters: [.init("alongAxis", "axis", .int, defaultValue: .int(-1), documentation: "The axis that sums to one.")],
                            returns: "Tensor", summary: "exp(x) normalised to sum to one along an axis.") { call in
                let value = try call.receiver(as: tensor), axis = try call.int(0)
                return .library(try call.library { try value.softmax(alongAxis: axis) })
            },
            FunctionBinding("exp", kind: .method, returns: "Tensor", summary: "e raised to each value.") { call in
                .library(try call.receiver(as: tensor).exp())
            },
            FunctionBinding("log", kind: .method, returns: "Tensor", summary: "The natural logarithm of each value.") { call in
                .library(try call.receiver(as: tensor).log())
            },
            FunctionBinding("relu", kind: .method, returns: "Tensor", summary: "max(x, 0) of each value.") { call in
                .library(try call.receiver(as: tensor).relu())
            },
            FunctionBinding("sigmoid", kind: .method, returns: "Tensor", summary: "1 / (1 + e^−x) of each value.") { call in
                .library(try call.receiver(as: tensor).sigmoid())
            },
            FunctionBinding("tanh", kind: .method, returns: "Tensor", summary: "The hyperbolic tangent of each value.") { call in
                .library(try call.receiver(as: tensor).tanh())
            },
            FunctionBinding("plotImages", kind: .method,
                            parameters: [.init("height", .int, documentation: "Image height in pixels."),
                                         .init("width", .int, documentation: "Image width in pixels.")],
                            returns: "[PlotImage]",
                            summary: "Each row of a `[N, height · width]` tensor (images, reconstructions, samples) as a picture for `Figure.imageGrid`.") { call in
                let value = try call.receiver(as: tensor), height = try call.int(0), width = try call.int(1)
                let (pixelCount, overflow) = height.multipliedReportingOverflow(by: width)
                guard height > 0, width > 0, !overflow, value.scalarCount % pixelCount == 0 else {
                    throw CellLanguageError.runtimeFault(
                        "plotImages: \(value.scalarCount) values do not split into \(height)×\(width) images (shape \(value.shape))")
                }
                return .array(stride(from: 0, to: value.scalarCount, by: pixelCount).map { start in
                    .library(PlotImage(pixels: Array(value.scalars[start..<(start + pixelCount)]), width: width, height: height))
                })
            },
        ] + tensorOperatorBindings)
    }

    /// `+ - * /` between tensors, and between a tensor and a number on either side.
    static var tensorOperatorBindings: [FunctionBinding] {
        let operations: [(String, (Tensor, Tensor) throws -> Tensor, (Tensor, Float) -> Tensor, (Float, Tensor) -> Tensor, String)] = [
            ("+", { try $0 + $1 }, { $0 + $1 }, { $0 + $1 }, "Elementwise sum, broadcasting shapes like NumPy."),
            ("-", { try $0 - $1 }, { $0 - $1 }, { $0 - $1 }, "Elementwise difference, broadcasting shapes like NumPy."),
            ("*", { try $0 * $1 }, { $0 * $1 }, { $0 * $1 }, "Elementwise product, broadcasting shapes like NumPy."),
            ("/", { try $0 / $1 }, { $0 / $1 }, { $0 / $1 }, "Elementwise quotient, broadcasting shapes like NumPy."),
        ]
        return operations.flatMap { name, tensors, tensorNumber, numberTensor, summary in
            [
                FunctionBinding(name, kind: .staticMethod,
                                parameters: [.init(nil, "lhs", .any("Tensor")), .init(nil, "rhs", .any("Tensor"))],
                                returns: "Tensor", summary: summary) { call in
                    let left = try call.argument(0, as: Tensor.self), right = try call.argument(1, as: Tensor.self)
                    return .library(try call.library { try tensors(left, right) })
                },
                FunctionBinding(name, kind: .staticMethod, parameters: [.init(nil, "lhs", .any("Tensor")), .init(nil, "rhs", .double)],
                                returns: "Tensor", summary: summary) { call in
                    .library(tensorNumber(try call.argument(0, as: Tensor.self), Float(try call.double(1))))
                },
                FunctionBinding(name, kind: .staticMethod, parameters: [.init(nil, "lhs", .double), .init(nil, "rhs", .any("Tensor"))],
                                returns: "Tensor", summary: summary) { call in
                    .library(numberTensor(Float(try call.double(0)), try call.argument(1, as: Tensor.self)))
                },
            ]
        }
    }

    /// `RandomGenerator(seed:)` with `normal` and `uniform` tensors.
    static var randomGeneratorBindings: TypeBindings {
        let generator = RandomGenerator.self
        return TypeBindings("RandomGenerator", summary: "A seeded generator: every random draw a cell makes can be repeated.", [
            FunctionBinding("init", kind: .initializer, parameters: [.init("seed", .int, documentation: "The seed.")],
                            returns: "RandomGenerator", summary: "A generator whose draws are fixed by `seed`.") { call in
                .library(RandomGenerator(seed: UInt64(truncatingIfNeeded: try call.int(0))))
            },
            FunctionBinding("normal", kind: .method,
                            parameters: [.init(nil, "shape", .sequence("[Int]"), documentation: "The size of each axis."),
                                         .init("mean", .double, defaultValue: .double(0), documentation: "The mean."),
                                         .init("standardDeviation", .double, defaultValue: .double(1), documentation: "The standard deviation.")],
                            returns: "Tensor", summary: "A tensor of normal draws.", isMutating: true) { call in
                let shape = try allocationShape(call, 0, for: "normal"), mean = Float(try call.double(1)), deviation = Float(try call.double(2))
                var result = Tensor(zeros: [])
                try call.mutateReceiver(as: generator) { result = $0.normal(shape, mean: mean, standardDeviation: deviation) }
                return .library(result)
            },
            FunctionBinding("uniform", kind: .method,
                            parameters: [.init(nil, "shape", .sequence("[Int]"), documentation: "The size of each axis."),
                                         .init("lowerBound", .double, defaultValue: .double(0), documentation: "The smallest value."),
                                         .init("upperBound", .double, defaultValue: .double(1), documentation: "The bound values stay below.")],
                            returns: "Tensor", summary: "A tensor of uniform draws.", isMutating: true) { call in
                let shape = try allocationShape(call, 0, for: "uniform"), lower = Float(try call.double(1)), upper = Float(try call.double(2))
                var result = Tensor(zeros: [])
                try call.mutateReceiver(as: generator) { result = $0.uniform(shape, lowerBound: lower, upperBound: upper) }
                return .library(result)
            },
        ])
    }
}

/// The shape argument at `index` of a call that allocates a tensor of that shape; refused (a run-time error naming
/// `operation`) when the tensor cannot fit in memory, instead of the kernel dying in the allocation.
private func allocationShape(_ call: BindingInvocation, _ index: Int, for operation: String) throws -> [Int] {
    let shape = try call.ints(index)
    try call.library { try MemoryLimit.check(shape, operation: operation) }
    return shape
}
