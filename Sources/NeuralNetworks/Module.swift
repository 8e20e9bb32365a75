import Autograd

/// The base class of every layer and model. A module's trainable tensors are the stored properties
/// marked ``Parameter``; its sub-modules are stored properties holding modules, arrays of modules,
/// optional modules or dictionaries of modules. Both are found by reflection, never listed by hand,
/// and named by their path: `encoder.layers.0.weight`.
///
/// ## Training: one idiom
/// ``valueAndGradient(of:_:)`` gives the loss and the gradient of every parameter by name, and an
/// ``Optimizer`` updates the model (a class) in place:
/// ```swift
/// var generator = RandomGenerator(seed: 7)
/// let model = Sequential(
///     try Linear(4, 16, generator: &generator), Tanh(), try Linear(16, 1, generator: &generator))
/// let optimizer = Adam(learningRate: 1e-2)
/// for step in 0..<200 {
///     let (loss, gradients) = try valueAndGradient(of: model) { model in
///         try meanSquaredError(predictions: model(inputs), targets: targets)
///     }
///     try optimizer.update(model, along: gradients)
///     if step % 50 == 0 { print(step, loss.scalar) }
/// }
/// model.eval()                                  // dropout off for evaluation
/// let predictions = try model(testInputs)
/// try model.save(to: URL(fileURLWithPath: "model.safetensors"))
/// ```
///
/// ## Writing a module
/// ```swift
/// final class AutoEncoder: Module, UnaryLayer {
///     let encoder: Linear, decoder: Linear
///     init(items: Int, hidden: Int, generator: inout RandomGenerator) throws {
///         encoder = try Linear(items, hidden, generator: &generator)
///         decoder = try Linear(hidden, items, generator: &generator)
///     }
///     func callAsFunction(_ x: Tensor) throws -> Tensor { try decoder(encoder(x).sigmoid()) }
/// }
/// ```
/// Its parameters are `encoder.weight`, `encoder.bias`, `decoder.weight`, `decoder.bias`.
open class Module: CustomStringConvertible {
    /// Whether the module is in training mode (dropout active); set with ``train(_:)`` or ``eval()``.
    public internal(set) var isTraining = true

    /// Creates a module in training mode.
    public init() {}

    /// Puts this module and every sub-module in training mode (`true`) or evaluation mode (`false`).
    ///
    /// - Parameter training: `true` for training mode, `false` for evaluation mode.
    public func train(_ training: Bool = true) {
        for (_, module) in namedModules() { module.isTraining = training }
    }

    /// Puts this module and every sub-module in evaluation mode: dropout passes values through.
    public func eval() {
        train(false)
    }

    /// The name of the module's type, as summaries and progress bars show it; subclasses may override it.
    open var typeName: String {
        String(describing: type(of: self))
    }

    /// The type, the parameter count and each parameter's path and shape (``parameterSummary``);
    /// subclasses may override it.
    open var description: String {
        parameterSummary
    }
}

/// A module that maps one tensor to one tensor, so it can sit in a ``Sequential``.
public protocol UnaryLayer: Module {
    /// Applies the layer.
    ///
    /// - Parameter input: The input tensor.
    func callAsFunction(_ input: Tensor) throws -> Tensor
}
