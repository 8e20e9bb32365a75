import Autograd

/// Reading and replacing a module's parameters by path.
extension Module {
    /// Every parameter by path, e.g. `["layers.0.weight": …, "layers.0.bias": …]`.
    public func parameters() -> [String: Tensor] {
        var result: [String: Tensor] = [:]
        for (name, box) in namedParameterBoxes() { result[name] = box.tensor }
        return result
    }

    /// The parameter paths in declaration order.
    public var parameterNames: [String] {
        namedParameterBoxes().map(\.name)
    }

    /// The total number of trainable values.
    public var parameterCount: Int {
        namedParameterBoxes().reduce(0) { $0 + ($1.box.tensor?.scalarCount ?? 0) }
    }

    /// Replaces parameters by path. Every name must exist and every shape must match; when
    /// `requiringAll` is set, every parameter of the model must be given (loading a checkpoint).
    /// Nothing is changed when any check fails.
    ///
    /// - Parameters:
    ///   - parameters: New values by path, each shaped as the parameter it replaces.
    ///   - requiringAll: Whether every parameter of the model must be given.
    public func update(parameters: [String: Tensor], requiringAll: Bool = false) throws {
        let boxes = namedParameterBoxes()
        let byName = Dictionary(uniqueKeysWithValues: boxes.map { ($0.name, $0.box) })
        for name in parameters.keys.sorted() where byName[name] == nil {
            throw NeuralNetworksError.unknownParameter(name: name)
        }
        for (name, box) in boxes {
            guard let tensor = parameters[name] else {
                if requiringAll { throw NeuralNetworksError.missingParameter(name: name) }
                continue
            }
            let expected = box.tensor?.shape ?? []
            guard tensor.shape == expected else {
                throw NeuralNetworksError.parameterShapeMismatch(name: name, expected: expected, actual: tensor.shape)
            }
        }
        for (name, tensor) in parameters { byName[name]!.replace(with: tensor.detached()) }
    }
}
