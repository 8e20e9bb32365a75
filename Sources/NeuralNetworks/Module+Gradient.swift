import Autograd

/// The loss of a model and the gradient of every parameter by path: the training idiom.
///
/// ```swift
/// let optimizer = SGD(learningRate: 0.1, momentum: 0.9)
/// for (inputs, labels) in batches {
///     let (loss, gradients) = try valueAndGradient(of: model) { model in
///         try crossEntropy(logits: model(inputs), labels: labels)
///     }
///     try optimizer.update(model, along: gradients)
///     print(loss.scalar)
/// }
/// ```
/// While `function` runs, the model's parameters are the differentiated copies, so any use of
/// them, however deep in the model, is recorded; afterwards the model holds its original values
/// again (even if `function` throws). The closure receives the model itself; it must return a
/// single-value tensor. Gradients have their parameter's shape; a parameter the value does not
/// depend on gets zeros. Frozen parameters (``Module/freeze(where:)``) act as constants and get
/// no entry, so an optimizer leaves them alone.
///
/// With `checkingFiniteness: true`, a loss or a gradient holding NaN or infinity is an error
/// (``NeuralNetworksError/nonFiniteLoss(value:)``, ``NeuralNetworksError/nonFiniteGradient(parameter:learningRate:)``),
/// so a hand-written loop stops where its run diverges, as `fit` does.
///
/// - Parameters:
///   - model: The module whose parameters are differentiated.
///   - checkingFiniteness: Whether a non-finite loss or gradient throws.
///   - function: Computes the loss, a single-value tensor, from the model.
public func valueAndGradient<Model: Module>(
    of model: Model, checkingFiniteness: Bool = false, _ function: (Model) throws -> Tensor
) throws -> (value: Tensor, gradients: [String: Tensor]) {
    let boxes = model.namedParameterBoxes().filter { !$0.box.isFrozen }
    let originals = boxes.map { $0.box.tensor! }
    defer { for (entry, original) in zip(boxes, originals) { entry.box.replace(with: original) } }
    let (value, gradients) = try Autograd.valueAndGradient(at: originals) { tracked in
        for (entry, tensor) in zip(boxes, tracked) { entry.box.replace(with: tensor) }
        return try function(model)
    }
    let named = Dictionary(uniqueKeysWithValues: zip(boxes.map(\.name), gradients))
    if checkingFiniteness {
        guard value.isFinite else { throw NeuralNetworksError.nonFiniteLoss(value: value.scalars.first ?? .nan) }
        if let name = named.firstNonFiniteName {
            throw NeuralNetworksError.nonFiniteGradient(parameter: name, learningRate: nil)
        }
    }
    return (value, named)
}
