import Autograd

/// What an optimizer remembers about one parameter between steps.
public struct OptimizerSlots: Sendable {
    /// How many updates this parameter has had, counting the current one (1 on the first).
    public var step = 0
    /// Per-value buffers (momentum, moments, accumulators), created by the optimizer on first use.
    public var buffers: [[Float]] = []

    /// Empty state, before the first step.
    public init() {}

    /// Moves the buffer at `index` out of the slots (creating it as `initial` repeated `count`
    /// times if missing), so the caller owns the only copy and can update it without copying;
    /// store it back in ``buffers`` afterwards.
    ///
    /// - Parameters:
    ///   - index: The buffer's position in `buffers`.
    ///   - count: Values in a new buffer.
    ///   - initial: The value of every entry of a new buffer.
    public mutating func takeBuffer(_ index: Int, count: Int, initial: Float = 0) -> [Float] {
        while buffers.count <= index { buffers.append([Float](repeating: initial, count: count)) }
        let buffer = buffers[index]
        buffers[index] = []
        return buffer
    }
}

/// The optimizer template: the shared work of a step — learning-rate schedule, gradient clipping
/// by global norm, weight decay, per-parameter state by name — lives here, and a new optimizer is
/// one small method, ``apply(to:gradient:slots:learningRate:)``, that updates one parameter's values.
///
/// ```swift
/// let optimizer = AdamW(learningRate: 1e-3, weightDecay: 0.01,
///                       schedule: .warmUp(steps: 100, then: .cosine(steps: 10_000)),
///                       maximumGradientNorm: 1)
/// let (loss, gradients) = try valueAndGradient(of: model) { model in try lossFunction(model) }
/// try optimizer.update(model, along: gradients)
/// ```
/// Weight decay is coupled (added to the gradient as `weightDecay · parameter`, like PyTorch's
/// `weight_decay` in SGD, Adam and Adagrad) unless the optimizer decouples it (AdamW), in which
/// case values shrink by `1 − learningRate · weightDecay` before the step.
open class Optimizer {
    /// The base learning rate, which the schedule scales.
    public var learningRate: Float
    /// How the learning rate changes with the update count.
    public var schedule: LearningRateSchedule
    /// The weight-decay coefficient (0 for none).
    public var weightDecay: Float
    /// Whether weight decay shrinks parameters directly (AdamW) instead of adding to the gradient.
    public let decouplesWeightDecay: Bool
    /// When set, gradients are scaled so their global norm is at most this before each step.
    public var maximumGradientNorm: Float?
    /// How many updates have been made.
    public internal(set) var updateCount = 0
    /// The global gradient norm seen by the last update before clipping (computed only when clipping).
    public private(set) var lastGradientNorm: Float = 0
    /// Per-parameter state by name.
    public internal(set) var slots: [String: OptimizerSlots] = [:]
    /// What an update does when a gradient holds NaN or infinity (by default it throws, changing nothing).
    public var nonFiniteGradients: NonFiniteGradientPolicy = .throwError
    /// The parameter whose non-finite gradient made the last update skip every parameter (with
    /// ``NonFiniteGradientPolicy/skipUpdate``); nil when the last update was made.
    public private(set) var skippedParameter: String?

    /// Creates the shared part of an optimizer.
    ///
    /// - Parameters:
    ///   - learningRate: The base step size, which `schedule` scales.
    ///   - weightDecay: The weight-decay coefficient; 0 for none.
    ///   - decouplesWeightDecay: Whether weight decay shrinks parameters directly (AdamW) instead of adding to the gradient.
    ///   - schedule: How the learning rate changes with the update count.
    ///   - maximumGradientNorm: Clips the gradients' global norm to this before each step; nil for no clipping.
    public init(
        learningRate: Float, weightDecay: Float = 0, decouplesWeightDecay: Bool = false,
        schedule: LearningRateSchedule = .constant, maximumGradientNorm: Float? = nil
    ) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.decouplesWeightDecay = decouplesWeightDecay
        self.schedule = schedule
        self.maximumGradientNorm = maximumGradientNorm
    }

    /// The learning rate the next update will use.
    public var currentLearningRate: Float {
        schedule.learningRate(base: learningRate, step: updateCount)
    }

    /// Updates one parameter's values in place given its gradient (already clipped and, when
    /// coupled, including weight decay). Subclasses override this; it is the whole optimizer.
    ///
    /// - Parameters:
    ///   - values: The parameter's values, updated in place.
    ///   - gradient: Its gradient, already clipped and, for coupled weight decay, including the decay term.
    ///   - slots: The parameter's state (step count, buffers), read and updated in place.
    ///   - learningRate: The scheduled learning rate of this update.
    open func apply(to values: inout [Float], gradient: [Float], slots: inout OptimizerSlots, learningRate: Float) {
        fatalError("\(type(of: self)) must override apply(to:gradient:slots:learningRate:)")
    }

    /// One step on every parameter of `model` that has a gradient (names as ``Module/parameters()``).
    ///
    /// - Parameters:
    ///   - model: The module to update in place.
    ///   - gradients: Gradients by parameter path, from `valueAndGradient(of:_:)`; parameters without one are left alone.
    public func update(_ model: Module, along gradients: [String: Tensor]) throws {
        let boxes = Dictionary(uniqueKeysWithValues: model.namedParameterBoxes().map { ($0.name, $0.box) })
        try step(along: gradients, shapes: boxes.compactMapValues { $0.tensor?.shape }) { name, update in
            let box = boxes[name]!
            var tensor = box.tensor!
            box.replace(with: Tensor(zeros: [0]))       // the box lets go, so the update needs no copy
            tensor.updateScalars(update)
            box.replace(with: tensor)
        }
    }

    /// One step on a dictionary of tensors (for code that keeps its parameters by hand).
    ///
    /// - Parameters:
    ///   - parameters: Tensors by name, updated in place.
    ///   - gradients: Gradients by name, each shaped as its tensor; names without one are left alone.
    public func update(parameters: inout [String: Tensor], along gradients: [String: Tensor]) throws {
        try step(along: gradients, shapes: parameters.mapValues(\.shape)) { name, update in
            var tensor = parameters.removeValue(forKey: name)!
            tensor.updateScalars(update)
            parameters[name] = tensor
        }
    }

    /// The template: checks names and shapes, clips, then for each parameter adds weight decay and
    /// calls ``apply(to:gradient:slots:learningRate:)`` inside `updating`, which gives the values.
    private func step(
        along gradients: [String: Tensor], shapes: [String: [Int]],
        updating: (String, (inout [Float]) -> Void) -> Void
    ) throws {
        for name in gradients.keys.sorted() {
            guard let shape = shapes[name] else { throw NeuralNetworksError.unknownParameter(name: name) }
            guard shape == gradients[name]!.shape else {
                throw NeuralNetworksError.parameterShapeMismatch(name: name, expected: shape, actual: gradients[name]!.shape)
            }
        }
        skippedParameter = nil
        if nonFiniteGradients != .apply, let name = gradients.firstNonFiniteName {
            guard nonFiniteGradients == .skipUpdate else {
                throw NeuralNetworksError.nonFiniteGradient(parameter: name, learningRate: currentLearningRate)
            }
            skippedParameter = name
            return
        }
        var scale: Float = 1
        if let maximumGradientNorm {
            let norm = globalNorm(gradients)
            lastGradientNorm = norm
            if norm > maximumGradientNorm { scale = maximumGradientNorm / (norm + 1e-6) }
        }
        let rate = currentLearningRate
        for (name, gradient) in gradients {
            var state = slots.removeValue(forKey: name) ?? OptimizerSlots()   // sole owner of its buffers
            state.step += 1
            updating(name) { values in
                let (decay, count) = (weightDecay, values.count)
                var step = gradient.scalars
                if decay != 0 && !decouplesWeightDecay {
                    // One pass writing a new buffer (`g · scale + decay · p`) instead of copying the
                    // gradient and then adding to it; raw buffers, since an array subscript in the
                    // loop re-checks uniqueness per value.
                    step = [Float](unsafeUninitializedCapacity: count) { step, initialized in
                        gradient.scalars.withUnsafeBufferPointer { gradient in
                            values.withUnsafeBufferPointer { values in
                                let (source, parameter, target) = (gradient.baseAddress!, values.baseAddress!, step.baseAddress!)
                                ParallelLoop.forEachChunk(count: count) { range in
                                    for index in range { target[index] = source[index] * scale + decay * parameter[index] }
                                }
                            }
                        }
                        initialized = count
                    }
                } else if scale != 1 {
                    step = gradient.scalars.map { $0 * scale }
                }
                if decay != 0 && decouplesWeightDecay {
                    let shrink = 1 - rate * decay
                    values.withUnsafeMutableBufferPointer { values in
                        let pointer = values.baseAddress!
                        ParallelLoop.forEachChunk(count: count) { range in for index in range { pointer[index] *= shrink } }
                    }
                }
                apply(to: &values, gradient: step, slots: &state, learningRate: rate)
            }
            slots[name] = state
        }
        updateCount += 1
    }

    /// Forgets all state (moments, accumulators, the update count).
    public func reset() {
        slots = [:]
        updateCount = 0
    }
}

extension Optimizer: CustomStringConvertible {
    /// The optimizer's class and learning rate, `Adam(learningRate: 0.001)`.
    public var description: String { "\(type(of: self))(learningRate: \(learningRate))" }
}
